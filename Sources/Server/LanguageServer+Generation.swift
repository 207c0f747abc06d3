import JSON
import DocwrightCore
import Documents
import Engine
import JSONRPC
import LSP
import Synchronization
import Syntax

/// Shared by code actions, completion, inline completion and commands: find the task at a
/// position, generate with progress, and turn candidates into edits.
extension LanguageServer {
    struct Located: Sendable {
        var snapshot: DocumentSnapshot
        var task: GenerationTask
        /// The snapshot's syntax tree, when its language has a grammar (the engine checks
        /// candidates in place from it).
        var tree: SyntaxTree?
    }

    enum Lookup: Sendable {
        case found(Located)
        case nothing(String)
    }

    func locate(uri: String, position: Position) async throws -> Lookup {
        announce(engine.refreshConfiguration())
        let snapshot = try snapshot(uri)
        let source = try snapshot.sourcePosition(position, encoding)
        // Parsed (or waited for, when a background parse runs) off the cooperative pool.
        let tree = await trees.parsedTree(for: uri, text: snapshot.text, language: snapshot.languageId)
        switch engine.findTask(text: snapshot.text, language: snapshot.languageId, position: source, path: filePath(fromURI: uri),
                               tree: { tree }) {
        case .task(let task): return .found(Located(snapshot: snapshot, task: task, tree: tree))
        case .nothing(let reason): return .nothing(reason)
        }
    }

    /// Generates for the task, showing `$/progress` when the client supports it: begin, a report
    /// per stage (sampling, ranking or verifying), and an end that says what came of it. The
    /// user can cancel from the progress UI (`window/workDoneProgress/cancel`). With progress
    /// shown, streaming backends stream: a report per completed sample ("1/5 samples, first
    /// candidate ready: …" with the provisional best), before the slowest sample ends.
    func generateWithProgress(_ located: Located, model: String?, title: String = "docwright: generating") async throws
        -> GenerationResult
    {
        let task = located.task
        guard let token = await beginProgress(title, message: task.signature.isEmpty ? nil : task.signature) else {
            return try await engine.generate(task: task, model: model, document: located.tree)
        }
        // Reports go out in order, and all of them before the end.
        let (stages, stage) = AsyncStream<GenerationProgress>.makeStream()
        let reporter = Task {
            for await progress in stages {
                await connection.notify(ProgressNotification(
                    token: token, value: .report(progress.message, percentage: progress.percentage)))
            }
        }
        let engine = self.engine
        // The provisional results reach the user through the `.received` reports (they carry
        // the provisional best); asking for them is what makes a streaming backend stream.
        let generation = Task {
            try await engine.generate(task: task, model: model, document: located.tree, progress: { stage.yield($0) },
                                      partial: { _ in })
        }
        state.withLock { $0.progressGenerations[token] = generation }
        defer { _ = state.withLock { $0.progressGenerations.removeValue(forKey: token) } }
        do {
            let result = try await withTaskCancellationHandler { try await generation.value } onCancel: { generation.cancel() }
            stage.finish()
            await reporter.value
            await endProgress(token, "\(result.candidates.count) candidates from \(result.modelName)")
            return result
        } catch is CancellationError {
            stage.finish()
            await reporter.value
            await endProgress(token, "cancelled")
            throw CancellationError()
        } catch {
            stage.finish()
            await reporter.value
            // Never "done" for a failure: the end report carries the error.
            await endProgress(token, "failed: \(describe(error))")
            throw error
        }
    }

    /// `window/workDoneProgress/cancel`: the user cancelled a generation from the progress UI.
    func cancelProgress(token: String) {
        state.withLock { $0.progressGenerations[token] }?.cancel()
    }

    func workspaceEdit(_ candidate: Candidate, _ located: Located) -> WorkspaceEdit {
        WorkspaceEdit(changes: [located.snapshot.uri: [textEdit(candidate.text, located)]])
    }

    /// The edit for an insertion. An insertion after the file's final line break is anchored at
    /// the end of the last line instead (same resulting text): some clients (Neovim 0.12) turn a
    /// text ending in a line break at that position into an extra empty last line.
    func textEdit(_ text: String, _ located: Located) -> TextEdit {
        let insertion = located.task.insertion
        let snapshot = located.snapshot
        let atEnd = insertion.isEmpty && insertion.start.utf8Column == 0 && insertion.start.line > 0
            && insertion.start.line == snapshot.lineCount - 1 && located.task.suffix.isEmpty
        if atEnd, let lineBreak = ["\r\n", "\n", "\r"].first(where: { text.hasSuffix($0) }) {
            let previous = insertion.start.line - 1
            let end = SourcePosition(line: previous, utf8Column: (snapshot.line(previous) ?? "").utf8.count)
            let anchor = snapshot.lspRange(SourceRange(at: end), encoding)
            return TextEdit(range: anchor, newText: lineBreak + text.dropLast(lineBreak.count))
        }
        return TextEdit(range: snapshot.lspRange(insertion, encoding), newText: text)
    }

    /// After a slow generation the document may have changed: find the same task again in the
    /// current snapshot so the edit lands where the stub is now, or nil when it is gone.
    func relocate(_ located: Located, position: Position) async -> Located? {
        guard let current = documents.snapshot(uri: located.snapshot.uri) else { return nil }
        if current.version == located.snapshot.version { return located }
        guard case .found(let again)? = try? await locate(uri: located.snapshot.uri, position: position),
              again.task.docText == located.task.docText, again.task.signature == located.task.signature
        else { return nil }
        return again
    }

    /// Generates and applies the candidate at `index` through `workspace/applyEdit`.
    func generateAndApply(_ args: GenerateArguments) async throws -> JSONValue {
        let located: Located
        switch try await locate(uri: args.uri, position: args.position) {
        case .found(let found): located = found
        case .nothing(let reason):
            await showMessage(.info, "docwright: nothing to generate here — \(reason)")
            return .null
        }
        guard let result = try await generationShowingFailure({ try await generateWithProgress(located, model: args.model) })
        else { return .null }
        guard !result.candidates.isEmpty else {
            await showMessage(.warning, "docwright: \(result.modelName) returned no usable candidate; try again or raise max_tokens")
            return try JSONValue(encoding: GenerationReport(result))
        }
        // A candidate named by index is applied as asked (the user chose it); otherwise the best
        // one that is complete and parses, never an incomplete one.
        let chosen = args.index.map { min(max($0, 0), result.candidates.count - 1) }
            ?? result.candidates.preferred.flatMap { result.candidates.firstIndex(of: $0) }
        guard let index = chosen else {
            await showMessage(.warning, Self.onlyIncomplete(result))
            return try JSONValue(encoding: GenerationReport(result))
        }
        guard let target = await relocate(located, position: args.position) else {
            await showMessage(.warning, "docwright: the document changed while generating and the docstring moved; run it again")
            return try JSONValue(encoding: GenerationReport(result))
        }
        let candidate = result.candidates[index]
        let applied = try await connection.send(
            ApplyEditRequest(label: "docwright: \(candidate.evidenceSummary)", edit: workspaceEdit(candidate, target)))
        if !applied.applied {
            await showMessage(.warning, "docwright: the editor refused the edit: \(applied.failureReason ?? "no reason given")")
        }
        return try JSONValue(encoding: GenerationReport(result))
    }

    // MARK: - Progress

    func beginProgress(_ title: String, message: String?) async -> String? {
        let supported = state.withLock { $0.capabilities?.window?.workDoneProgress ?? false }
        guard supported else { return nil }
        let token = state.withLock { state -> String in
            state.progressCounter += 1
            return "docwright-\(state.progressCounter)"
        }
        do {
            _ = try await connection.send(CreateWorkDoneProgressRequest(token: token))
        } catch {
            return nil
        }
        await connection.notify(ProgressNotification(token: token, value: .begin(title, message: message, cancellable: true)))
        return token
    }

    func endProgress(_ token: String?, _ message: String) async {
        guard let token else { return }
        await connection.notify(ProgressNotification(token: token, value: .end(message)))
    }
}

/// What `docwright.generate` returns to the client: the ranked candidates with their evidence.
struct GenerationReport: Codable, Sendable {
    var model: String
    var modelID: String
    var rule: String
    var fromCache: Bool
    var latency: Double
    var candidates: [Candidate]

    init(_ result: GenerationResult) {
        model = result.modelName
        modelID = result.modelID
        rule = result.rule.description
        fromCache = result.fromCache
        latency = result.latency
        candidates = result.candidates
    }
}
