import Foundation

/// The checkout of this package the tests were built from, for tests that read its real
/// lessons and sources or run its scripts.
public enum PackageRoot {
    /// The folder that holds `Package.swift`.
    public static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
