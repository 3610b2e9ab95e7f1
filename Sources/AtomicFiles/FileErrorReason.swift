import Foundation

extension Error {
    /// Why a file operation failed, in the system's words ("File too large", "Not a directory").
    ///
    /// Foundation on Linux describes most file errors only as "The operation could not be
    /// completed", keeping the cause in an underlying POSIX error; that cause is what a reader
    /// needs to fix the problem.
    public var fileSystemReason: String {
        let error = self as NSError
        for candidate in [error.userInfo[NSUnderlyingErrorKey] as? any Error, self].compactMap({ $0 }) {
            let candidate = candidate as NSError
            if candidate.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(candidate.code))) }
        }
        return (error.userInfo[NSLocalizedDescriptionKey] as? String) ?? "\(self)"
    }
}
