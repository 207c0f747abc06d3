import Cache
import Config
import DocwrightCore
import FoundationEssentials
import Gateway
import Logging
import Prompting
import Ranking
import Synchronization
import Syntax

extension Engine {
    /// Everything decided before any model is called.
    struct Prepared: Sendable {
        var route: Route
        /// The project context the prompt carries, redacted as sent (`docwright prompt` lists it).
        var context: [ContextSnippet]
        var plan: PromptPlan
        var params: SamplingParams
        /// `continue_truncated`: samples cut by the token limit get one follow-up request.
        var continueTruncated: Bool
        var key: CacheKey
        /// The tree of the task's file, when the caller keeps one (the syntax check starts from it).
        var document: SyntaxTree? = nil
    }

    func prepare(_ task: GenerationTask, model: String?, n: Int? = nil) throws -> Prepared {
        let effective = config.current
        // Checked again here, not only when the task was found: the configuration may have
        // changed since (an edited exclusion, a project file that no longer parses).
        let (enabled, reason) = effective.isEnabled(path: task.path, language: task.language, text: nil)
        guard enabled else { throw EngineError.disabled(reason ?? "docwright is disabled here") }
        if let model, effective.endpoint(named: model) == nil {
            throw EngineError.unknownModel(model, available: Array(effective.models.keys))
        }
        var route: Route
        do throws(RoutingError) {
            if let model { route = try effective.route(for: task, model: model) } else { route = try effective.route(for: task) }
        } catch {
            throw EngineError.refused(error.userMessage)
        }
        route = try withinBudget(route, task: task, effective: effective)
        var task = task
        task.context = projectContext(for: task, endpoint: route.endpoint)
        // Secrets are redacted before the prompt is built: nothing unredacted can leave.
        let clean = redacted(task)
        let plan = PromptBuilder().plan(for: clean, api: route.endpoint.api, fimTemplate: route.endpoint.fimTemplate)
        var params = route.params
        if let n { params.n = max(1, n) }
        for stop in plan.stops where !params.stop.contains(stop) {
            params.stop.append(stop)
        }
        // Post-processing depends on these task fields beyond the prompt text.
        // So is whether cut samples were continued.
        let context = [task.language, task.shape.rawValue, task.indentation, task.indentUnit,
                       task.closerPresent ? "closer" : "no-closer", task.docText,
                       effective.continueTruncated ? "continued" : "cut"].joined(separator: "\u{1}")
        // The key covers the definitions the task uses, not the ambient pieces (recent edits, other
        // open buffers), which change with every keystroke or opened file: typing elsewhere must not
        // lose this task's results.
        var stable = clean
        stable.context.removeAll { $0.reason == .recentEdit || $0.reason == .openBuffer }
        let keyPlan = stable.context.count == clean.context.count
            ? plan : PromptBuilder().plan(for: stable, api: route.endpoint.api, fimTemplate: route.endpoint.fimTemplate)
        let key = CacheKey(endpoint: route.endpoint, plan: keyPlan, params: params, rankingPolicy: route.policy,
                           rankingVersion: RankingVersion.current, verify: route.verify, context: context)
        return Prepared(route: route, context: clean.context, plan: plan, params: params,
                        continueTruncated: effective.continueTruncated, key: key)
    }

    func draw(_ task: GenerationTask, _ prepared: Prepared, progress: @Sendable (GenerationProgress) -> Void,
              partial: (@Sendable (GenerationResult) -> Void)? = nil) async throws -> GenerationResult {
        let route = prepared.route
        auditSend(prepared)
        progress(.sampling(model: route.endpoint.name, samples: prepared.params.n))
        let backend = models.backend(for: route.endpoint)
        let ranker = Ranker(policy: route.policy, demoteTruncated: config.current.ranking.demoteTruncated)
        var batch: SampleBatch
        let verifier: (any Verifier)?
        if let partial, backend.streams {
            // Each text is verified once: the provisional rankings' outcomes serve the final one.
            let remembering = route.verify ? RememberingVerifier(DoctestVerifier()) : nil
            verifier = remembering
            batch = try await streamed(from: backend, task, prepared, ranker: ranker, verifier: remembering,
                                       progress: progress, partial: partial)
        } else {
            verifier = route.verify ? DoctestVerifier() : nil
            batch = try await backend.sample(prepared.plan, params: prepared.params)
        }
        let drawn = batch.samples
        batch = try await continued(batch, from: backend, task, prepared, progress: progress)
        let processed = batch.samples.compactMap { Postprocessor.process($0, plan: prepared.plan, task: task) }
        progress(.ranking(received: batch.samples.count, requested: prepared.params.n, verifying: route.verify))
        let candidates = await ranker.rank(processed, task: task, verifier: verifier, document: prepared.document)
        usage.record(model: route.endpoint.name, usage: batch.usage, cost: Self.cost(batch.usage, endpoint: route.endpoint))
        let result = GenerationResult(
            candidates: candidates, modelName: route.endpoint.name, modelID: route.endpoint.model, rule: route.rule,
            fromCache: false, latency: batch.latency, usage: batch.usage, strategy: batch.strategy,
            samplesDrawn: batch.samples.count)
        // Streamed: the last provisional result was ranked before the follow-ups; the final one
        // goes out too, so a caller's last `partial` is the ranking returned.
        if let partial, backend.streams, batch.samples != drawn { partial(result) }
        logger.info("generated", metadata: [
            "model": "\(route.endpoint.name)", "rule": "\(route.rule)", "samples": "\(batch.samples.count)",
            "candidates": "\(candidates.count)", "latency": "\(String(format2: batch.latency))s",
        ])
        // Only useful results are cached: an empty list is as good as an error.
        if let cache, !candidates.isEmpty {
            cache.store(prepared.key, CachedResult(
                candidates: candidates, model: route.endpoint.name, route: route.rule.description, usage: batch.usage,
                latency: batch.latency, createdAt: clock.now()))
        }
        return result
    }

    /// Draws the samples through `backend.stream`, ranking those complete so far after each one
    /// that yields a candidate and handing that provisional result to `partial`. Returns the
    /// samples as `sample` would (index order; fewer than asked are topped up unstreamed). A
    /// failure after some samples completed keeps them (as parallel requests do when some fail);
    /// cancellation always throws.
    private func streamed(from backend: any ModelBackend, _ task: GenerationTask, _ prepared: Prepared, ranker: Ranker,
                          verifier: (any Verifier)?, progress: @Sendable (GenerationProgress) -> Void,
                          partial: @Sendable (GenerationResult) -> Void) async throws -> SampleBatch {
        let route = prepared.route
        let requested = prepared.params.n
        let started = ContinuousClock.now
        var assembly = StreamAssembly(requested: requested)
        var processed: [Int: ProcessedSample] = [:]
        var provisional: [Candidate] = []
        var failure: (any Error)?
        var heard = false
        do {
            for try await event in backend.stream(prepared.plan, params: prepared.params) {
                heard = true
                guard let completed = assembly.consume(event) else { continue }
                guard let kept = Postprocessor.process(completed.sample, plan: prepared.plan, task: task) else {
                    // Nothing new to rank: the provisional ranking stands.
                    progress(.received(received: assembly.finishedCount, requested: requested,
                                       candidates: provisional.count, best: provisional.first))
                    continue
                }
                processed[completed.index] = kept
                let candidates = await ranker.rank(processed.keys.sorted().compactMap { processed[$0] }, task: task,
                                                   verifier: verifier, document: prepared.document)
                try Task.checkCancellation()
                provisional = candidates
                progress(.received(received: assembly.finishedCount, requested: requested,
                                   candidates: candidates.count, best: candidates.first))
                partial(GenerationResult(
                    candidates: candidates, modelName: route.endpoint.name, modelID: route.endpoint.model,
                    rule: route.rule, fromCache: false, latency: Self.seconds(since: started), usage: assembly.usage,
                    strategy: .n, samplesDrawn: assembly.finishedCount))
            }
        } catch {
            if error is CancellationError || Task.isCancelled { throw error }
            if !heard, let gateway = error as? GatewayError, Self.looksUnstreamed(gateway) {
                // A server that does not stream as it should (a JSON reply, no events): ask it plainly.
                logger.info("streaming failed before any event; sampling instead", metadata: [
                    "model": "\(route.endpoint.name)", "error": "\(gateway)",
                ])
                return try await backend.sample(prepared.plan, params: prepared.params)
            }
            if assembly.finishedCount == 0 { throw error }
            failure = error
        }
        try Task.checkCancellation()
        if let failure {
            logger.warning("the stream failed after some samples; ranking those", metadata: [
                "model": "\(route.endpoint.name)", "samples": "\(assembly.finishedCount)", "error": "\(failure)",
            ])
        }
        var samples = assembly.samples(includingUnfinished: failure == nil)
        var usage = assembly.usage
        var strategy = SamplingStrategy.n  // a streamed call's strategy is the backend's business
        if failure == nil, !samples.isEmpty, samples.count < requested {
            // Fewer samples than asked (a server that ignores n): the rest unstreamed, seeded after
            // those received, as `sample` tops up.
            var rest = prepared.params
            rest.n = requested - samples.count
            rest.seed = rest.seed.map { $0 + samples.count }
            let more = try await backend.sample(prepared.plan, params: rest)
            samples += more.samples
            usage = usage + more.usage
            strategy = .parallel
        }
        return SampleBatch(samples: samples, model: route.endpoint.name, usage: usage,
                           latency: Self.seconds(since: started), strategy: strategy)
    }

    /// The failures a server that does not stream produces (no events, a reply that is not
    /// server-sent events, streaming refused); other failures would only repeat unstreamed.
    private static func looksUnstreamed(_ error: GatewayError) -> Bool {
        switch error.kind {
        case .streamCut, .malformedResponse, .unsupported: return true
        default: return false
        }
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Past the daily budget: the fallback model's route, or a refusal that says why.
    func withinBudget(_ route: Route, task: GenerationTask, effective: EffectiveConfig) throws -> Route {
        guard let limit = effective.budget.dailyUSD, route.endpoint.pricePerMillionInput + route.endpoint.pricePerMillionOutput > 0 else {
            return route
        }
        let spent = usage.cost()
        guard spent >= limit else { return route }
        if let fallback = effective.budgetFallbackRoute(for: task) { return fallback }
        throw EngineError.budgetExceeded(
            "docwright: today's estimated spending ($\(String(cFormat: "%.2f", spent))) reached budget.daily_usd ($\(String(cFormat: "%.2f", limit))); "
                + "raise it, set budget.fallback_model, or use a local model")
    }

    func result(from hit: CachedResult, prepared: Prepared) -> GenerationResult {
        GenerationResult(
            candidates: hit.candidates, modelName: prepared.route.endpoint.name, modelID: prepared.route.endpoint.model,
            rule: prepared.route.rule, fromCache: true, latency: hit.latency, usage: hit.usage, strategy: .cache,
            samplesDrawn: 0)
    }
}

/// A verifier that runs each distinct candidate text once: streamed generations rank the
/// samples complete so far after each one, and the final ranking reuses those outcomes.
/// Outcomes of a cancelled task are not remembered.
final class RememberingVerifier: Verifier {
    private let base: any Verifier
    private let outcomes = Mutex<[String: VerificationOutcome]>([:])

    init(_ base: any Verifier) {
        self.base = base
    }

    func verify(candidate: String, task: GenerationTask) async -> VerificationOutcome {
        if let known = outcomes.withLock({ $0[candidate] }) { return known }
        let outcome = await base.verify(candidate: candidate, task: task)
        if !Task.isCancelled { outcomes.withLock { $0[candidate] = outcome } }
        return outcome
    }
}
