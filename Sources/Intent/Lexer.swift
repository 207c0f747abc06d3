/// How a language writes comments and string literals: just enough to know, for any byte,
/// whether it is code, comment or string (so braces and `#` inside strings are not structure).
struct LexicalSyntax {
    enum SingleQuote { case string, char, rustChar, none }

    var lineComments: [[UInt8]]
    var blockOpen: [UInt8]?
    var blockClose: [UInt8]?
    var nestedBlockComments = false
    var singleQuote: SingleQuote = .string
    /// `` ` `` starts a multi-line string (JS templates, Go raw strings).
    var backtick = false
    var backtickEscapes = true
    /// `"""` (Python, Swift, Kotlin, Java text blocks).
    var tripleDouble = false
    /// `'''` (Python).
    var tripleSingle = false
    /// `r"..."`, `r#"..."#` (Rust).
    var rustRaw = false
    /// `@"..."` without backslash escapes (C#).
    var verbatim = false
    /// `--[[ ]]` comments and `[[ ]]` strings (Lua).
    var luaLong = false
}

enum LexState: Hashable {
    case code
    case lineComment
    case blockComment(depth: Int)
    case luaLongComment(level: Int)
    case string(StringKind)

    enum StringKind: Hashable {
        case double, single, backtick, tripleDouble, tripleSingle, verbatim
        case rustRaw(hashes: Int)
        case luaLong(level: Int)
    }
}

/// A byte-level scanner over a `SourceText`'s bytes. Always terminates: every step advances.
struct Lexer {
    let syntax: LexicalSyntax
    let bytes: [UInt8]

    /// Scans `[start, end)` beginning in `initial`. Calls `onCode` for each byte that is code
    /// (outside comments and strings); scanning stops early when it returns false.
    /// `onLineStart` receives the offset and state at the start of every following line.
    /// Returns the state where scanning stopped.
    @discardableResult
    func scan(
        from start: Int, to end: Int, state initial: LexState,
        onLineStart: ((Int, LexState) -> Void)? = nil,
        onCode: (Int) -> Bool
    ) -> LexState {
        var state = initial
        var index = max(start, 0)
        let limit = min(end, bytes.count)
        while index < limit {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                var next = index + 1
                if byte == 0x0D, next < bytes.count, bytes[next] == 0x0A { next += 1 }
                switch state {
                case .lineComment, .string(.double), .string(.single): state = .code
                default: break
                }
                onLineStart?(next, state)
                index = next
                continue
            }
            switch state {
            case .code:
                if let (newState, length) = opening(at: index) {
                    state = newState
                    index += length
                } else {
                    if !onCode(index) { return state }
                    index += 1
                }
            case .lineComment:
                index += 1
            case .blockComment(let depth):
                if let close = syntax.blockClose, matches(close, at: index) {
                    state = depth > 1 ? .blockComment(depth: depth - 1) : .code
                    index += close.count
                } else if syntax.nestedBlockComments, let open = syntax.blockOpen, matches(open, at: index) {
                    state = .blockComment(depth: depth + 1)
                    index += open.count
                } else {
                    index += 1
                }
            case .luaLongComment(let level):
                if let length = luaLongClose(at: index, level: level) {
                    state = .code
                    index += length
                } else {
                    index += 1
                }
            case .string(let kind):
                index = stepInString(kind, at: index, state: &state)
            }
        }
        return state
    }

    /// End offset (just past the closing quote) of the string literal opening at `index`;
    /// nil when no literal opens there or it is not closed before `limit`.
    func literalEnd(startingAt index: Int, limit: Int) -> Int? {
        guard index >= 0, index < bytes.count, let (opened, length) = opening(at: index),
              case .string = opened else { return nil }
        var state = opened
        var cursor = index + length
        let end = min(limit, bytes.count)
        while cursor < end {
            guard case .string(let kind) = state else { return cursor }
            let byte = bytes[cursor]
            if byte == 0x0A || byte == 0x0D {
                if kind == .double || kind == .single { return nil }
                cursor += 1
                continue
            }
            cursor = stepInString(kind, at: cursor, state: &state)
        }
        if case .code = state { return cursor }
        return nil
    }

    /// The comment state that opens at `index` (read as code), if a comment starts there.
    func commentOpening(at index: Int) -> LexState? {
        guard index >= 0, index < bytes.count, let (state, _) = opening(at: index) else { return nil }
        switch state {
        case .lineComment, .blockComment, .luaLongComment: return state
        default: return nil
        }
    }

    /// Whether a comment or string opens at `index` (in code), with its state and marker length.
    private func opening(at index: Int) -> (LexState, Int)? {
        let byte = bytes[index]
        if syntax.luaLong, byte == 0x2D, matches([0x2D, 0x2D], at: index),
           let level = luaLongOpenLevel(at: index + 2) {
            return (.luaLongComment(level: level), 2 + level + 2)
        }
        for marker in syntax.lineComments where matches(marker, at: index) {
            return (.lineComment, marker.count)
        }
        if let open = syntax.blockOpen, matches(open, at: index) {
            return (.blockComment(depth: 1), open.count)
        }
        switch byte {
        case 0x22: // "
            if syntax.tripleDouble, matches([0x22, 0x22, 0x22], at: index) { return (.string(.tripleDouble), 3) }
            if syntax.verbatim, index > 0, bytes[index - 1] == 0x40 { return (.string(.verbatim), 1) }
            return (.string(.double), 1)
        case 0x27: // '
            switch syntax.singleQuote {
            case .string:
                if syntax.tripleSingle, matches([0x27, 0x27, 0x27], at: index) { return (.string(.tripleSingle), 3) }
                return (.string(.single), 1)
            case .char:
                return (.string(.single), 1)
            case .rustChar:
                return isRustCharLiteral(at: index) ? (.string(.single), 1) : nil
            case .none:
                return nil
            }
        case 0x60: // `
            return syntax.backtick ? (.string(.backtick), 1) : nil
        case 0x72: // r (Rust raw strings)
            guard syntax.rustRaw, index == 0 || !isIdentifierByte(bytes[index - 1]) else { return nil }
            var cursor = index + 1
            while cursor < bytes.count, bytes[cursor] == 0x23 { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == 0x22 else { return nil }
            return (.string(.rustRaw(hashes: cursor - index - 1)), cursor - index + 1)
        case 0x5B: // [ (Lua long strings)
            guard syntax.luaLong, let level = luaLongOpenLevel(at: index) else { return nil }
            return (.string(.luaLong(level: level)), level + 2)
        default:
            return nil
        }
    }

    private func stepInString(_ kind: LexState.StringKind, at index: Int, state: inout LexState) -> Int {
        let byte = bytes[index]
        let escapes: Bool
        switch kind {
        case .verbatim, .rustRaw, .luaLong: escapes = false
        case .backtick: escapes = syntax.backtickEscapes
        default: escapes = true
        }
        if escapes, byte == 0x5C {
            // Skip the escaped byte, but never a line break (line starts must be reported).
            if index + 1 < bytes.count, bytes[index + 1] != 0x0A, bytes[index + 1] != 0x0D { return index + 2 }
            return index + 1
        }
        switch kind {
        case .double, .verbatim:
            if byte == 0x22 { state = .code }
        case .single:
            if byte == 0x27 { state = .code }
        case .backtick:
            if byte == 0x60 { state = .code }
        case .tripleDouble:
            if matches([0x22, 0x22, 0x22], at: index) { state = .code; return index + 3 }
        case .tripleSingle:
            if matches([0x27, 0x27, 0x27], at: index) { state = .code; return index + 3 }
        case .rustRaw(let hashes):
            if byte == 0x22 {
                var cursor = index + 1
                while cursor < bytes.count, cursor - index - 1 < hashes, bytes[cursor] == 0x23 { cursor += 1 }
                if cursor - index - 1 == hashes { state = .code; return cursor }
            }
        case .luaLong(let level):
            if let length = luaLongClose(at: index, level: level) { state = .code; return index + length }
        }
        return index + 1
    }

    /// `'x'`, `'\n'`, `'é'` are characters; `'a` (no closing quote right after) is a lifetime.
    private func isRustCharLiteral(at index: Int) -> Bool {
        guard index + 2 < bytes.count else { return false }
        if bytes[index + 1] == 0x5C { return true }
        let lead = bytes[index + 1]
        let scalarLength = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        let closing = index + 1 + scalarLength
        return closing < bytes.count && bytes[closing] == 0x27
    }

    /// Level of a Lua long bracket `[[` / `[==[` starting at `index`.
    private func luaLongOpenLevel(at index: Int) -> Int? {
        guard index < bytes.count, bytes[index] == 0x5B else { return nil }
        var cursor = index + 1
        while cursor < bytes.count, bytes[cursor] == 0x3D { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == 0x5B else { return nil }
        return cursor - index - 1
    }

    private func luaLongClose(at index: Int, level: Int) -> Int? {
        guard bytes[index] == 0x5D else { return nil }
        var cursor = index + 1
        while cursor < bytes.count, bytes[cursor] == 0x3D { cursor += 1 }
        guard cursor - index - 1 == level, cursor < bytes.count, bytes[cursor] == 0x5D else { return nil }
        return level + 2
    }

    func matches(_ marker: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + marker.count <= bytes.count else { return false }
        for (offset, byte) in marker.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }
}

func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        || byte == 0x5F || byte >= 0x80
}
