import Foundation
import Testing

/// The numeric backend as the `course` binary sees it: `doctor` names the kernel, a forced
/// kernel makes cached cells stale and says why, and one the CPU cannot run is an error.
@Suite(.serialized) struct NumericBackendCommandTests {
    /// `course doctor --json` in `course`, with `OPENBLAS_CORETYPE` as `coreType` (unset when nil).
    static func doctor(_ course: SmallCourse, coreType: String?) throws -> [String: Any] {
        let prefix = coreType.map { "export OPENBLAS_CORETYPE=\($0)" } ?? "unset OPENBLAS_CORETYPE"
        let result = try course.run(["doctor", "--json"], shellPrefix: prefix)
        #expect(result.status == 0, "\(result.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    }

    static func kernel(_ report: [String: Any]) -> (name: String, chosenBy: String)? {
        guard let backend = report["backend"] as? [String: Any], let loaded = backend["loaded"] as? [String: Any],
              let kernel = loaded["kernel"] as? String, let chosenBy = loaded["kernelChosenBy"] as? String else { return nil }
        return (kernel, chosenBy)
    }

    static func features(_ report: [String: Any]) -> [String] {
        (report["cpu"] as? [String: Any])?["features"] as? [String] ?? []
    }

    /// With nothing set, a CPU with AVX2 or AVX-512 runs a kernel that uses it.
    @Test func doctorNamesAKernelThatUsesTheCPUsVectorUnit() throws {
        let course = try SmallCourse()
        let report = try Self.doctor(course, coreType: nil)
        let kernel = try #require(Self.kernel(report), "doctor reports no loaded backend: \(report)")
        #expect(kernel.chosenBy == "CPU features")
        let features = Self.features(report)
        if features.contains("AVX-512F") {
            #expect(["SkylakeX", "Cooperlake"].contains(kernel.name), "a CPU with AVX-512 runs \(kernel.name)")
        } else if features.contains("AVX2") {
            #expect(["Haswell", "Zen"].contains(kernel.name), "a CPU with AVX2 runs \(kernel.name)")
        }
        let text = try course.run(["doctor"], shellPrefix: "unset OPENBLAS_CORETYPE")
        #expect(text.status == 0)
        #expect(text.out.contains("kernel        \(kernel.name) (chosen from the CPU's"), "\(text.out)")
    }

    /// A cache made under one kernel is stale under another, and `course list` says why.
    @Test func anotherKernelMakesCellsStaleWithTheReason() throws {
        let course = try SmallCourse()
        let own = try #require(Self.kernel(try Self.doctor(course, coreType: nil))).name
        let other = own == "Prescott" ? "Core2" : "Prescott"
        #expect(try course.run(["run", "1"], shellPrefix: "unset OPENBLAS_CORETYPE").status == 0)
        let fresh = try course.run(["list"], shellPrefix: "unset OPENBLAS_CORETYPE")
        #expect(fresh.out.contains("train    cached") && !fresh.out.contains("numeric backend changed"), "\(fresh.out)")

        let forced = try Self.doctor(course, coreType: other)
        #expect(Self.kernel(forced)?.name == other && Self.kernel(forced)?.chosenBy == "OPENBLAS_CORETYPE")
        let list = try course.run(["list"], shellPrefix: "export OPENBLAS_CORETYPE=\(other)")
        #expect(list.status == 0)
        #expect(list.out.contains("numeric backend changed: \(own) → \(other)"), "\(list.out)")

        // verify under the forced kernel compares with the results cached under the CPU's own,
        // says so, and measures every output.
        let verify = try course.run(["verify", "1"], shellPrefix: "export OPENBLAS_CORETYPE=\(other)")
        #expect(!verify.wasKilled, "\(verify.err)")
        let lines = verify.out.split(separator: "\n")
        for cell in ["train", "recon"] {
            let older = lines.first { $0.hasPrefix("  \(cell): compared with its last cached result, from before: ") }
            #expect(older?.hasSuffix("numeric backend changed: \(own) → \(other)") == true, "\(verify.out)")
        }
        let items = lines.filter { $0.hasPrefix("  ") && $0.contains(" #") }
        #expect(items.contains { $0.hasPrefix("  train #1 figure") } && items.contains { $0.hasPrefix("  recon #1 figure") }, "\(verify.out)")
        for item in items {
            #expect(item.hasSuffix(": identical") || item.contains(/difference [0-9.e+-]+/), "\(item)")
        }
    }

    /// A kernel whose instructions the CPU lacks would stop the program with SIGILL in the
    /// first product; it is refused with a message instead.
    @Test func aKernelTheCPUCannotRunIsAnError() throws {
        let course = try SmallCourse()
        let features = Self.features(try Self.doctor(course, coreType: nil))
        let unrunnable = !features.contains("AVX-512F") ? "SkylakeX" : !features.contains("AVX-512 BF16") ? "Cooperlake" : nil
        guard let unrunnable else { return }  // this CPU runs every kernel OpenBLAS has
        let run = try course.run(["run", "1"], shellPrefix: "export OPENBLAS_CORETYPE=\(unrunnable)")
        #expect(run.status != 0 && !run.wasKilled)
        #expect(run.err.contains("OPENBLAS_CORETYPE=\(unrunnable) names a kernel this CPU cannot run"), "\(run.err)")
        let doctor = try course.run(["doctor"], shellPrefix: "export OPENBLAS_CORETYPE=\(unrunnable)")
        #expect(doctor.status == 1 && doctor.out.contains("unset OPENBLAS_CORETYPE"), "\(doctor.out)")
    }
}
