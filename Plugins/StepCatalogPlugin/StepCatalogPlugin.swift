import Foundation
import PackagePlugin

/// Generates `DeclaredSteps.swift` for the target it is applied to: the catalog of the steps
/// declared in the target's `Steps/` folder (`let declaredSteps: [Step]`), so that a step is
/// written once, as a documented public Swift function, and adding one is adding a function.
@main
struct StepCatalogPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let folder = module.directoryURL.appendingPathComponent("Steps").standardizedFileURL.path + "/"
        let files = module.sourceFiles.map(\.url).filter { $0.standardizedFileURL.path.hasPrefix(folder) && $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("DeclaredSteps.swift")
        return [.buildCommand(
            displayName: "Generating the step catalog of \(target.name)",
            executable: try context.tool(named: "StepCatalogTool").url,
            arguments: [output.path, target.name] + files.map(\.path),
            inputFiles: files, outputFiles: [output])]
    }
}
