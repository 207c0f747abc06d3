import Dispatch

/// A `SyntaxParser` on a serial queue of its own, for callers on Swift's cooperative pool: a
/// full parse of a large file takes tens of milliseconds (bench/results/syntax-perf.md), too
/// long to hold one of the pool's few threads. Parses run one at a time, in submission order;
/// cancelling the awaiting task stops its parse within ~100 parse steps.
///
/// `@unchecked Sendable`: the parser is touched only by blocks on `queue`, which is serial.
public final class SyntaxParserQueue: @unchecked Sendable {
    private let parser: SyntaxParser
    private let queue: DispatchQueue

    public init(grammars: Grammars = .shared, label: String = "docwright.syntax") {
        parser = SyntaxParser(grammars: grammars)
        queue = DispatchQueue(label: label)
    }

    /// `SyntaxParser.parse(text:language:timeout:)` off the pool.
    public func parse(text: String, language: String,
                      timeout: Duration? = SyntaxParser.defaultTimeout) async throws(SyntaxError) -> SyntaxTree {
        try await run { (parser: SyntaxParser, cancellation: ParseCancellation) throws(SyntaxError) -> SyntaxTree in
            try parser.parse(text: text, language: language, timeout: timeout, cancellation: cancellation)
        }
    }

    /// `SyntaxParser.reparse(_:applying:newText:timeout:)` off the pool.
    public func reparse(_ tree: SyntaxTree, applying edits: [SyntaxEdit], newText: String,
                        timeout: Duration? = SyntaxParser.defaultTimeout) async throws(SyntaxError) -> SyntaxTree {
        try await run { (parser: SyntaxParser, cancellation: ParseCancellation) throws(SyntaxError) -> SyntaxTree in
            try parser.reparse(tree, applying: edits, newText: newText, timeout: timeout, cancellation: cancellation)
        }
    }

    private func run(_ body: @escaping @Sendable (SyntaxParser, ParseCancellation) throws(SyntaxError) -> SyntaxTree)
        async throws(SyntaxError) -> SyntaxTree {
        // Triggered at once by the handler below if the task is already cancelled.
        let cancellation = ParseCancellation()
        let outcome: Result<SyntaxTree, SyntaxError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                queue.async {
                    do throws(SyntaxError) {
                        continuation.resume(returning: .success(try body(self.parser, cancellation)))
                    } catch {
                        continuation.resume(returning: .failure(error))
                    }
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
        return try outcome.get()
    }
}
