// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "GenerativeCourse",
    products: [
        .executable(name: "course", targets: ["course"]),
        .executable(name: "course-bench", targets: ["course-bench"]),
        .library(name: "Tensors", targets: ["Tensors"]),
        .library(name: "NeuralNetworks", targets: ["NeuralNetworks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // System libraries, found through pkg-config.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),

        // OpenBLAS, opened at run time with a kernel chosen from the CPU's features.
        .target(name: "COpenBLAS", linkerSettings: [.linkedLibrary("dl")]),

        // The ML library.
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O3", "-ffp-contract=off", "-fno-math-errno"])]),
        .target(name: "Tensors", dependencies: ["COpenBLAS", "CKernels"], swiftSettings: optimized),
        .target(name: "NeuralNetworks", dependencies: ["Tensors", "CKernels", "Outputs", "AtomicFiles"], swiftSettings: optimized),
        .target(name: "Datasets", dependencies: ["CZlib", "Tensors", "AtomicFiles"]),
        .target(name: "CourseSteps", dependencies: ["Tensors", "NeuralNetworks", "Datasets", "Outputs", "Figures"], plugins: ["StepCatalogPlugin"]),
        // A step is a documented public function in a Steps/ folder; its catalog entry is generated.
        .target(name: "StepDeclarations"),
        .executableTarget(name: "StepCatalogTool", dependencies: ["StepDeclarations", "AtomicFiles"]),
        .plugin(name: "StepCatalogPlugin", capability: .buildTool(), dependencies: ["StepCatalogTool"]),

        // What steps show and training reports, as plain values; and their PNG and SVG files.
        .target(name: "Outputs"),
        .target(name: "Figures", dependencies: ["AtomicFiles", "CZlib", "MarkupEscaping", "Outputs"]),

        // Lessons.
        .target(name: "LessonModel", dependencies: ["Outputs", "TeX"]),
        // The one did-you-mean, for lesson diagnostics and TeX commands alike.
        .target(name: "Spelling"),
        .target(name: "LessonParser", dependencies: ["CCmark", "LessonModel", "Spelling", "TeX", "Yams"]),
        .target(name: "TeX", dependencies: ["MarkupEscaping", "Spelling"]),
        .target(name: "SyntaxHighlighting", dependencies: ["MarkupEscaping", "Outputs"]),
        // The one escaper of text for HTML, SVG and MathML.
        .target(name: "MarkupEscaping"),
        // Writes that a crash cannot leave half done, for the cache and the site.
        .target(name: "AtomicFiles"),
        // SHA-256 from the system's OpenSSL, for the cache and the build-time fingerprint tool.
        .target(name: "SHA256", dependencies: ["CCrypto"]),
        .target(name: "LessonRunner", dependencies: [
            "AtomicFiles", "LessonModel", "Spelling", "CourseSteps", "Outputs", "Figures", "NeuralNetworks", "Tensors", "SHA256",
        ], plugins: ["CodeFingerprintPlugin"]),
        // The runner's cache keys include the ML code's fingerprint as built into the binary.
        .executableTarget(name: "CodeFingerprintTool", dependencies: ["AtomicFiles", "SHA256"]),
        .plugin(name: "CodeFingerprintPlugin", capability: .buildTool(), dependencies: ["CodeFingerprintTool"]),
        .target(name: "HTMLSite", dependencies: ["AtomicFiles", "LessonModel", "Outputs", "Figures", "TeX", "SyntaxHighlighting"],
                resources: [.embedInCode("Resources/style.css"), .embedInCode("Resources/favicon.svg"), .embedInCode("Resources/search.js"),
                            .embedInCode("Resources/latent-explorer.css"), .embedInCode("Resources/latent-explorer.js")]),
        .target(name: "TerminalStepper", dependencies: ["AtomicFiles", "LessonModel", "Outputs", "Figures", "TeX", "SyntaxHighlighting"]),

        // `course preview`'s HTTP server on loopback and its file watcher, on Glibc alone.
        .target(name: "PreviewServer"),

        // Tools.
        .executableTarget(name: "course", dependencies: [
            "LessonParser", "LessonRunner", "CourseSteps", "HTMLSite", "TerminalStepper", "Outputs", "Figures", "Tensors", "Datasets",
            "PreviewServer", "MarkupEscaping",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "course-stepper-fixture", dependencies: [
            "TerminalStepper", "LessonParser", "LessonModel", "Outputs", "NeuralNetworks", "Tensors",
        ]),
        .target(name: "CAllocationCounter"),
        .target(name: "ChildProcesses"),
        .executableTarget(name: "course-bench", dependencies: [
            "Tensors", "NeuralNetworks", "Datasets", "COpenBLAS", "CAllocationCounter", "ChildProcesses", "PreviewServer",
            "CourseSteps", "LessonModel", "LessonParser", "Figures",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: optimized),

        // Tests: one target per module.
        // What several test targets share: golden files, external tools, temporary folders, the
        // package's own checkout, a seeded generator and sample charts.
        .target(name: "TestSupport", dependencies: ["Outputs", "TeX"], path: "Tests/TestSupport"),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors", "COpenBLAS"]),
        .testTarget(name: "NeuralNetworksTests", dependencies: ["NeuralNetworks", "Tensors", "TestSupport"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Tensors", "TestSupport"]),
        .testTarget(name: "CourseStepsTests", dependencies: ["CourseSteps", "Outputs", "Figures", "TerminalStepper", "NeuralNetworks", "Tensors"]),
        .testTarget(name: "StepDeclarationsTests", dependencies: ["StepDeclarations"]),
        // A module with one fixture step of its own, to show that a new file in Steps/ is a new step.
        .target(name: "StepFixtures", dependencies: ["CourseSteps", "Outputs", "Figures"], path: "Tests/StepFixtures", plugins: ["StepCatalogPlugin"]),
        .testTarget(name: "OutputsTests", dependencies: ["Outputs", "TestSupport"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures", "Outputs", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LessonModelTests", dependencies: ["LessonModel"]),
        .testTarget(name: "SpellingTests", dependencies: ["Spelling"]),
        .testTarget(name: "AtomicFilesTests", dependencies: ["AtomicFiles", "TestSupport"]),
        .testTarget(name: "SHA256Tests", dependencies: ["SHA256", "TestSupport"]),
        .testTarget(name: "LessonParserTests", dependencies: ["LessonParser", "LessonModel", "Spelling", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "TeXTests", dependencies: ["TeX", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SyntaxHighlightingTests", dependencies: ["SyntaxHighlighting", "Outputs", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "LessonRunnerTests", dependencies: [
            "LessonRunner", "StepFixtures", "LessonParser", "LessonModel", "CourseSteps", "Outputs", "Figures", "Tensors", "TestSupport",
        ], exclude: ["Fixtures"]),
        .testTarget(name: "CourseTests", dependencies: [
            "course", "CourseSteps", "StepFixtures", "LessonRunner", "LessonParser", "Datasets", "SHA256", "TestSupport", "PreviewServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "HTMLSiteTests", dependencies: ["HTMLSite", "LessonParser", "Outputs", "NeuralNetworks", "Tensors", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "PreviewServerTests", dependencies: ["PreviewServer", "TestSupport"]),
        .testTarget(name: "TerminalStepperTests", dependencies: ["TerminalStepper", "Outputs", "Figures", "ChildProcesses", "TestSupport"], exclude: ["Fixtures"]),
    ]
)

/// The numeric modules are compiled with unchecked arithmetic in release builds only: it
/// buys about 6% on a VAE epoch (median 2.46 s against 2.63 s with -O, ten epochs each,
/// alternating, on a 2-core Zen 3) and nothing measurable on a GAN epoch. Debug builds keep
/// every check, so the tests (the property test of every step among them) catch overflow and
/// bounds errors before a release build could turn them into memory corruption.
var optimized: [SwiftSetting] { [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))] }
