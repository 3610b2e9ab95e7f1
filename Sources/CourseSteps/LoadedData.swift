/// A value a step loads from files, such as ``CourseData``: it says which files it reads and
/// what their identity is, so the cells that load it go stale when the files change, and no
/// other part of the runner needs to know about data formats.
public protocol LoadedData: CellObject, SendableMetatype {
    /// The paths of the files a load reads now (a change of their size or time is noticed).
    static var sourceFiles: [String] { get }
    /// The identity of those files' contents; throws when they cannot be read.
    static func sourceIdentity() throws -> String
}

/// The files a data-loading step reads, as the runner keys its cells by them.
public struct DataSource: Sendable {
    /// The paths of the files, as ``LoadedData/sourceFiles``.
    public var files: @Sendable () -> [String]
    /// Their identity, as ``LoadedData/sourceIdentity()``.
    public var identity: @Sendable () throws -> String

    /// No data source: a step whose result is not loaded from files. The generated catalog
    /// names every function step's result type, and the compiler picks this overload or the
    /// one below.
    public static func of<Result>(_: Result.Type) -> DataSource? { nil }

    /// The source of a step that returns loaded data.
    public static func of<Result: LoadedData>(_: Result.Type) -> DataSource? {
        DataSource(files: { Result.sourceFiles }, identity: { try Result.sourceIdentity() })
    }
}
