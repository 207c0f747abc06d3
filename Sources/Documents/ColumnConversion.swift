/// Converts columns within one line's UTF-8 content between UTF-8 bytes and the units of a
/// `PositionEncoding`. The content is valid UTF-8 (it came from a Swift `String`), so the
/// lead byte alone tells a scalar's length.
enum ColumnConversion {
    @inline(__always)
    static func utf8Length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    /// Units of `encoding` taken by a scalar that is `utf8Length` bytes long.
    @inline(__always)
    static func units(utf8Length: Int, encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: return utf8Length
        case .utf16: return utf8Length == 4 ? 2 : 1
        case .utf32: return 1
        }
    }

    /// `column` clamped to the content and moved back to the start of the scalar it falls in.
    static func scalarAlignedColumn(_ column: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
        var column = min(max(column, 0), line.count)
        while column > 0, column < line.count, isContinuation(line[column]) { column -= 1 }
        return column
    }

    /// The `encoding` offset of UTF-8 `column`; a column past the end counts the whole line,
    /// one inside a multi-byte scalar counts up to that scalar's start.
    static func character(utf8Column column: Int, in line: UnsafeBufferPointer<UInt8>,
                          encoding: PositionEncoding) -> Int {
        let column = scalarAlignedColumn(column, in: line)
        if encoding == .utf8 { return column }
        var index = 0
        var count = 0
        while index < column {
            let length = utf8Length(lead: line[index])
            count += units(utf8Length: length, encoding: encoding)
            index += length
        }
        return count
    }

    /// The UTF-8 column of `character` (in `encoding`, not negative). A character past the
    /// end clamps to the line's end (LSP); one inside a scalar (half a surrogate pair, or a
    /// byte in the middle of a UTF-8 sequence) rounds down to that scalar's start.
    static func utf8Column(character: Int, in line: UnsafeBufferPointer<UInt8>,
                           encoding: PositionEncoding) -> Int {
        if encoding == .utf8 { return scalarAlignedColumn(character, in: line) }
        var index = 0
        var count = 0
        while index < line.count {
            let length = utf8Length(lead: line[index])
            let next = count + units(utf8Length: length, encoding: encoding)
            if next > character { break }
            count = next
            index += length
        }
        return min(index, line.count)
    }
}
