import DocwrightCore

/// A document as UTF-8 bytes with a line index. Line breaks are `\n`, `\r\n` and `\r`, as in LSP.
/// Columns are UTF-8 byte offsets inside a line's content (terminator excluded).
struct SourceText {
    let bytes: [UInt8]
    /// Byte offset where each line's content starts.
    let lineStarts: [Int]
    /// Byte offset where each line's content ends (before its terminator).
    let lineEnds: [Int]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var starts: [Int] = [0]
        var ends: [Int] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                ends.append(index)
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        ends.append(bytes.count)
        self.bytes = bytes
        self.lineStarts = starts
        self.lineEnds = ends
    }

    var lineCount: Int { lineStarts.count }

    /// A `\r` not followed by `\n`: a line break for LSP and here, which grammars (ending lines
    /// at `\n` only) are given as `\n` — the same byte count, so offsets stay.
    func isLoneCarriageReturn(at index: Int) -> Bool {
        bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)
    }

    func isValidLine(_ line: Int) -> Bool { line >= 0 && line < lineCount }

    /// The content bytes of a line (no terminator).
    func content(_ line: Int) -> ArraySlice<UInt8> {
        guard isValidLine(line) else { return [] }
        return bytes[lineStarts[line]..<lineEnds[line]]
    }

    func lineString(_ line: Int) -> String {
        String(decoding: content(line), as: UTF8.self)
    }

    func lineLength(_ line: Int) -> Int {
        guard isValidLine(line) else { return 0 }
        return lineEnds[line] - lineStarts[line]
    }

    /// Leading spaces and tabs of a line.
    func indentation(_ line: Int) -> String {
        String(decoding: content(line).prefix { $0 == 0x20 || $0 == 0x09 }, as: UTF8.self)
    }

    func indentationWidth(_ line: Int) -> Int {
        content(line).prefix { $0 == 0x20 || $0 == 0x09 }.count
    }

    /// The line's content with leading and trailing whitespace removed.
    func trimmed(_ line: Int) -> String {
        lineString(line).trimmingWhitespace()
    }

    func isBlank(_ line: Int) -> Bool {
        content(line).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }
    }

    /// Byte offset of the first non-whitespace byte of a line (its end when blank).
    func firstNonBlankOffset(_ line: Int) -> Int {
        guard isValidLine(line) else { return bytes.count }
        var offset = lineStarts[line]
        while offset < lineEnds[line], bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
        return offset
    }

    /// The line containing a byte offset (terminator bytes belong to their line).
    func line(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    func position(ofOffset offset: Int) -> SourcePosition {
        let clamped = min(max(offset, 0), bytes.count)
        let line = line(ofOffset: clamped)
        return SourcePosition(line: line, utf8Column: min(clamped, lineEnds[line]) - lineStarts[line])
    }

    /// Position at the start of `line`, or at the end of the text when `line` is past the last line.
    func startOfLineOrEnd(_ line: Int) -> SourcePosition {
        if isValidLine(line) { return SourcePosition(line: line, utf8Column: 0) }
        return position(ofOffset: bytes.count)
    }

    func offset(of position: SourcePosition) -> Int {
        guard isValidLine(position.line) else { return position.line < 0 ? 0 : bytes.count }
        return lineStarts[position.line] + min(max(position.utf8Column, 0), lineLength(position.line))
    }

    func string(_ range: Range<Int>) -> String {
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(max(range.upperBound, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// Source text of lines `first...last` with line breaks normalised to `\n`.
    func lines(_ first: Int, through last: Int) -> [String] {
        guard first <= last else { return [] }
        return (max(first, 0)...min(last, lineCount - 1)).map { lineString($0) }
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[...last])
    }

    func leadingWhitespace() -> String {
        String(unicodeScalars.prefix { $0 == " " || $0 == "\t" })
    }
}
