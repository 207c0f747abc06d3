import Documents
import DocwrightCore
import Engine
import JSONRPC
import LSP

/// `textDocument/completion` inside a documented stub: the ranked candidates as items. Candidates
/// cut off by `max_tokens` or breaking the file's parse appear only when completion was invoked
/// (not as the user types), with "incomplete" / "syntax error" in their detail.
extension LanguageServer {
    func completion(_ params: CompletionRequest) async throws -> CompletionList {
        guard case .found(let located) = try await locate(uri: params.textDocument.uri, position: params.position),
              located.task.shape != .nextLines || params.context?.triggerKind == .invoked
        else { return CompletionList(isIncomplete: false, items: []) }
        guard let result = try await generationShowingFailure({ try await engine.generate(task: located.task, model: nil, document: located.tree) })
        else { return CompletionList(isIncomplete: false, items: []) }
        let (primary, additional) = completionRanges(located, cursor: params.position)
        let invoked = params.context?.triggerKind == .invoked
        let offered = invoked ? result.candidates : result.candidates.filter(\.mayBeOfferedUnasked)
        let items = offered.enumerated().map { index, candidate in
            var item = CompletionItem(
                label: Self.label(candidate.text),
                kind: .snippet,
                detail: "docwright · \(result.modelName) · \(candidate.evidenceSummary)",
                documentation: MarkupContent(markdown: "```\(located.task.language)\n\(candidate.text)\n```\n\nroute: \(result.rule)"),
                sortText: String(cFormat: "%04d", index),
                filterText: (located.snapshot.line(params.position.line) ?? "") + candidate.text,
                textEdit: TextEdit(range: primary, newText: candidate.text))
            item.additionalTextEdits = additional.map { TextEdit(range: $0, newText: "") }
            return item
        }
        return CompletionList(isIncomplete: false, items: items)
    }

    static func label(_ text: String) -> String {
        let first = text.split(separator: "\n").first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        let trimmed = first.drop(while: \.isWhitespace)
        return trimmed.count > 60 ? String(trimmed.prefix(57)) + "…" : String(trimmed)
    }

    /// LSP wants a completion's main edit on one line containing the cursor: replace the cursor's
    /// line (clipped to the insertion range) and delete the rest of the stub with additional edits.
    func completionRanges(_ located: Located, cursor: Position) -> (LSP.Range, [LSP.Range]) {
        let whole = located.snapshot.lspRange(located.task.insertion, encoding)
        let line = min(max(cursor.line, whole.start.line), whole.end.line)
        if whole.start.line == whole.end.line { return (whole, []) }
        let lineEnd = located.snapshot.lspPosition(
            SourcePosition(line: line, utf8Column: (located.snapshot.line(line) ?? "").utf8.count), encoding)
        let start = line == whole.start.line ? whole.start : Position(line: line, character: 0)
        let end = line == whole.end.line ? whole.end : lineEnd
        var additional: [LSP.Range] = []
        if start != whole.start { additional.append(LSP.Range(start: whole.start, end: start)) }
        if end != whole.end { additional.append(LSP.Range(start: end, end: whole.end)) }
        return (LSP.Range(start: start, end: end), additional)
    }
}
