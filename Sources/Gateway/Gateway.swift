import DocwrightCore
import FoundationEssentials
import Logging
import Providers
import Synchronization

/// The one way docwright reaches models. Builds a `ModelBackend` per configured endpoint, shares
/// one `HTTPClient`, and remembers per endpoint what it learned (n honoured, logprobs returned)
/// and how many tokens each model used. It neither ranks nor caches samples.
public final class Gateway: ModelBackends {
    public let http: HTTPClient
    private let environment: [String: String]
    private let logger: Logger
    private let options: GatewayOptions
    private let capabilities = CapabilityCache()
    private let ledger = UsageLedger()
    /// Backends by endpoint, so keys are resolved (and key files read) once per configuration.
    private let backends = Mutex<[ModelEndpoint: any ModelBackend]>([:])

    /// - Parameters:
    ///   - environment: where `apiKeyEnv` names are looked up, and the proxy (`HTTPS_PROXY`,
    ///     `NO_PROXY`, …) and CA bundle (`CURL_CA_BUNDLE`, `SSL_CERT_FILE`) variables are read
    ///     (the process environment by default; see `NetworkSettings`).
    public init(http: HTTPClient, environment: [String: String] = ProcessInfo.processInfo.environment,
                logger: Logger = Logger(label: "docwright.gateway"), options: GatewayOptions = GatewayOptions()) {
        self.http = http
        self.environment = environment
        self.logger = logger
        self.options = options
    }

    /// The backend for an endpoint (made once per distinct endpoint value, then reused).
    /// Configuration problems (e.g. a missing API key) surface as a `GatewayError` from its calls.
    public func backend(for endpoint: ModelEndpoint) -> any ModelBackend {
        if let known = backends.withLock({ $0[endpoint] }) { return known }
        let made = makeBackend(for: endpoint)
        backends.withLock { $0[endpoint] = made }
        return made
    }

    private func makeBackend(for endpoint: ModelEndpoint) -> any ModelBackend {
        guard let provider = ProviderRegistry.provider(for: endpoint.provider) else {
            return FailingBackend(error: GatewayError(kind: .unsupported, userMessage:
                "Model \"\(endpoint.name)\": unknown provider \"\(endpoint.provider)\"; known providers: "
                    + ProviderRegistry.names.joined(separator: ", ") + "."))
        }
        let network = NetworkSettings.resolve(for: endpoint, environment: environment)
        let unresolved = ErrorExplainer(endpoint: endpoint, credential: nil, provider: provider, network: network)
        let credential: Credential?
        do {
            credential = try Credential.resolve(for: endpoint, provider: provider, environment: environment, explainer: unresolved)
        } catch {
            return FailingBackend(error: error)
        }
        let client = EndpointClient(
            http: http, endpoint: endpoint, provider: provider, credential: credential,
            explainer: ErrorExplainer(endpoint: endpoint, credential: credential, provider: provider, network: network),
            options: options, logger: logger)
        return ProviderBackend(requester: HTTPProviderRequester(client: client), capabilities: capabilities, ledger: ledger)
    }

    /// Draws `params.n` samples from an endpoint (see `ModelBackend.sample`).
    public func sample(endpoint: ModelEndpoint, plan: PromptPlan, params: SamplingParams) async throws -> SampleBatch {
        try await backend(for: endpoint).sample(plan, params: params)
    }

    /// Streams `params.n` samples from an endpoint (see `ModelBackend.stream`).
    public func stream(endpoint: ModelEndpoint, plan: PromptPlan, params: SamplingParams) -> AsyncThrowingStream<StreamEvent, Error> {
        backend(for: endpoint).stream(plan, params: params)
    }

    /// Sends a tiny request (2 samples of ≤ 4 tokens, logprobs asked) in the endpoint's API style
    /// and reports what came back, for `docwright doctor`. Never throws: failures are in `error`.
    public func probe(endpoint: ModelEndpoint) async -> Capabilities {
        let plan: PromptPlan
        switch endpoint.api {
        case .completions: plan = PromptPlan(prompt: .completion("def add(a, b):\n    return"), stops: [], extractCode: false)
        case .chat: plan = PromptPlan(prompt: .chat([ChatMessage(role: .user, content: "Say hello.")]), stops: [], extractCode: false)
        case .fim: plan = PromptPlan(prompt: .fillInMiddle(prefix: "def add(a, b):\n    return ", suffix: "\n"), stops: [], extractCode: false)
        }
        let params = SamplingParams(n: 2, temperature: 0.8, maxTokens: 4, logprobs: true)
        let started = ContinuousClock.now
        do {
            let batch = try await backend(for: endpoint).sample(plan, params: params)
            let learned = capabilities[CapabilityCache.key(endpoint, api: apiName(endpoint, plan))]
            return Capabilities(
                reachable: true, honoursN: batch.strategy == .n && batch.samples.count == 2, maxN: learned.maxN,
                returnsLogprobs: batch.samples.contains { $0.tokens != nil }, latency: batch.latency)
        } catch let error as GatewayError {
            return Capabilities(reachable: !error.isUnreachable, latency: started.secondsElapsed,
                                error: error.userMessage)
        } catch {
            return Capabilities(reachable: false, error: "\(error)")
        }
    }

    /// The proxy and CA bundle requests to `endpoint` use, decided from this gateway's
    /// environment (for `doctor`; `NetworkSettings.summary` shows no credentials).
    public func network(for endpoint: ModelEndpoint) -> NetworkSettings {
        NetworkSettings.resolve(for: endpoint, environment: environment)
    }

    public func shutdown() { http.shutdown() }

    /// Token counts and time per model (by endpoint name) since this gateway was made.
    public func usageByModel() -> [String: UsageTotals] { ledger.snapshot }

    private func apiName(_ endpoint: ModelEndpoint, _ plan: PromptPlan) -> String {
        (backend(for: endpoint) as? ProviderBackend)?.requester.apiName(for: plan) ?? ""
    }
}

/// A backend whose configuration is unusable: every call fails with the same explained error.
struct FailingBackend: ModelBackend {
    let error: any Error

    func sample(_ plan: PromptPlan, params: SamplingParams) async throws -> SampleBatch { throw error }

    func continuation(of plan: PromptPlan, partial: String) -> Continuation? { nil }

    func stream(_ plan: PromptPlan, params: SamplingParams) -> AsyncThrowingStream<StreamEvent, Error> {
        AsyncThrowingStream { $0.finish(throwing: error) }
    }
}
