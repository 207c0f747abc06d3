import Documents

/// A deliberately simple model of a document (the whole text re-split on every query) that
/// the chunked store is checked against. It shares no code with the store.
struct NaiveText {
    var text: String

    struct Line {
        var scalars: [Unicode.Scalar]
        var breakBytes: Int  // UTF-8 length of the line break after it (0 for the last line)
    }

    var lines: [Line] {
        var result: [Line] = []
        var current: [Unicode.Scalar] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                result.append(Line(scalars: current, breakBytes: 2))
                current = []
                index += 2
                continue
            }
            if scalar == "\r" || scalar == "\n" {
                result.append(Line(scalars: current, breakBytes: 1))
                current = []
            } else {
                current.append(scalar)
            }
            index += 1
        }
        result.append(Line(scalars: current, breakBytes: 0))
        return result
    }

    var lineStrings: [String] {
        lines.map { line in
            var string = ""
            string.unicodeScalars.append(contentsOf: line.scalars)
            return string
        }
    }

    static func units(_ scalar: Unicode.Scalar, _ encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: return scalar.utf8.count
        case .utf16: return scalar.utf16.count
        case .utf32: return 1
        }
    }

    /// Length of a line in `encoding` units.
    func length(ofLine index: Int, encoding: PositionEncoding) -> Int {
        lines[index].scalars.reduce(0) { $0 + Self.units($1, encoding) }
    }

    /// UTF-8 offset of a position with the documented rules: clamp past the end, round down
    /// inside a scalar, nil outside the lines; `endSentinel` also maps (lineCount, 0) to the end.
    func utf8Offset(of position: TextPosition, encoding: PositionEncoding, endSentinel: Bool = false) -> Int? {
        let lines = self.lines
        if endSentinel, position.line == lines.count, position.character == 0 { return text.utf8.count }
        guard position.line >= 0, position.line < lines.count, position.character >= 0 else { return nil }
        var offset = 0
        for line in lines[..<position.line] {
            offset += line.scalars.reduce(0) { $0 + $1.utf8.count } + line.breakBytes
        }
        var used = 0
        for scalar in lines[position.line].scalars {
            let next = used + Self.units(scalar, encoding)
            if next > position.character { break }
            used = next
            offset += scalar.utf8.count
        }
        return offset
    }

    /// Replaces the text between two UTF-8 offsets.
    mutating func replace(utf8 range: Range<Int>, with replacement: String) {
        var bytes = Array(text.utf8)
        bytes.replaceSubrange(range, with: Array(replacement.utf8))
        text = String(decoding: bytes, as: UTF8.self)
    }
}


/// Compares texts byte for byte (Swift's `==` on strings treats "é" and "e\u{301}" as equal).
func sameBytes(_ a: String, _ b: String) -> Bool {
    a.utf8.elementsEqual(b.utf8)
}
