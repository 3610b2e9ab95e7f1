import AtomicFiles
import Foundation

/// Whole-file reads and atomic writes, with errors that name the file.
enum FileBytes {
    /// Reads every byte of the file at `path`.
    static func read(_ path: String, missingHint: String? = nil) throws(DatasetError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            let code = errno
            if code == ENOENT { throw .missingFile(path: path, hint: missingHint) }
            throw .unreadableFile(path: path, reason: String(cString: strerror(code)))
        }
        defer { fclose(file) }
        var status = stat()
        guard fstat(fileno(file), &status) == 0 else {
            throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadableFile(path: path, reason: "not a regular file")
        }
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        let read = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, size, file) }
        guard read == size else {
            throw .unreadableFile(path: path, reason: ferror(file) != 0 ? String(cString: strerror(errno)) : "the file shrank while being read")
        }
        return bytes
    }

    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`, so a reader
    /// never sees a half-written file.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(DatasetError) {
        let url = URL(fileURLWithPath: path)
        do {
            try AtomicFile.write(Data(bytes), to: url)
        } catch {
            throw .unwritableFile(path: path, reason: error.localizedDescription)
        }
    }
}
