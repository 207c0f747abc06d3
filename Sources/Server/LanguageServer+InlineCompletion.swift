import DocwrightCore
import Engine
import JSONRPC
import LSP

/// LSP 3.18 `textDocument/inlineCompletion`: ghost text for the body. Automatic triggers get
/// the best candidate only; invoked triggers get every candidate to cycle through.
extension LanguageServer {
    static let automaticTrigger = 2

    func inlineCompletion(_ params: InlineCompletionParams) async throws -> InlineCompletionList {
        guard case .found(let located) = try locate(uri: params.textDocument.uri, position: params.position) else {
            return InlineCompletionList(items: [])
        }
        let automatic = (params.context?.triggerKind ?? Self.automaticTrigger) == Self.automaticTrigger
        // Typing fires automatic requests constantly: only answer them near the stub.
        if automatic, !isNear(params.position, located) { return InlineCompletionList(items: []) }
        let result: GenerationResult
        do {
            result = try await engine.generate(task: located.task, model: nil)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if !automatic { await showMessage(.error, describe(error)) }
            return InlineCompletionList(items: [])
        }
        let range = located.snapshot.lspRange(located.task.insertion, encoding)
        let chosen = automatic ? Array(result.candidates.prefix(1)) : result.candidates
        return InlineCompletionList(items: chosen.map { candidate in
            InlineCompletionItem(insertText: candidate.text, range: range)
        })
    }

    /// The cursor is on the insertion range's lines or the line just before it.
    func isNear(_ position: Position, _ located: Located) -> Bool {
        let insertion = located.task.insertion
        return position.line >= insertion.start.line - 1 && position.line <= insertion.end.line
    }
}
