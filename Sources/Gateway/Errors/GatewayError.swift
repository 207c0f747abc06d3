import DocwrightCore

/// A failure talking to a model, explained for the user. Messages name the model and never
/// contain an API key.
public struct GatewayError: UserFacingError, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case connectionRefused, dnsFailure, tlsFailure, connectTimeout, timeout
        case unauthorized, notFound, rateLimited, serverError, rejected
        case malformedResponse, truncatedResponse, streamCut, responseTooLarge
        case missingAPIKey, unsupported, invalidURL, transport, shutDown
    }

    public var kind: Kind
    /// The HTTP status, when the server answered.
    public var status: Int?
    public var userMessage: String
    /// Seconds the server asked us to wait before retrying (HTTP 429 / 503), when it said.
    public var retryAfter: Double?

    public init(kind: Kind, status: Int? = nil, userMessage: String, retryAfter: Double? = nil) {
        self.kind = kind
        self.status = status
        self.userMessage = userMessage
        self.retryAfter = retryAfter
    }

    public var description: String { userMessage }

    /// Whether the transport never reached a server (used by `probe` for `reachable`).
    public var isUnreachable: Bool {
        switch kind {
        case .connectionRefused, .dnsFailure, .tlsFailure, .connectTimeout, .invalidURL: return true
        default: return false
        }
    }
}
