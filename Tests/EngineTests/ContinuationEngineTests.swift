import DocwrightCore
import Engine
import Foundation
import Gateway
import Testing
import TestFixtures

/// Samples cut by `max_tokens` (issue 14's "no broken code offered"): one follow-up request
/// continues each from where it stopped, the joined text is ranked like any candidate, and one
/// still cut stays labelled incomplete, never preferred. In-memory models: no model, no waiting.
@Suite struct ContinuationEngineTests {
    static let config = twoModels + "\nverify = false\n"
    /// `double`'s body cut mid-line, and the rest of it.
    static let cutText = "    y = x * 2\n    retu"
    static let restText = "rn y\n"

    static func cut(_ text: String = cutText, logprob: Double = -0.2) -> Sample {
        .scripted(text, logprob: logprob, finishReason: .length)
    }

    /// The prompt text of a completion plan (the engine's plan for `local`-style llama.cpp models).
    static func completionText(_ call: InMemoryModels.Call) -> String? {
        if case .completion(let text) = call.plan.prompt { return text }
        return nil
    }

    /// Cancels `generation` (which must throw `CancellationError`), gives the abandoned draw time
    /// to stop, then opens `gate`, and gives whatever still ran time to show.
    static func cancel(_ generation: Task<GenerationResult, any Error>, thenOpen gate: Gate) async throws {
        generation.cancel()
        await #expect(throws: CancellationError.self) { _ = try await generation.value }
        try await Task.sleep(for: .milliseconds(300))
        gate.open()
        try await Task.sleep(for: .milliseconds(300))
    }

    @Test func aSampleCutByMaxTokensIsContinuedOnceAndJoined() async throws {
        let project = try Project(config: Self.config)
        let models = InMemoryModels { call in
            if call.index == 0 {
                return InMemoryModels.Reply(samples: [Self.cut(), .scripted("    return x + x\n", logprob: -0.9)])
            }
            return InMemoryModels.Reply(samples: [.scripted(Self.restText, logprob: -0.4)], usage: Usage(promptTokens: 30, completionTokens: 3))
        }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let result = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1))

        // One follow-up, for the cut sample only: the original prompt plus the cut text, n = 1,
        // the same max_tokens.
        let calls = models.calls
        #expect(calls.count == 2)
        let original = try #require(Self.completionText(calls[0]))
        #expect(Self.completionText(calls[1]) == original + Self.cutText)
        #expect(calls[1].params.n == 1 && calls[1].params.maxTokens == 24)
        // The joined candidate is complete, first, and scored over all its tokens (-0.2, -0.2, -0.4).
        let best = try #require(result.candidates.first)
        #expect(best.text.trimmingCharacters(in: .whitespacesAndNewlines) == "y = x * 2\n    return y", "\(best.text)")
        #expect(best.finishReason == .stop && !best.isIncomplete && best.mayBeOfferedUnasked)
        let mean = try #require(best.meanLogprob)
        #expect(abs(mean - (-0.8 / 3)) < 1e-9, "\(mean)")
        #expect(!best.notes.contains { $0.contains("truncated") })
        #expect(result.candidates.preferred == best)
        // Usage counts the follow-up.
        #expect(result.usage == Usage(promptTokens: 50, completionTokens: 13))
        #expect(result.samplesDrawn == 2)
    }

    @Test func aContinuationCutAgainStaysIncompleteAndIsNeverPreferred() async throws {
        let project = try Project(config: Self.config)
        // Every reply is cut: the follow-up too. One round only, so two calls in all.
        let models = InMemoryModels { call in
            call.index == 0 ? InMemoryModels.Reply(samples: [Self.cut("    y = x * 2\n    z = (y +")])
                : InMemoryModels.Reply(samples: [Self.cut(" 1\n    w = (z", logprob: -0.3)])
        }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let result = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1), n: 1)
        #expect(models.calls.count == 2)
        let only = try #require(result.candidates.first)
        #expect(result.candidates.count == 1)
        // The joined text (its unfinished last line dropped), still cut: labelled, not offered unasked.
        #expect(only.text.contains("z = (y + 1"))
        #expect(only.isIncomplete && !only.mayBeOfferedUnasked)
        #expect(only.evidenceSummary.contains("incomplete"))
        #expect(result.candidates.preferred == nil)
        #expect(result.usage == Usage(promptTokens: 40, completionTokens: 20))
    }

    @Test func withContinueTruncatedOffTheCutSampleIsKeptAsItIs() async throws {
        let project = try Project(config: "continue_truncated = false\n" + Self.config)
        let models = InMemoryModels { _ in InMemoryModels.Reply(samples: [Self.cut(), .scripted("    return x + x\n", logprob: -0.9)]) }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let result = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1))
        #expect(models.calls.count == 1)
        // The complete one is preferred; the cut one is demoted and labelled.
        #expect(result.candidates.preferred?.text.contains("return x + x") == true)
        #expect(result.candidates.contains { $0.isIncomplete && $0.evidenceSummary.contains("incomplete") })
    }

    @Test func aSpentBudgetStopsTheFollowUp() async throws {
        // `datasci` is priced: the first request alone reaches the tiny daily budget.
        let project = try Project(config: Self.config + "\n[budget]\ndaily_usd = 0.0000001\n")
        let models = InMemoryModels { _ in InMemoryModels.Reply(samples: [Self.cut()]) }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let result = try await engine.generate(task: try project.task(engine, file: "analysis.py", text: pandasFile, line: 3), n: 1)
        #expect(result.modelName == "datasci")
        #expect(models.calls.count == 1)
        #expect(!result.candidates.isEmpty && result.candidates.allSatisfy { $0.isIncomplete })
    }

    @Test func cancellingDuringTheFollowUpThrowsAndCachesNothing() async throws {
        let project = try Project(config: Self.config)
        let gate = Gate()
        defer { gate.open() }
        let models = InMemoryModels { call in
            var reply = InMemoryModels.Reply(samples: [call.index == 0 ? Self.cut() : .scripted(Self.restText, logprob: -0.4)])
            if call.index > 0 { reply.sampleGates = [0: gate] }
            return reply
        }
        let engine = project.engine(models: models, clock: ManualClock())
        defer { engine.shutdown() }
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let generation = Task { try await engine.generate(task: task, n: 1) }
        try await StreamingEngineTests.eventually("the follow-up request") { models.calls.count == 2 }
        // The abandoned draw is cancelled: opening the gate afterwards completes nothing.
        try await Self.cancel(generation, thenOpen: gate)
        #expect(engine.cachedResult(for: task, n: 1) == nil)
        #expect(models.calls.count == 2)
    }

    @Test func cancellingTheDrawStartsNoFollowUp() async throws {
        let project = try Project(config: Self.config)
        let gate = Gate()
        defer { gate.open() }
        let models = InMemoryModels { _ in
            var reply = InMemoryModels.Reply(samples: [Self.cut()])
            reply.sampleGates = [0: gate]
            return reply
        }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let generation = Task { try await engine.generate(task: task, n: 1) }
        try await StreamingEngineTests.eventually("the first request") { models.calls.count == 1 }
        // The abandoned draw is cancelled before its sample completes: no follow-up after it.
        try await Self.cancel(generation, thenOpen: gate)
        #expect(models.calls.count == 1)
    }

    @Test func streamedGenerationsContinueTheCutSampleToo() async throws {
        let project = try Project(config: Self.config)
        let models = InMemoryModels { call in
            call.index == 0 ? InMemoryModels.Reply(samples: [Self.cut(), .scripted("    return x + x\n", logprob: -0.9)])
                : InMemoryModels.Reply(samples: [.scripted(Self.restText, logprob: -0.4)])
        }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let heard = StreamingEngineTests.Heard(models)
        let result = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1),
                                               progress: heard.onProgress, partial: heard.onPartial)
        // Streamed first, then one follow-up request; provisional results came before it.
        #expect(models.streamedCalls == 1 && models.calls.count == 2)
        #expect(!heard.partialResults.isEmpty)
        #expect(result.candidates.first?.text.contains("y = x * 2\n    return y") == true)
        // The last provisional result is the final ranking (sent once the follow-up is joined).
        #expect(heard.partialResults.last?.result.candidates == result.candidates)
        #expect(heard.reports.contains { if case .continuing(1, 2) = $0 { true } else { false } })
        guard case .ranking = heard.reports.last else {
            Issue.record("unexpected progress \(heard.reports)")
            return
        }
    }
}
