import Languages

/// A small lexical scanner for model output: tells code bytes from comment and string bytes so
/// that braces, `end` and indentation inside strings do not count as structure.
struct CodeScanner {
    let traits: LanguageTraits
    let bytes: [UInt8]

    private enum State: Equatable {
        case code, lineComment, blockComment
        case string(close: [UInt8], escapes: Bool, multiline: Bool)
    }

    enum LineStart { case code, string, comment }

    /// Scans `range`. `onLineStart(offset, state)` is called at each following line start;
    /// `onCode(offset)` for each code byte, stopping when it returns false.
    func scan(_ range: Range<Int>, onLineStart: ((Int, LineStart) -> Void)? = nil, onCode: (Int) -> Bool) {
        var state = State.code
        var index = max(range.lowerBound, 0)
        let end = min(range.upperBound, bytes.count)
        let lineComment = Array(traits.lineComment.utf8)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                switch state {
                case .lineComment: state = .code
                case .string(_, _, false): state = .code
                default: break
                }
                switch state {
                case .string: onLineStart?(index + 1, .string)
                case .blockComment: onLineStart?(index + 1, .comment)
                default: onLineStart?(index + 1, .code)
                }
                index += 1
                continue
            }
            switch state {
            case .code:
                if matches(lineComment, at: index) {
                    state = .lineComment
                    index += lineComment.count
                } else if traits.blockComments, matches([0x2F, 0x2A], at: index) {
                    state = .blockComment
                    index += 2
                } else if let (opened, length) = stringOpening(at: index) {
                    state = opened
                    index += length
                } else {
                    if !onCode(index) { return }
                    index += 1
                }
            case .lineComment:
                index += 1
            case .blockComment:
                if matches([0x2A, 0x2F], at: index) { state = .code; index += 2 } else { index += 1 }
            case .string(let close, let escapes, _):
                if escapes, byte == 0x5C, index + 1 < end, bytes[index + 1] != 0x0A {
                    index += 2
                } else if matches(close, at: index) {
                    state = .code
                    index += close.count
                } else {
                    index += 1
                }
            }
        }
    }

    private func stringOpening(at index: Int) -> (State, Int)? {
        switch bytes[index] {
        case 0x22:
            if traits.tripleQuotes, matches([0x22, 0x22, 0x22], at: index) {
                return (.string(close: [0x22, 0x22, 0x22], escapes: true, multiline: true), 3)
            }
            return (.string(close: [0x22], escapes: true, multiline: false), 1)
        case 0x27:
            switch traits.singleQuote {
            case .string:
                if traits.tripleQuotes, matches([0x27, 0x27, 0x27], at: index) {
                    return (.string(close: [0x27, 0x27, 0x27], escapes: true, multiline: true), 3)
                }
                return (.string(close: [0x27], escapes: true, multiline: false), 1)
            case .char:
                // 'x' or '\n' is a character; anything else (a Rust lifetime) is code.
                if index + 2 < bytes.count, bytes[index + 1] == 0x5C { return (.string(close: [0x27], escapes: true, multiline: false), 1) }
                var next = index + 1
                if next < bytes.count { next += scalarLength(bytes[next]) }
                return next < bytes.count && bytes[next] == 0x27 ? (.string(close: [0x27], escapes: true, multiline: false), 1) : nil
            case .none:
                return nil
            }
        case 0x60:
            return traits.backtickStrings ? (.string(close: [0x60], escapes: traits.entry?.lexical.backtickEscapes ?? true, multiline: true), 1) : nil
        default:
            return nil
        }
    }

    private func scalarLength(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    }

    func matches(_ marker: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + marker.count <= bytes.count else { return false }
        for (offset, byte) in marker.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }
}
