import DocwrightCore
import FoundationEssentials
import Logging
import Providers

/// A `ModelBackend` made of a provider's requester plus the strategy for n samples: one request
/// when the endpoint honours `n`, else parallel requests with bounded concurrency. What was
/// learned (n honoured? the server's largest n? logprobs returned?) is remembered per endpoint.
struct ProviderBackend: ModelBackend {
    let requester: any ProviderRequester
    let capabilities: CapabilityCache
    let ledger: UsageLedger

    /// Every provider decodes streamed replies (`Provider.streamDecoder`).
    var streams: Bool { true }

    func continuation(of plan: PromptPlan, partial: String) -> Continuation? {
        requester.client.provider.continuation(of: plan, partial: partial)
    }

    private var endpoint: ModelEndpoint { requester.client.endpoint }
    private var logger: Logger { requester.client.logger }

    func sample(_ plan: PromptPlan, params: SamplingParams) async throws -> SampleBatch {
        let started = ContinuousClock.now
        let n = max(1, params.n)
        let key = CapabilityCache.key(endpoint, api: requester.apiName(for: plan))
        let learned = capabilities[key]
        var outcome: RequestOutcome
        var strategy = SamplingStrategy.n

        if n == 1 {
            outcome = try await requester.request(plan, params: params, count: 1, seed: params.seed)
        } else if !requester.acceptsN(for: plan) || learned.honoursN == false {
            outcome = try await parallel(plan, params, counts: Array(repeating: 1, count: n))
            strategy = .parallel
        } else if let maxN = learned.maxN, maxN < n {
            outcome = try await parallel(plan, params, counts: Self.chunks(n, size: maxN))
            strategy = .parallel
        } else {
            (outcome, strategy) = try await sampleWithN(plan, params, n: n, key: key)
        }

        if params.logprobs, !outcome.samples.isEmpty {
            let returned = outcome.samples.contains { $0.tokens != nil }
            capabilities.update(key) { $0.returnsLogprobs = returned }
        }
        let latency = started.secondsElapsed
        ledger.record(endpoint.name, usage: outcome.usage, seconds: latency)
        return SampleBatch(samples: outcome.samples, model: endpoint.name, usage: outcome.usage,
                           latency: latency, strategy: strategy)
    }

    /// Asks for n in one request and learns from the answer: a 400 (n above the server's slots)
    /// or fewer choices than asked (n ignored) fall back to parallel requests for the rest.
    private func sampleWithN(_ plan: PromptPlan, _ params: SamplingParams, n: Int,
                             key: String) async throws -> (RequestOutcome, SamplingStrategy) {
        var outcome: RequestOutcome
        do {
            outcome = try await requester.request(plan, params: params, count: n, seed: params.seed)
        } catch let error as GatewayError where error.status == 400 {
            let limit = Self.limit(in: error.userMessage).map { min($0, n - 1) }
            let fallback = try await parallel(plan, params, counts: Self.chunks(n, size: limit ?? 1))
            logger.info("n=\(n) rejected; drew samples in parallel", metadata: ["model": "\(endpoint.name)"])
            capabilities.update(key) { learned in
                if let limit, limit > 1 { learned.maxN = limit } else { learned.honoursN = false }
            }
            return (fallback, .parallel)
        }
        let got = outcome.samples.count
        guard got < n else {
            capabilities.update(key) { $0.honoursN = true }
            return (outcome, .n)
        }
        capabilities.update(key) { learned in
            if got > 1 { learned.maxN = got } else { learned.honoursN = false }
        }
        let rest = try await parallel(plan, params, counts: Self.chunks(n - got, size: max(1, got)), seedOffset: got)
        outcome.append(rest)
        return (outcome, .parallel)
    }

    /// One request per entry of `counts` (samples per request), at most `maxConcurrency` at once.
    /// Sample k overall gets seed + k (a request's seed is that of its first sample; llama.cpp
    /// seeds choice j of a request with seed + j), so seeded samples differ and are reproducible.
    /// Samples come back in request order. If some requests fail, the others' samples are
    /// returned; if all fail, the first error.
    private func parallel(_ plan: PromptPlan, _ params: SamplingParams, counts: [Int],
                          seedOffset: Int = 0) async throws -> RequestOutcome {
        let limit = max(1, endpoint.maxConcurrency)
        let requester = self.requester
        return try await withThrowingTaskGroup(of: (Int, Result<RequestOutcome, any Error>).self) { group in
            var results = [RequestOutcome?](repeating: nil, count: counts.count)
            var firstError: (any Error)?
            var next = 0
            func launch(_ position: Int) {
                let seed = params.seed.map { $0 + seedOffset + counts[..<position].reduce(0, +) }
                let count = counts[position]
                group.addTask {
                    // Await into a local, then build the tuple. Swift 6.3 at -O loses the parts of
                    // an async closure's tuple result written before an `await` (swiftlang/swift
                    // #91911, reverted): `(position, .success(try await …))` came back with a
                    // garbage position in release builds only, and `results[position]` trapped.
                    let result: Result<RequestOutcome, any Error>
                    do {
                        result = .success(try await requester.request(plan, params: params, count: count, seed: seed))
                    } catch {
                        result = .failure(error)
                    }
                    return (position, result)
                }
            }
            while next < min(limit, counts.count) {
                launch(next)
                next += 1
            }
            while let (position, result) = try await group.next() {
                switch result {
                case .success(let outcome):
                    results[position] = outcome
                case .failure(let error):
                    if error is CancellationError { throw error }
                    firstError = firstError ?? error
                }
                // After a failure no new requests start: the same error would likely repeat.
                if firstError == nil, next < counts.count {
                    launch(next)
                    next += 1
                }
            }
            try Task.checkCancellation()
            let succeeded = results.compactMap { $0 }
            if let firstError {
                guard !succeeded.isEmpty else { throw firstError }
                logger.warning("some sample requests failed", metadata: [
                    "model": "\(endpoint.name)", "error": "\(firstError)",
                ])
            }
            return succeeded.reduce(into: RequestOutcome.empty) { $0.append($1) }
        }
    }

    func stream(_ plan: PromptPlan, params: SamplingParams) -> AsyncThrowingStream<StreamEvent, Error> {
        let (stream, continuation) = AsyncThrowingStream<StreamEvent, Error>.makeStream()
        let ledger = self.ledger
        let name = endpoint.name
        let emit: @Sendable (StreamEvent) -> Void = { event in
            if case .usage(let usage) = event { ledger.record(name, usage: usage, seconds: 0) }
            continuation.yield(event)
        }
        let task = Task {
            do {
                try await streamAll(plan, params, emit: emit)
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private func streamAll(_ plan: PromptPlan, _ params: SamplingParams, emit: @escaping @Sendable (StreamEvent) -> Void) async throws {
        let n = max(1, params.n)
        let key = CapabilityCache.key(endpoint, api: requester.apiName(for: plan))
        let learned = capabilities[key]
        if n == 1 || (requester.acceptsN(for: plan) && learned.honoursN != false && (learned.maxN ?? n) >= n) {
            do {
                try await requester.streamRequest(plan, params: params, count: n, seed: params.seed, firstIndex: 0, emit: emit)
                return
            } catch let error as GatewayError where error.status == 400 && n > 1 {
                // Rejected before any event: the server's slots are fewer than n.
                capabilities.update(key) { $0.honoursN = false }
            }
        }
        let limit = max(1, endpoint.maxConcurrency)
        let requester = self.requester
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<n {
                if index >= limit { try await group.next() }
                group.addTask {
                    try await requester.streamRequest(plan, params: params, count: 1, seed: params.seed.map { $0 + index },
                                                      firstIndex: index, emit: emit)
                }
            }
            try await group.waitForAll()
        }
    }

    // MARK: Helpers

    static func chunks(_ total: Int, size: Int) -> [Int] {
        let size = max(1, size)
        return stride(from: 0, to: total, by: size).map { min(size, total - $0) }
    }

    /// The upper bound in a server's "n must be ≤ 8" style message, e.g. llama.cpp's
    /// "Field 'n': Value must be between 1 <= value <= 8, but got 20".
    static func limit(in message: String) -> Int? {
        guard let match = message.firstMatch(of: #/<=\s*(\d+)/#) else { return nil }
        return Int(match.1)
    }
}
