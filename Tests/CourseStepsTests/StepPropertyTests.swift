import Figures
import Foundation
import NeuralNetworks
import Outputs
import Tensors
import TerminalStepper
import Testing
@testable import CourseSteps

/// Every step in the catalog, called with random arguments that each pass the catalog's range
/// checks, on tiny data, in a seeded loop: each call must return a value of its declared type
/// or throw an error the runner turns into a located diagnostic with a hint (a ``StepError``,
/// or a ``TrainingError`` when training diverged). Every figure a call shows is rendered too,
/// in each of its forms.
///
/// A crash (an index out of range, `Int(nan)`) ends the test process, which fails the run;
/// `STEP_PROPERTY_TRACE=1 swift test --filter StepPropertyTests` prints each call before it
/// runs, so the last line names the call that crashed.
///
/// The steps' object arguments (data, image sets, trained models) are made by the catalog's
/// own steps that return those types, so a new step or a new type of object is covered without
/// editing this test; a type that no step makes, or a parameter whose values the test cannot
/// draw, fails it.
@Suite struct StepPropertyTests {
    /// Rounds of calls: each makes fresh models and calls every step once.
    static let rounds = 8

    @Test func everyStepWithRandomInRangeArgumentsSucceedsOrFailsWithALocatedHint() {
        let calls = RandomStepCalls(seed: 15)
        for round in 1...Self.rounds {
            calls.startRound(round)
            for step in StepCatalog.steps { calls.call(step) }
        }
        for step in StepCatalog.steps {
            let outcome = calls.outcomes[step.name, default: Outcomes()]
            // A step that only ever failed its checks would leave its own work untested.
            #expect(outcome.succeeded > 0, "'\(step.name)' never succeeded in \(Self.rounds) rounds (\(outcome)); raise the rounds")
        }
    }
}

/// How one step's calls ended.
struct Outcomes: CustomStringConvertible {
    var succeeded = 0, rejected = 0, diverged = 0
    /// Calls not made because an object argument could not be made.
    var unmade = 0

    var description: String { "\(succeeded) succeeded, \(rejected) rejected, \(diverged) diverged, \(unmade) without arguments" }
}

/// Calls steps with random in-range arguments, making their object arguments with other steps.
final class RandomStepCalls {
    private var random: RandomGenerator
    private var round = 0
    /// The objects made in this round, by type name: one per step that makes the type.
    private var objects: [String: [StepValue]] = [:]
    /// The types being made now: a step that needs one of them to make it cannot be used.
    private var making: Set<String> = []
    /// Values of steps whose arguments are all literals (loading the data), by call: such a
    /// step returns the same object for the same arguments, and loading the 10,000 test images
    /// again for every round would be most of the test's time.
    private var loaded: [String: StepValue] = [:]
    private(set) var outcomes: [String: Outcomes] = [:]
    private let trace = ProcessInfo.processInfo.environment["STEP_PROPERTY_TRACE"] != nil

    /// How often a maker of an object is called again when it rejected its random arguments.
    private static let attempts = 6

    /// The values drawn for parameters that decide how much work a call does rather than what
    /// it does, within their catalog ranges. More epochs run the same code again, and more
    /// training images or samples the same code over more rows; what breaks is a combination
    /// with small data or few samples (fewer than a figure shows, fewer than the classifier's
    /// 128 features, more than the set holds), which these keep. A count's range is cut only
    /// above 2,000 (20,000 samples take seconds in a debug build), so showing steps still get
    /// their upper ends; index arguments keep their whole ranges.
    /// Latent sizes are one or two numbers, drawn so that most rounds have a model with
    /// two-number codes, which the 2-D figures (a manifold, a density, the latent explorer)
    /// need (with sizes up to 8 a round often had none, and those steps went untested); one
    /// number is too few for them and for a scatter plot, and larger codes take the same code
    /// paths as two.
    /// Training steps of the GAN on points run the same code again, as epochs do.
    static let workLimits: [String: ClosedRange<Int>] = ["epochs": 1...2, "trainingLimit": 1...64, "count": 1...2_000, "latentSize": 1...2, "steps": 1...20]

    init(seed: UInt64) {
        random = RandomGenerator(seed: seed)
    }

    /// Forgets the objects made so far, so the next calls use freshly made ones.
    func startRound(_ round: Int) {
        self.round = round
        objects = [:]
    }

    /// Calls `step` with random arguments and checks how it ended; returns its value when it succeeded.
    @discardableResult
    func call(_ step: Step) -> StepValue? {
        guard let arguments = arguments(for: step) else {
            outcomes[step.name, default: Outcomes()].unmade += 1
            return nil
        }
        let call = "round \(round): \(step.name)(\(arguments.map(describe).joined(separator: ", ")))"
        // Standard error is unbuffered, so the call a crash ends is printed before it.
        if trace { FileHandle.standardError.write(Data("\(call)\n".utf8)) }
        let literalsOnly = !arguments.contains { if case .object = $0 { true } else { false } }
        if literalsOnly, let value = loaded[call] {
            outcomes[step.name, default: Outcomes()].succeeded += 1
            return value
        }
        let clock = ContinuousClock(), start = clock.now
        defer { if trace { FileHandle.standardError.write(Data("  \(clock.now - start)\n".utf8)) } }
        do {
            let context = StepContext(seed: random.next())
            let (value, items) = try Display.capture { () throws -> StepValue in
                try StepContext.with(context) { try step.invoke(arguments) }
            }
            #expect(step.result.accepts(value.type), "\(call) returned a \(value.type), not a \(step.result)")
            for item in items { Self.render(item) }
            outcomes[step.name, default: Outcomes()].succeeded += 1
            if literalsOnly { loaded[call] = value }
            return value
        } catch let error as StepError {
            #expect(!error.message.isEmpty && !error.hint.isEmpty, "\(call) failed without a message and a hint: \(error)")
            if let argument = error.argument {
                #expect(step.parameters.contains { ($0.label ?? StepError.unlabeled) == argument },
                        "\(call) blamed '\(argument)', which is not one of its arguments")
            }
            outcomes[step.name, default: Outcomes()].rejected += 1
        } catch let error as TrainingError {
            // The runner points a diverged training run at its learning rate.
            #expect(!error.hint.isEmpty, "\(call) diverged without a hint: \(error)")
            outcomes[step.name, default: Outcomes()].diverged += 1
        } catch {
            Issue.record("\(call) threw \(error), which the runner can neither locate nor explain")
        }
        return nil
    }

    /// Random arguments for `step` in parameter order, its receiver first; nil when an object
    /// argument cannot be made.
    private func arguments(for step: Step) -> [StepValue]? {
        var arguments: [StepValue] = []
        switch step.kind {
        case .function: break
        case .method(let receiver), .property(let receiver):
            guard let object = object(receiver) else { return nil }
            arguments.append(object)
        }
        for parameter in step.parameters {
            if case .object(let typeName) = parameter.type {
                guard let object = object(typeName) else { return nil }
                arguments.append(object)
            } else {
                guard let value = value(for: parameter, of: step) else { return nil }
                arguments.append(value)
            }
        }
        return arguments
    }

    /// An object of the type `typeName`, made in this round by one of the steps that return it.
    private func object(_ typeName: String) -> StepValue? {
        if objects[typeName] == nil {
            guard !making.contains(typeName) else { return nil }
            making.insert(typeName)
            objects[typeName] = make(typeName)
            making.remove(typeName)
        }
        guard let made = objects[typeName], !made.isEmpty else { return nil }
        return made[random.nextInt(below: made.count)]
    }

    /// One object from each catalog step that returns a `typeName` (trainVAE and
    /// trainAutoencoder both make a TrainedVAE; a set's train and test both make an ImageSet),
    /// trying again with new arguments when a step rejects them.
    private func make(_ typeName: String) -> [StepValue] {
        let makers = StepCatalog.steps.filter { $0.result == .object(typeName) }
        guard !makers.isEmpty else {
            Issue.record("no step in the catalog returns a \(typeName), so the test cannot make one for the steps that take it")
            return []
        }
        var made: [StepValue] = []
        for maker in makers {
            for _ in 0..<Self.attempts {
                if let value = call(maker) {
                    made.append(value)
                    break
                }
            }
        }
        return made
    }

    /// A random value for a number, string or optional parameter, within its range or choices.
    private func value(for parameter: Step.Parameter, of step: Step) -> StepValue? {
        let name = "\(step.name)(\(parameter.label ?? StepError.unlabeled):)"
        if parameter.defaultValue == .null && random.nextInt(below: 4) == 0 { return .void }
        switch parameter.type {
        case .int:
            guard let range = parameter.range else {
                Issue.record("\(name) has no range, so the test cannot tell which values are in range")
                return nil
            }
            var integers = Int(range.lowerBound)...(range.upperBound >= Double(Int.max) ? Int.max : Int(range.upperBound))
            if let label = parameter.label, let limit = Self.workLimits[label] {
                #expect(integers.overlaps(limit), "\(name)'s range \(integers) misses the test's limit \(limit)")
                integers = integers.clamped(to: limit)
            }
            return .int(integer(in: integers))
        case .double:
            guard let range = parameter.range else {
                Issue.record("\(name) has no range, so the test cannot tell which values are in range")
                return nil
            }
            return .double(number(in: range))
        case .choice(_, let cases):
            return .choice(cases[random.nextInt(below: cases.count)], type: parameter.type)
        case .string:
            // Options are enum cases, so a string is text a step shows or quotes (a claim).
            let texts = ["a claim", "<b>\"quoted\" & escaped</b>", String(repeating: "long ", count: 200)]
            return .string(texts[random.nextInt(below: texts.count)])
        case .bool:
            return .bool(random.nextInt(below: 2) == 0)
        case .array, .object, .void:
            Issue.record("the test cannot draw a value of type \(parameter.type) for \(name)")
            return nil
        }
    }

    /// An integer in `range`: often an end, or just above the lower one (a latent size of 2,
    /// a batch of a few images: where combinations with small data break), otherwise uniform.
    private func integer(in range: ClosedRange<Int>) -> Int {
        switch random.nextInt(below: 6) {
        case 0: range.lowerBound
        case 1: range.upperBound
        case 2: min(range.lowerBound + 1, range.upperBound)
        case 3: min(range.lowerBound + random.nextInt(below: 8), range.upperBound)
        default: Int.random(in: range, using: &random)
        }
    }

    /// A number in `range`: often an end, otherwise uniform on a log scale when the range is
    /// positive (learning rates span seven decades), else uniform.
    private func number(in range: ClosedRange<Double>) -> Double {
        switch random.nextInt(below: 4) {
        case 0: return range.lowerBound
        case 1: return range.upperBound
        default:
            guard range.lowerBound > 0 else { return Double.random(in: range, using: &random) }
            let logarithm = Double.random(in: log(range.lowerBound)...log(range.upperBound), using: &random)
            return min(max(exp(logarithm), range.lowerBound), range.upperBound)
        }
    }

    /// A value as a cell writes it, an object as its summary.
    private func describe(_ value: StepValue) -> String {
        switch value {
        case .int(let integer): String(integer)
        case .double(let double): String(double)
        case .string(let string): "\"\(string)\""
        case .bool(let bool): String(bool)
        case .array(let elements, _): "[" + elements.map(describe).joined(separator: ", ") + "]"
        case .object(let object): "<\(object.summary)>"
        case .choice(let name, _): ".\(name)"
        case .void: "nil"
        }
    }

    /// Renders `item` in every form the site and the terminal show it in.
    /// (One terminal palette: the others differ only in the escape codes, and rendering is a
    /// large share of a debug build's time.)
    static func render(_ item: DisplayItem) {
        _ = item.canonicalBytes
        _ = item.figureFileBytes()
        switch item {
        case .chart(let chart, _, _):
            _ = chart.terminalText(width: 80, height: 24, colors: .indexed256)
        case .imageGrid(let grid, _, _):
            _ = grid.halfBlocks(maxColumns: 80, colors: .indexed256)
        case .metrics(let metrics):
            _ = metrics.map(\.formattedValue)
        case .latentExplorer(let explorer, _, _):
            _ = (explorer.summary, explorer.plane)
        case .text, .table:
            break
        }
    }
}
