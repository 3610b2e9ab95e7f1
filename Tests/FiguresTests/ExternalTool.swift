import Foundation
import TestSupport

extension ExternalTool {
    /// A path for a scratch file in the temporary directory.
    static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "figures-tests-" + UUID().uuidString + "-" + name
    }
}
