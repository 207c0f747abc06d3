import DocwrightCore

/// A model reachable through one provider API. Obtain one from `Gateway.backend(for:)`.
public protocol ModelBackend: Sendable {
    /// Draws `params.n` samples for a prompt: in one request when the endpoint honours `n`,
    /// otherwise in parallel requests (at most `maxConcurrency` at once). Throws `GatewayError`
    /// (or `CancellationError` when the task is cancelled, which aborts the transfers).
    func sample(_ plan: PromptPlan, params: SamplingParams) async throws -> SampleBatch

    /// Streams `params.n` samples as they are generated; events of different samples interleave
    /// and carry the sample's index. Ending the iteration early aborts the transfers.
    func stream(_ plan: PromptPlan, params: SamplingParams) -> AsyncThrowingStream<StreamEvent, Error>

    /// Whether `stream` delivers samples as they complete, so a caller may prefer it to `sample`
    /// to act on the first samples early. False: `stream` merely works (or fails like `sample`).
    var streams: Bool { get }

    /// The one follow-up request that continues `partial`, a sample of `plan` cut by the token
    /// limit (send its `plan` with `sample`, then `join`), as the endpoint's provider shapes it;
    /// nil when the endpoint cannot continue it.
    func continuation(of plan: PromptPlan, partial: String) -> Continuation?
}

extension ModelBackend {
    public var streams: Bool { false }

    /// `Continuation.standard` without prefill: what any API that takes the prompt back can do.
    public func continuation(of plan: PromptPlan, partial: String) -> Continuation? {
        Continuation.standard(of: plan, partial: partial, prefill: false)
    }
}

/// Where a pipeline gets the backend of each configured model. `Gateway` is the real one (HTTP
/// to the providers); tests give `Engine` an in-memory one (TestFixtures' `InMemoryModels`).
public protocol ModelBackends: Sendable {
    /// The backend for an endpoint; configuration problems surface from its calls.
    func backend(for endpoint: ModelEndpoint) -> any ModelBackend
    /// Sends a tiny request and reports what came back (`docwright doctor`). Never throws.
    func probe(endpoint: ModelEndpoint) async -> Capabilities
    /// Stops every transfer (the process is exiting).
    func shutdown()
}

/// Tunables of the gateway that are not per-model configuration.
public struct GatewayOptions: Sendable, Hashable {
    public var retry: RetryPolicy
    /// Largest reply accepted, bytes (streamed replies included); larger ones fail clearly.
    public var maxResponseBytes: Int

    public init(retry: RetryPolicy = .standard, maxResponseBytes: Int = 8 << 20) {
        self.retry = retry
        self.maxResponseBytes = maxResponseBytes
    }
}
