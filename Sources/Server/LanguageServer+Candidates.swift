import Documents
import DocwrightCore
import Engine
import JSON
import JSONRPC
import LSP

/// `docwright.candidates`: every ranked candidate with its score, verification result and model,
/// the edit that applies it and a diff preview — what the editors' pickers (`:DocwrightPick`,
/// `M-x docwright-pick`, `docwright.pick`) list, so no editor re-ranks or re-renders anything.
extension LanguageServer {
    struct PickerEntry: Codable, Sendable {
        /// 1-based rank.
        var rank: Int
        /// One line for the picker: "#2  score -0.61 · logp -0.61 · 1/2 examples · local".
        var title: String
        var text: String
        var score: Double
        var method: ScoringMethod
        var meanLogprob: Double?
        var verification: Candidate.Verification
        var examplesPassed: Int
        var examplesRun: Int
        var truncated: Bool
        var syntaxOK: Bool?
        var notes: [String]
        var edit: WorkspaceEdit
        /// Unified diff of the change.
        var preview: String
    }

    struct PickerList: Codable, Sendable {
        var uri: String
        var version: Int
        var model: String
        var modelID: String
        var rule: String
        var fromCache: Bool
        var candidates: [PickerEntry]
    }

    /// The last two path components: enough to recognise the file in a preview's header.
    static func previewPath(_ path: String) -> String {
        path.split(separator: "/").suffix(2).joined(separator: "/")
    }

    func candidates(_ args: GenerateArguments) async throws -> JSONValue {
        let located: Located
        switch try await locate(uri: args.uri, position: args.position) {
        case .found(let found): located = found
        case .nothing(let reason):
            throw JSONRPCError(code: JSONRPCError.Code.requestFailed, message: "docwright: nothing to generate here — \(reason)")
        }
        // Errors go back as the reply: the picker shows them (no separate message).
        let result = try await generateWithProgress(located, model: args.model)
        let snapshot = located.snapshot
        let insertion = located.task.insertion
        let path = filePath(fromURI: snapshot.uri).map(Self.previewPath) ?? snapshot.uri
        let entries = result.candidates.enumerated().map { index, candidate in
            PickerEntry(
                rank: index + 1,
                title: "#\(index + 1)  score \(String(format2: candidate.score)) · \(candidate.evidenceSummary)"
                    + (candidate.verification == .passed ? " · verified" : candidate.verification == .failed ? " · FAILED examples" : "")
                    + " · \(result.modelName)",
                text: candidate.text, score: candidate.score, method: candidate.method, meanLogprob: candidate.meanLogprob,
                verification: candidate.verification, examplesPassed: candidate.examplesPassed, examplesRun: candidate.examplesRun,
                truncated: candidate.finishReason == .length, syntaxOK: candidate.syntaxOK, notes: candidate.notes,
                edit: workspaceEdit(candidate, located),
                preview: PreviewDiff.unified(
                    text: snapshot.text, start: (insertion.start.line, insertion.start.utf8Column),
                    end: (insertion.end.line, insertion.end.utf8Column), replacement: candidate.text, path: path))
        }
        return try JSONValue(encoding: PickerList(
            uri: snapshot.uri, version: snapshot.version, model: result.modelName, modelID: result.modelID, rule: result.rule.description,
            fromCache: result.fromCache, candidates: entries))
    }
}
