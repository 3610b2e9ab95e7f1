import Foundation

/// Reads the step declarations of one `Steps/` file: every top-level `public func`, and every
/// `public func` or `public var` in an `extension`, each with its `///` doc comment, its
/// parameters' `- Parameter` lines and the `checkArgument(name, in: range, label: "…")` calls
/// of its body. Anything else in the file (internal helpers, types) is passed over.
public struct StepDeclarationParser {
    /// The declarations, in file order.
    public private(set) var declarations: [StepDeclaration] = []
    /// The modules the file imports.
    public private(set) var imports: [String] = []

    private let source: [UInt8]
    private let tokens: [SwiftToken]
    private var index = 0
    private var docs: [SwiftToken] = []

    /// Parses `source`; throws at the first declaration it cannot turn into a step.
    public init(source: String) throws(StepDeclarationError) {
        self.source = Array(source.utf8)
        var tokenizer = SwiftTokenizer(source)
        tokens = try tokenizer.tokens()
        try parseMembers(receiver: nil)
    }

    private var current: SwiftToken? { index < tokens.count ? tokens[index] : nil }

    private func text(_ from: SwiftToken, _ to: SwiftToken) -> String {
        String(decoding: source[from.start..<to.end], as: UTF8.self)
    }

    private func endOfFileError(_ message: String) -> StepDeclarationError {
        let last = tokens.last
        return StepDeclarationError(line: last?.line ?? 1, column: last?.column ?? 1, message)
    }

    private mutating func expect(_ punctuation: String, _ message: String) throws(StepDeclarationError) -> SwiftToken {
        guard let token = current else { throw endOfFileError(message) }
        guard token.is(punctuation) else { throw StepDeclarationError(at: token, message) }
        index += 1
        return token
    }

    private mutating func identifier(_ message: String) throws(StepDeclarationError) -> SwiftToken {
        guard let token = current else { throw endOfFileError(message) }
        guard token.kind == .identifier else { throw StepDeclarationError(at: token, message) }
        index += 1
        return token
    }

    /// Declarations until the end of the file, or of the extension of `receiver`.
    private mutating func parseMembers(receiver: String?) throws(StepDeclarationError) {
        while let token = current {
            switch token.kind {
            case .docLine:
                docs.append(token)
                index += 1
            case .identifier where token.text.hasPrefix("@"):
                index += 1
                if current?.is("(") == true { try skipBalanced() }
            case .identifier where token.text == "import" && receiver == nil:
                index += 1
                imports.append(try identifier("expected a module name after 'import'").text)
                docs = []
            case .identifier where token.text == "public":
                index += 1
                try parsePublic(receiver: receiver, at: token)
                docs = []
            case .identifier where token.text == "extension" && receiver == nil:
                index += 1
                let start = try identifier("expected a type after 'extension'")
                var end = start
                while current?.is(".") == true, index + 1 < tokens.count, tokens[index + 1].kind == .identifier {
                    end = tokens[index + 1]
                    index += 2
                }
                while let next = current, !next.is("{") { index += 1 }
                _ = try expect("{", "expected '{' to open the extension")
                docs = []
                try parseMembers(receiver: text(start, end))
                _ = try expect("}", "expected '}' to close the extension of \(text(start, end))")
                docs = []
            case .punctuation where token.text == "}" && receiver != nil:
                return
            case .punctuation where token.text == "{" || token.text == "(" || token.text == "[":
                try skipBalanced()
                docs = []
            default:
                index += 1
                docs = []
            }
        }
    }

    /// Skips a bracketed group starting at the current token.
    private mutating func skipBalanced() throws(StepDeclarationError) {
        let open = tokens[index]
        var depth = 0
        while let token = current {
            index += 1
            if token.kind == .punctuation {
                if ["{", "(", "["].contains(token.text) { depth += 1 }
                if ["}", ")", "]"].contains(token.text) { depth -= 1 }
                if depth == 0 { return }
            }
        }
        throw StepDeclarationError(at: open, "'\(open.text)' is never closed")
    }

    private mutating func parsePublic(receiver: String?, at start: SwiftToken) throws(StepDeclarationError) {
        guard let keyword = current else { return }
        switch keyword.text {
        case "func":
            index += 1
            try parseFunction(receiver: receiver, at: start)
        case "var" where receiver != nil:
            index += 1
            try parseProperty(receiver: receiver!, at: start)
        default:
            // A public type or a stored value: not a step. Its body, if any, is skipped by the caller's loop.
            break
        }
    }

    private mutating func parseProperty(receiver: String, at start: SwiftToken) throws(StepDeclarationError) {
        let name = try identifier("expected the property's name")
        _ = try expect(":", "a step property states its type: 'public var \(name.text): Type { … }'")
        let typeStart = try identifier("expected the property's type")
        var typeEnd = typeStart
        while let token = current, !token.is("{") {
            typeEnd = token
            index += 1
        }
        guard current?.is("{") == true else { throw endOfFileError("expected the body of '\(name.text)'") }
        try skipBalanced()
        let documentation = try Documentation(docs, of: name)
        try documentation.requireNoParameters(name)
        declarations.append(StepDeclaration(
            name: name.text, kind: .property(receiver: receiver), parameters: [], result: text(typeStart, typeEnd),
            throwing: false, summary: documentation.summary, line: start.line))
    }

    private mutating func parseFunction(receiver: String?, at start: SwiftToken) throws(StepDeclarationError) {
        let name = try identifier("expected the function's name")
        if current?.is("<") == true {
            throw StepDeclarationError(at: current!, "a step cannot be generic: cells pass concrete values")
        }
        let open = try expect("(", "expected '(' after '\(name.text)'")
        var parameters: [(tokens: [SwiftToken], first: SwiftToken)] = []
        var group: [SwiftToken] = []
        var depth = 0
        while true {
            guard let token = current else { throw StepDeclarationError(at: open, "the parameter list is never closed") }
            index += 1
            if token.kind == .punctuation {
                if ["(", "[", "<"].contains(token.text) { depth += 1 }
                if [")", "]", ">"].contains(token.text) {
                    if depth == 0 && token.text == ")" { break }
                    depth -= 1
                }
                if token.text == "," && depth == 0 {
                    if let first = group.first { parameters.append((group, first)) }
                    group = []
                    continue
                }
            }
            group.append(token)
        }
        if let first = group.first { parameters.append((group, first)) }
        var parsed: [StepDeclaration.Parameter] = []
        for parameter in parameters {
            parsed.append(try self.parameter(parameter.tokens))
        }
        var throwing = false
        if current?.text == "throws" {
            throwing = true
            index += 1
        }
        var result: String?
        if current?.is("->") == true {
            index += 1
            let typeStart = try identifier("expected the result type")
            var typeEnd = typeStart
            while let token = current, !token.is("{") {
                typeEnd = token
                index += 1
            }
            result = text(typeStart, typeEnd)
            if result == "Void" || result == "()" { result = nil }
        }
        guard current?.is("{") == true else { throw endOfFileError("expected the body of '\(name.text)'") }
        let bodyStart = index
        try skipBalanced()
        try readRangeChecks(tokens[bodyStart..<index], into: &parsed, of: name)

        let documentation = try Documentation(docs, of: name)
        for (offset, parameter) in parsed.enumerated() {
            guard let doc = documentation.parameters[parameter.name] else {
                throw StepDeclarationError(at: parameters[offset].first, "parameter '\(parameter.name)' of step '\(name.text)' has no '- Parameter \(parameter.name):' line in its doc comment")
            }
            parsed[offset].doc = doc
        }
        if let unknown = documentation.parameters.keys.sorted().first(where: { key in !parsed.contains { $0.name == key } }) {
            throw StepDeclarationError(at: name, "the doc comment of '\(name.text)' describes '\(unknown)', which is not one of its parameters")
        }
        declarations.append(StepDeclaration(
            name: name.text, kind: receiver.map { .method(receiver: $0) } ?? .function, parameters: parsed,
            result: result, throwing: throwing, summary: documentation.summary, line: start.line))
    }

    /// `label name: Type = default`, `_ name: Type` or `name: Type`.
    private func parameter(_ tokens: [SwiftToken]) throws(StepDeclarationError) -> StepDeclaration.Parameter {
        guard let colon = tokens.firstIndex(where: { $0.is(":") }), colon >= 1, colon <= 2,
              tokens[..<colon].allSatisfy({ $0.kind == .identifier }), colon + 1 < tokens.count else {
            throw StepDeclarationError(at: tokens[0], "expected a parameter written 'label name: Type'")
        }
        let name = tokens[colon - 1].text
        let label = colon == 2 ? tokens[0].text : name
        let equals = tokens.firstIndex { $0.is("=") }
        let typeEnd = (equals ?? tokens.count) - 1
        guard typeEnd > colon else { throw StepDeclarationError(at: tokens[colon], "expected the type of '\(name)'") }
        var defaultValue: String?
        if let equals {
            guard equals + 1 < tokens.count else { throw StepDeclarationError(at: tokens[equals], "expected a default value after '='") }
            defaultValue = text(tokens[equals + 1], tokens[tokens.count - 1])
        }
        return StepDeclaration.Parameter(
            label: label == "_" ? nil : label, name: name, type: text(tokens[colon + 1], tokens[typeEnd]),
            defaultValue: defaultValue, doc: "", range: nil)
    }

    /// Finds `checkArgument(name, in: range, label: "label")` in a body and gives the parameter
    /// `name` its range, after checking that the label is the parameter's.
    private func readRangeChecks(_ body: ArraySlice<SwiftToken>, into parameters: inout [StepDeclaration.Parameter],
                                 of step: SwiftToken) throws(StepDeclarationError) {
        let body = Array(body)
        for (position, token) in body.enumerated() where token.kind == .identifier && token.text == "checkArgument" {
            let call = "write it as checkArgument(name, in: lower...upper, label: \"label\")"
            guard position + 6 < body.count, body[position + 1].is("("), body[position + 2].kind == .identifier,
                  body[position + 3].is(","), body[position + 4].text == "in", body[position + 5].is(":") else {
                throw StepDeclarationError(at: token, "cannot read this range check; \(call)")
            }
            let name = body[position + 2]
            guard let labelIndex = body[(position + 6)...].firstIndex(where: { $0.text == "label" }),
                  labelIndex > position + 7, body[labelIndex - 1].is(","), labelIndex + 3 < body.count,
                  body[labelIndex + 1].is(":"), body[labelIndex + 2].kind == .string, body[labelIndex + 3].is(")") else {
                throw StepDeclarationError(at: token, "cannot read this range check; \(call)")
            }
            guard let parameterIndex = parameters.firstIndex(where: { $0.name == name.text }) else {
                throw StepDeclarationError(at: name, "'\(name.text)' is not a parameter of '\(step.text)'")
            }
            let label = String(body[labelIndex + 2].text.dropFirst().dropLast())
            let expected = parameters[parameterIndex].label ?? "_"
            guard label == expected else {
                throw StepDeclarationError(at: body[labelIndex + 2], "the range check of '\(name.text)' names the label \"\(label)\", but its label is \"\(expected)\"")
            }
            guard parameters[parameterIndex].range == nil else {
                throw StepDeclarationError(at: token, "'\(name.text)' has its range checked twice")
            }
            parameters[parameterIndex].range = text(body[position + 6], body[labelIndex - 2])
        }
    }
}

/// A doc comment split into the step's summary (its first sentence) and `- Parameter` lines.
private struct Documentation {
    var summary: String
    var parameters: [String: String] = [:]

    init(_ lines: [SwiftToken], of name: SwiftToken) throws(StepDeclarationError) {
        var paragraph: [String] = []
        var inSummary = true
        var lastParameter: String?
        for line in lines {
            let text = line.text.trimmingSpaces
            if text.hasPrefix("- Parameter ") {
                inSummary = false
                let rest = text.dropFirst("- Parameter ".count)
                guard let colon = rest.firstIndex(of: ":") else {
                    throw StepDeclarationError(at: line, "write a parameter's doc as '- Parameter name: what it means'")
                }
                let parameter = String(rest[..<colon]).trimmingSpaces
                parameters[parameter] = String(rest[rest.index(after: colon)...]).trimmingSpaces
                lastParameter = parameter
            } else if text.isEmpty || text.hasPrefix("- ") {
                inSummary = false
                lastParameter = nil
            } else if inSummary {
                paragraph.append(text)
            } else if let parameter = lastParameter {
                parameters[parameter, default: ""] += " " + text
            }
        }
        let joined = paragraph.joined(separator: " ")
        guard !joined.isEmpty else {
            throw StepDeclarationError(at: name, "step '\(name.text)' has no doc comment; start it with one sentence saying what the step does")
        }
        summary = Self.firstSentence(of: joined)
    }

    func requireNoParameters(_ name: SwiftToken) throws(StepDeclarationError) {
        if let parameter = parameters.keys.sorted().first {
            throw StepDeclarationError(at: name, "property '\(name.text)' takes no parameters, but its doc comment describes '\(parameter)'")
        }
    }

    /// Up to the first '. ' (a period that ends a sentence), keeping the period.
    static func firstSentence(of text: String) -> String {
        guard let end = text.range(of: ". ") else { return text }
        return String(text[..<end.lowerBound]) + "."
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
