import Documents
import JSON
import DocwrightCore
import Engine
import JSONRPC
import LSP

/// `textDocument/codeAction` never waits on a model: with cached results it returns their edits,
/// otherwise one "Generate implementation" action that generates on demand (resolve or command).
extension LanguageServer {
    static let actionKind = CodeActionKind.refactorRewrite
    static let generateTitle = "docwright: Generate implementation"
    static let shownCandidates = 5

    func codeActions(_ params: CodeActionRequest) async throws -> [CodeAction] {
        if let only = params.context?.only, !only.contains(where: { Self.actionKind.rawValue.hasPrefix($0.rawValue) || $0 == .quickFix }) {
            return []
        }
        guard case .found(let located) = try await locate(uri: params.textDocument.uri, position: params.range.start) else {
            return []
        }
        let args = GenerateArguments(uri: params.textDocument.uri, position: params.range.start, version: located.snapshot.version)
        if let cached = engine.cachedResult(for: located.task), !cached.candidates.isEmpty {
            let shown = cached.candidates.prefix(Self.shownCandidates)
            // The best candidate that is complete and parses; one cut by max_tokens or breaking the
            // file's parse is never preferred, only listed ("incomplete" / "syntax error" in its title).
            let preferred = shown.firstIndex { $0.mayBeOfferedUnasked }
            return shown.enumerated().map { index, candidate in
                CodeAction(
                    title: "docwright: Use candidate \(index + 1) (\(candidate.evidenceSummary); \(cached.modelName))",
                    kind: Self.actionKind,
                    isPreferred: index == preferred,
                    edit: workspaceEdit(candidate, located),
                    data: try? JSONValue(encoding: candidate))
            }
        }
        let data = try JSONValue(encoding: args)
        return [
            CodeAction(
                title: Self.generateTitle, kind: Self.actionKind, isPreferred: true,
                command: Command(title: Self.generateTitle, command: Commands.generate, arguments: [data]),
                data: data),
        ]
    }

    /// Clients that resolve actions get the edit itself (the generation happens now, on the
    /// user's explicit choice); the command is dropped so it does not run a second time.
    func resolveCodeAction(_ action: CodeAction) async throws -> CodeAction {
        guard action.edit == nil, let data = action.data,
              let args = try? data.decode(GenerateArguments.self), args.docwright == true
        else { return action }
        guard case .found(let located) = try await locate(uri: args.uri, position: args.position) else { return action }
        guard let result = try await generationShowingFailure({ try await generateWithProgress(located, model: args.model) })
        else {
            // Failed (and said so): the action comes back without edit or command so nothing runs twice.
            var failed = action
            failed.command = nil
            return failed
        }
        // The preferred action applies only a complete candidate that parses; the others are in the
        // code action list (labelled) and the picker, for the user to choose explicitly.
        guard let best = result.candidates.preferred, let rank = result.candidates.firstIndex(of: best),
              let target = await relocate(located, position: args.position) else {
            await showMessage(.warning, result.candidates.isEmpty
                ? "docwright: \(result.modelName) returned no usable candidate"
                : Self.onlyIncomplete(result))
            var empty = action
            empty.command = nil
            return empty
        }
        var resolved = action
        resolved.edit = workspaceEdit(best, target)
        resolved.command = nil
        resolved.title = "docwright: Use candidate \(rank + 1) (\(best.evidenceSummary); \(result.modelName))"
        return resolved
    }

    /// Why nothing was applied when every candidate is incomplete or breaks the parse.
    static func onlyIncomplete(_ result: GenerationResult) -> String {
        "docwright: every candidate from \(result.modelName) is incomplete (cut off by max_tokens) or does not parse, "
            + "so none was applied; choose one from the code actions or the picker (labelled), or raise max_tokens"
    }
}
