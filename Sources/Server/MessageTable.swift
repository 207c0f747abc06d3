import JSON
import JSONRPC
import LSP

/// Typed dispatch: one row per request or notification the server handles, keyed by the type's
/// own `method`, so a method's params and result types come from its `LSPRequest` /
/// `LSPNotification` type and nowhere else.
struct RequestTable: Sendable {
    typealias Handler = @Sendable (LanguageServer, JSONValue?) async throws -> JSONValue
    private var handlers: [String: Handler] = [:]

    /// Answers `R` with `body`: params decoded as `R` (invalid params → -32602), result encoded from `R.Response`.
    mutating func handle<R: LSPRequest>(_ type: R.Type, _ body: @escaping @Sendable (LanguageServer, R) async throws -> R.Response) {
        handlers[R.method] = { server, params in
            let request: R = try server.decode(params)
            return try JSONValue(encoding: try await body(server, request))
        }
    }

    subscript(method: String) -> Handler? { handlers[method] }
}

struct NotificationTable: Sendable {
    typealias Handler = @Sendable (LanguageServer, JSONValue?) async throws -> Void
    private var handlers: [String: Handler] = [:]

    mutating func handle<N: LSPNotification>(_ type: N.Type, _ body: @escaping @Sendable (LanguageServer, N) async throws -> Void) {
        handlers[N.method] = { server, params in
            let notification: N = try server.decode(params)
            try await body(server, notification)
        }
    }

    subscript(method: String) -> Handler? { handlers[method] }
}
