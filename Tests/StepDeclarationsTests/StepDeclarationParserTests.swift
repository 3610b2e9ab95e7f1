import Testing
@testable import StepDeclarations

/// The catalog generator reads a step's declaration as the Swift compiler would, and refuses,
/// located, what it cannot turn into a catalog entry.
@Suite struct StepDeclarationParserTests {
    static let source = """
        import Figures
        import NeuralNetworks

        // ANCHOR: train
        /// Trains a thing. It takes a while.
        ///
        /// More words that are not the summary.
        ///
        /// - Parameter data: the data, with "quotes"
        /// - Parameter epochs: passes over
        ///   the data
        /// - Parameter loss: which loss
        /// - Parameter first: where to start
        /// - Parameter seed: the seed
        @discardableResult
        public func train(on data: CourseData, epochs: Int = 5, loss: VAE.Reconstruction = .binaryCrossEntropy,
                          from first: Int = 0, seed: Int? = nil) throws -> TrainedVAE {
            try checkArgument(epochs, in: 1...200, label: "epochs")
            try checkArgument(first, in: Parallel.parts...60_000, label: "from")
            let text = "a } brace \\(epochs.map { "\\($0) }" }) in a string"
            return TrainedVAE()
        }
        // ANCHOR_END: train

        func helper() -> Int { 1 }

        extension CourseData {
            /// The test images.
            public var test: ImageSet { testImages }

            /// Draws some.
            ///
            /// - Parameter count: how many
            public func draw(count: Int) {}
        }
        """

    @Test func readsFunctionsPropertiesAndMethods() throws {
        let parser = try StepDeclarationParser(source: Self.source)
        #expect(parser.imports == ["Figures", "NeuralNetworks"])
        #expect(parser.declarations.map(\.name) == ["train", "test", "draw"])
        let train = parser.declarations[0]
        #expect(train.summary == "Trains a thing.")
        #expect(train.throwing && train.result == "TrainedVAE" && train.kind == .function)
        #expect(train.parameters == [
            .init(label: "on", name: "data", type: "CourseData", defaultValue: nil, doc: "the data, with \"quotes\"", range: nil),
            .init(label: "epochs", name: "epochs", type: "Int", defaultValue: "5", doc: "passes over the data", range: "1...200"),
            .init(label: "loss", name: "loss", type: "VAE.Reconstruction", defaultValue: ".binaryCrossEntropy", doc: "which loss", range: nil),
            .init(label: "from", name: "first", type: "Int", defaultValue: "0", doc: "where to start", range: "Parallel.parts...60_000"),
            .init(label: "seed", name: "seed", type: "Int?", defaultValue: "nil", doc: "the seed", range: nil),
        ])
        #expect(parser.declarations[1].kind == .property(receiver: "CourseData"))
        #expect(parser.declarations[1].result == "ImageSet")
        #expect(parser.declarations[2].kind == .method(receiver: "CourseData"))
        #expect(parser.declarations[2].result == nil)
    }

    @Test func generatesACatalogThatCallsByLabel() throws {
        let parser = try StepDeclarationParser(source: Self.source)
        let text = try StepCatalogSource(module: "Fixtures", files: [.init(path: "Steps/A.swift", parser: parser)]).text
        #expect(text.contains("import CourseSteps\nimport Figures\nimport NeuralNetworks\n"))
        #expect(text.contains(#".init("epochs", .of(Int.self), default: .int(5), range: Step.Parameter.range(1...200), doc: "passes over the data"),"#))
        #expect(text.contains(#".init("loss", .of(VAE.Reconstruction.self), default: .choice("binaryCrossEntropy"), doc: "which loss"),"#))
        #expect(text.contains(#".init("seed", .of((Int?).self), default: .null, doc: "the seed"),"#))
        #expect(text.contains(#"dataSource: .of(TrainedVAE.self)) { arguments in"#))
        #expect(text.contains("return .init(stepResult: try train(on: arguments[0].argument(CourseData.self), epochs: arguments[1].argument(Int.self), loss: arguments[2].argument(VAE.Reconstruction.self), from: arguments[3].argument(Int.self), seed: arguments[4].argument((Int?).self)))"))
        #expect(text.contains("return .init(stepResult: arguments[0].argument(CourseData.self).test)"))
        #expect(text.contains("arguments[0].argument(CourseData.self).draw(count: arguments[1].argument(Int.self))\n        return .void"))
    }

    @Test(arguments: [
        ("public func f(x: Int) {}", "1:13: error: step 'f' has no doc comment; start it with one sentence saying what the step does"),
        ("/// Does.\npublic func f(x: Int) {}", "2:15: error: parameter 'x' of step 'f' has no '- Parameter x:' line in its doc comment"),
        ("/// Does.\n/// - Parameter y: why\npublic func f() {}", "3:13: error: the doc comment of 'f' describes 'y', which is not one of its parameters"),
        ("/// Does.\n/// - Parameter x: x\npublic func f(a x: Int) { try checkArgument(x, in: 1...2, label: \"x\") }", "3:66: error: the range check of 'x' names the label \"x\", but its label is \"a\""),
        ("/// Does.\n/// - Parameter x: x\npublic func f(x: Int) { try checkArgument(y, in: 1...2, label: \"x\") }", "3:43: error: 'y' is not a parameter of 'f'"),
        ("/// Does.\npublic func f<T>() {}", "2:14: error: a step cannot be generic: cells pass concrete values"),
        ("/// Does.\npublic func f() { let s = \"open\n}", "2:27: error: unterminated string literal"),
    ])
    func refusesWhatItCannotRead(_ source: String, _ error: String) {
        let description: String? = { do { _ = try StepDeclarationParser(source: source); return nil } catch { return "\(error)" } }()
        #expect(description == error)
    }

    @Test func refusesADefaultACellCannotWrite() throws {
        let parser = try StepDeclarationParser(source: "/// Does.\n/// - Parameter x: x\npublic func f(x: [Int] = [1]) {}")
        #expect(throws: StepCatalogSourceError.self) { try StepCatalogSource(module: "M", files: [.init(path: "S.swift", parser: parser)]) }
    }
}
