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

    // MARK: Server → client

    func handle(request: IncomingRequest) async throws -> JSONValue {
        switch request.method {
        case ApplyEditRequest.method:
            let params = try request.decodeParams(ApplyEditRequest.self)
            received.withLock { $0.edits.append(params.edit) }
            return ["applied": true]
        case CreateWorkDoneProgressRequest.method:
            return .null
        case WorkspaceConfigurationRequest.method:
            return [.null]
        case ShowDocumentRequest.method:
            let params = try request.decodeParams(ShowDocumentRequest.self)
            received.withLock { $0.shownDocuments.append(params.uri) }
            return ["success": true]
        default:
            throw JSONRPCError.methodNotFound(request.method)
        }
    }

    func handle(notification: IncomingNotification) async {
        switch notification.method {
        case ShowMessageNotification.method:
            let message = notification.params?["message"]?.stringValue ?? ""
            received.withLock { $0.messages.append(message) }
        case ProgressNotification.method:
            let kind = notification.params?["value"]?["kind"]?.stringValue ?? ""
            let message = notification.params?["value"]?["message"]?.stringValue
            let token = notification.params?["token"]?.stringValue ?? ""
            received.withLock {
                $0.progress.append(message.map { "\(kind): \($0)" } ?? kind)
                if kind == "begin" { $0.progressTokens.append(token) }
            }
        default:
            break
        }
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
