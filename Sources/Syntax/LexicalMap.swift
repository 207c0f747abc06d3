import DocwrightCore
import Synchronization

/// Which bytes of a document are comment, string literal or code, read from its syntax tree:
/// the grammar's own tokens decide (a `#` inside a string, `*/` inside a Rust nested comment,
/// a Lua long bracket, a C# verbatim string), not a hand-written lexer.
///
/// Built for a window of the document (the lines a finder may look at around the cursor):
/// bytes outside it read as code. Building walks only the subtrees that meet the window.
/// A fragment that is not in a document yet (a model's reply) is read in place: parsed after
/// the code that precedes it (`init(fragment:after:language:)`).
public struct LexicalMap: Sendable {
    public enum Kind: Equatable, Sendable { case comment, string }

    public struct Span: Equatable, Sendable {
        public let range: Range<Int>
        public let kind: Kind
    }

    /// Each grammar's node symbols classified so far (`kind(of:)` of the symbol's type name).
    private static let kindsBySymbol = Mutex<[SyntaxLanguage: [UInt16: Kind?]]>([:])

    /// The outermost comments and string literals meeting `covered`, in document order.
    public private(set) var spans: [Span]
    public let bytes: [UInt8]
    /// The bytes the map has read; outside them every byte reads as code (`cover` reads more).
    public private(set) var covered: Range<Int>

    public init(tree: SyntaxTree, window: Range<Int>) {
        bytes = tree.utf8
        covered = window.clamped(to: 0..<tree.utf8.count)
        spans = Self.spans(of: tree, within: covered)
    }

    /// Reads `range` too, from `tree` (the tree the map was made from), walking only what was not
    /// read yet: a finder that looks further than the first window grows the map instead of every
    /// request paying for the largest window.
    public mutating func cover(_ range: Range<Int>, of tree: SyntaxTree) {
        let range = range.clamped(to: 0..<bytes.count)
        guard !range.isEmpty else { return }
        if covered.isEmpty { covered = range.lowerBound..<range.lowerBound }
        if range.lowerBound < covered.lowerBound {
            spans = Self.joined(Self.spans(of: tree, within: range.lowerBound..<covered.lowerBound), spans)
            covered = range.lowerBound..<covered.upperBound
        }
        if range.upperBound > covered.upperBound {
            spans = Self.joined(spans, Self.spans(of: tree, within: covered.upperBound..<range.upperBound))
            covered = covered.lowerBound..<range.upperBound
        }
    }

    /// Two runs of spans read from adjacent windows: a node across the boundary is in both.
    private static func joined(_ first: [Span], _ second: [Span]) -> [Span] {
        guard let last = first.last, let next = second.first, last.range == next.range else { return first + second }
        return first + second.dropFirst()
    }

    /// The comments and strings of `fragment[range]` as the file would lex them with `context`
    /// (the file's code before the fragment: the declaration it sits in) in front: the two are
    /// parsed together and the spans kept are those meeting `range`, in `fragment`'s offsets
    /// (`bytes` is `fragment`; offsets outside `range` read as code). nil when the language
    /// has no grammar here or the parse fails.
    public init?(fragment: [UInt8], range: Range<Int>, after context: [UInt8], language: String,
                 grammars: Grammars = .shared) {
        let range = range.clamped(to: 0..<fragment.count)
        guard let grammar = try? grammars.language(language),
              let tree = try? SyntaxParser(grammars: grammars).parse(utf8: context + fragment[range], language: grammar)
        else { return nil }
        let shift = range.lowerBound - context.count
        bytes = fragment
        covered = range
        spans = Self.spans(of: tree, within: context.count..<(context.count + range.count)).map { span in
            let shifted = (span.range.lowerBound + shift)..<(span.range.upperBound + shift)
            return Span(range: shifted.clamped(to: range), kind: span.kind)
        }
    }

    private static func spans(of tree: SyntaxTree, within window: Range<Int>) -> [Span] {
        var spans: [Span] = []
        // A node's type name is a String made per call; its symbol is a number: each grammar's
        // symbols are classified once per process.
        var kinds = Self.kindsBySymbol.withLock { $0[tree.language] } ?? [:]
        let known = kinds.count
        defer { if kinds.count > known { Self.kindsBySymbol.withLock { $0[tree.language, default: [:]].merge(kinds) { $1 } } } }
        tree.root.walk(within: window) { node in
            let range = node.byteRange
            guard !range.isEmpty, range.upperBound > window.lowerBound, range.lowerBound < window.upperBound else {
                return .skipChildren
            }
            let symbol = node.symbol
            let known = kinds[symbol] ?? { let kind = Self.kind(of: node.type); kinds[symbol] = kind; return kind }()
            guard let kind = known else { return .descend }
            spans.append(Span(range: range, kind: kind))
            return .skipChildren
        }
        return spans
    }

    /// Comment and string-literal node types across the grammars (`comment`, `line_comment`,
    /// `block_comment`, `multiline_comment`; `string`, `string_literal`, `raw_string_literal`,
    /// `template_string`, `interpreted_string_literal`, `char_literal`, `rune_literal`,
    /// `text_block`, `heredoc_body`, `regex`…). Their insides are never structure.
    public static func kind(of type: String) -> Kind? {
        if ByteSearch.contains("comment", in: type) { return .comment }
        if ByteSearch.contains("string", in: type) || type.hasSuffix("char_literal") || type.hasSuffix("character_literal")
            || ["rune_literal", "text_block", "heredoc_body", "regex", "character"].contains(type) {
            return .string
        }
        return nil
    }

    /// The span containing `offset`, if any.
    public func span(containing offset: Int) -> Span? {
        guard let index = lastSpanIndex(startingAtOrBefore: offset), spans[index].range.contains(offset) else { return nil }
        return spans[index]
    }

    /// The span that starts exactly at `offset`, if any.
    public func span(startingAt offset: Int) -> Span? {
        guard let index = lastSpanIndex(startingAtOrBefore: offset), spans[index].range.lowerBound == offset else { return nil }
        return spans[index]
    }

    /// Whether `offset` lies strictly inside a span (after its first byte): a line starting
    /// there continues a comment or string from an earlier line.
    public func continuesSpan(at offset: Int) -> Span? {
        guard let span = span(containing: offset), span.range.lowerBound < offset else { return nil }
        return span
    }

    /// A comment opens at `offset`.
    public func commentStarts(at offset: Int) -> Bool { span(startingAt: offset)?.kind == .comment }

    /// Visits the code bytes (outside comments and strings) of `[start, end)`; stops when
    /// `onCode` returns false. `onLineStart` receives the offset of every following line's start.
    public func scanCode(from start: Int, to end: Int, onLineStart: ((Int) -> Void)? = nil, onCode: (Int) -> Bool) {
        var index = max(start, 0)
        let limit = min(end, bytes.count)
        var spanIndex = lastSpanIndex(startingAtOrBefore: index) ?? 0
        while index < limit {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                onLineStart?(index)
                continue
            }
            while spanIndex < spans.count, spans[spanIndex].range.upperBound <= index { spanIndex += 1 }
            if spanIndex < spans.count, spans[spanIndex].range.contains(index) {
                index += 1
                continue
            }
            if !onCode(index) { return }
            index += 1
        }
    }

    private func lastSpanIndex(startingAtOrBefore offset: Int) -> Int? {
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].range.lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? low - 1 : nil
    }
}

extension LexicalMap {
    /// Longest end of a task's prefix read as context when the task does not say
    /// (`GenerationTask.parseContextLength`).
    public static let defaultContextLength = 16_384

    /// The comments and strings of `text[range]`, code to insert at `task`'s insertion, read
    /// after the end of `task.prefix` that `task.parseContextLength` names. nil without a grammar.
    public init?(inserted text: [UInt8], range: Range<Int>, task: GenerationTask, grammars: Grammars = .shared) {
        let prefix = task.prefix.utf8
        let context: [UInt8]
        if let length = task.parseContextLength {
            context = Array(prefix.suffix(min(max(length, 0), prefix.count)))
        } else {
            // From a line start: a lexer starting mid-line may begin inside a string.
            let tail = prefix.suffix(Self.defaultContextLength)
            let start = tail.count == prefix.count ? tail.startIndex
                : tail.firstIndex(of: 0x0A).map(prefix.index(after:)) ?? tail.endIndex
            context = Array(prefix[start...])
        }
        self.init(fragment: text, range: range, after: context, language: task.language, grammars: grammars)
    }
}

extension SyntaxTree {
    /// The bytes of `range` with each comment the grammar finds there replaced by one space: what
    /// a statement says, whatever remarks are written inside it (a `//` inside a string stays).
    public func codeText(of range: Range<Int>) -> [UInt8] {
        let range = range.clamped(to: 0..<utf8.count)
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var cursor = range.lowerBound
        for span in LexicalMap(tree: self, window: range).spans where span.kind == .comment {
            let comment = span.range.clamped(to: cursor..<range.upperBound)
            guard !comment.isEmpty else { continue }
            out.append(contentsOf: utf8[cursor..<comment.lowerBound])
            out.append(0x20)
            cursor = comment.upperBound
        }
        out.append(contentsOf: utf8[cursor..<range.upperBound])
        return out
    }
}
