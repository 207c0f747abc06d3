/// Line helpers over UTF-8 bytes of model output. Lines end at `\n`; a `\r` before it is
/// treated as trailing whitespace.
enum ByteLines {
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C }

    /// Offset of the `\n` ending the line that contains `offset` (or `limit`).
    static func lineEnd(_ bytes: [UInt8], from offset: Int, limit: Int) -> Int {
        var index = offset
        while index < limit, bytes[index] != 0x0A { index += 1 }
        return index
    }

    /// Offset where the line containing `offset` starts (not before `floor`).
    static func lineStart(_ bytes: [UInt8], containing offset: Int, floor: Int) -> Int {
        var index = offset
        while index > floor, bytes[index - 1] != 0x0A { index -= 1 }
        return index
    }

    static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy(isSpace)
    }

    /// Line ranges (without their `\n`) covering `window`.
    static func lines(_ bytes: [UInt8], _ window: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = window.lowerBound
        while start <= window.upperBound {
            let end = lineEnd(bytes, from: start, limit: window.upperBound)
            result.append(start..<end)
            if end >= window.upperBound { break }
            start = end + 1
        }
        return result
    }

    /// Width of the leading whitespace, a tab counting `tabWidth` columns.
    static func indentWidth(_ bytes: [UInt8], _ range: Range<Int>, tabWidth: Int = 4) -> Int {
        var width = 0
        for byte in bytes[range] {
            if byte == 0x20 { width += 1 } else if byte == 0x09 { width += tabWidth } else { break }
        }
        return width
    }

    /// The window moved past leading blank lines, to the start of the first non-blank line.
    static func skipLeadingBlankLines(_ bytes: [UInt8], _ window: Range<Int>) -> Range<Int> {
        var start = window.lowerBound
        while start < window.upperBound {
            let end = lineEnd(bytes, from: start, limit: window.upperBound)
            if !isBlank(bytes, start..<end) { return start..<window.upperBound }
            start = end + 1
        }
        return window.upperBound..<window.upperBound
    }

    /// The window with trailing whitespace (spaces, tabs, line breaks) removed.
    static func trimTrailingWhitespace(_ bytes: [UInt8], _ window: Range<Int>) -> Range<Int> {
        var end = window.upperBound
        while end > window.lowerBound, isSpace(bytes[end - 1]) || bytes[end - 1] == 0x0A { end -= 1 }
        return window.lowerBound..<end
    }

    static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// First occurrence of `needle` in `bytes[range]`.
    static func find(_ needle: [UInt8], in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard !needle.isEmpty, range.count >= needle.count else { return nil }
        var index = range.lowerBound
        while index + needle.count <= range.upperBound {
            if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }
}
