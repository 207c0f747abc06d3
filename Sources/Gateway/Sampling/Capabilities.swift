import DocwrightCore
import Synchronization

/// What a probe (or past requests) found out about an endpoint, for `docwright doctor`.
public struct Capabilities: Sendable, Hashable, Codable {
    /// A server answered (even if with an error).
    public var reachable: Bool
    /// Whether one request with `n` returns n samples; nil when unknown.
    public var honoursN: Bool?
    /// The largest `n` the server accepts, when it said (llama.cpp: its slot count).
    public var maxN: Int?
    /// Whether log-probabilities come back when asked for; nil when unknown.
    public var returnsLogprobs: Bool?
    /// Seconds the probe request took.
    public var latency: Double?
    /// What went wrong, as shown to the user; nil when the probe succeeded.
    public var error: String?

    public init(reachable: Bool, honoursN: Bool? = nil, maxN: Int? = nil, returnsLogprobs: Bool? = nil,
                latency: Double? = nil, error: String? = nil) {
        self.reachable = reachable
        self.honoursN = honoursN
        self.maxN = maxN
        self.returnsLogprobs = returnsLogprobs
        self.latency = latency
        self.error = error
    }
}

/// What has been learned per endpoint + model + API, shared by all backends of one `Gateway`.
final class CapabilityCache: Sendable {
    struct Learned: Sendable, Hashable {
        var honoursN: Bool?
        var maxN: Int?
        var returnsLogprobs: Bool?
    }

    private let entries = Mutex<[String: Learned]>([:])

    static func key(_ endpoint: ModelEndpoint, api: String) -> String {
        "\(endpoint.provider.rawValue)|\(endpoint.baseURL)|\(endpoint.model)|\(api)"
    }

    subscript(key: String) -> Learned {
        entries.withLock { $0[key] ?? Learned() }
    }

    func update(_ key: String, _ change: (inout Learned) -> Void) {
        entries.withLock { table in
            var learned = table[key] ?? Learned()
            change(&learned)
            table[key] = learned
        }
    }
}
