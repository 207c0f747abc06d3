import DocwrightCore

/// A failure talking to a model, explained for the user. Messages name the model and never
/// contain an API key.
public struct GatewayError: UserFacingError, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case connectionRefused, dnsFailure, tlsFailure, proxyFailure, connectTimeout, timeout
        case unauthorized, notFound, rateLimited, serverError, rejected
        case malformedResponse, truncatedResponse, streamCut, responseTooLarge
        case missingAPIKey, unsupported, invalidURL, transport, shutDown
        /// The model's network settings cannot be used (a CA file missing or unreadable).
        case networkConfiguration
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
        case .connectionRefused, .dnsFailure, .tlsFailure, .proxyFailure, .connectTimeout, .invalidURL, .networkConfiguration:
            return true
        default: return false
        }
    }
}
