import COpenBLAS
import Foundation
import Testing
@testable import Tensors

/// The kernel OpenBLAS runs is chosen from the CPU's features, and what runs is what was chosen.
@Suite struct NumericBackendTests {
    /// A CPU of `vendor` with the features up to `level`, all enabled by the operating system
    /// unless `osSavesAVX512` or `osSavesAVX` say otherwise.
    static func cpu(_ vendor: String, _ level: String, bf16: Bool = false, osSavesAVX: Bool = true, osSavesAVX512: Bool = true) -> openblas_cpu {
        var cpu = openblas_cpu()
        withUnsafeMutableBytes(of: &cpu.vendor) { bytes in
            for (index, byte) in vendor.utf8.enumerated() { bytes[index] = byte }
        }
        let levels = ["sse", "avx", "avx2", "avx512"]
        let rank = levels.firstIndex(of: level)!
        cpu.sse3 = true; cpu.ssse3 = true; cpu.sse4_1 = true; cpu.sse4_2 = true
        cpu.avx = rank >= 1
        cpu.fma = rank >= 2; cpu.avx2 = rank >= 2
        cpu.avx512f = rank >= 3; cpu.avx512dq = rank >= 3; cpu.avx512bw = rank >= 3; cpu.avx512vl = rank >= 3
        cpu.avx512_bf16 = bf16
        cpu.os_saves_avx = osSavesAVX
        cpu.os_saves_avx512 = osSavesAVX && osSavesAVX512
        return cpu
    }

    static func kernel(for cpu: openblas_cpu) -> String? {
        var cpu = cpu
        return openblas_core_for(&cpu).map { String(cString: $0) }
    }

    @Test func theKernelFollowsTheWidestVectorUnit() {
        #expect(Self.kernel(for: Self.cpu("GenuineIntel", "avx512")) == "SkylakeX")
        #expect(Self.kernel(for: Self.cpu("GenuineIntel", "avx512", bf16: true)) == "Cooperlake")
        #expect(Self.kernel(for: Self.cpu("AuthenticAMD", "avx512")) == "SkylakeX")
        #expect(Self.kernel(for: Self.cpu("GenuineIntel", "avx2")) == "Haswell")
        #expect(Self.kernel(for: Self.cpu("AuthenticAMD", "avx2")) == "Zen")
        #expect(Self.kernel(for: Self.cpu("GenuineIntel", "avx")) == "Sandybridge")
        #expect(Self.kernel(for: Self.cpu("GenuineIntel", "sse")) == "Nehalem")
    }

    /// Registers the operating system does not save cannot be used, whatever CPUID says.
    @Test func unsavedRegistersAreNotUsed() {
        #expect(Self.kernel(for: Self.cpu("GenuineIntel", "avx512", osSavesAVX512: false)) == "Haswell")
        #expect(Self.kernel(for: Self.cpu("GenuineIntel", "avx2", osSavesAVX: false)) == "Nehalem")
    }

    @Test func aKernelRunsOnlyWhereItsInstructionsExist() {
        var avx2 = Self.cpu("GenuineIntel", "avx2")
        #expect(!openblas_core_runs_on("SkylakeX", &avx2))
        #expect(!openblas_core_runs_on("skylakex", &avx2))
        #expect(!openblas_core_runs_on("Cooperlake", &avx2))
        #expect(openblas_core_runs_on("Haswell", &avx2))
        #expect(openblas_core_runs_on("Zen", &avx2))
        #expect(openblas_core_runs_on("Prescott", &avx2))
        var avx = Self.cpu("GenuineIntel", "avx")
        #expect(!openblas_core_runs_on("Haswell", &avx))
        #expect(openblas_core_runs_on("Sandybridge", &avx))
        var avx512 = Self.cpu("GenuineIntel", "avx512")
        #expect(openblas_core_runs_on("SkylakeX", &avx512))
        #expect(!openblas_core_runs_on("Cooperlake", &avx512))
        // OpenBLAS ignores names it does not know and detects the CPU itself.
        #expect(openblas_core_runs_on("NoSuchCore", &avx))
    }

    /// What runs in this process: the kernel the CPU's features call for (never a generic one
    /// on a CPU with AVX2), unless the environment names one.
    @Test func theLoadedKernelIsTheChosenOne() throws {
        let backend = try NumericBackend.require()
        let cpu = CPU.current
        #expect(backend.library == "OpenBLAS" && !backend.version.isEmpty && backend.version != "unknown")
        #expect(["AVX-512", "AVX2", "SSE2", "baseline"].contains(backend.vectorUnit))
        if let forced = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"], !forced.isEmpty {
            #expect(backend.kernelChosenBy == "OPENBLAS_CORETYPE")
            return
        }
        #expect(backend.kernelChosenBy == "CPU features")
        if let expected = cpu.kernelForFeatures {
            #expect(backend.kernel.lowercased() == expected.lowercased(), "OpenBLAS runs \(backend.kernel), the CPU's features call for \(expected)")
        }
        if cpu.features.contains("AVX2") {
            #expect(["haswell", "zen", "skylakex", "cooperlake"].contains(backend.kernel.lowercased()),
                    "a CPU with AVX2 runs OpenBLAS's generic \(backend.kernel) kernel")
        }
        if cpu.widestVectorUnit == "AVX-512" { #expect(backend.vectorUnit == "AVX-512") }
        else if cpu.widestVectorUnit == "AVX2" { #expect(backend.vectorUnit == "AVX2") }
    }

    @Test func aChangeNamesWhatChanged() {
        let old = NumericBackend.Identity(library: "OpenBLAS 0.3.21", kernel: "SkylakeX", vectorUnit: "AVX-512", threadSplit: "2×1")
        var new = old
        new.kernel = "Haswell"
        #expect(new.change(from: old) == "SkylakeX → Haswell")
        new.vectorUnit = "AVX2"
        #expect(new.change(from: old) == "SkylakeX → Haswell, C kernels AVX-512 → AVX2")
    }
}
