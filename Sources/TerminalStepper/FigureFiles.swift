import AtomicFiles
import Figures
import Foundation
import Outputs

/// Saves figures to files, so a terminal that cannot show an image can name where it is.
struct FigureFiles {
    let folder: String

    /// Writes the figure of `item` as `fileName` in the folder and returns its path, or a
    /// sentence saying why it could not be written.
    func save(_ item: DisplayItem, fileName: String?) -> Result<String, FigureFileError> {
        guard let fileName, let bytes = item.figureFileBytes() else {
            return .failure(FigureFileError(message: "this output is not a figure"))
        }
        let path = (folder as NSString).appendingPathComponent(fileName)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try AtomicFile.write(Data(bytes), to: URL(fileURLWithPath: path))
            return .success(path)
        } catch {
            return .failure(FigureFileError(message: "cannot write \(path): \(error.localizedDescription)"))
        }
    }
}

/// Why a figure file could not be written.
struct FigureFileError: Error {
    var message: String
}
