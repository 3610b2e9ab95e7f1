import LessonModel
import Testing
@testable import LessonParser

/// The cell grammar, parsed straight from text placed at file line 10, column 1.
@Suite struct CellLanguageTests {
    func parse(_ source: String, firstColumn: Int = 1) -> (statements: [Statement], diagnostics: [Diagnostic]) {
        let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count
        let map = CellSourceMap(file: "cell.md", lines: (0..<lineCount).map { (10 + $0, firstColumn) })
        var parser = CellParser(source: source, map: map)
        let statements = parser.parse()
        return (statements, parser.diagnostics)
    }

    func expression(_ source: String) -> Expression.Kind? {
        let result = parse("show(" + source + ")")
        guard result.diagnostics.isEmpty, case .call(_, let arguments)? = result.statements.first?.expression.kind else { return nil }
        return arguments.first?.value.kind
    }

    @Test(arguments: [
        ("42", Expression.Kind.integer(42)), ("20_000", .integer(20_000)), ("-3", .integer(-3)),
        ("-9223372036854775808", .integer(Int.min)), ("0.5", .floatingPoint(0.5)), ("1e-3", .floatingPoint(0.001)),
        ("-2.5E+4", .floatingPoint(-25_000)), ("1_000.25", .floatingPoint(1000.25)), ("true", .boolean(true)),
        ("false", .boolean(false)), (#""a \"quoted\" \\ path\n\t""#, .string("a \"quoted\" \\ path\n\t")),
        ("\"\"", .string("")), ("data", .identifier("data")),
    ])
    func literals(_ source: String, _ expected: Expression.Kind) {
        #expect(expression(source) == expected)
    }

    @Test func arraysNestedCallsAndMemberChains() {
        let result = parse("let grid = show(model.decoder.sample(count: 4), sizes: [1, [2, 3], []], f(g(h())))\n")
        #expect(result.diagnostics.isEmpty)
        guard case .binding(let name, let value)? = result.statements.first?.kind,
              case .call(let callee, let arguments) = value.kind else { Issue.record("expected a binding of a call"); return }
        #expect(name.name == "grid")
        #expect(callee.kind == .identifier("show"))
        #expect(arguments.count == 3)
        #expect(arguments[0].label == nil)

        guard case .call(let sample, let sampleArguments) = arguments[0].value.kind,
              case .member(let decoder, let sampleName) = sample.kind,
              case .member(let model, let decoderName) = decoder.kind else { Issue.record("expected a method call on a member chain"); return }
        #expect(model.kind == .identifier("model"))
        #expect(decoderName.name == "decoder" && sampleName.name == "sample")
        #expect(sampleArguments.first?.label?.name == "count")
        #expect(sampleArguments.first?.value.kind == .integer(4))
        #expect(arguments[0].value.range == range(10, 17, 10, 46))

        guard case .array(let sizes) = arguments[1].value.kind else { Issue.record("expected an array"); return }
        #expect(sizes.count == 3)
        #expect(sizes[1].kind == .array([
            Expression(.integer(2), range: range(10, 61, 10, 61)), Expression(.integer(3), range: range(10, 64, 10, 64)),
        ]))
        #expect(sizes[2].kind == .array([]))
        #expect(arguments[1].label?.range == range(10, 49, 10, 53))

        guard case .call(_, let outer) = arguments[2].value.kind, case .call(_, let inner) = outer[0].value.kind,
              case .call(let h, let none) = inner[0].value.kind else { Issue.record("expected nested calls"); return }
        #expect(h.kind == .identifier("h") && none.isEmpty)
    }

    @Test func statementsAndCommentsAcrossLines() {
        let source = """
            // Load the data.
            let data = fashionMNIST(trainingLimit: 20_000) // a comment

            let vae = trainVAE(
                on: data,
                epochs: 5,
            )
            showReconstructions(vae, of: data.test, count: 16)
            """
        let result = parse(source, firstColumn: 3)
        #expect(result.diagnostics.isEmpty)
        #expect(result.statements.count == 3)
        #expect(result.statements.map(\.range) == [range(11, 3, 11, 48), range(13, 3, 16, 3), range(17, 3, 17, 52)])
    }

    func range(_ startLine: Int, _ startColumn: Int, _ endLine: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(file: "cell.md", startLine: startLine, startColumn: startColumn, endLine: endLine, endColumn: endColumn)
    }

    @Test(arguments: [
        ("show(a, b", "cell.md:10:10: error: expected ')' to close the call started at 10:5"),
        ("show([1, 2)", "cell.md:10:11: error: expected ']' to close the array started at 10:6"),
        ("let = 3", "cell.md:10:5: error: expected a name after 'let'\n  hint: write 'let name = value'"),
        ("let x 3", "cell.md:10:7: error: expected '=' after 'let x'"),
        ("let x =", "cell.md:10:8: error: expected an expression, found the end of the cell"),
        ("show(a,", "cell.md:10:8: error: expected ')' to close the call started at 10:5"),
        ("show(a).", "cell.md:10:9: error: expected a member name after '.'"),
        ("show(a) @", "cell.md:10:9: error: unexpected character '@' in cell"),
        ("show((a))", "cell.md:10:6: error: parentheses are only used for calls\n  hint: remove them, or bind the value with 'let' first"),
        ("let x = 1e400", "cell.md:10:9: error: floating-point literal '1e400' is out of range\n  hint: a Double holds at most about 1.8e308; NaN and infinity cannot be written in a cell"),
        ("show(é)", "cell.md:10:6: error: unexpected character 'é' in cell"),
    ])
    func syntaxErrors(_ source: String, _ expected: String) {
        #expect(parse(source).diagnostics.map(\.description) == [expected])
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let source = String(repeating: "f(", count: 200) + String(repeating: ")", count: 200)
        let diagnostics = parse(source).diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "expression is nested more than 64 levels deep")
    }

    @Test func recoveryReportsEveryBadLine() {
        let result = parse("let a = f(\nlet b = 2\nlet c = 'x'\nlet d = 4")
        #expect(result.diagnostics.map(\.location.line).sorted() == [10, 12])
        #expect(result.statements.compactMap { if case .binding(let name, _) = $0.kind { name.name } else { nil } } == ["b", "d"])
    }
}
