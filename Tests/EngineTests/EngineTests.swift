import Config
import DocwrightCore
import Engine
import Foundation
import Gateway
import Testing
import TestFixtures

/// The pipeline's logic with in-memory models and a hand-moved clock: no model, no network,
/// no waiting. (`RealModelEngineTests` runs the same pipeline against the real local model.)
@Suite struct EngineTests {
    /// A body for `double`/`total` whose score is `logprob` per line.
    static func body(_ expression: String, logprob: Double? = -0.5) -> (text: String, logprob: Double?) {
        ("    return \(expression)\n", logprob)
    }

    static let goodReply = InMemoryModels.Reply.texts([body("x * 2", logprob: -0.1), body("x + x", logprob: -0.9)])

    @Test func routesDataScienceToOneModelAndTheRestToAnother() async throws {
        let project = try Project(config: twoModels)
        let models = InMemoryModels { _ in Self.goodReply }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let data = try await engine.generate(task: try project.task(engine, file: "analysis.py", text: pandasFile, line: 3))
        #expect(data.modelName == "datasci")
        #expect(data.rule.description.contains("data-ml"))
        let plain = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1))
        #expect(plain.modelName == "general")
        #expect(plain.rule == .defaultModel)
        #expect(models.calls.map(\.endpoint.name) == ["datasci", "general"])
        #expect(models.calls.allSatisfy { $0.params.n == 2 && $0.params.maxTokens == 24 && $0.params.seed == 5 })
        // A model named explicitly wins over routing.
        _ = try await engine.generate(task: try project.task(engine, file: "analysis.py", text: pandasFile, line: 3), model: "general")
        #expect(models.calls.last?.endpoint.name == "general")
        await #expect(throws: EngineError.self) {
            _ = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1), model: "missing")
        }
    }

    @Test func candidatesAreRankedByMeanLogprob() async throws {
        let project = try Project(config: twoModels + "\nverify = false\n")
        let models = InMemoryModels { _ in
            .texts([Self.body("x + x", logprob: -2.0), Self.body("x * 2", logprob: -0.1), Self.body("2 * x", logprob: -1.0)])
        }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let result = try await engine.generate(task: task, n: 3)
        #expect(result.candidates.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
            == ["return x * 2", "return 2 * x", "return x + x"])
        #expect(result.candidates.first?.method == .meanLogprob)
        #expect(result.samplesDrawn == 3)
    }

    @Test func withoutLogprobsTheAnswerMostSamplesAgreeOnWins() async throws {
        let project = try Project(config: twoModels + "\nverify = false\n")
        let models = InMemoryModels { _ in
            .texts([Self.body("x + x", logprob: nil), Self.body("x * 2", logprob: nil), Self.body("x * 2", logprob: nil)])
        }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        _ = engine.updateClientSettings(Data(#"{"ranking": {"policy": "agreement"}}"#.utf8))
        let result = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1), n: 3)
        #expect(result.candidates.first?.text.contains("x * 2") == true)
        #expect(result.candidates.first?.agreement == 2)
    }

    @Test func secondAskIsServedFromCacheAlsoAfterRestartUntilTheTTL() async throws {
        let project = try Project(config: twoModels + "\n[cache]\nttl_days = 30\n")
        let clock = ManualClock()
        let models = InMemoryModels { _ in Self.goodReply }
        let first = project.engine(models: models, clock: clock)
        let task = try project.task(first, file: "util.py", text: plainFile, line: 1)
        let drawn = try await first.generate(task: task)
        #expect(!drawn.fromCache)
        let again = try await first.generate(task: task)
        #expect(again.fromCache)
        #expect(again.candidates == drawn.candidates)
        #expect(models.calls.count == 1)
        first.shutdown()
        // A new engine (a restarted editor) reads the same disk cache.
        let second = project.engine(models: models, clock: clock)
        defer { second.shutdown() }
        let restarted = try #require(second.cachedResult(for: task))
        #expect(restarted.candidates == drawn.candidates)
        // Typing inside the docstring changes the key.
        var edited = task
        edited.docText += " Ignore negative numbers."
        edited.prefix = edited.prefix.replacingOccurrences(of: "times two.", with: "times two. Ignore negative numbers.")
        #expect(second.cachedResult(for: edited) == nil)
        // 29 days later the entry is still fresh; 31 days later it is not, and the model is asked again.
        clock.advance(days: 29)
        #expect(second.cachedResult(for: task) != nil)
        clock.advance(days: 2)
        #expect(second.cachedResult(for: task) == nil)
        let redrawn = try await second.generate(task: task)
        #expect(!redrawn.fromCache)
        #expect(models.calls.count == 2)
    }

    @Test func identicalConcurrentRequestsShareOneModelCall() async throws {
        let project = try Project(config: twoModels)
        let models = InMemoryModels { _ in
            .texts([Self.body("x * 2", logprob: -0.1)], delay: .milliseconds(300))
        }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        async let a = engine.generate(task: task)
        async let b = engine.generate(task: task)
        async let c = engine.generate(task: task)
        let results = try await [a, b, c]
        #expect(models.calls.count == 1)
        #expect(Set(results.map(\.candidates)).count == 1)
        // Different n: a different request.
        _ = try await engine.generate(task: task, n: 1)
        #expect(models.calls.count == 2)
    }

    @Test func dailyBudgetRefusesPaidModelOnceSpentUntilTheNextDay() async throws {
        let project = try Project(config: twoModels + "\n\n[budget]\ndaily_usd = 0.0000001\n")
        let clock = ManualClock()
        let models = InMemoryModels { _ in Self.goodReply }
        let engine = project.engine(models: models, clock: clock, cache: false)
        let task = try project.task(engine, file: "analysis.py", text: pandasFile, line: 3)
        _ = try await engine.generate(task: task)
        #expect(engine.usage.cost() > 0)
        await #expect(throws: EngineError.self) {
            _ = try await engine.generate(task: task, n: 1)
        }
        #expect(models.calls.count == 1)
        // The free model is not limited.
        _ = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1))
        #expect(models.calls.last?.endpoint.name == "general")
        // A new day, a new budget.
        clock.advance(days: 1)
        #expect(engine.usage.cost() == 0)
        _ = try await engine.generate(task: task, n: 1)
        #expect(models.calls.last?.endpoint.name == "datasci")
    }

    @Test func pastTheBudgetTheFallbackModelServes() async throws {
        let project = try Project(config: twoModels + "\n\n[budget]\ndaily_usd = 0.0000001\nfallback_model = \"general\"\n")
        let models = InMemoryModels { _ in Self.goodReply }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let task = try project.task(engine, file: "analysis.py", text: pandasFile, line: 3)
        _ = try await engine.generate(task: task)
        let fallback = try await engine.generate(task: task, n: 1)
        #expect(fallback.modelName == "general")
        #expect(models.calls.map(\.endpoint.name) == ["datasci", "general"])
    }

    @Test func modelErrorsReachTheCallerAndAreNotCached() async throws {
        let project = try Project(config: twoModels)
        let models = InMemoryModels { call in
            call.index == 0
                ? .failure(GatewayError(kind: .rateLimited, status: 429, userMessage: "Model \"general\" is rate limited (HTTP 429)."))
                : Self.goodReply
        }
        let engine = project.engine(models: models, clock: ManualClock())
        defer { engine.shutdown() }
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        do {
            _ = try await engine.generate(task: task)
            Issue.record("expected the model's error")
        } catch let error as GatewayError {
            #expect(error.kind == .rateLimited)
            #expect(error.userMessage.contains("rate limited"))
        }
        #expect(engine.cachedResult(for: task) == nil)
        let retried = try await engine.generate(task: task)
        #expect(!retried.fromCache && !retried.candidates.isEmpty)
        #expect(models.calls.count == 2)
    }

    @Test func anEmptyAnswerIsNotCached() async throws {
        let project = try Project(config: twoModels)
        let models = InMemoryModels { _ in .texts([]) }
        let engine = project.engine(models: models, clock: ManualClock())
        defer { engine.shutdown() }
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let result = try await engine.generate(task: task)
        #expect(result.candidates.isEmpty)
        #expect(engine.cachedResult(for: task) == nil)
    }

    @Test func compareRunsEveryModelSideBySide() async throws {
        let project = try Project(config: twoModels)
        let models = InMemoryModels { _ in Self.goodReply }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let comparison = await engine.compare(task: task, models: ["general", "datasci", "missing"])
        #expect(comparison.entries.map(\.model) == ["general", "datasci", "missing"])
        #expect(comparison.entries[0].error == nil)
        #expect(comparison.entries[1].error == nil)
        #expect(comparison.entries[0].cost == 0)
        #expect(comparison.entries[1].cost > 0)
        #expect(comparison.entries[2].error?.contains("no model named 'missing'") == true)
        let markdown = comparison.markdown(uri: "util.py", position: "2")
        #expect(markdown.contains("| general"))
        #expect(markdown.contains("| datasci"))
        #expect(Set(models.calls.map(\.endpoint.name)) == ["general", "datasci"])
    }

    @Test func clientSettingsApplyWithoutRestart() throws {
        let project = try Project(config: twoModels)
        let engine = project.engine(models: InMemoryModels { _ in Self.goodReply }, clock: ManualClock(), cache: false)
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        #expect(try engine.config.current.route(for: task).endpoint.name == "general")
        _ = engine.updateClientSettings(Data(#"{"default_model": "datasci"}"#.utf8))
        #expect(try engine.config.current.route(for: task).endpoint.name == "datasci")
        // A bad value drops only itself, and says so.
        let messages = engine.updateClientSettings(Data(#"{"default_model": "datasci", "n": "five"}"#.utf8))
        #expect(messages.contains { $0.contains("n") })
        #expect(try engine.config.current.route(for: task).endpoint.name == "datasci")
    }
}
