import Figures
import Foundation
import Outputs

/// The data file of a latent explorer: a script that registers the trained decoder's layers,
/// the codes and the interpolation's ends under the file's own path, for `latent-explorer.js`.
///
/// It is a script rather than a binary file read with `fetch()` because the site must work
/// from `file://`, where Chromium refuses `fetch()` and `XMLHttpRequest` of local files while
/// it runs `<script src>`. The floats travel as base64 of their little-endian float32 bits
/// (a third larger than binary), so the browser's decoder multiplies the very weights the
/// Swift decoder does: 315,584 of them for the course's 2→400→784 decoder, about 1.7 MB.
enum ExplorerData {
    /// The global object the data scripts register themselves in, keyed by their paths.
    static let registry = "courseLatentExplorers"

    /// The data script's file name for a latent explorer, in the scheme of figure files
    /// (`<page>-<cell id>-<position>.js`); nil for every other item.
    static func fileName(of item: DisplayItem, lesson: String, cellID: String, position: Int) -> String? {
        guard case .latentExplorer = item else { return nil }
        return "\(lesson)-\(cellID)-\(position).js"
    }

    /// The script for `explorer`, registered under `key`.
    static func script(_ explorer: LatentExplorer, key: String) -> [UInt8] {
        let payload = Payload(
            layers: explorer.decoder, imageRows: explorer.imageRows, imageColumns: explorer.imageColumns,
            codes: FloatBits.base64(explorer.codes), classes: explorer.classes, classNames: explorer.classNames,
            colors: explorer.classNames.indices.map { RGBColor.category($0).hexString },
            ends: explorer.interpolationEnds, endImages: FloatBits.base64(explorer.endImages), plane: explorer.plane)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Plain values with finite numbers (the plane drops non-finite codes), so encoding cannot fail.
        let json = String(decoding: try! encoder.encode(payload), as: UTF8.self)
        let quotedKey = String(decoding: try! encoder.encode(key), as: UTF8.self)
        return Array("""
        // The data of a latent explorer, written by course build (see latent-explorer.js).
        (window.\(registry) = window.\(registry) || {})[\(quotedKey)] = \(json);

        """.utf8)
    }

    private struct Payload: Encodable {
        var layers: [NetworkLayer]
        var imageRows: Int
        var imageColumns: Int
        var codes: String
        var classes: [Int]
        var classNames: [String]
        var colors: [String]
        var ends: [Int]
        var endImages: String
        var plane: [Double]
    }
}
