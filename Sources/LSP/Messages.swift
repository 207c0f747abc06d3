import JSON
import JSONRPC

/// A request: its method name, its params (the conforming type's own fields) and its result type
/// in one place, as in sourcekit-lsp's `RequestType`. Nothing else pairs a method with params.
public protocol LSPRequest: Codable, Sendable {
    associatedtype Response: Codable & Sendable
    static var method: String { get }
}

/// A notification: its method name and its params (the conforming type's own fields).
public protocol LSPNotification: Codable, Sendable {
    static var method: String { get }
}

/// The `null` result of requests that return nothing (`shutdown`, `client/registerCapability`,
/// `window/workDoneProgress/create`). Decoding accepts any result: only success matters.
public struct VoidResponse: Codable, Sendable, Hashable {
    public init() {}
    public init(from decoder: any Decoder) throws {}
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }
}

/// Params of messages that carry none: decoding accepts anything (absent, `null`, `{}`),
/// encoding writes `null` so the message goes out without params.
public protocol ParameterlessMessage: Codable, Sendable {
    init()
}

extension ParameterlessMessage {
    public init(from decoder: any Decoder) throws { self.init() }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encodeNil()
    }
}

/// `$/cancelRequest` (handled by `Connection` itself; listed here so its method has a type).
public struct CancelRequestNotification: LSPNotification, Hashable {
    public static let method = "$/cancelRequest"
    public var id: RequestID
    public init(id: RequestID) { self.id = id }
}

extension Connection {
    /// Sends a typed request and decodes its typed response (see `request(_:params:as:)`).
    public func send<R: LSPRequest>(_ request: R) async throws -> R.Response {
        try await self.request(R.method, params: request, as: R.Response.self)
    }

    /// Sends a typed notification.
    public func notify<N: LSPNotification>(_ notification: N) async {
        await notify(N.method, params: notification)
    }
}
