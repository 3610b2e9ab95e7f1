import Foundation

/// Measures time from the moment the process was started, not from when `main` began, so
/// loading the program and its libraries counts too.
struct StartupClock {
    /// Seconds between the process start and `main`, as the kernel reports it (to 10 ms).
    private let beforeMain: Double
    private let mainStarted = ContinuousClock.now

    init() {
        beforeMain = Self.kernelSecondsSinceStart() ?? 0
    }

    func secondsSinceLaunch() -> Double {
        let elapsed = ContinuousClock.now - mainStarted
        return beforeMain + Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// The system uptime minus the process's start time (field 22 of `/proc/self/stat`, in
    /// clock ticks since boot); nil where `/proc` is missing.
    private static func kernelSecondsSinceStart() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let uptimeText = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
              let uptime = uptimeText.split(separator: " ").first.flatMap({ Double($0) }),
              let afterName = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name start at field 3, so the start time is the 20th of them.
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        return max(0, uptime - ticks / ticksPerSecond)
    }
}
