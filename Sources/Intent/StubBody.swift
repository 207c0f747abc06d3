/// Classification of the lines inside a function body: is it a stub, and which lines does the
/// generated body replace?
struct StubBody {
    /// First `TODO` marker or placeholder statement: the replacement starts there.
    var firstReplaceable: Int?
    /// Last comment that is kept (it guides the model): the replacement starts after it.
    var lastGuidance: Int?
    var lastNonBlank: Int?
    var firstNonBlank: Int?
    /// First line of real code: the body is not a stub.
    var firstCode: Int?

    var isStub: Bool { firstCode == nil }

    static func scan(_ lines: [Int], in source: AnalyzedSource) -> StubBody {
        var body = StubBody()
        for line in lines {
            let kind = StubPatterns.classify(line: line, in: source)
            if kind != .blank {
                body.lastNonBlank = line
                if body.firstNonBlank == nil { body.firstNonBlank = line }
            }
            switch kind {
            case .blank: continue
            case .marker, .placeholder: if body.firstReplaceable == nil { body.firstReplaceable = line }
            case .guidance: if body.firstReplaceable == nil { body.lastGuidance = line }
            case .code:
                body.firstCode = line
                return body
            }
        }
        return body
    }

    /// The line where the generated body starts, given the line after which the body begins.
    func startLine(bodyOpensAfter line: Int) -> Int {
        if let first = firstReplaceable { return first }
        return (lastGuidance ?? line) + 1
    }

    /// Indentation of the body: the first existing body line's, when it is deeper than the
    /// signature's; otherwise one unit deeper than the signature.
    func indentation(signatureIndent: String, unit: String, in text: SourceText) -> String {
        if let line = firstNonBlank {
            let existing = text.indentation(line)
            if existing.count > signatureIndent.count, existing.hasPrefix(signatureIndent) { return existing }
        }
        return signatureIndent + unit
    }
}
