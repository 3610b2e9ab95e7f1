import Foundation
import PackagePlugin

/// Generates `BuiltCodeFingerprint.swift` for the target it is applied to (LessonRunner): the
/// SHA-256 of the sources of every module of this package that target depends on, so the runner
/// knows the library code it was built from. The command reruns whenever one of those files
/// changes. Modules of other packages (Yams) are pinned by `Package.resolved`.
@main
struct CodeFingerprintPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BuiltCodeFingerprint.swift")
        var arguments = [output.path]
        var inputs: [URL] = []
        let package = context.package.directoryURL.standardizedFileURL.path + "/"
        let modules = target.recursiveTargetDependencies.compactMap { $0 as? SourceModuleTarget }
            .filter { $0.directoryURL.standardizedFileURL.path.hasPrefix(package) }
        for module in modules.sorted(by: { $0.name < $1.name }) {
            arguments += [module.name, module.directoryURL.path]
            inputs += module.sourceFiles.map(\.url)
        }
        return [.buildCommand(
            displayName: "Fingerprinting the library code for \(target.name)",
            executable: try context.tool(named: "CodeFingerprintTool").url,
            arguments: arguments, inputFiles: inputs, outputFiles: [output])]
    }
}
