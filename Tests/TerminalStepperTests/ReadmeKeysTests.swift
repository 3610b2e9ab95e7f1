import Foundation
import Testing
@testable import TerminalStepper
import TestSupport

/// The README's paragraph on `course step` names every key the legend can list, so a new key
/// (such as `a` for answers) cannot be added to ``KeyTable`` without being documented.
@Test func theReadmeNamesEveryKeyOfTheLegend() throws {
    let readme = try String(contentsOf: PackageRoot.url.appendingPathComponent("README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "In `course step`, "))
    let end = try #require(readme.range(of: "\n\n", range: start.upperBound..<readme.endIndex))
    let paragraph = String(readme[start.lowerBound..<end.lowerBound])
    for name in KeyTable.stepper.bindings.compactMap(\.name) {
        for key in name.split(separator: "/") {
            let written = key.count == 1 && key.first!.isLetter ? "`\(key)`" : String(key)
            #expect(paragraph.contains(written), "the README's course step paragraph does not name \(written)")
        }
    }
}
