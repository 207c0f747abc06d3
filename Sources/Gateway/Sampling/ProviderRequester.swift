import DocwrightCore
import JSON
import Providers

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

/// Every provider's requests over HTTP: the provider (from `ProviderRegistry`) shapes the
/// request and reads the reply; `EndpointClient` sends it.
struct HTTPProviderRequester: ProviderRequester {
    let client: EndpointClient

    private var provider: any Provider { client.provider }

    func apiName(for plan: PromptPlan) -> String { provider.apiName(for: plan) }

    func acceptsN(for plan: PromptPlan) -> Bool { provider.acceptsN(for: plan) }

    private func shaped(_ plan: PromptPlan, _ params: SamplingParams, count: Int, seed: Int?,
                        stream: Bool) throws -> ProviderRequest {
        do {
            return try provider.request(for: plan, params: params, count: count, seed: seed, stream: stream,
                                        endpoint: client.endpoint)
        } catch {
            throw client.explain(error, url: client.endpoint.baseURL)
        }
    }

    func request(_ plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?) async throws -> RequestOutcome {
        let request = try shaped(plan, params, count: count, seed: seed, stream: false)
        let json = try await client.postJSON(request.url, request.body, extraHeaders: request.headers)
        do {
            return try provider.reply(json, plan: plan, params: params)
        } catch {
            throw client.explain(error, url: request.url)
        }
    }

    func streamRequest(_ plan: PromptPlan, params: SamplingParams, count: Int, seed: Int?, firstIndex: Int,
                       emit: @Sendable (StreamEvent) -> Void) async throws {
        let request = try shaped(plan, params, count: count, seed: seed, stream: true)
        var chunks = try await client.postStreaming(request.url, request.body, extraHeaders: request.headers)
        var decoder = provider.streamDecoder(plan: plan, params: params, count: count, firstIndex: firstIndex)
        do {
            switch decoder.framing {
            case .serverSentEvents:
                try await chunks.forEachEvent { event in try decoder.consume(event.data, event: event.event, emit: emit) }
            case .lines:
                try await chunks.forEachLine { line in try decoder.consume(line, event: nil, emit: emit) }
            }
            try decoder.finish(emit: emit)
        } catch let failure as ProviderFailure {
            throw client.explain(failure, url: request.url)
        }
    }
}
