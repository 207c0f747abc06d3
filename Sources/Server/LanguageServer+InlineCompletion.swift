import Config
import DocwrightCore
import Engine
import JSONRPC
import LSP
import Synchronization

/// LSP 3.18 `textDocument/inlineCompletion`: ghost text for the body, every ranked candidate so
/// editors can cycle through them.
///
/// Automatic triggers fire on every keystroke, so they are debounced (`inline.debounce_ms`): a
/// newer automatic trigger for the same document supersedes an older one, which returns nothing
/// and cancels its model request. They also stay silent when the best candidate is not worth
/// showing unasked (`InlineGate`). Invoked triggers are answered at once, with every candidate;
/// those the gate would hold back carry the reason in their command title. With a streaming
/// backend an invoked trigger is answered on the first acceptable candidate (fast ghost text,
/// the list marked `provisional`); the generation goes on, and its final ranking, cached, is
/// what asking again (cycling, the picker) gets.
extension LanguageServer {
    static let automaticTrigger = InlineCompletionTriggerKind.automatic

    func inlineCompletion(_ params: InlineCompletionRequest) async throws -> InlineCompletionList {
        let uri = params.textDocument.uri
        guard case .found(let located) = try await locate(uri: uri, position: params.position) else {
            return InlineCompletionList(items: [])
        }
        let automatic = (params.context?.triggerKind ?? Self.automaticTrigger) == Self.automaticTrigger
        // Typing fires automatic requests constantly: only answer them near the stub.
        if automatic, !isNear(params.position, located) { return InlineCompletionList(items: []) }
        let settings = engine.config.current.inline
        var provisional = false
        let drawn: GenerationResult?
        do {
            drawn = try await generationShowingFailure(shown: !automatic) {
                if !automatic {
                    let answer = try await firstAcceptable(located, settings)
                    provisional = answer.provisional
                    return answer.result
                }
                if let cached = engine.cachedResult(for: located.task) { return cached }  // nothing to wait for
                // nil: superseded while debouncing.
                return try await debouncedGenerate(uri: uri, located, delay: settings.debounceMilliseconds)
            }
        } catch is CancellationError where automatic {
            // Superseded by a newer automatic trigger (an invoked one cancelled by the client rethrows).
            return InlineCompletionList(items: [])
        }
        guard let result = drawn else { return InlineCompletionList(items: []) }
        let range = located.snapshot.lspRange(located.task.insertion, encoding)
        if automatic {
            guard let best = result.candidates.first, InlineGate.reason(best, settings) == nil else {
                return InlineCompletionList(items: [])
            }
            let shown = result.candidates.filter { InlineGate.reason($0, settings) == nil }
            return InlineCompletionList(items: shown.map { InlineCompletionItem(insertText: $0.text, range: range) })
        }
        return InlineCompletionList(items: result.candidates.enumerated().map { index, candidate in
            let label = InlineGate.reason(candidate, settings).map { "docwright #\(index + 1): \($0)" }
            return InlineCompletionItem(insertText: candidate.text, range: range,
                                        command: label.map { Command(title: $0, command: Commands.inlineAccepted) })
        }, provisional: provisional ? true : nil)
    }

    /// An invoked request's candidates: with a streaming backend, the first provisional ranking
    /// whose best candidate passes `InlineGate` (true: provisional), else the final ranking. The
    /// generation is not cut short by answering early: it runs to the end and is cached, so the
    /// next request for the task (cycling, `docwright.candidates`) gets every candidate, or joins
    /// the generation while it still runs. Cancelling the request before it is answered cancels it.
    private func firstAcceptable(_ located: Located, _ settings: InlineSettings) async throws
        -> (result: GenerationResult, provisional: Bool) {
        let engine = self.engine
        let (task, document) = (located.task, located.tree)
        let (early, offer) = AsyncStream<GenerationResult>.makeStream(bufferingPolicy: .bufferingOldest(1))
        let generation = Task {
            defer { offer.finish() }
            return try await engine.generate(task: task, model: nil, document: document, partial: { result in
                guard let best = result.candidates.first, InlineGate.reason(best, settings) == nil else { return }
                offer.yield(result)
                offer.finish()
            })
        }
        return try await withTaskCancellationHandler {
            for await result in early { return (result: result, provisional: true) }
            // No acceptable candidate before the end (or a backend that does not stream).
            return (result: try await generation.value, provisional: false)
        } onCancel: {
            generation.cancel()
        }
    }

    /// Waits `delay` ms for typing to pause, then generates, unless a newer automatic trigger for
    /// `uri` arrived meanwhile (nil). A newer trigger also cancels this one's model request.
    private func debouncedGenerate(uri: String, _ located: Located, delay: Int) async throws -> GenerationResult? {
        let ticket = state.withLock { state -> Int in
            state.inlineTickets[uri, default: 0] += 1
            state.inlineGenerations.removeValue(forKey: uri)?.cancel()
            return state.inlineTickets[uri] ?? 0
        }
        if delay > 0 { try await Task.sleep(for: .milliseconds(delay)) }
        let engine = self.engine
        let task = located.task
        let generation: Task<GenerationResult, any Error>? = state.withLock { state in
            guard state.inlineTickets[uri] == ticket else { return nil }
            let document = located.tree
            let generation = Task { try await engine.generate(task: task, model: nil, document: document) }
            state.inlineGenerations[uri] = generation
            return generation
        }
        guard let generation else { return nil }
        defer {
            state.withLock { state in
                if state.inlineTickets[uri] == ticket { state.inlineGenerations[uri] = nil }
            }
        }
        return try await withTaskCancellationHandler {
            try await generation.value
        } onCancel: {
            generation.cancel()
        }
    }

    /// The cursor is on the insertion range's lines or the line just before it.
    func isNear(_ position: Position, _ located: Located) -> Bool {
        let insertion = located.task.insertion
        return position.line >= insertion.start.line - 1 && position.line <= insertion.end.line
    }
}

/// Whether a candidate is good enough to appear unasked; the reason when it is not.
enum InlineGate {
    static func reason(_ candidate: Candidate, _ settings: InlineSettings) -> String? {
        if candidate.verification == .failed {
            return "failed \(candidate.examplesRun - candidate.examplesPassed) of \(candidate.examplesRun) docstring examples"
        }
        if candidate.finishReason == .length { return "cut off by max_tokens (incomplete)" }
        if candidate.syntaxOK == false { return "does not parse" }
        if let logprob = candidate.meanLogprob, logprob < settings.minimumLogprob {
            return "low confidence (mean log-probability \(String(format2: logprob)) < \(String(format2: settings.minimumLogprob)))"
        }
        return nil
    }
}
