import JSON
import DocwrightCore
import Documents
import Engine
import FoundationEssentials
import JSONRPC
import LSP
import Logging
import Synchronization
import Syntax

/// docwright's LSP handler: decodes requests, checks the lifecycle, and dispatches to one
/// feature file each (`LanguageServer+CodeAction.swift`, …). Business logic lives in `Engine`.
public final class LanguageServer: MessageHandler, Sendable {
    enum Phase: Sendable { case uninitialized, running, shutDown }

    struct State: Sendable {
        var phase = Phase.uninitialized
        var encoding = PositionEncoding.utf16
        var capabilities: ClientCapabilities?
        var workspaceRoot: String?
        var progressCounter = 0
        /// Per document: the latest automatic inline trigger, and its model request while it runs.
        var inlineTickets: [String: Int] = [:]
        var inlineGenerations: [String: Task<GenerationResult, any Error>] = [:]
        /// Generations shown with a progress token, so the progress UI can cancel them.
        var progressGenerations: [String: Task<GenerationResult, any Error>] = [:]
        var reportCounter = 0
        var exitCode: Int32?
    }

    public static let commands = [
        Commands.generate, Commands.compareModels, Commands.applyCandidate, Commands.candidates, Commands.inlineAccepted,
    ]

    let connection: Connection
    let engine: Engine
    let documents = DocumentStore()
    /// Each open document's syntax tree, re-parsed incrementally when intent detection asks for it.
    let trees = SyntaxTreeCache()
    let logger: Logger
    let state = Mutex(State())

    public init(connection: Connection, engine: Engine, logger: Logger) {
        self.connection = connection
        self.engine = engine
        self.logger = logger
    }

    /// Set by `exit`: 0 after `shutdown`, 1 without (LSP). nil while running.
    public var exitCode: Int32? { state.withLock { $0.exitCode } }

    var encoding: PositionEncoding { state.withLock { $0.encoding } }

    /// Errors meant for users become `RequestFailed` replies carrying their message.
    @Sendable public static func mapError(_ error: any Error) -> JSONRPCError? {
        if let user = error as? any UserFacingError { return .requestFailed(user.userMessage) }
        return nil
    }

    // MARK: - Dispatch

    /// Every request docwright answers, by type. Lifecycle checks happen before (`handle(request:)`).
    static let requests: RequestTable = {
        var table = RequestTable()
        table.handle(InitializeRequest.self) { await $0.initialize($1) }
        table.handle(ShutdownRequest.self) { server, _ in
            server.state.withLock { $0.phase = .shutDown }
            server.engine.shutdown()
            return VoidResponse()
        }
        table.handle(CodeActionRequest.self) { try await $0.codeActions($1) }
        table.handle(CodeActionResolveRequest.self) { try await $0.resolveCodeAction($1.codeAction) }
        table.handle(CompletionRequest.self) { try await $0.completion($1) }
        table.handle(InlineCompletionRequest.self) { try await $0.inlineCompletion($1) }
        table.handle(ExecuteCommandRequest.self) { try await $0.executeCommand($1) }
        return table
    }()

    /// Every notification docwright acts on, by type; others are ignored.
    static let notifications: NotificationTable = {
        var table = NotificationTable()
        table.handle(ExitNotification.self) { server, _ in
            server.state.withLock { $0.exitCode = $0.phase == .shutDown ? 0 : 1 }
            server.connection.stop()
        }
        table.handle(InitializedNotification.self) { server, _ in await server.didInitialize() }
        table.handle(DidOpenTextDocumentNotification.self) { try $0.didOpen($1) }
        table.handle(DidChangeTextDocumentNotification.self) { try $0.didChange($1) }
        table.handle(DidCloseTextDocumentNotification.self) { $0.didClose($1) }
        table.handle(DidChangeConfigurationNotification.self) { await $0.didChangeConfiguration($1) }
        table.handle(DidSaveTextDocumentNotification.self) { $0.configurationFileChanged(uris: [$1.textDocument.uri]) }
        table.handle(WorkDoneProgressCancelNotification.self) { server, params in
            if let token = params.token?.stringValue { server.cancelProgress(token: token) }
        }
        table.handle(DidChangeWatchedFilesNotification.self) { server, params in
            server.configurationFileChanged(uris: params.changes.map(\.uri))
            server.indexFileEvents(params.changes)
        }
        return table
    }()

    public func handle(request: IncomingRequest) async throws -> JSONValue {
        let phase = state.withLock { $0.phase }
        switch (phase, request.method) {
        case (.uninitialized, InitializeRequest.method):
            break
        case (.uninitialized, _):
            throw JSONRPCError(code: JSONRPCError.Code.serverNotInitialized, message: "server not initialized: send 'initialize' first")
        case (.shutDown, _):
            throw JSONRPCError(code: JSONRPCError.Code.invalidRequest, message: "server is shut down: only 'exit' is accepted")
        case (.running, InitializeRequest.method):
            throw JSONRPCError(code: JSONRPCError.Code.invalidRequest, message: "'initialize' was already received")
        case (.running, _):
            break
        }
        guard let handler = Self.requests[request.method] else {
            throw JSONRPCError(code: JSONRPCError.Code.methodNotFound, message: "method not found: \(request.method)")
        }
        return try await handler(self, request.params)
    }

    public func handle(notification: IncomingNotification) async {
        guard let handler = Self.notifications[notification.method] else {
            // `$/` notifications and unknown notifications are ignored by design.
            logger.debug("ignored notification", metadata: ["method": "\(notification.method)"])
            return
        }
        do {
            try await handler(self, notification.params)
        } catch {
            logger.warning("notification failed", metadata: [
                "method": "\(notification.method)", "error": "\(describe(error))",
            ])
        }
    }

    // MARK: - Helpers shared by the feature files

    func decode<P: Decodable>(_ params: JSONValue?) throws -> P {
        do {
            return try (params ?? .null).decode(P.self)
        } catch {
            throw JSONRPCError(code: JSONRPCError.Code.invalidParams, message: "invalid params: \(describe(error))")
        }
    }

    func showMessage(_ type: MessageType, _ message: String) async {
        await connection.notify(ShowMessageNotification(type: type, message: message))
    }

    /// A generation a request needs, its failure shown to the user once (window/showMessage)
    /// instead of thrown: nil then, and the reply stays a success so the client does not show the
    /// error a second time. Cancellation is rethrown. `shown: false` drops the failure silently
    /// (for requests nobody asked for, such as automatic inline completions); `generate`
    /// returning nil (nothing drawn) is nil too.
    func generationShowingFailure(shown: Bool = true, _ generate: () async throws -> GenerationResult?) async throws
        -> GenerationResult?
    {
        do {
            return try await generate()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if shown { await showMessage(.error, describe(error)) }
            return nil
        }
    }

    /// The snapshot for a request, or a clear error when the client never opened the document.
    func snapshot(_ uri: String) throws -> DocumentSnapshot {
        guard let snapshot = documents.snapshot(uri: uri) else {
            throw JSONRPCError(code: JSONRPCError.Code.invalidParams, message: "document not open: \(uri) (send textDocument/didOpen first)")
        }
        return snapshot
    }
}

/// Commands docwright registers with `workspace/executeCommand`.
public enum Commands {
    public static let generate = "docwright.generate"
    public static let compareModels = "docwright.compareModels"
    public static let applyCandidate = "docwright.applyCandidate"
    /// The ranked candidates with their edits and previews, for the editors' pickers.
    public static let candidates = "docwright.candidates"
    /// Carried by labelled inline items (its title says why the item would not appear unasked);
    /// runs when one is accepted and does nothing else.
    public static let inlineAccepted = "docwright.inlineAccepted"
}

func describe(_ error: any Error) -> String {
    if let user = error as? any UserFacingError { return user.userMessage }
    if let rpc = error as? JSONRPCError { return rpc.message }
    if let decoding = error as? DecodingError {
        switch decoding {
        case .typeMismatch(_, let context), .valueNotFound(_, let context),
             .keyNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "\(decoding)"
        }
    }
    return "\(error)"
}
