import Languages

/// Normalises code so that candidates differing only in comments, blank lines, spacing or
/// indentation width compare equal. String literals are kept verbatim.
///
/// - Comments: `#` for Python/Ruby/shell-like languages, `//` and `/* */` for C-like ones
///   (both for PHP); unknown languages keep comments.
/// - Whitespace: blank lines dropped; inside a line, runs of spaces collapse to one space between
///   two word characters and vanish elsewhere (`a = b(1, 2)` ≡ `a=b(1,2)`).
/// - Indentation: for indentation-sensitive languages (Python, …) each line keeps its nesting
///   *level* (distinct indentation widths ranked), so 2- and 4-space versions of the same code
///   match but different nesting does not; other languages drop indentation.
struct CodeNormalizer: Sendable {
    enum CommentStyle: Sendable { case none, hash, slashes, both }

    let comments: CommentStyle
    let indentationSensitive: Bool
    let tripleQuotes: Bool
    let backtickStrings: Bool

    /// The style of a registry language (`Languages`), or of a recognised one; unknown languages keep
    /// comments and indentation.
    init(language: String?) {
        let id = language?.lowercased() ?? ""
        if let entry = Languages.named(id) {
            let markers = entry.lexical.lineComments
            comments = markers.contains("#") ? .hash : markers.contains("//") ? .slashes : .none
            indentationSensitive = entry.blockStyle == .indentation
            tripleQuotes = entry.lexical.tripleDouble
            backtickStrings = entry.lexical.backtick
        } else if let other = Recognized.named(id) {
            switch other.comments {
            case .none: comments = .none
            case .hash: comments = .hash
            case .slashes: comments = .slashes
            case .both: comments = .both
            }
            indentationSensitive = other.indentationSensitive
            tripleQuotes = other.tripleQuotes
            backtickStrings = other.backtickStrings
        } else {
            comments = .none
            indentationSensitive = true
            tripleQuotes = false
            backtickStrings = false
        }
    }

    /// The normalised form as UTF-8 bytes (the dedupe key and the input of similarity).
    func normalize(_ code: String) -> [UInt8] {
        let bytes = Array(code.utf8)
        var lines: [(indent: Int, content: [UInt8])] = []
        var current: [UInt8] = []
        var currentIndent = 0
        var atLineStart = true
        var pendingSpace = false
        var index = 0

        func finishLine() {
            if !current.isEmpty { lines.append((currentIndent, current)) }
            current = []
            pendingSpace = false
        }
        func append(_ byte: UInt8) {
            if pendingSpace, let last = current.last, Self.isWord(last), Self.isWord(byte) { current.append(32) }
            pendingSpace = false
            current.append(byte)
        }

        func copyString() {
            let end = stringEnd(bytes, from: index)
            if pendingSpace, let last = current.last, Self.isWord(last) { current.append(32) }
            pendingSpace = false
            current.append(contentsOf: bytes[index..<end])
            index = end
        }

        while index < bytes.count {
            let byte = bytes[index]
            if atLineStart {
                var width = 0
                while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 {
                    width += bytes[index] == 9 ? 4 : 1
                    index += 1
                }
                currentIndent = width
                atLineStart = false
                continue
            }
            let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 0
            switch byte {
            case 10, 13:
                finishLine()
                atLineStart = true
                index += 1
            case 32, 9, 12, 11:
                pendingSpace = true
                index += 1
            case 35 where comments == .hash || comments == .both:
                index = Self.endOfLine(bytes, from: index)
            case 47 where (comments == .slashes || comments == .both) && next == 47:
                index = Self.endOfLine(bytes, from: index)
            case 47 where (comments == .slashes || comments == .both) && next == 42:
                index = Self.endOfBlockComment(bytes, from: index + 2)
                pendingSpace = true
            case 34, 39:
                copyString()
            case 96 where backtickStrings:
                copyString()
            default:
                append(byte)
                index += 1
            }
        }
        finishLine()

        let levels = indentationSensitive ? Dictionary(
            uniqueKeysWithValues: Set(lines.map(\.indent)).sorted().enumerated().map { ($0.element, $0.offset) }
        ) : [:]
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for (number, line) in lines.enumerated() {
            if number > 0 { output.append(10) }
            if let level = levels[line.indent] {
                output.append(contentsOf: repeatElement(9, count: level))
            }
            output.append(contentsOf: line.content)
        }
        return output
    }

    /// End (exclusive) of the string literal starting at `start`. Single-quoted strings stop at
    /// a newline (unterminated literals must not swallow the rest of the code).
    private func stringEnd(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start]
        let triple = tripleQuotes && quote != 96 && start + 2 < bytes.count
            && bytes[start + 1] == quote && bytes[start + 2] == quote
        var index = start + (triple ? 3 : 1)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 92 {
                index += 2
                continue
            }
            if triple {
                if byte == quote, index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
                    return index + 3
                }
            } else if byte == quote {
                return index + 1
            } else if byte == 10, quote != 96 {
                return index
            }
            index += 1
        }
        return bytes.count
    }

    private static func endOfLine(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != 10, bytes[index] != 13 { index += 1 }
        return index
    }

    private static func endOfBlockComment(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 42, bytes[index + 1] == 47 { return index + 2 }
            index += 1
        }
        return bytes.count
    }

    /// Identifier characters (ASCII alphanumerics, `_`, `$`) and any non-ASCII byte.
    static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
            || byte == 95 || byte == 36 || byte >= 128
    }
}
