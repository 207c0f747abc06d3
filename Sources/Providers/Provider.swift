import DocwrightCore
import JSON

/// One kind of model server: everything docwright knows about it before sending anything.
///
/// A provider builds its requests (URL, JSON body, extra headers) and reads its replies (whole
/// or streamed) but never sends anything: `Gateway` does the transport (headers, key, retries,
/// errors) for every provider the same way. `Config` asks providers for defaults (API style, key
/// variable, whether log-probabilities come back), `Gateway` for requests and replies, and error
/// messages for hints. Every provider is listed once in `ProviderRegistry.all`; nothing else
/// switches over provider kinds. See docs/extending.md ("Adding a provider").
public protocol Provider: Sendable {
    /// The configuration name (`provider = "…"`).
    var kind: ProviderKind { get }
    /// The API style used when a model entry does not say (`api = "…"`).
    var defaultAPI: APIStyle { get }
    /// The environment variable conventionally holding this provider's key (`OPENAI_API_KEY`).
    var defaultKeyVariable: String? { get }
    /// Whether requests without a key are refused before sending (hosted APIs).
    var requiresKey: Bool { get }
    /// How the key is sent.
    var keyHeader: KeyHeader { get }
    /// Headers sent unless the endpoint configures the same names.
    var presetHeaders: [HTTPHeaderField] { get }
    /// What the API can do, before any probing.
    var capabilities: ProviderCapabilities { get }
    /// Whether the server wraps a fill-in-the-middle request in the model's own FIM template
    /// (llama.cpp `/infill`, Ollama's `suffix`): then no family template is detected from the
    /// model id (`fim_template` still applies when configured).
    var appliesModelFIMTemplate: Bool { get }

    /// Names the API a plan goes to ("completions", "chat", "infill", …): learned capabilities
    /// (n honoured, logprobs returned) are remembered per API.
    func apiName(for plan: PromptPlan) -> String
    /// Whether one request for this plan may ask for several samples (`n`).
    func acceptsN(for plan: PromptPlan) -> Bool
    /// The request for `count` samples (count > 1 only when `acceptsN`). `seed` is that of the
    /// first sample. Throws `.unsupported` for a plan the API cannot serve.
    func request(for plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?, stream: Bool,
                 endpoint: ModelEndpoint) throws(ProviderFailure) -> ProviderRequest
    /// Reads a successful (2xx) non-streamed reply.
    func reply(_ json: JSONValue, plan: PromptPlan, params: SamplingParams) throws(ProviderFailure) -> RequestOutcome
    /// A decoder for one streamed reply of `count` samples whose events are numbered from `firstIndex`.
    func streamDecoder(plan: PromptPlan, params: SamplingParams, count: Int, firstIndex: Int) -> any StreamDecoder
    /// The follow-up request that continues `partial`, a reply to `plan` cut by the token limit;
    /// nil when this API cannot continue it. Default: `Continuation.standard`, prefilling the
    /// assistant's message when `capabilities.assistantPrefill`.
    func continuation(of plan: PromptPlan, partial: String) -> Continuation?
    /// Advice appended to an error message in `situation`, or nil.
    func hint(_ situation: ProviderSituation, endpoint: ModelEndpoint) -> String?
}

/// Defaults: no conventional key variable, no key required, the key as a bearer token, no
/// preset headers, every capability but assistant prefill, no native FIM template, no hints, the
/// standard continuation. A provider states only where it differs.
extension Provider {
    public var defaultKeyVariable: String? { nil }
    public var requiresKey: Bool { false }
    public var capabilities: ProviderCapabilities { ProviderCapabilities() }
    public var appliesModelFIMTemplate: Bool { false }
    public var presetHeaders: [HTTPHeaderField] { [] }
    public var keyHeader: KeyHeader { .bearer }
    public func hint(_ situation: ProviderSituation, endpoint: ModelEndpoint) -> String? { nil }

    public func continuation(of plan: PromptPlan, partial: String) -> Continuation? {
        Continuation.standard(of: plan, partial: partial, prefill: capabilities.assistantPrefill)
    }

    /// The prompt's stops and the params' stops, each once, within the API's limit (the rest
    /// still apply locally after sampling).
    public func stops(_ plan: PromptPlan, _ params: SamplingParams) -> [String] {
        var seen = Set<String>()
        var all = (plan.stops + params.stop).filter { !$0.isEmpty && seen.insert($0).inserted }
        if let limit = capabilities.maxStops, all.count > limit { all = Array(all.prefix(limit)) }
        return all
    }
}

/// What an API supports, as known before probing.
public struct ProviderCapabilities: Sendable, Hashable {
    /// Whether token log-probabilities can be asked for (false: ranking uses agreement).
    public var logprobs: Bool
    /// Whether `n` may work (then it is tried and the answer remembered); false: parallel requests.
    public var mayHonourN: Bool
    /// Whether replies can be streamed.
    public var streaming: Bool
    /// Whether fill-in-the-middle prompts can be sent.
    public var fillInMiddle: Bool
    /// Most stop sequences the API accepts; nil: no limit.
    public var maxStops: Int?
    /// Whether a chat ending with an assistant message is continued from that message's end
    /// (prefill); false: a reply cut by the token limit is continued by asking for the rest.
    public var assistantPrefill: Bool

    public init(logprobs: Bool = true, mayHonourN: Bool = true, streaming: Bool = true, fillInMiddle: Bool = true,
                maxStops: Int? = nil, assistantPrefill: Bool = false) {
        self.logprobs = logprobs
        self.mayHonourN = mayHonourN
        self.streaming = streaming
        self.fillInMiddle = fillInMiddle
        self.maxStops = maxStops
        self.assistantPrefill = assistantPrefill
    }
}

/// How an API key travels.
public enum KeyHeader: Sendable, Hashable {
    /// `Authorization: Bearer KEY`.
    case bearer
    /// `NAME: KEY` (Anthropic's `x-api-key`).
    case named(String)

    public func field(for key: String) -> HTTPHeaderField {
        switch self {
        case .bearer: return HTTPHeaderField(name: "Authorization", value: "Bearer \(key)")
        case .named(let name): return HTTPHeaderField(name: name, value: key)
        }
    }
}

public struct HTTPHeaderField: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// Where a provider's advice may help.
public enum ProviderSituation: Sendable, Hashable {
    /// No server answered (refused, DNS, connect timeout).
    case unreachable
}

/// One HTTP request as a provider shapes it; `Gateway` adds the common headers and the key.
public struct ProviderRequest: Sendable {
    public var url: String
    public var body: JSONValue
    public var headers: [HTTPHeaderField]
    public init(url: String, body: JSONValue, headers: [HTTPHeaderField] = []) {
        self.url = url
        self.body = body
        self.headers = headers
    }
}

/// What a provider found wrong with a plan or a reply; `Gateway` turns it into a `GatewayError`
/// that names the model.
public enum ProviderFailure: Error, Sendable, Hashable {
    /// The reply is not what the API defines (the detail completes "…was not what was expected: ").
    case malformed(String)
    /// An error sent in a reply (a 2xx body with `{"error": …}`, an `error` stream event).
    case errorReply(status: Int, body: [UInt8])
    /// The API cannot serve this request (the text says what to do instead).
    case unsupported(String)
    /// A stream ended before the model finished.
    case streamCut
}

/// The samples and token counts of one HTTP request.
public struct RequestOutcome: Sendable {
    public var samples: [Sample]
    public var usage: Usage

    public init(samples: [Sample], usage: Usage) {
        self.samples = samples
        self.usage = usage
    }

    public static let empty = RequestOutcome(samples: [], usage: Usage())

    public mutating func append(_ other: RequestOutcome) {
        samples += other.samples
        usage = usage + other.usage
    }

    /// Completion tokens: counted from the samples' tokens when every sample has them (llama.cpp
    /// reports `usage` for one choice only), else what the server reported.
    public static func completionTokens(rawCounts: [Int?], reported: Int?) -> Int {
        let counts = rawCounts.compactMap { $0 }
        if !counts.isEmpty, counts.count == rawCounts.count { return counts.reduce(0, +) }
        return reported ?? 0
    }
}

/// How a streamed body is cut into payloads.
public enum StreamFraming: Sendable, Hashable {
    /// Server-sent events (`data: …`); the payload is the event's data, with its `event:` name.
    case serverSentEvents
    /// Newline-delimited JSON (Ollama); the payload is one line.
    case lines
}

/// Reads one streamed reply payload by payload.
public protocol StreamDecoder: Sendable {
    var framing: StreamFraming { get }
    /// One payload (an event's data, or a line); `event` is the SSE event name when there is one.
    mutating func consume(_ payload: String, event: String?, emit: (StreamEvent) -> Void) throws(ProviderFailure)
    /// The body ended: check the stream was complete and emit the usage.
    mutating func finish(emit: (StreamEvent) -> Void) throws(ProviderFailure)
}

extension ModelEndpoint {
    /// `baseURL` without a trailing slash.
    public var trimmedBaseURL: String {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// The server root: the base URL without a trailing `/v1` or `/api` (llama.cpp's `/infill`,
    /// Ollama's `/api`).
    public var serverRoot: String {
        var url = trimmedBaseURL
        for suffix in ["/v1", "/api"] where url.hasSuffix(suffix) { url.removeLast(suffix.count) }
        return url
    }
}
