import JSON
import DocwrightCore
import Documents
import Engine
import Foundation
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

    public func handle(request: IncomingRequest) async throws -> JSONValue {
        let phase = state.withLock { $0.phase }
        switch (phase, request.method) {
        case (.uninitialized, Method.initialize):
            return try JSONValue(encoding: await initialize(try decode(request.params)))
        case (.uninitialized, _):
            throw JSONRPCError(code: JSONRPCError.Code.serverNotInitialized, message: "server not initialized: send 'initialize' first")
        case (.shutDown, _):
            throw JSONRPCError(code: JSONRPCError.Code.invalidRequest, message: "server is shut down: only 'exit' is accepted")
        case (.running, Method.initialize):
            throw JSONRPCError(code: JSONRPCError.Code.invalidRequest, message: "'initialize' was already received")
        case (.running, Method.shutdown):
            state.withLock { $0.phase = .shutDown }
            engine.shutdown()
            return .null
        case (.running, Method.codeAction):
            return try JSONValue(encoding: await codeActions(try decode(request.params)))
        case (.running, Method.codeActionResolve):
            return try JSONValue(encoding: await resolveCodeAction(try decode(request.params)))
        case (.running, Method.completion):
            return try JSONValue(encoding: await completion(try decode(request.params)))
        case (.running, Method.inlineCompletion):
            return try JSONValue(encoding: await inlineCompletion(try decode(request.params)))
        case (.running, Method.executeCommand):
            return try await executeCommand(try decode(request.params))
        default:
            throw JSONRPCError(code: JSONRPCError.Code.methodNotFound, message: "method not found: \(request.method)")
        }
    }

    public func handle(notification: IncomingNotification) async {
        do {
            switch notification.method {
            case Method.exit:
                state.withLock { $0.exitCode = $0.phase == .shutDown ? 0 : 1 }
                connection.stop()
            case Method.initialized:
                await didInitialize()
            case Method.didOpen:
                try didOpen(try decode(notification.params))
            case Method.didChange:
                try didChange(try decode(notification.params))
            case Method.didClose:
                didClose(try decode(notification.params))
            case Method.didChangeConfiguration:
                await didChangeConfiguration(try decode(notification.params))
            case Method.didSave:
                let params: DidSaveTextDocumentParams = try decode(notification.params)
                configurationFileChanged(uris: [params.textDocument.uri])
            case Method.progressCancel:
                if let token = notification.params?["token"]?.stringValue { cancelProgress(token: token) }
            case Method.didChangeWatchedFiles:
                let params: DidChangeWatchedFilesParams = try decode(notification.params)
                configurationFileChanged(uris: params.changes.map(\.uri))
                indexFileEvents(params.changes)
            default:
                // `$/` notifications and unknown notifications are ignored by design.
                logger.debug("ignored notification", metadata: ["method": "\(notification.method)"])
            }
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
        await connection.notify(Method.showMessage, params: ShowMessageParams(type: type, message: message))
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
