import AtomicFiles
import Foundation
import StepDeclarations

/// Writes a module's step catalog from its `Steps/` files, for `StepCatalogPlugin`.
///
/// Usage: `StepCatalogTool OUTPUT MODULE FILE…`. A declaration it cannot read is reported as
/// `FILE:LINE:COLUMN: error: …`, which the build shows at that place, and it exits 1.
@main
enum StepCatalogTool {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: StepCatalogTool OUTPUT MODULE FILE…\n".utf8))
            exit(2)
        }
        do {
            var files: [StepCatalogSource.File] = []
            for path in arguments.dropFirst(2) {
                let source = try String(contentsOfFile: path, encoding: .utf8)
                do {
                    files.append(.init(path: path, parser: try StepDeclarationParser(source: source)))
                } catch {
                    throw StepCatalogSourceError(path: path, error: error)
                }
            }
            let data = Data(try StepCatalogSource(module: arguments[1], files: files).text.utf8)
            let output = URL(fileURLWithPath: arguments[0])
            if (try? Data(contentsOf: output)) != data {
                try AtomicFile.write(data, to: output)
            }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(1)
        }
    }
}
