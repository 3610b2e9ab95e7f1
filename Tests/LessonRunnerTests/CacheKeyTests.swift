import Testing
import CourseSteps
import Foundation
@testable import Tensors
@testable import LessonRunner

/// Cache keys: every ingredient counts, and `course list` can name each change.
@Suite struct CacheKeyTests {
    let base = CacheKeyIngredients(
        source: "let vae = trainVAE(on: data, epochs: 2)", attributes: ["id": "train"], upstream: ["load": "abc"],
        seed: 7, data: "train-images 100 xxh64:00ff", modules: ["NeuralNetworks": "n1", "Tensors": "t1"],
        backend: .init(library: "OpenBLAS 0.3.21", kernel: "SkylakeX", vectorUnit: "AVX-512", threadSplit: "2×1"))

    @Test func everyIngredientChangesTheKeyAndIsNamed() {
        var changes: [(CacheKeyIngredients, [String])] = []
        var edited = base
        edited.source = "let vae = trainVAE(on: data, epochs: 3)"
        changes.append((edited, ["source changed"]))
        edited = base
        edited.attributes["caption"] = "Loss"
        changes.append((edited, ["attribute 'caption' changed"]))
        edited = base
        edited.upstream["load"] = "abd"
        changes.append((edited, ["upstream cell 'load' changed"]))
        edited = base
        edited.seed = 8
        changes.append((edited, ["seed changed"]))
        edited = base
        edited.data = "train-images 100 xxh64:00fe"
        changes.append((edited, ["data changed"]))
        edited = base
        edited.modules["Tensors"] = "t2"
        changes.append((edited, ["module Tensors changed"]))
        edited = base
        edited.backend?.kernel = "Haswell"
        changes.append((edited, ["numeric backend changed: SkylakeX → Haswell"]))
        edited = base
        edited.backend = nil
        changes.append((edited, ["numeric backend changed: OpenBLAS 0.3.21, kernel SkylakeX, C kernels AVX-512, threads 2×1 → none"]))
        for (ingredients, reasons) in changes {
            #expect(ingredients.key != base.key)
            #expect(ingredients.changes(since: base) == reasons)
        }
        #expect(base.changes(since: base) == [])
        #expect(base.key == base.key && base.key.count == 64)
    }

    @Test func renderersAreNeverPartOfAFingerprint() {
        let fingerprint = CodeFingerprint(modules: ["NeuralNetworks": "n", "HTMLSite": "h", "TerminalStepper": "t", "TeX": "x", "SyntaxHighlighting": "s", "Figures": "f"])
        #expect(fingerprint.modules == ["NeuralNetworks": "n"])
        #expect(fingerprint.subset(["NeuralNetworks", "HTMLSite", "Figures", "Outputs"]) == ["NeuralNetworks": "n", "Outputs": "absent"])
    }

    /// Every module of this package the runner is built with either computes results, and is
    /// then part of the keys of the steps that use it, or is named here as computing none: a
    /// new module must be put on one side, so editing its code cannot leave stale results.
    @Test func everyLibraryModuleIsKeyedOrComputesNothing() {
        // MarkupEscaping only writes figures as SVG text; a cell's results are the data behind them.
        let computesNothing: Set<String> = ["AtomicFiles", "LessonModel", "LessonParser", "MarkupEscaping", "SHA256", "Spelling"]
        let keyed = Set(StepCatalog.steps.flatMap(\.modules))
        let sources = FixtureRepository.realRepository.appendingPathComponent("Sources")
        let ours = CodeFingerprint.built.modules.keys.filter {
            FileManager.default.fileExists(atPath: sources.appendingPathComponent($0).path)
        }
        #expect(ours.contains("CKernels") && ours.contains("NeuralNetworks"))
        for module in ours where !computesNothing.contains(module) {
            #expect(keyed.contains(module), "\(module) is not in any step's modules")
        }
    }

    @Test func theBuiltFingerprintIsTheDigestOfTheSourcesItWasBuiltFrom() {
        let modules = ["CKernels", "Tensors", "NeuralNetworks", "Datasets", "Outputs", "CourseSteps"]
        let onDisk = CodeFingerprint(repository: FixtureRepository.realRepository, modules: modules)
        for module in modules {
            #expect(CodeFingerprint.built.modules[module] != nil, "\(module) is not fingerprinted at build time")
            #expect(CodeFingerprint.built.modules[module] == onDisk.modules[module], "\(module)")
        }
        #expect(CodeFingerprint.built.differences(from: onDisk) == [])
        #expect(CodeFingerprint.built.modules["HTMLSite"] == nil && CodeFingerprint.built.modules["Figures"] == nil)
        let edited = CodeFingerprint(modules: ["NeuralNetworks": "edited", "Tensors": onDisk.modules["Tensors"]!])
        #expect(CodeFingerprint.built.differences(from: edited) == ["NeuralNetworks"])
    }
}
