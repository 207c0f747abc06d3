/// Parameters of one sampling call. Every field takes part in the cache key.
public struct SamplingParams: Sendable, Hashable, Codable {
    public var n: Int
    public var temperature: Double
    public var topP: Double?
    public var maxTokens: Int
    public var stop: [String]
    public var seed: Int?
    /// Ask for log-probabilities (the ranking needs them; off for providers that reject them).
    public var logprobs: Bool

    public init(
        n: Int = 5, temperature: Double = 0.8, topP: Double? = nil, maxTokens: Int = 256,
        stop: [String] = [], seed: Int? = nil, logprobs: Bool = true
    ) {
        self.n = n
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.stop = stop
        self.seed = seed
        self.logprobs = logprobs
    }
}

/// One token of a sample with its log-probability (nil when the backend gave none).
public struct TokenLogprob: Sendable, Hashable, Codable {
    public var token: String
    public var logprob: Double?
    /// Byte offset of the token in the sample's text, when the backend says (`text_offset`).
    public var textOffset: Int?
    public init(token: String, logprob: Double?, textOffset: Int? = nil) {
        self.token = token
        self.logprob = logprob
        self.textOffset = textOffset
    }
}

public enum FinishReason: String, Sendable, Hashable, Codable {
    case stop, length, contentFilter = "content_filter", cancelled, unknown

    public init(apiValue: String?) {
        switch apiValue {
        case "stop", "eos", "stop_sequence", "end_turn": self = .stop
        case "length", "max_tokens": self = .length
        case "content_filter": self = .contentFilter
        default: self = .unknown
        }
    }
}

/// One sample drawn from a model. `tokens` cover exactly `text` after gateway hygiene
/// (tokens past a stop string are cut); nil when the backend returned no log-probabilities.
public struct Sample: Sendable, Hashable, Codable {
    public var text: String
    public var tokens: [TokenLogprob]?
    public var finishReason: FinishReason
    public init(text: String, tokens: [TokenLogprob]?, finishReason: FinishReason) {
        self.text = text
        self.tokens = tokens
        self.finishReason = finishReason
    }
}

public struct Usage: Sendable, Hashable, Codable {
    public var promptTokens: Int
    public var completionTokens: Int
    public init(promptTokens: Int = 0, completionTokens: Int = 0) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
    public static func + (a: Usage, b: Usage) -> Usage {
        Usage(promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens)
    }
}

/// What a backend returns for one `sample` call.
public struct SampleBatch: Sendable, Hashable, Codable {
    public var samples: [Sample]
    /// The endpoint's model name as configured.
    public var model: String
    public var usage: Usage
    /// Wall-clock seconds from request to last byte.
    public var latency: Double
    /// How the samples were drawn: one request with `n`, or parallel requests.
    public var strategy: SamplingStrategy
    public init(samples: [Sample], model: String, usage: Usage, latency: Double, strategy: SamplingStrategy) {
        self.samples = samples
        self.model = model
        self.usage = usage
        self.latency = latency
        self.strategy = strategy
    }
}

/// One step of a streamed sampling call.
public enum StreamEvent: Sendable, Hashable {
    /// More text of sample `index`, with its tokens' log-probabilities when the backend gives them
    /// (each `textOffset` is the token's byte offset in the sample's whole text so far).
    case text(index: Int, text: String, tokens: [TokenLogprob]?)
    /// Sample `index` is complete.
    case finished(index: Int, reason: FinishReason)
    /// Token counts for the whole call, when the server reports them (usually at the end).
    case usage(Usage)
}
