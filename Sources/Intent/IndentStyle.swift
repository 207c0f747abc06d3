/// Detects the file's indentation step ("    ", "  ", "\t") from its code lines around the cursor
/// (the code the insertion joins; a file that changes style keeps each part's own).
enum IndentStyle {
    /// Lines examined at most on either side of the cursor (bounded time on huge files).
    static let sampleLines = AnalyzedSource.initialLines

    static func detectUnit(in source: AnalyzedSource, around cursor: Int) -> String {
        let text = source.text
        var tabLines = 0
        var spaceLines = 0
        var increments: [Int: Int] = [:]
        var previousWidth = 0
        var line = max(cursor - sampleLines, 0)
        while line < min(text.lineCount, cursor + sampleLines + 1) {
            defer { line += 1 }
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
        guard let best = candidates.max(by: { (increments[$0] ?? 0, -$0) < (increments[$1] ?? 0, -$1) }) else {
            return source.spec.defaultIndentUnit
        }
        return String(repeating: " ", count: best)
    }
}
