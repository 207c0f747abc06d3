import Config
import DocwrightCore
import Engine
import Foundation
import Logging
import Synchronization
import Testing

/// The pipeline against the real local model (tier 5: needs `DOCWRIGHT_TEST_MODEL_URL`, which
/// `scripts/test` sets). Everything that does not need a model is in `EngineTests`.
@Suite("Engine with the real model", .serialized) struct RealModelEngineTests {
    @Test func routesDataScienceToOneModelAndTheRestToAnother() async throws {
        let project = try Project(config: twoModels, modelURL: try testModelURL())
        let engine = try project.realEngine(cache: false)
        defer { engine.shutdown() }
        let data = try await engine.generate(task: try project.task(engine, file: "analysis.py", text: pandasFile, line: 3))
        #expect(data.modelName == "datasci")
        #expect(data.rule.description.contains("data-ml"))
        let plain = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1))
        #expect(plain.modelName == "general")
        #expect(plain.rule == .defaultModel)
        #expect(!plain.candidates.isEmpty)
    }

    @Test func aStreamedGenerationOffersProvisionalResults() async throws {
        let project = try Project(config: twoModels, modelURL: try testModelURL())
        let engine = try project.realEngine(cache: false)
        defer { engine.shutdown() }
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let plain = try await engine.generate(task: task, n: 3)
        let partials = Mutex<[GenerationResult]>([])
        let streamed = try await engine.generate(task: task, n: 3, partial: { result in partials.withLock { $0.append(result) } })
        let heard = partials.withLock { $0 }
        #expect(!heard.isEmpty)
        #expect(heard.last?.candidates == streamed.candidates)
        // (Whether the samples equal the unstreamed ones is the server's business: llama.cpp's
        // seeded samples vary with its batching under load. StreamingEngineTests shows the same
        // samples rank the same streamed or not.)
        #expect(!streamed.candidates.isEmpty && !plain.candidates.isEmpty)
        #expect(streamed.samplesDrawn == plain.samplesDrawn)
    }

    @Test func aRealAnswerIsCachedAndReadBackAfterRestart() async throws {
        let project = try Project(config: twoModels, modelURL: try testModelURL())
        let first = try project.realEngine()
        let task = try project.task(first, file: "util.py", text: plainFile, line: 1)
        let drawn = try await first.generate(task: task)
        #expect(!drawn.fromCache && !drawn.candidates.isEmpty)
        first.shutdown()
        let second = try project.realEngine()
        defer { second.shutdown() }
        #expect(second.cachedResult(for: task)?.candidates == drawn.candidates)
    }

    @Test func compareRunsBothModelsSideBySide() async throws {
        let project = try Project(config: twoModels, modelURL: try testModelURL())
        let engine = try project.realEngine(cache: false)
        defer { engine.shutdown() }
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let comparison = await engine.compare(task: task, models: ["general", "datasci", "missing"])
        #expect(comparison.entries.map(\.model) == ["general", "datasci", "missing"])
        #expect(comparison.entries[0].error == nil)
        #expect(comparison.entries[1].error == nil)
        #expect(comparison.entries[1].cost > 0)
        #expect(comparison.entries[2].error?.contains("no model named 'missing'") == true)
        let markdown = comparison.markdown(uri: "util.py", position: "2")
        #expect(markdown.contains("| general"))
        #expect(markdown.contains("| datasci"))
    }

    @Test func dailyBudgetRefusesPaidModelOnceSpent() async throws {
        let config = twoModels + "\n\n[budget]\ndaily_usd = 0.0000001\n"
        let project = try Project(config: config, modelURL: try testModelURL())
        let engine = try project.realEngine(cache: false)
        defer { engine.shutdown() }
        let task = try project.task(engine, file: "analysis.py", text: pandasFile, line: 3)
        _ = try await engine.generate(task: task)
        #expect(engine.usage.cost() > 0)
        await #expect(throws: EngineError.self) {
            _ = try await engine.generate(task: task, n: 1)
        }
        // The free model is not limited.
        _ = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1))
    }

    @Test func aSampleCutByATinyMaxTokensIsContinuedOnceByTheRealServer() async throws {
        // Four tokens cannot hold `double`'s body: the sample is cut, the server gets its prompt
        // plus the cut text once, and the joined text is ranked (complete, or labelled incomplete).
        let config = twoModels.replacingOccurrences(of: "max_tokens = 24", with: "max_tokens = 4") + "\nverify = false\n"
        let project = try Project(config: config, modelURL: try testModelURL())
        let engine = try project.realEngine(cache: false)
        defer { engine.shutdown() }
        let result = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1), n: 1)
        // More than one request's worth of tokens, and no more than two (one round only).
        #expect(result.usage.completionTokens > 4 && result.usage.completionTokens <= 8, "\(result.usage)")
        for candidate in result.candidates where candidate.isIncomplete {
            #expect(candidate.evidenceSummary.contains("incomplete") && !candidate.mayBeOfferedUnasked)
        }
        #expect(result.candidates.preferred.map { !$0.isIncomplete && $0.syntaxOK != false } ?? true)
    }
}
