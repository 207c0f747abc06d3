/// Detects the file's indentation step ("    ", "  ", "\t") from its code lines: those around the
/// cursor first (the code the insertion joins; a file that changes style keeps each part's
/// own), else the first lines of the file (a new function below unindented code).
enum IndentStyle {
    /// Lines examined on either side of the cursor.
    static let nearbyLines = AnalyzedSource.initialLines
    /// Lines examined from the top when those around the cursor are not indented (bounded time on
    /// huge files).
    static let headLines = 3000

    static func detectUnit(in source: AnalyzedSource, around cursor: Int) -> String {
        let lineCount = source.text.lineCount
        let nearby = max(cursor - nearbyLines, 0)..<min(lineCount, cursor + nearbyLines + 1)
        return unit(in: source, lines: nearby) ?? unit(in: source, lines: 0..<min(lineCount, headLines))
            ?? source.spec.defaultIndentUnit
    }

    /// The step the code lines of `lines` use; nil when none is indented.
    private static func unit(in source: AnalyzedSource, lines: Range<Int>) -> String? {
        let text = source.text
        var tabLines = 0
        var spaceLines = 0
        var increments: [Int: Int] = [:]
        var previousWidth = 0
        for line in lines {
            guard source.startsInCode(line), !text.isBlank(line), !source.isCommentLine(line) else { continue }
            let indentation = text.content(line).prefix { $0 == 0x20 || $0 == 0x09 }
            if indentation.first == 0x09 {
                tabLines += 1
                continue
            }
            let width = indentation.count
            if width > 0 { spaceLines += 1 }
            if width > previousWidth { increments[width - previousWidth, default: 0] += 1 }
            previousWidth = width
        }
        if tabLines > spaceLines { return "\t" }
        let candidates = [2, 4, 3, 8].filter { (increments[$0] ?? 0) > 0 }
        return candidates.max { (increments[$0] ?? 0, -$0) < (increments[$1] ?? 0, -$1) }.map { String(repeating: " ", count: $0) }
    }
}
