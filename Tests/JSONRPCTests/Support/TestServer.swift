import JSON
import JSONRPC
import Logging
import Synchronization

/// A handler built from closures.
struct TestHandler: MessageHandler {
    var onRequest: @Sendable (IncomingRequest) async throws -> JSONValue = { throw JSONRPCError.methodNotFound($0.method) }
    var onNotification: @Sendable (IncomingNotification) async -> Void = { _ in }

    func handle(request: IncomingRequest) async throws -> JSONValue { try await onRequest(request) }
    func handle(notification: IncomingNotification) async { await onNotification(notification) }
}

/// A `Connection` serving `handler` over an in-memory pipe, with a raw peer on the other end.
struct TestServer {
    let peer: RawPeer
    /// The client end of the pipe (to close it, or half-close it with `closeWrite()`).
    let client: InMemoryTransport
    let connection: Connection
    let running: Task<Void, Never>

    init(handler: some MessageHandler, maxMessageBytes: Int = MessageFramer.defaultMaxMessageBytes,
         logger: Logger = Logger(label: "test.jsonrpc", factory: { _ in SwiftLogNoOpLogHandler() }),
         errorMapper: (@Sendable (any Error) -> JSONRPCError?)? = nil) {
        let (client, server) = InMemoryTransport.pair()
        connection = Connection(transport: server, logger: logger, maxMessageBytes: maxMessageBytes, errorMapper: errorMapper)
        let connection = connection
        running = Task { await connection.run(handler: handler) }
        peer = RawPeer(client)
        self.client = client
    }

    /// Sends a request and returns its response (other messages are discarded).
    func call(_ id: JSONValue, _ method: String, _ params: JSONValue? = nil, _ limit: Duration = .seconds(5)) async throws -> JSONValue {
        try await peer.send(.request(id, method, params))
        return try await peer.response(to: id, limit)
    }

    /// Waits (bounded) for `run` to return.
    func finished(_ limit: Duration = .seconds(5)) async throws {
        let running = running
        try await within(limit, "Connection.run to return") { await running.value }
    }
}

/// Records every log entry, to check what reaches the logs.
struct CapturingLogHandler: LogHandler {
    struct Entry: Sendable {
        let level: Logger.Level
        let text: String
    }

    let entries: Box<[Entry]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        entries.update { $0.append(Entry(level: event.level, text: "\(event.message) \(merged)")) }
    }
}
