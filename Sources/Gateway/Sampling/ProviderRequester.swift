import DocwrightCore

/// The samples and token counts of one HTTP request.
struct RequestOutcome: Sendable {
    var samples: [Sample]
    var usage: Usage

    static let empty = RequestOutcome(samples: [], usage: Usage())

    mutating func append(_ other: RequestOutcome) {
        samples += other.samples
        usage = usage + other.usage
    }
}

/// The provider-specific half of a backend: how one request for `count` samples is made and read.
/// `ProviderBackend` adds the rest (n strategy, concurrency, probing, usage).
protocol ProviderRequester: Sendable {
    var client: EndpointClient { get }

    /// Names the API a plan goes to ("completions", "chat", "infill", …): capabilities are per API.
    func apiName(for plan: PromptPlan) -> String

    /// Whether a request for this plan may ask for several samples at once.
    func acceptsN(for plan: PromptPlan) -> Bool

    /// One request for `count` samples (count > 1 only when `acceptsN`).
    func request(_ plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?) async throws -> RequestOutcome

    /// One streamed request for `count` samples whose events are numbered from `firstIndex`.
    /// Throws before emitting anything when the server rejects the request.
    func streamRequest(_ plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?, firstIndex: Int,
                       emit: @Sendable (StreamEvent) -> Void) async throws
}

extension ProviderRequester {
    /// The prompt's stops and the params' stops, each once, within the provider's limit.
    func stops(_ plan: PromptPlan, _ params: SamplingParams) -> [String] {
        var seen = Set<String>()
        var all = (plan.stops + params.stop).filter { !$0.isEmpty && seen.insert($0).inserted }
        if let limit = client.profile.maxStops, all.count > limit { all = Array(all.prefix(limit)) }
        return all
    }

    /// Completion tokens: counted from the samples' tokens when every sample has them (llama.cpp
    /// reports `usage` for one choice only), else what the server reported.
    static func completionTokens(rawCounts: [Int?], reported: Int?) -> Int {
        let counts = rawCounts.compactMap { $0 }
        if !counts.isEmpty, counts.count == rawCounts.count { return counts.reduce(0, +) }
        return reported ?? 0
    }
}

/// Per-sample state while decoding a stream: text and token byte positions so far.
struct StreamTracker: Sendable {
    private var tokenBytes: [Int: Int] = [:]
    private(set) var finished: Set<Int> = []
    private(set) var tokenCount = 0
    private(set) var sawTokens = false

    /// Gives streamed tokens their byte offsets in the sample's text (running token byte count).
    mutating func offsets(for tokens: [RawToken]?, index: Int) -> [TokenLogprob]? {
        guard let tokens else { return nil }
        sawTokens = true
        var position = tokenBytes[index] ?? 0
        let placed = tokens.map { token in
            defer { position += token.byteCount }
            return TokenLogprob(token: token.text, logprob: token.logprob, textOffset: position)
        }
        tokenBytes[index] = position
        tokenCount += tokens.count
        return placed
    }

    mutating func finish(_ index: Int) { finished.insert(index) }
}
