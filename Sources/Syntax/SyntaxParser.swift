import CTreeSitter

/// Parses text into `SyntaxTree`s, from scratch or incrementally after edits.
///
/// **Not thread-safe, and deliberately not `Sendable`:** a tree-sitter parser holds the state of
/// the parse in progress, so Swift's checker keeps each `SyntaxParser` in one isolation domain
/// (one actor, one task). Use one parser per document actor or make one per call: creating one
/// is a single allocation, and the runtime is loaded only by the first parse.
///
/// Parsing runs on the caller's thread. An incremental re-parse after a small edit takes about a
/// millisecond, fine on Swift's cooperative pool; a full parse of a 10,000-line file takes tens of
/// milliseconds (bench/results/syntax-perf.md), so from the pool prefer `SyntaxParserQueue` for
/// whole files. `timeout` bounds the pathological cases (a grammar that loops on some input). To
/// stop a parse when a task is cancelled:
///
///     let cancellation = ParseCancellation()
///     let tree = try await withTaskCancellationHandler {
///         try parser.parse(text: text, language: "go", cancellation: cancellation)
///     } onCancel: { cancellation.cancel() }
public final class SyntaxParser {
    /// The time limit when none is given: far above any real file's parse time.
    public static let defaultTimeout: Duration = .seconds(1)

    public let grammars: Grammars
    private var parser: OpaquePointer?
    private var language: SyntaxLanguage?

    public init(grammars: Grammars = .shared) {
        self.grammars = grammars
    }

    deinit {
        if let parser { docwright_ts_parser_delete(parser) }
    }

    /// Parses `text` as the docwright language id `language` (`python`, `typescriptreact`, …).
    /// Throws `SyntaxError` when the grammar is missing, the time limit passes (`timeout`; nil:
    /// none) or `cancellation` is triggered. A text that does not parse still gives a tree:
    /// see `SyntaxTree.hasErrors`.
    public func parse(text: String, language: String, timeout: Duration? = defaultTimeout,
                      cancellation: ParseCancellation? = nil) throws(SyntaxError) -> SyntaxTree {
        try parse(utf8: Array(text.utf8), language: grammars.language(language), timeout: timeout, cancellation: cancellation)
    }

    /// Parses UTF-8 bytes with a loaded language.
    public func parse(utf8: [UInt8], language: SyntaxLanguage, timeout: Duration? = defaultTimeout,
                      cancellation: ParseCancellation? = nil) throws(SyntaxError) -> SyntaxTree {
        try run(utf8: utf8, language: language, reusing: nil, timeout: timeout, cancellation: cancellation)
    }

    /// Parses `newText`, the text of `tree` after `edits` (applied in order), reusing the parts of
    /// `tree` the edits did not touch. The result equals a fresh parse of `newText`; `tree` itself
    /// is left as it was (snapshots holding it stay valid).
    public func reparse(_ tree: SyntaxTree, applying edits: [SyntaxEdit], newText: String,
                        timeout: Duration? = defaultTimeout, cancellation: ParseCancellation? = nil) throws(SyntaxError) -> SyntaxTree {
        try reparse(tree, applying: edits, newUTF8: Array(newText.utf8), timeout: timeout, cancellation: cancellation)
    }

    public func reparse(_ tree: SyntaxTree, applying edits: [SyntaxEdit], newUTF8: [UInt8],
                        timeout: Duration? = defaultTimeout, cancellation: ParseCancellation? = nil) throws(SyntaxError) -> SyntaxTree {
        for edit in edits { try edit.validate() }
        // tree-sitter edits a tree in place; a copy (O(1), shares every node) keeps `tree` intact.
        guard let edited = docwright_ts_tree_copy(tree.pointer) else { throw .parseFailed(language: tree.language.name) }
        defer { docwright_ts_tree_delete(edited) }
        for edit in edits {
            var raw = edit.raw
            docwright_ts_tree_edit(edited, &raw)
        }
        return try run(utf8: newUTF8, language: tree.language, reusing: edited, timeout: timeout, cancellation: cancellation)
    }

    private func run(utf8: [UInt8], language: SyntaxLanguage, reusing oldTree: OpaquePointer?,
                     timeout: Duration?, cancellation: ParseCancellation?) throws(SyntaxError) -> SyntaxTree {
        guard utf8.count < Int(UInt32.max) else { throw .textTooLarge(bytes: utf8.count) }
        let parser = try prepared(for: language)
        let micros = timeout.map(Self.microseconds) ?? 0
        var outcome = DOCWRIGHT_TS_PARSED
        let tree = utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                docwright_ts_parse_utf8(parser, oldTree, text.baseAddress, UInt32(text.count), micros,
                                        cancellation?.flag, &outcome)
            }
        }
        guard let tree else {
            switch outcome {
            case DOCWRIGHT_TS_TIMED_OUT: throw .parseTimedOut(language: language.name, milliseconds: Int(micros / 1000))
            case DOCWRIGHT_TS_CANCELLED: throw .parseCancelled(language: language.name)
            default: throw .parseFailed(language: language.name)
            }
        }
        return SyntaxTree(pointer: tree, language: language, utf8: utf8)
    }

    private func prepared(for language: SyntaxLanguage) throws(SyntaxError) -> OpaquePointer {
        let parser: OpaquePointer
        if let existing = self.parser {
            parser = existing
        } else {
            // The runtime is loaded by `Grammars.language`, which every caller went through.
            guard let created = docwright_ts_parser_new() else { throw .parseFailed(language: language.name) }
            self.parser = created
            parser = created
        }
        if self.language != language {
            guard docwright_ts_parser_set_language(parser, language.pointer) else {
                throw .incompatibleGrammar(language: language.name, abi: language.abiVersion,
                                           supported: Int(DOCWRIGHT_TS_MIN_ABI)...Int(DOCWRIGHT_TS_MAX_ABI))
            }
            self.language = language
        }
        return parser
    }

    static func microseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 1 }
        // At least 1: 0 would mean "no limit" to the C side.
        return max(1, UInt64(seconds) * 1_000_000 + UInt64(attoseconds / 1_000_000_000_000))
    }
}

/// Stops a parse in progress from another thread or task (`cancel()`); tree-sitter looks at it
/// every ~100 parse steps. One flag can serve several parses; once cancelled it stays so.
///
/// `@unchecked Sendable`: the flag is written and read only through the C side's atomic
/// store and load.
public final class ParseCancellation: @unchecked Sendable {
    let flag: UnsafeMutablePointer<Int32>

    public init() {
        flag = .allocate(capacity: 1)
        flag.initialize(to: 0)
    }

    deinit { flag.deallocate() }

    public func cancel() { docwright_ts_flag_set(flag, 1) }
}
