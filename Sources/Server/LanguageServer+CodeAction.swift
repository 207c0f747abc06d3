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
        guard case .found(let located) = try locate(uri: params.textDocument.uri, position: params.range.start) else {
            return []
        }
        let args = GenerateArguments(uri: params.textDocument.uri, position: params.range.start, version: located.snapshot.version)
        if let cached = engine.cachedResult(for: located.task), !cached.candidates.isEmpty {
            return cached.candidates.prefix(Self.shownCandidates).enumerated().map { index, candidate in
                CodeAction(
                    title: "docwright: Use candidate \(index + 1) (\(candidate.evidenceSummary); \(cached.modelName))",
                    // Never prefer a candidate that breaks the file's parse or was cut by max_tokens.
                    kind: Self.actionKind,
                    isPreferred: index == 0 && candidate.syntaxOK != false && candidate.finishReason != .length,
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
        guard case .found(let located) = try locate(uri: args.uri, position: args.position) else { return action }
        let result: GenerationResult
        do {
            result = try await generateWithProgress(located, model: args.model)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // One message; the action comes back without edit or command so nothing runs twice.
            await showMessage(.error, describe(error))
            var failed = action
            failed.command = nil
            return failed
        }
        guard let best = result.candidates.first, let target = relocate(located, position: args.position) else {
            await showMessage(.warning, "docwright: \(result.modelName) returned no usable candidate")
            var empty = action
            empty.command = nil
            return empty
        }
        var resolved = action
        resolved.edit = workspaceEdit(best, target)
        resolved.command = nil
        resolved.title = "docwright: Use candidate 1 (\(best.evidenceSummary); \(result.modelName))"
        return resolved
    }
}
