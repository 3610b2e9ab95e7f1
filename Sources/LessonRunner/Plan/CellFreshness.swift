/// Whether a cell's cached result is usable today, and if not, why.
public struct CellFreshness: Sendable, Equatable {
    /// The cell's id.
    public var cellID: String
    /// The cell's current cache key.
    public var key: String
    /// Why the cell would run; empty when its cached result is fresh.
    public var reasons: [String]
    /// How long the cached run took, when there is one.
    public var seconds: Double?

    /// Whether the cached result can be used as is.
    public var isCached: Bool { reasons.isEmpty }
}
