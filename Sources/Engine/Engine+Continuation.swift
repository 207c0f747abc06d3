import Config
import DocwrightCore
import FoundationEssentials
import Gateway
import Logging
import Prompting

extension Engine {
    /// `batch` with each sample whose code the token limit cut continued once (not one whose code
    /// ended before the cut: `Postprocessor` calls that complete). One follow-up request per such
    /// sample (`ModelBackend.continuation` says how the endpoint's provider continues it), the same
    /// sampling parameters with n = 1, run side by side within the endpoint's `max_concurrency`,
    /// and the reply joined to the cut text (`Continuation.join`: tokens of both, so the mean
    /// log-probability is over all of them). One round only: a continuation cut again stays cut
    /// (its candidate is labelled incomplete). Not when `continue_truncated` is off, the endpoint
    /// cannot continue, or the daily budget is spent; a follow-up that fails keeps the cut sample.
    /// The follow-ups' tokens count in the batch's usage (so in the ledger and the budget);
    /// cancellation throws.
    func continued(_ batch: SampleBatch, from backend: any ModelBackend, _ task: GenerationTask, _ prepared: Prepared,
                   progress: @Sendable (GenerationProgress) -> Void) async throws -> SampleBatch {
        guard prepared.continueTruncated else { return batch }
        let cut: [(index: Int, continuation: Continuation)] = batch.samples.indices.compactMap { index in
            let sample = batch.samples[index]
            guard sample.finishReason == .length, !sample.text.isEmpty,
                  (Postprocessor.process(sample, plan: prepared.plan, task: task)?.sample.finishReason ?? .length) == .length,
                  let continuation = backend.continuation(of: prepared.plan, partial: sample.text) else { return nil }
            return (index, continuation)
        }
        guard !cut.isEmpty else { return batch }
        try Task.checkCancellation()
        let endpoint = prepared.route.endpoint
        guard !budgetSpent(after: batch.usage, endpoint: endpoint) else {
            logger.info("not continuing samples cut at max_tokens: the daily budget is spent", metadata: [
                "model": "\(endpoint.name)", "samples": "\(cut.count)",
            ])
            return batch
        }
        progress(.continuing(samples: cut.count, requested: prepared.params.n))
        let started = ContinuousClock.now
        var params = prepared.params
        params.n = 1
        let replies = try await followUps(cut.map { ($0.index, $0.continuation.plan) }, backend: backend, params: params,
                                          width: max(1, endpoint.maxConcurrency))
        var result = batch
        var joined = 0
        for (index, continuation) in cut {
            switch replies[index] {
            case .success(let reply)?:
                result.usage = result.usage + reply.usage
                guard let more = reply.samples.first else { continue }
                result.samples[index] = continuation.join(batch.samples[index], more)
                joined += 1
            case .failure(let error)?:
                logger.warning("a follow-up request for a sample cut at max_tokens failed; keeping it as it is", metadata: [
                    "model": "\(endpoint.name)", "error": "\(error)",
                ])
            case nil:
                break
            }
        }
        let elapsed = ContinuousClock.now - started
        result.latency += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        logger.info("continued samples cut at max_tokens", metadata: [
            "model": "\(endpoint.name)", "cut": "\(cut.count)", "continued": "\(joined)",
            "still cut": "\(result.samples.filter { $0.finishReason == .length }.count)",
        ])
        return result
    }

    /// One request per (sample index, plan), at most `width` at once; each sample's seed is the
    /// original's for that index. Results by sample index; cancellation throws.
    private func followUps(_ requests: [(index: Int, plan: PromptPlan)], backend: any ModelBackend, params: SamplingParams,
                           width: Int) async throws -> [Int: Result<SampleBatch, any Error>] {
        try await withThrowingTaskGroup(of: (Int, Result<SampleBatch, any Error>).self) { group in
            var next = 0
            func launch() {
                let (index, plan) = requests[next]
                var seeded = params
                seeded.seed = params.seed.map { $0 + index }
                let sent = seeded
                group.addTask {
                    // Await into a local, then build the tuple (swiftlang/swift#91911, see ARCHITECTURE.md).
                    let result: Result<SampleBatch, any Error>
                    do {
                        result = .success(try await backend.sample(plan, params: sent))
                    } catch {
                        result = .failure(error)
                    }
                    return (index, result)
                }
                next += 1
            }
            while next < min(width, requests.count) { launch() }
            var results: [Int: Result<SampleBatch, any Error>] = [:]
            while let (index, result) = try await group.next() {
                if case .failure(let error) = result, error is CancellationError { throw error }
                results[index] = result
                if next < requests.count { launch() }
            }
            try Task.checkCancellation()
            return results
        }
    }

    /// Whether `budget.daily_usd` is reached once `pending` (drawn, not yet recorded) is counted.
    private func budgetSpent(after pending: Usage, endpoint: ModelEndpoint) -> Bool {
        guard let limit = config.current.budget.dailyUSD,
              endpoint.pricePerMillionInput + endpoint.pricePerMillionOutput > 0 else { return false }
        return usage.cost() + Self.cost(pending, endpoint: endpoint) >= limit
    }
}
