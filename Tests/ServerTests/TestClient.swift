import JSON
import Config
import DocwrightCore
import Engine
import Foundation
import Gateway
import JSONRPC
import LSP
import Logging
import Server
import Synchronization
import Testing

/// An in-process LSP client wired to a real `LanguageServer` through `InMemoryTransport`.
/// It answers server→client requests (applyEdit, progress, configuration, showDocument) and
/// records what the server sent.
final class TestClient: MessageHandler, Sendable {
    struct Received: Sendable {
        var edits: [WorkspaceEdit] = []
        var messages: [String] = []
        var progress: [String] = []
        var progressTokens: [String] = []
        var shownDocuments: [String] = []
    }

    let connection: Connection
    let server: LanguageServer
    let engine: Engine
    let received = Mutex(Received())
    let home: URL
    private let runTask: Mutex<Task<Void, Never>?> = Mutex(nil)
    private let clientTask: Mutex<Task<Void, Never>?> = Mutex(nil)

    /// - Parameters:
    ///   - modelURL: base URL for the `local` model (nil: an unreachable port).
    ///   - cache: give the engine a disk cache in a temporary directory.
    init(modelURL: String? = nil, cache: Bool = false) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let environment = [
            "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_CACHE_HOME": home.appendingPathComponent("cache").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "DOCWRIGHT_LOCAL_MODEL_URL": modelURL ?? "http://127.0.0.1:9/v1",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        engine = try Engine.makeDefault(logger: logger, environment: environment, cacheEnabled: cache)
        let (clientEnd, serverEnd) = InMemoryTransport.pair()
        let serverConnection = Connection(transport: serverEnd, logger: logger, errorMapper: LanguageServer.mapError)
        server = LanguageServer(connection: serverConnection, engine: engine, logger: logger)
        connection = Connection(transport: clientEnd, logger: logger)
        let server = self.server
        runTask.withLock { $0 = Task { await serverConnection.run(handler: server) } }
        clientTask.withLock { $0 = Task { await self.connection.run(handler: self) } }
    }

    deinit {
        try? FileManager.default.removeItem(at: home)
    }

    // MARK: Server → client (typed: each message decoded as its `LSP` type, each reply its `Response`)

    func handle(request: IncomingRequest) async throws -> JSONValue {
        switch request.method {
        case ApplyEditRequest.method:
            return try answer(request, ApplyEditRequest.self) { applied in
                self.received.withLock { $0.edits.append(applied.edit) }
                return ApplyWorkspaceEditResult(applied: true)
            }
        case CreateWorkDoneProgressRequest.method:
            return try answer(request, CreateWorkDoneProgressRequest.self) { _ in VoidResponse() }
        case WorkspaceConfigurationRequest.method:
            return try answer(request, WorkspaceConfigurationRequest.self) { asked in asked.items.map { _ in .null } }
        case ShowDocumentRequest.method:
            return try answer(request, ShowDocumentRequest.self) { shown in
                self.received.withLock { $0.shownDocuments.append(shown.uri) }
                return ShowDocumentResult(success: true)
            }
        default:
            throw JSONRPCError.methodNotFound(request.method)
        }
    }

    /// Decodes `request` as `R` (a malformed request fails the test's call) and encodes `reply`'s answer.
    private func answer<R: LSPRequest>(_ request: IncomingRequest, _ type: R.Type,
                                       _ reply: (R) -> R.Response) throws -> JSONValue {
        try JSONValue(encoding: reply(request.decodeParams(R.self)))
    }

    func handle(notification: IncomingNotification) async {
        do {
            switch notification.method {
            case ShowMessageNotification.method:
                let shown = try notification.decodeParams(ShowMessageNotification.self)
                received.withLock { $0.messages.append(shown.message) }
            case ProgressNotification.method:
                let progress = try notification.decodeParams(ProgressNotification.self)
                let kind = progress.value.kind
                received.withLock {
                    $0.progress.append(progress.value.message.map { "\(kind.rawValue): \($0)" } ?? kind.rawValue)
                    if kind == .begin { $0.progressTokens.append(progress.token) }
                }
            default:
                break
            }
        } catch {
            Issue.record("the server sent a malformed \(notification.method): \(error)")
        }
    }

    /// The `window/showMessage` texts received, once there are at least `count` (or `timeout` has
    /// passed): a reply can overtake a notification sent before it, which the client dispatches separately.
    func messages(atLeast count: Int, timeout: Duration = .seconds(5)) async -> [String] {
        let deadline = ContinuousClock.now + timeout
        while received.withLock({ $0.messages.count }) < count, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        return received.withLock { $0.messages }
    }

    // MARK: Client → server

    func request<R: Decodable>(_ method: String, _ params: JSONValue, as type: R.Type = JSONValue.self) async throws -> R {
        try await connection.request(method, params: params, as: type)
    }

    func notify(_ method: String, _ params: JSONValue) async {
        await connection.notify(method, params: params)
    }

    @discardableResult
    func initialize(encodings: [String]? = nil, options: JSONValue = .null) async throws -> JSONValue {
        var general: JSONValue = [:]
        if let encodings { general = ["positionEncodings": .array(encodings.map { .string($0) })] }
        let result: JSONValue = try await request(InitializeRequest.method, [
            "processId": .null, "rootUri": .string(home.absoluteString),
            "initializationOptions": options,
            "capabilities": [
                "general": general,
                "window": ["workDoneProgress": true, "showDocument": ["support": true]],
                "workspace": ["applyEdit": true, "configuration": false],
            ],
        ])
        await notify(InitializedNotification.method, [:])
        return result
    }

    func open(_ uri: String, language: String, text: String, version: Int = 1) async {
        await notify(DidOpenTextDocumentNotification.method, ["textDocument": [
            "uri": .string(uri), "languageId": .string(language), "version": .int(version), "text": .string(text),
        ]])
    }

    func shutdown() async {
        _ = try? await connection.request(ShutdownRequest.method, as: JSONValue.self)
        await connection.notify(ExitNotification.method)
        _ = await runTask.withLock { $0 }?.value
        connection.stop()
        engine.shutdown()
    }
}

func position(_ line: Int, _ character: Int) -> JSONValue {
    ["line": .int(line), "character": .int(character)]
}

func modelURL() throws -> String {
    guard let url = ProcessInfo.processInfo.environment["DOCWRIGHT_TEST_MODEL_URL"], !url.isEmpty else {
        Issue.record("DOCWRIGHT_TEST_MODEL_URL is not set: run the suite with scripts/test (it starts the local model)")
        throw CancellationError()
    }
    return url
}
