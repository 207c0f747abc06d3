import Cache
import Config
import DocwrightCore
import Foundation
import Gateway
import Prompting
import Ranking

extension Engine {
    /// Everything decided before any model is called.
    struct Prepared: Sendable {
        var route: Route
        /// The project context the prompt carries, redacted as sent (`docwright prompt` lists it).
        var context: [ContextSnippet]
        var plan: PromptPlan
        var params: SamplingParams
        var key: CacheKey
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
        let context = [task.language, task.shape.rawValue, task.indentation, task.indentUnit,
                       task.closerPresent ? "closer" : "no-closer", task.docText].joined(separator: "\u{1}")
        let key = CacheKey(endpoint: route.endpoint, plan: plan, params: params, rankingPolicy: route.policy,
                           rankingVersion: RankingVersion.current, verify: route.verify, context: context)
        return Prepared(route: route, context: clean.context, plan: plan, params: params, key: key)
    }

    func draw(_ task: GenerationTask, _ prepared: Prepared,
              progress: @Sendable (GenerationProgress) -> Void) async throws -> GenerationResult {
        let route = prepared.route
        auditSend(prepared)
        progress(.sampling(model: route.endpoint.name, samples: prepared.params.n))
        let batch = try await models.backend(for: route.endpoint).sample(prepared.plan, params: prepared.params)
        let processed = batch.samples.compactMap { Postprocessor.process($0, plan: prepared.plan, task: task) }
        progress(.ranking(received: batch.samples.count, requested: prepared.params.n, verifying: route.verify))
        let ranker = Ranker(policy: route.policy, demoteTruncated: config.current.ranking.demoteTruncated)
        let verifier: (any Verifier)? = route.verify ? DoctestVerifier() : nil
        let candidates = await ranker.rank(processed, task: task, verifier: verifier)
        usage.record(model: route.endpoint.name, usage: batch.usage, cost: Self.cost(batch.usage, endpoint: route.endpoint))
        let result = GenerationResult(
            candidates: candidates, modelName: route.endpoint.name, modelID: route.endpoint.model, rule: route.rule,
            fromCache: false, latency: batch.latency, usage: batch.usage, strategy: batch.strategy,
            samplesDrawn: batch.samples.count)
        logger.info("generated", metadata: [
            "model": "\(route.endpoint.name)", "rule": "\(route.rule)", "samples": "\(batch.samples.count)",
            "candidates": "\(candidates.count)", "latency": "\(String(format2: batch.latency))s",
        ])
        // Only useful results are cached: an empty list is as good as an error.
        if let cache, !candidates.isEmpty {
            cache.store(prepared.key, CachedResult(
                candidates: candidates, model: route.endpoint.name, route: route.rule, usage: batch.usage,
                latency: batch.latency, createdAt: clock.now()))
        }
        return result
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
            "docwright: today's estimated spending ($\(String(format: "%.2f", spent))) reached budget.daily_usd ($\(String(format: "%.2f", limit))); "
                + "raise it, set budget.fallback_model, or use a local model")
    }

    func result(from hit: CachedResult, prepared: Prepared) -> GenerationResult {
        GenerationResult(
            candidates: hit.candidates, modelName: prepared.route.endpoint.name, modelID: prepared.route.endpoint.model,
            rule: prepared.route.rule, fromCache: true, latency: hit.latency, usage: hit.usage, strategy: .cache,
            samplesDrawn: 0)
    }
}
