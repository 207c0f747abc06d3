/// Re-indents a model's lines to the file's style: the shallowest line goes to `indentation`, and
/// each of the model's indentation steps becomes one `unit` (so 2-space output lands as 4 spaces
/// or tabs). Lines that start inside a multi-line string are kept as written.
enum Reindenter {
    static func reindent(
        _ bytes: [UInt8], _ window: Range<Int>, mask: CodeMask, indentation: String, unit: String
    ) -> [String] {
        let lines = ByteLines.lines(bytes, window)
        // Lines that start a statement: not blank, not inside a string, not inside open brackets.
        var structural: [Range<Int>] = []
        var depth = 0
        for line in lines {
            if depth == 0, !ByteLines.isBlank(bytes, line), !mask.startsInString(line.lowerBound) {
                structural.append(line)
            }
            for offset in line where mask.isCode(offset) {
                switch bytes[offset] {
                case 0x28, 0x5B: depth += 1
                case 0x29, 0x5D: depth = max(depth - 1, 0)
                default: break
                }
            }
        }
        let usesTabs = structural.contains { bytes[$0].first == 0x09 }
        let modelUnit = usesTabs ? 4 : detectStep(bytes, structural, fallback: unit == "\t" ? 4 : max(unit.count, 1))
        let base = structural.map { ByteLines.indentWidth(bytes, $0) }.min() ?? 0

        return lines.map { line in
            var text = ByteLines.string(bytes, line)
            if text.hasSuffix("\r") { text.removeLast() }
            if mask.startsInString(line.lowerBound) { return text }
            if ByteLines.isBlank(bytes, line) { return "" }
            let width = ByteLines.indentWidth(bytes, line)
            let relative = max(width - base, 0)
            let content = String(text.drop { $0 == " " || $0 == "\t" }).trimmingTrailingSpaces()
            let levels = relative / modelUnit
            let extra = relative % modelUnit
            return indentation + String(repeating: unit, count: levels) + String(repeating: " ", count: extra) + content
        }
    }

    /// The model's indentation step: the most common positive increase between consecutive lines.
    private static func detectStep(_ bytes: [UInt8], _ lines: [Range<Int>], fallback: Int) -> Int {
        var counts: [Int: Int] = [:]
        var previous: Int?
        for line in lines {
            let width = ByteLines.indentWidth(bytes, line)
            if let previous, width > previous { counts[width - previous, default: 0] += 1 }
            previous = width
        }
        let candidates = [2, 4, 3, 8].filter { (counts[$0] ?? 0) > 0 }
        return candidates.max { (counts[$0] ?? 0, -$0) < (counts[$1] ?? 0, -$1) } ?? fallback
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
        return result
    }
}
