import JSON
import Logging

/// What a `Connection` calls for each incoming request and notification.
///
/// Requests run concurrently, each in a Task of its own (cancelled by `$/cancelRequest`, so check
/// `Task.isCancelled` or use cancellable awaits). Notifications are delivered one at a time in
/// arrival order, and no later message is dispatched until `handle(notification:)` returns.
public protocol MessageHandler: Sendable {
    /// Answers a request. Throw `JSONRPCError` (e.g. `.methodNotFound(request.method)`) for a
    /// specific error reply, or any error conforming to `JSONRPCErrorConvertible`; anything else
    /// becomes an internal error (-32603).
    func handle(request: IncomingRequest) async throws -> JSONValue

    /// Handles a notification, including unknown ones and `$/…` ones other than
    /// `$/cancelRequest` (which the connection handles itself). Ignoring is fine.
    func handle(notification: IncomingNotification) async
}

extension MessageHandler {
    /// By default a handler knows no requests.
    public func handle(request: IncomingRequest) async throws -> JSONValue {
        throw JSONRPCError.methodNotFound(request.method)
    }

    /// By default a handler ignores notifications.
    public func handle(notification: IncomingNotification) async {}
}

/// A request from the peer.
public struct IncomingRequest: Sendable {
    public let id: RequestID
    public let method: String
    /// `params` as sent; nil when absent or `null`.
    public let params: JSONValue?
    /// The connection's logger with `jsonrpc.id` and `jsonrpc.method` metadata set.
    public let logger: Logger

    public init(id: RequestID, method: String, params: JSONValue?, logger: Logger) {
        self.id = id
        self.method = method
        self.params = params
        self.logger = logger
    }

    /// Decodes `params` as `T`; throws `JSONRPCError.invalidParams` describing the mismatch.
    public func decodeParams<T: Decodable>(_ type: T.Type = T.self) throws(JSONRPCError) -> T {
        try decodeMessageParams(params, as: type, method: method)
    }
}

/// A notification from the peer.
public struct IncomingNotification: Sendable {
    public let method: String
    /// `params` as sent; nil when absent or `null`.
    public let params: JSONValue?
    /// The connection's logger with `jsonrpc.method` metadata set.
    public let logger: Logger

    public init(method: String, params: JSONValue?, logger: Logger) {
        self.method = method
        self.params = params
        self.logger = logger
    }

    /// Decodes `params` as `T`; throws `JSONRPCError.invalidParams` describing the mismatch.
    public func decodeParams<T: Decodable>(_ type: T.Type = T.self) throws(JSONRPCError) -> T {
        try decodeMessageParams(params, as: type, method: method)
    }
}

private func decodeMessageParams<T: Decodable>(_ params: JSONValue?, as type: T.Type, method: String) throws(JSONRPCError) -> T {
    do {
        return try (params ?? .null).decode(T.self)
    } catch let error as DecodingError {
        throw .invalidParams("Invalid params for \(method): \(describe(error))")
    } catch {
        throw .invalidParams("Invalid params for \(method): \(error)")
    }
}

/// A one-line account of a decoding failure: where and what, without echoing values (params may hold secrets).
func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
        let components = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }
        return components.isEmpty ? "params" : "params" + components.joined()
    }
    switch error {
    case .keyNotFound(let key, let context):
        return "missing \(path(context)).\(key.stringValue)"
    case .typeMismatch(let type, let context):
        return "\(path(context)) is not \(type)"
    case .valueNotFound(let type, let context):
        return "\(path(context)) is null, expected \(type)"
    case .dataCorrupted(let context):
        return "\(path(context)): \(context.debugDescription)"
    @unknown default:
        return "\(error)"
    }
}
