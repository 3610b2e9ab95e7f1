import Foundation

/// Seconds on a monotonic clock.
func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// The median seconds per call of `body`, over `rounds` rounds of enough calls to last about
/// `roundSeconds` each, after a warm-up.
func secondsPerCall(rounds: Int = 5, roundSeconds: Double = 0.2, _ body: () -> Void) -> Double {
    for _ in 0..<3 { body() }
    let start = now()
    body()
    let once = max(now() - start, 1e-7)
    let calls = max(1, Int(roundSeconds / once))
    let samples = (0..<rounds).map { _ -> Double in
        let begin = now()
        for _ in 0..<calls { body() }
        return (now() - begin) / Double(calls)
    }.sorted()
    return samples[rounds / 2]
}

/// The mean of `values` (0 when there are none).
func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }

/// The median of `values`: the middle one, or the mean of the middle two.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted(), middle = sorted.count / 2
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// Prints a value as pretty JSON with sorted keys.
func printJSON(_ value: any Encodable) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = try! encoder.encode(value)
    print(String(decoding: data, as: UTF8.self))
}

/// Rounds to a few significant digits for reading.
func rounded(_ value: Double, _ digits: Int = 3) -> Double {
    guard value != 0, value.isFinite else { return value }
    let scale = pow(10, Double(digits) - ceil(log10(abs(value))))
    return (value * scale).rounded() / scale
}


/// The process's peak resident set size in megabytes (VmHWM from /proc/self/status).
func peakResidentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return -1 }
    return rounded(kilobytes / 1024)
}
