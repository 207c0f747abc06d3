import DocwrightCore
import Languages
import Syntax

/// Normalises code so that candidates differing only in comments, blank lines, spacing or
/// indentation width compare equal. String literals are kept verbatim.
///
/// - Comments and strings are the grammar's (`LexicalMap`: the candidate parsed after the task's
///   prefix, as it will sit in the file); a language without a grammar here keeps its comments.
/// - Whitespace: blank lines dropped; inside a line, runs of spaces collapse to one space between
///   two word characters and vanish elsewhere (`a = b(1, 2)` ≡ `a=b(1,2)`).
/// - Indentation: for indentation-sensitive languages (Python, …) each line keeps its nesting
///   *level* (distinct indentation widths ranked), so 2- and 4-space versions of the same code
///   match but different nesting does not; other registry languages drop indentation, unknown
///   ones keep it.
struct CodeNormalizer: Sendable {
    let language: String?
    let task: GenerationTask?
    let indentationSensitive: Bool

    /// `task`: where the candidates go (the parse reads them after its prefix); nil: alone.
    init(language: String?, task: GenerationTask? = nil) {
        let id = (language ?? task?.language)?.lowercased()
        self.language = id
        self.task = task
        indentationSensitive = id.flatMap(Languages.named).map { $0.blockStyle == .indentation } ?? true
    }

    /// The normalised form as UTF-8 bytes (the dedupe key and the input of similarity).
    func normalize(_ code: String) -> [UInt8] {
        let bytes = Array(code.utf8)
        let spans = lexicalMap(bytes)?.spans ?? []
        var nextSpan = 0
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

        while index < bytes.count {
            while nextSpan < spans.count, spans[nextSpan].range.upperBound <= index { nextSpan += 1 }
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
            if nextSpan < spans.count, spans[nextSpan].range.lowerBound <= index {
                let span = spans[nextSpan]
                if span.kind == .string {
                    if pendingSpace, let last = current.last, Self.isWord(last) { current.append(32) }
                    pendingSpace = false
                    current.append(contentsOf: bytes[index..<span.range.upperBound])
                } else {
                    pendingSpace = true
                }
                index = span.range.upperBound
                continue
            }
            switch bytes[index] {
            case 10, 13:
                finishLine()
                atLineStart = true
            case 32, 9, 12, 11:
                pendingSpace = true
            default:
                append(bytes[index])
            }
            index += 1
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

    private func lexicalMap(_ bytes: [UInt8]) -> LexicalMap? {
        if let task { return LexicalMap(inserted: bytes, range: 0..<bytes.count, task: task) }
        guard let language, Languages.named(language) != nil else { return nil }
        return LexicalMap(fragment: bytes, range: 0..<bytes.count, after: [], language: language)
    }

    /// Identifier characters (ASCII alphanumerics, `_`, `$`) and any non-ASCII byte.
    static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
            || byte == 95 || byte == 36 || byte >= 128
    }
}
