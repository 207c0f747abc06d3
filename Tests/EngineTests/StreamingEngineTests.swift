import DocwrightCore
import Engine
import Foundation
import Gateway
import Synchronization
import Testing
import TestFixtures

/// Streaming backends: the first complete candidate is offered (provisionally ranked) before the
/// slowest sample ends; the final result is ranked as an unstreamed one and is the only one cached.
/// Slow samples are held by gates the test opens, so nothing depends on timing.
@Suite struct StreamingEngineTests {
    static let config = twoModels + "\nverify = false\n"

    /// Three bodies for `double`: the best (-0.1) is sample 1, the one held back.
    static func reply(gate: Gate? = nil, delays: [Duration] = []) -> InMemoryModels.Reply {
        var reply = InMemoryModels.Reply.texts([
            EngineTests.body("x + x", logprob: -0.9), EngineTests.body("x * 2", logprob: -0.1),
            EngineTests.body("2 * x", logprob: -0.5),
        ])
        if let gate { reply.sampleGates = [1: gate] }
        reply.sampleDelays = delays
        return reply
    }

    /// What the provisional results and progress reports said, and what had happened by then.
    final class Heard: Sendable {
        struct Partial: Sendable {
            var result: GenerationResult
            /// Samples the model had completed when the partial result arrived.
            var completedByThen: Int
        }
        let partials = Mutex<[Partial]>([])
        let progress = Mutex<[GenerationProgress]>([])
        let models: InMemoryModels
        init(_ models: InMemoryModels) { self.models = models }

        var partialResults: [Partial] { partials.withLock { $0 } }
        var reports: [GenerationProgress] { progress.withLock { $0 } }

        var onPartial: @Sendable (GenerationResult) -> Void {
            { result in
                let completed = self.models.samplesCompleted
                self.partials.withLock { $0.append(Partial(result: result, completedByThen: completed)) }
            }
        }
        var onProgress: @Sendable (GenerationProgress) -> Void {
            { stage in self.progress.withLock { $0.append(stage) } }
        }
    }

    /// Polls `condition` until it holds, failing after `timeout` (a bound, not a sleep to wait out).
    static func eventually(_ what: String, timeout: Duration = .seconds(20), _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            guard ContinuousClock.now < deadline else { throw TestFailure("timed out waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// The same generation by a backend that does not stream: what the final result must equal.
    static func unstreamed(_ project: Project, n: Int = 3) async throws -> GenerationResult {
        let models = InMemoryModels(streams: false) { _ in Self.reply() }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let heard = Heard(models)
        let result = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1), n: n,
                                               partial: heard.onPartial)
        #expect(heard.partialResults.isEmpty)
        #expect(models.streamedCalls == 0)
        return result
    }

    @Test func theFirstCandidateIsOfferedWhileTheSlowSampleIsStillRunning() async throws {
        let project = try Project(config: Self.config)
        let gate = Gate()
        defer { gate.open() }
        let models = InMemoryModels { _ in Self.reply(gate: gate) }
        let engine = project.engine(models: models, clock: ManualClock())
        defer { engine.shutdown() }
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let heard = Heard(models)
        let generation = Task { try await engine.generate(task: task, n: 3, progress: heard.onProgress, partial: heard.onPartial) }

        // Samples 0 and 2 complete; sample 1 is held: two provisional results, gate still shut.
        try await Self.eventually("two provisional results") { heard.partialResults.count == 2 }
        #expect(!gate.isOpen)
        let partials = heard.partialResults
        #expect(partials.map(\.result.samplesDrawn) == [1, 2])
        #expect(partials.allSatisfy { $0.completedByThen < 3 && !$0.result.fromCache })
        #expect(partials[0].result.candidates.count == 1)
        // The provisional ranking of what is there: "2 * x" (-0.5) before "x + x" (-0.9).
        #expect(partials[1].result.candidates.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
            == ["return 2 * x", "return x + x"])
        // Provisional results are never cached.
        #expect(engine.cachedResult(for: task, n: 3) == nil)
        let messages = heard.reports.map(\.message)
        #expect(messages.contains { $0.hasPrefix("1/3 samples, first candidate ready: return ") })
        #expect(messages.contains("2/3 samples, 2 candidates ready: return 2 * x"))

        gate.open()
        let final = try await generation.value
        #expect(heard.partialResults.count == 3)
        #expect(heard.partialResults.last?.result.candidates == final.candidates)
        #expect(final.samplesDrawn == 3)
        #expect(final.candidates.first?.text.contains("x * 2") == true)
        // Ranked exactly as without streaming, and cached.
        let expected = try await Self.unstreamed(project)
        #expect(final.candidates == expected.candidates)
        #expect(engine.cachedResult(for: task, n: 3)?.candidates == final.candidates)
        #expect(models.calls.count == 1 && models.streamedCalls == 1)
        // The progress went sampling → per-sample reports → ranking, in that order.
        let stages = heard.reports
        guard case .sampling = stages.first, case .ranking(3, 3, _) = stages.last else {
            Issue.record("unexpected progress \(stages)")
            return
        }
        #expect(stages.filter { if case .received = $0 { true } else { false } }.count == 3)
    }

    @Test func aSampleTwoSecondsLateDoesNotHoldBackTheFirstCandidate() async throws {
        let project = try Project(config: Self.config)
        // Sample 1 ends 2 s after the others, and not before the test has seen a provisional
        // result (its gate): what is asserted does not depend on how fast the machine is.
        let gate = Gate()
        defer { gate.open() }
        let models = InMemoryModels { _ in Self.reply(gate: gate, delays: [.zero, .seconds(2), .zero]) }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let heard = Heard(models)
        let started = ContinuousClock.now
        let generation = Task { try await engine.generate(task: task, n: 3, partial: heard.onPartial) }
        try await Self.eventually("a provisional result") { !heard.partialResults.isEmpty }
        gate.open()
        let final = try await generation.value
        let elapsed = ContinuousClock.now - started
        let partials = heard.partialResults
        #expect(partials.count == 3)
        // The first provisional result came while the late sample was still running.
        #expect(partials.first?.completedByThen ?? 3 < 3)
        #expect(partials.first?.result.samplesDrawn == 1)
        #expect(elapsed >= .seconds(2))
        #expect(final.candidates == (try await Self.unstreamed(project)).candidates)
    }

    @Test func withoutPartialOrWithoutStreamingTheEngineSamplesAsBefore() async throws {
        let project = try Project(config: Self.config)
        let models = InMemoryModels { _ in Self.reply() }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let heard = Heard(models)
        let result = try await engine.generate(task: task, n: 3, progress: heard.onProgress)
        #expect(models.streamedCalls == 0)
        #expect(heard.reports.allSatisfy { if case .received = $0 { false } else { true } })
        #expect(result.candidates == (try await Self.unstreamed(project)).candidates)
    }

    @Test func anUnusableSampleLeavesTheProvisionalRankingStanding() async throws {
        let project = try Project(config: Self.config)
        let (second, third) = (Gate(), Gate())
        defer { second.open(); third.open() }
        let models = InMemoryModels { _ in
            var reply = InMemoryModels.Reply.texts([
                EngineTests.body("x * 2", logprob: -0.1), ("    pass\n", -0.2), EngineTests.body("x + x", logprob: -0.9),
            ])
            reply.sampleGates = [1: second, 2: third]
            return reply
        }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let heard = Heard(models)
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let generation = Task { try await engine.generate(task: task, n: 3, progress: heard.onProgress, partial: heard.onPartial) }
        try await Self.eventually("the first candidate") { heard.partialResults.count == 1 }
        second.open()  // `pass`: nothing usable
        try await Self.eventually("the second sample's report") {
            heard.reports.contains { if case .received(2, _, _, _) = $0 { true } else { false } }
        }
        #expect(heard.partialResults.count == 1)
        #expect(heard.reports.map(\.message).contains("2/3 samples, first candidate ready: return x * 2"))
        third.open()
        let final = try await generation.value
        #expect(heard.partialResults.count == 2)
        #expect(final.candidates.count == 2 && final.samplesDrawn == 3)
    }

    @Test func fewerStreamedSamplesThanAskedAreToppedUp() async throws {
        let project = try Project(config: Self.config)
        // A server that ignores n: two samples whatever is asked.
        let models = InMemoryModels { _ in
            .texts([EngineTests.body("x * 2", logprob: -0.1), EngineTests.body("x + x", logprob: -0.9)])
        }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let heard = Heard(models)
        let result = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1), n: 3,
                                               partial: heard.onPartial)
        #expect(models.calls.count == 2 && models.streamedCalls == 1)
        #expect(models.calls.last?.params.n == 1)
        #expect(models.calls.last?.params.seed == 7)  // seed 5, after the two received
        #expect(result.samplesDrawn == 3 && result.strategy == .parallel)
        #expect(heard.partialResults.count == 2)
    }

    @Test func aServerThatDoesNotStreamIsAskedPlainly() async throws {
        let project = try Project(config: Self.config)
        let models = InMemoryModels { _ in
            var reply = Self.reply()
            reply.streamFailure = GatewayError(kind: .streamCut, userMessage: "the stream ended early")
            return reply
        }
        let engine = project.engine(models: models, clock: ManualClock(), cache: false)
        let heard = Heard(models)
        let result = try await engine.generate(task: try project.task(engine, file: "util.py", text: plainFile, line: 1), n: 3,
                                               partial: heard.onPartial)
        #expect(models.streamedCalls == 1 && models.calls.count == 2)
        #expect(heard.partialResults.isEmpty)
        #expect(result.candidates == (try await Self.unstreamed(project)).candidates)
    }

    @Test func cancellingWhileASampleIsHeldCachesNothing() async throws {
        let project = try Project(config: Self.config)
        let gate = Gate()
        defer { gate.open() }
        let models = InMemoryModels { _ in Self.reply(gate: gate) }
        let engine = project.engine(models: models, clock: ManualClock())
        defer { engine.shutdown() }
        let task = try project.task(engine, file: "util.py", text: plainFile, line: 1)
        let heard = Heard(models)
        let generation = Task { try await engine.generate(task: task, n: 3, partial: heard.onPartial) }
        try await Self.eventually("a provisional result") { !heard.partialResults.isEmpty }
        generation.cancel()
        await #expect(throws: CancellationError.self) { _ = try await generation.value }
        #expect(engine.cachedResult(for: task, n: 3) == nil)
    }

    @Test func streamedEventsAssembleIntoTheSamplesAnUnstreamedReplyHas() {
        let sample = Sample.scripted("    return x\n    # done\n", logprob: -0.25)
        var assembly = StreamAssembly(requested: 2)
        let tokens = sample.tokens ?? []
        #expect(assembly.consume(.text(index: 1, text: "late", tokens: nil)) == nil)
        for token in tokens {
            #expect(assembly.consume(.text(index: 0, text: token.token, tokens: [token])) == nil)
        }
        // A token past the text's end (a stop string the server also streamed) is dropped.
        #expect(assembly.consume(.text(index: 0, text: "", tokens: [TokenLogprob(token: "\"\"\"", logprob: -3, textOffset: 100)])) == nil)
        let done = assembly.consume(.finished(index: 0, reason: .stop))
        #expect(done?.index == 0)
        #expect(done?.sample == sample)
        #expect(assembly.consume(.finished(index: 0, reason: .length)) == nil)
        #expect(assembly.finishedCount == 1)
        _ = assembly.consume(.usage(Usage(promptTokens: 3, completionTokens: 4)))
        #expect(assembly.usage == Usage(promptTokens: 3, completionTokens: 4))
        #expect(assembly.samples() == [sample])
        #expect(assembly.samples(includingUnfinished: true).map(\.text) == [sample.text, "late"])
        #expect(assembly.samples(includingUnfinished: true).last?.finishReason == .unknown)
    }
}
