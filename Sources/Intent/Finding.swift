import DocwrightCore

/// What analysing one candidate (a comment block, a `def`) found, and the lines in which a
/// cursor selects it.
struct Finding {
    enum Outcome {
        case task(GenerationTask)
        /// Not something to generate, with the reason shown to the user.
        case rejected(String)
    }

    let outcome: Outcome
    let extent: ClosedRange<Int>

    func covers(_ line: Int) -> Bool { extent.contains(line) }
}

/// Documentation attached to a declaration: a docstring inside it or a comment block above it.
struct AttachedDoc {
    let firstLine: Int
    /// The documentation's last line (a docstring inside the declaration: its first line).
    let lastLine: Int
    let rawDoc: String
    let docText: String

    init(firstLine: Int, lastLine: Int? = nil, rawDoc: String, docText: String) {
        self.firstLine = firstLine
        self.lastLine = lastLine ?? firstLine
        self.rawDoc = rawDoc
        self.docText = docText
    }

    init(_ block: CommentBlock) {
        self.init(firstLine: block.firstLine, lastLine: block.lastLine, rawDoc: block.rawDoc, docText: block.docText)
    }
}
