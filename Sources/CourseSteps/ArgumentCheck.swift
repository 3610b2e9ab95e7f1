import Foundation

/// The ranges steps take their numbers in. A step checks its own arguments with
/// ``checkArgument(_:in:label:)-(Int,_,_)``, so a plain Swift program gets the same error as a
/// lesson; the catalog generator reads those calls, so `course check` can reject a literal out
/// of range before anything runs, with the same words (``ArgumentRange``).

/// Throws unless `value` lies in `range`; `label` is the argument label the error points at.
public func checkArgument(_ value: Int, in range: ClosedRange<Int>, label: String) throws {
    if let problem = ArgumentRange.problem(Double(value), in: Step.Parameter.range(range), isInteger: true, label: label) { throw problem }
}

/// Throws unless `value` is nil or lies in `range`.
public func checkArgument(_ value: Int?, in range: ClosedRange<Int>, label: String) throws {
    if let value { try checkArgument(value, in: range, label: label) }
}

/// Throws unless `value` is a number in `range` (NaN never is).
public func checkArgument(_ value: Double, in range: ClosedRange<Double>, label: String) throws {
    if let problem = ArgumentRange.problem(value, in: range, isInteger: false, label: label) { throw problem }
}

/// What is said of a number outside its parameter's range, by the step and by the checker alike.
public enum ArgumentRange {
    /// The error for `value` as the argument labeled `label` (``StepError/unlabeled`` for an
    /// unlabeled one), or nil when it lies in `range`.
    public static func problem(_ value: Double, in range: ClosedRange<Double>, isInteger: Bool, label: String?) -> StepError? {
        let name = label.map { $0 == StepError.unlabeled ? "the argument" : "'\($0)'" } ?? "the argument"
        if value.isNaN {
            return StepError(rangeMessage: "value out of range for \(name): nan", hint: "\(name) takes a number, not NaN", argument: label)
        }
        guard !range.contains(value) else { return nil }
        return StepError(
            rangeMessage: "value out of range for \(name): \(format(value, isInteger: isInteger))",
            hint: "\(name) takes values from \(format(range.lowerBound, isInteger: isInteger)) to \(format(range.upperBound, isInteger: isInteger))",
            argument: label)
    }

    /// A bound or value as a cell would write it: whole numbers for integers (Int.max spelled
    /// out), `%g` for Doubles.
    public static func format(_ number: Double, isInteger: Bool) -> String {
        guard isInteger else { return String(format: "%g", number) }
        return number >= Double(Int.max) ? String(Int.max) : String(Int(number))
    }
}
