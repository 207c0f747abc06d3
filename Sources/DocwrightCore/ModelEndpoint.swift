/// Which kind of server an endpoint is, by its configuration name (`provider = "llamacpp"`).
/// Decides request shape, headers and capabilities through the provider registry
/// (`Providers.ProviderRegistry`), which declares every known kind; nothing switches over kinds.
public struct ProviderKind: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: ProviderKind, b: ProviderKind) -> Bool { a.rawValue < b.rawValue }
}

/// Which API of the provider to call.
public enum APIStyle: String, Sendable, Hashable, Codable, CaseIterable {
    case chat, completions, fim
}

/// A configured model: everything `Gateway` needs to reach it. Holds the *name* of the
/// environment variable or file with the key, never the key itself.
public struct ModelEndpoint: Sendable, Hashable, Codable {
    /// The user's name for this entry (`[models.NAME]`).
    public var name: String
    public var provider: ProviderKind
    /// Base URL up to and including the version path, e.g. `http://127.0.0.1:8080/v1`.
    public var baseURL: String
    /// The provider's model id (e.g. `openai/gpt-4o`).
    public var model: String
    public var api: APIStyle
    public var apiKeyEnv: String?
    public var apiKeyFile: String?
    public var headers: [String: String]
    /// Total time limit of one request, seconds.
    public var timeout: Double
    /// Connect time limit, seconds.
    public var connectTimeout: Double
    /// Parallel requests to this endpoint at most (for n samples drawn one by one).
    public var maxConcurrency: Int
    /// Price per million input / output tokens in USD (0 for local models).
    public var pricePerMillionInput: Double
    public var pricePerMillionOutput: Double
    /// Tokens the model reads at most (prompt + answer), when configured: sizes the project
    /// context a prompt carries. nil = unknown.
    public var contextWindow: Int? = nil
    /// The model family's FIM template, when FIM requests go to a plain completion endpoint as one
    /// rendered text (`fim_template`, or detected from `model` by `Config`); nil: none.
    public var fimTemplate: FIMTemplate?
    /// Proxy for this model's requests (`proxy = "http://host:3128"`), used even for a loopback
    /// URL and whatever the proxy environment variables say. Nil: the environment decides.
    /// May carry credentials in its user-info: never show it unredacted.
    public var proxy: String?
    /// CA bundle (PEM) that verifies this model's TLS certificates instead of the system bundle
    /// (`ca_file`, an absolute path). Nil: `CURL_CA_BUNDLE` / `SSL_CERT_FILE`, else the system's.
    public var caFile: String?

    public init(
        name: String, provider: ProviderKind, baseURL: String, model: String, api: APIStyle = .completions,
        apiKeyEnv: String? = nil, apiKeyFile: String? = nil, headers: [String: String] = [:],
        timeout: Double = 60, connectTimeout: Double = 5, maxConcurrency: Int = 4,
        pricePerMillionInput: Double = 0, pricePerMillionOutput: Double = 0, fimTemplate: FIMTemplate? = nil,
        proxy: String? = nil, caFile: String? = nil
    ) {
        self.name = name
        self.provider = provider
        self.baseURL = baseURL
        self.model = model
        self.api = api
        self.apiKeyEnv = apiKeyEnv
        self.apiKeyFile = apiKeyFile
        self.headers = headers
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.maxConcurrency = maxConcurrency
        self.pricePerMillionInput = pricePerMillionInput
        self.pricePerMillionOutput = pricePerMillionOutput
        self.fimTemplate = fimTemplate
        self.proxy = proxy
        self.caFile = caFile
    }
}

/// A routing decision: which model serves a task, with what sampling, and why.
public struct Route: Sendable, Hashable, Codable {
    public var endpoint: ModelEndpoint
    public var params: SamplingParams
    /// How the candidates are ranked.
    public var policy: RankingPolicy
    /// Which rule chose the model (`rule.description` renders it).
    public var rule: RouteRule
    /// Whether to run docstring examples against candidates.
    public var verify: Bool
    public init(endpoint: ModelEndpoint, params: SamplingParams, policy: RankingPolicy = .verifiedThenLogprob,
                rule: RouteRule = .defaultModel, verify: Bool = true) {
        self.endpoint = endpoint
        self.params = params
        self.policy = policy
        self.rule = rule
        self.verify = verify
    }
}
