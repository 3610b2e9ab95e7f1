import CKernels
import COpenBLAS

/// The numeric code that computes every result: the BLAS library and the kernel it runs, the
/// vector unit of our C kernels, and how work is split between threads.
///
/// Results differ in their last bits from one kernel to another, and a chaotic training run
/// amplifies that, so a cached result is valid only for the backend that computed it: its
/// ``identity`` is part of every cell's cache key.
public struct NumericBackend: Sendable, Equatable, Codable {
    /// The BLAS library: "OpenBLAS".
    public var library: String
    /// Its version, such as "0.3.21".
    public var version: String
    /// The kernel (OpenBLAS core type) it runs, such as "Haswell".
    public var kernel: String
    /// The vector unit of the C kernels (Adam, the losses, exp and log): "AVX-512", "AVX2" or "SSE2".
    public var vectorUnit: String
    /// How training splits its work: parts that run at once, and BLAS threads per part.
    public var threadSplit: String
    /// The library file that was opened.
    public var libraryPath: String
    /// The library's own description of its build.
    public var configuration: String
    /// Who chose the kernel: "CPU features" or "OPENBLAS_CORETYPE".
    public var kernelChosenBy: String

    /// What a result depends on, in one line: library, version, kernel, vector unit and split.
    public var identity: Identity {
        Identity(library: "\(library) \(version)", kernel: kernel, vectorUnit: vectorUnit, threadSplit: threadSplit)
    }

    /// The parts of a backend that change computed bits (not the file's path or who chose the kernel).
    public struct Identity: Sendable, Equatable, Codable, CustomStringConvertible {
        public var library: String
        public var kernel: String
        public var vectorUnit: String
        public var threadSplit: String

        public var description: String { "\(library), kernel \(kernel), C kernels \(vectorUnit), threads \(threadSplit)" }

        /// What changed from `old` to `self`, in plain words: "SkylakeX → Haswell" when only
        /// the kernel did, else each changed part.
        public func change(from old: Identity) -> String {
            var parts: [String] = []
            if library != old.library { parts.append("\(old.library) → \(library)") }
            if kernel != old.kernel { parts.append("\(old.kernel) → \(kernel)") }
            if vectorUnit != old.vectorUnit { parts.append("C kernels \(old.vectorUnit) → \(vectorUnit)") }
            if threadSplit != old.threadSplit { parts.append("threads \(old.threadSplit) → \(threadSplit)") }
            return parts.joined(separator: ", ")
        }
    }

    /// Why the backend could not be loaded.
    public struct LoadError: Error, CustomStringConvertible {
        public var message: String
        public var hint: String
        public var description: String { "\(message) (\(hint))" }
    }

    /// The backend of this process, loaded on first use; every matrix product goes through it.
    public static let current: Result<NumericBackend, LoadError> = load()

    /// The loaded backend, or a `LoadError` saying what is missing. Programs call this before
    /// their first computation so that a missing library is an error message, not a stop.
    public static func require() throws(LoadError) -> NumericBackend {
        try current.get()
    }

    /// Loads the backend for a computation that cannot throw; stops the program with the
    /// reason when it cannot load.
    static func ensureLoaded() {
        if case .failure(let error) = current { fatalError("\(error)") }
    }

    private static func load() -> Result<NumericBackend, LoadError> {
        guard openblas_load(), let library = openblas_loaded_library()?.pointee else {
            let message = openblas_load_error().map { String(cString: $0) } ?? "cannot load OpenBLAS"
            let hint = message.hasPrefix("OPENBLAS_CORETYPE")
                ? "unset OPENBLAS_CORETYPE to have the kernel chosen from the CPU's features; 'course doctor' shows them"
                : "install Debian's libopenblas0 (scripts/setup does)"
            return .failure(LoadError(message: message, hint: hint))
        }
        let configuration = text(library.config)
        // "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH …": the second word is the version.
        let words = configuration.split(separator: " ")
        return .success(NumericBackend(
            library: "OpenBLAS", version: words.count > 1 ? String(words[1]) : "unknown",
            kernel: text(library.core), vectorUnit: String(cString: ck_vector_unit()),
            threadSplit: "\(Parallel.parts)×1", libraryPath: text(library.path), configuration: configuration,
            kernelChosenBy: library.requested_by_user ? "OPENBLAS_CORETYPE" : "CPU features"))
    }

    /// A fixed-size C string field as a Swift string.
    static func text<T>(_ field: T) -> String {
        withUnsafeBytes(of: field) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
