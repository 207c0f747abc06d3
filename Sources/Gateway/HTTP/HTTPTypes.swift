/// One HTTP request for `HTTPClient`. Plain data: the client owns every libcurl object.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    /// Header fields in order; names are sent as given.
    public var headers: [(name: String, value: String)]
    /// Request body (sent with `CURLOPT_COPYPOSTFIELDS`); nil for none.
    public var body: [UInt8]?
    /// Connect time limit, seconds.
    public var connectTimeout: Double
    /// Total time limit of the whole transfer, seconds.
    public var timeout: Double
    /// Largest response body accepted, bytes; a larger one fails with `.responseTooLarge`.
    public var maxResponseBytes: Int
    /// The proxy to go through (`http://[user:pass@]host:port`, `https://…`, `socks5h://…`), or nil
    /// for a direct connection. libcurl never consults the proxy environment variables itself:
    /// `NetworkSettings` decides from the environment the `Gateway` was given.
    public var proxy: String?
    /// A PEM CA bundle that verifies the server (and an https proxy) instead of the system bundle;
    /// nil for the system bundle. Verification is never turned off.
    public var caFile: String?

    public init(
        method: String = "GET", url: String, headers: [(name: String, value: String)] = [],
        body: [UInt8]? = nil, connectTimeout: Double = 5, timeout: Double = 60,
        maxResponseBytes: Int = 16 << 20, proxy: String? = nil, caFile: String? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.proxy = proxy
        self.caFile = caFile
    }
}

/// Status line and header fields of a response.
public struct HTTPResponseHead: Sendable, Hashable {
    public var status: Int
    /// Header fields with lower-cased names; a repeated field keeps its last value.
    public var headers: [String: String]

    public init(status: Int, headers: [String: String]) {
        self.status = status
        self.headers = headers
    }
}

/// A complete response.
public struct HTTPResponse: Sendable, Hashable {
    public var head: HTTPResponseHead
    public var body: [UInt8]
    /// Seconds from submission to the last byte.
    public var totalTime: Double

    public var status: Int { head.status }

    public init(head: HTTPResponseHead, body: [UInt8], totalTime: Double) {
        self.head = head
        self.body = body
        self.totalTime = totalTime
    }
}

/// What a streaming transfer delivers: the head once, then body chunks as they arrive.
public enum HTTPStreamPart: Sendable, Hashable {
    case head(HTTPResponseHead)
    case body([UInt8])
}

/// A transport failure, classified so callers can explain it. Carries no header or body data.
public enum HTTPClientError: Error, Sendable, Hashable {
    case connectionRefused
    case dnsFailure
    case tlsFailure(String)
    /// The proxy could not be resolved or reached, or refused the tunnel (libcurl's message;
    /// libcurl never puts the proxy's credentials in it).
    case proxyFailure(String)
    case connectTimeout
    case timeout
    /// The server closed the connection before the body was complete.
    case truncated
    case responseTooLarge(limit: Int)
    case invalidURL
    /// The client was shut down before the transfer finished.
    case shutDown
    /// Any other libcurl failure: its code and message.
    case transport(code: Int, message: String)
}
