import Foundation
import SHA256

/// What the code of each library module looked like: a SHA-256 over its source files.
///
/// ``built`` holds the fingerprints of the code compiled into this binary (computed at build
/// time by `CodeFingerprintPlugin`), which is what keys must use: a result is only valid for the
/// code that computed it. ``init(repository:modules:)`` hashes the sources on disk the same way,
/// so a stale binary can be noticed (``differences(from:)``).
///
/// A cell's cache key includes the fingerprints of the modules its steps depend on
/// (`Step.modules`), so editing the ML code makes exactly the cells that ran on it stale. The
/// renderers are never part of a key: changing how a figure is drawn on a page cannot change
/// what a cell computed.
public struct CodeFingerprint: Sendable, Equatable {
    /// Modules that only present results; they are never fingerprinted, whatever a step lists.
    /// `Figures` is among them: it encodes figures as PNG and SVG files, and a cell's results
    /// are the values behind them (`Outputs`).
    public static let rendererModules: Set<String> = ["HTMLSite", "TerminalStepper", "Figures", "TeX", "SyntaxHighlighting", "LessonRunner", "course"]

    /// The fingerprint of each module, by name.
    public let modules: [String: String]

    /// The code this binary was built from.
    public static let built = CodeFingerprint(modules: builtCodeFingerprints)

    /// Creates a fingerprint from known hashes.
    public init(modules: [String: String]) {
        self.modules = modules.filter { !Self.rendererModules.contains($0.key) }
    }

    /// Hashes `Sources/<module>` of the repository at `repository` for each of `modules` with
    /// `SHA256Hex.digest(folder:)`, as `CodeFingerprintTool` does at build time: every file under
    /// the folder, by relative path and contents. A missing folder hashes as `absent`, one with a
    /// file that cannot be read as `unreadable`.
    public init(repository: URL, modules: some Sequence<String>) {
        var hashes: [String: String] = [:]
        for module in Set(modules).subtracting(Self.rendererModules) {
            let folder = repository.appendingPathComponent("Sources").appendingPathComponent(module)
            hashes[module] = (try? SHA256Hex.digest(folder: folder)) ?? "unreadable"
        }
        self.modules = hashes
    }

    /// The modules whose fingerprint differs between `self` and `other`, among those both know.
    public func differences(from other: CodeFingerprint) -> [String] {
        modules.keys.filter { other.modules[$0] != nil && other.modules[$0] != modules[$0] }.sorted()
    }

    /// The fingerprints of `names` that are not renderers, by name.
    func subset(_ names: some Sequence<String>) -> [String: String] {
        var result: [String: String] = [:]
        for name in names where !Self.rendererModules.contains(name) {
            result[name] = modules[name] ?? "absent"
        }
        return result
    }
}
