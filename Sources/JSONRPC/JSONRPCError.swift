import JSON

/// A JSON-RPC error object: what a request handler throws to answer with a specific error, and
/// what `Connection.request` throws when the peer answers with one.
public struct JSONRPCError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The numeric code; see `JSONRPCError.Code` for the standard ones.
    public var code: Int
    /// A short description, shown to the user by most editors.
    public var message: String
    /// Extra structured detail, if any.
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public var description: String { "JSON-RPC error \(code): \(message)" }

    /// Standard codes from JSON-RPC 2.0 and LSP 3.17.
    public enum Code {
        public static let parseError = -32700
        public static let invalidRequest = -32600
        public static let methodNotFound = -32601
        public static let invalidParams = -32602
        public static let internalError = -32603
        public static let serverNotInitialized = -32002
        public static let unknownErrorCode = -32001
        public static let requestFailed = -32803
        public static let serverCancelled = -32802
        public static let contentModified = -32801
        public static let requestCancelled = -32800
    }

    /// -32700: the message was not valid JSON (or not a readable frame).
    public static func parseError(_ message: String = "Parse error") -> JSONRPCError {
        JSONRPCError(code: Code.parseError, message: message)
    }

    /// -32600: the JSON is not a valid JSON-RPC message.
    public static func invalidRequest(_ message: String = "Invalid request") -> JSONRPCError {
        JSONRPCError(code: Code.invalidRequest, message: message)
    }

    /// -32601: no handler for `method`.
    public static func methodNotFound(_ method: String) -> JSONRPCError {
        JSONRPCError(code: Code.methodNotFound, message: "Method not found: \(method)")
    }

    /// -32602: the params do not have the expected shape.
    public static func invalidParams(_ message: String) -> JSONRPCError {
        JSONRPCError(code: Code.invalidParams, message: message)
    }

    /// -32603: the server failed in a way it did not anticipate.
    public static func internalError(_ message: String) -> JSONRPCError {
        JSONRPCError(code: Code.internalError, message: message)
    }

    /// -32002: a request arrived before `initialize`.
    public static func serverNotInitialized(_ message: String = "Server not initialized") -> JSONRPCError {
        JSONRPCError(code: Code.serverNotInitialized, message: message)
    }

    /// -32800: the request was cancelled (by `$/cancelRequest` or otherwise).
    public static func requestCancelled(_ message: String = "Request cancelled") -> JSONRPCError {
        JSONRPCError(code: Code.requestCancelled, message: message)
    }

    /// -32801: the document changed while the request was computed; the client may retry.
    public static func contentModified(_ message: String = "Content modified") -> JSONRPCError {
        JSONRPCError(code: Code.contentModified, message: message)
    }

    /// -32803: the request was valid but failed (model unreachable, …); `message` is for the user.
    public static func requestFailed(_ message: String) -> JSONRPCError {
        JSONRPCError(code: Code.requestFailed, message: message)
    }
}

/// An error that knows how it should be answered on the wire. A handler may throw any error;
/// those conforming to this protocol are sent as their `jsonRPCError` instead of a generic
/// internal error (-32603).
public protocol JSONRPCErrorConvertible: Error {
    /// The error object to send to the peer. Must not contain secrets.
    var jsonRPCError: JSONRPCError { get }
}
