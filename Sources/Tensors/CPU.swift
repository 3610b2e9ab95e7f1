import COpenBLAS

/// What this machine's processor says of itself, and the OpenBLAS kernel its features call for.
public struct CPU: Sendable, Equatable, Codable {
    /// "GenuineIntel", "AuthenticAMD"…
    public var vendor: String
    /// The marketing name, such as "AMD EPYC 7763 64-Core Processor".
    public var brand: String
    public var family: Int
    public var model: Int
    public var stepping: Int
    /// The vector-instruction features our kernels and BLAS use, that the CPU has and the
    /// operating system enables, in order of width ("SSE4.2", "AVX", "FMA", "AVX2", "AVX-512F"…).
    public var features: [String]
    /// The widest vector unit among them: "AVX-512", "AVX2", "AVX" or "SSE".
    public var widestVectorUnit: String
    /// The OpenBLAS core type chosen for these features (nil off x86-64).
    public var kernelForFeatures: String?

    /// This machine's CPU.
    public static let current = CPU(reading: readCPU())

    init(reading cpu: openblas_cpu) {
        var cpu = cpu
        vendor = NumericBackend.text(cpu.vendor)
        brand = NumericBackend.text(cpu.brand).trimmingSpaces()
        family = Int(cpu.family)
        model = Int(cpu.model)
        stepping = Int(cpu.stepping)
        let avx = cpu.avx && cpu.os_saves_avx, avx512 = cpu.os_saves_avx512
        let flags: [(String, Bool)] = [
            ("SSE3", cpu.sse3), ("SSSE3", cpu.ssse3), ("SSE4.1", cpu.sse4_1), ("SSE4.2", cpu.sse4_2),
            ("AVX", avx), ("FMA", avx && cpu.fma), ("AVX2", avx && cpu.avx2),
            ("AVX-512F", avx512 && cpu.avx512f), ("AVX-512DQ", avx512 && cpu.avx512dq), ("AVX-512BW", avx512 && cpu.avx512bw),
            ("AVX-512VL", avx512 && cpu.avx512vl), ("AVX-512 BF16", avx512 && cpu.avx512_bf16),
        ]
        features = flags.filter(\.1).map(\.0)
        let has = Set(features)
        widestVectorUnit = has.isSuperset(of: ["AVX-512F", "AVX-512DQ", "AVX-512BW", "AVX-512VL"]) ? "AVX-512"
            : has.contains("AVX2") && has.contains("FMA") ? "AVX2" : has.contains("AVX") ? "AVX" : "SSE"
        kernelForFeatures = openblas_core_for(&cpu).map { String(cString: $0) }
    }

    private static func readCPU() -> openblas_cpu {
        var cpu = openblas_cpu()
        openblas_cpu_read(&cpu)
        return cpu
    }
}

private extension String {
    func trimmingSpaces() -> String {
        let characters = drop { $0 == " " }
        return String(characters.reversed().drop { $0 == " " }.reversed())
    }
}
