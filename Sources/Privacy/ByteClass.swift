/// ASCII byte classes used by the scanners (they work on UTF-8 bytes: every delimiter they
/// look for is ASCII, so a span never cuts a multi-byte character).
enum ByteClass {
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    static func isAlnum(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
    /// Identifier byte: letters, digits, `_`.
    static func isWord(_ b: UInt8) -> Bool { isAlnum(b) || b == UInt8(ascii: "_") }
    /// base64url alphabet (JWT segments, most API tokens).
    static func isBase64URL(_ b: UInt8) -> Bool { isWord(b) || b == UInt8(ascii: "-") }
    static func isBase64(_ b: UInt8) -> Bool {
        isAlnum(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=")
    }
    static func isSpaceOrTab(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    static func isLineBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
    static func isWhitespace(_ b: UInt8) -> Bool { isSpaceOrTab(b) || isLineBreak(b) || b == 0x0C || b == 0x0B }
    static func isQuote(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "`")
    }
    static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b + 32 : b }
}

/// Read-only view of the scanned bytes with bounds-checked helpers.
struct ByteText {
    let bytes: UnsafeBufferPointer<UInt8>
    var count: Int { bytes.count }

    subscript(_ index: Int) -> UInt8 { bytes[index] }

    /// The byte at `index`, or 0 past either end.
    func at(_ index: Int) -> UInt8 { index >= 0 && index < bytes.count ? bytes[index] : 0 }

    /// Whether `literal` (ASCII) occurs at `index`.
    func has(_ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index >= 0, index + length <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<length where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    /// Whether `literal` occurs at `index`, ignoring ASCII case (`literal` is lower-case).
    func hasCaseless(_ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index >= 0, index + length <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<length where ByteClass.lower(bytes[index + offset]) != pointer[offset] { return false }
        return true
    }

    /// First index ≥ `from` where `literal` occurs, searching at most `limit` bytes.
    func find(_ literal: StaticString, from: Int, limit: Int = Int.max) -> Int? {
        let first = literal.utf8Start[0]
        let last = min(bytes.count - literal.utf8CodeUnitCount, from > Int.max - limit ? Int.max : from + limit)
        var index = max(from, 0)
        while index <= last {
            if bytes[index] == first, has(literal, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// End of the run of bytes matching `predicate` starting at `from` (at most `limit` bytes).
    func runEnd(from: Int, limit: Int = 4096, _ predicate: (UInt8) -> Bool) -> Int {
        var index = from
        let stop = min(bytes.count, from + limit)
        while index < stop, predicate(bytes[index]) { index += 1 }
        return index
    }

    /// Index of the first byte of the line containing `index`, or nil when it lies more than
    /// `limit` bytes back (callers asking "is this near a line start?" stay linear).
    func lineStart(_ index: Int, limit: Int) -> Int? {
        var cursor = index
        let floor = max(0, index - limit)
        while cursor > floor, !ByteClass.isLineBreak(bytes[cursor - 1]) { cursor -= 1 }
        return cursor == 0 || ByteClass.isLineBreak(bytes[cursor - 1]) ? cursor : nil
    }

    /// Index of the first byte of the line containing `index`.
    func lineStart(_ index: Int) -> Int {
        var cursor = index
        while cursor > 0, !ByteClass.isLineBreak(bytes[cursor - 1]) { cursor -= 1 }
        return cursor
    }

    /// Index of the line break ending the line containing `index` (or the text's end).
    func lineEnd(_ index: Int) -> Int {
        var cursor = index
        while cursor < bytes.count, !ByteClass.isLineBreak(bytes[cursor]) { cursor += 1 }
        return cursor
    }

    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }
}
