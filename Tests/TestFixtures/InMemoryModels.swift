import DocwrightCore
import Foundation
import Gateway
import Synchronization

/// Models without a network: every sampling call is answered by a script, and every call is
/// recorded. For testing `Engine` (routing, budget, cache, single-flight, ranking, errors) with
/// no model in the environment.
public final class InMemoryModels: ModelBackends {
    /// One sampling call as the engine made it.
    public struct Call: Sendable {
        public var endpoint: ModelEndpoint
        public var plan: PromptPlan
        public var params: SamplingParams
        /// 0 for the first call to any model.
        public var index: Int
    }

    /// What a call answers: samples (or an error) after an optional delay.
    public struct Reply: Sendable {
        public var samples: [Sample]
        public var usage: Usage
        public var delay: Duration
        public var error: (any Error)?

        public init(samples: [Sample], usage: Usage = Usage(promptTokens: 20, completionTokens: 10),
                    delay: Duration = .zero) {
            self.samples = samples
            self.usage = usage
            self.delay = delay
        }

        public static func failure(_ error: any Error, delay: Duration = .zero) -> Reply {
            var reply = Reply(samples: [], usage: Usage(), delay: delay)
            reply.error = error
            return reply
        }

        /// Texts with a mean token log-probability each (one token per line, all the same value).
        public static func texts(_ scripted: [(text: String, logprob: Double?)], delay: Duration = .zero) -> Reply {
            Reply(samples: scripted.map { Sample.scripted($0.text, logprob: $0.logprob) }, delay: delay)
        }
    }

    public typealias Script = @Sendable (Call) async throws -> Reply

    private let script: Script
    private let recorded = Mutex<[Call]>([])

    public init(_ script: @escaping Script) {
        self.script = script
    }

    /// Every call so far, in the order they started.
    public var calls: [Call] { recorded.withLock { $0 } }

    public func backend(for endpoint: ModelEndpoint) -> any ModelBackend {
        ScriptedBackend(endpoint: endpoint, models: self)
    }

    public func probe(endpoint: ModelEndpoint) async -> Capabilities {
        Capabilities(reachable: true, honoursN: true, returnsLogprobs: true, latency: 0)
    }

    public func shutdown() {}

    fileprivate func answer(_ endpoint: ModelEndpoint, _ plan: PromptPlan, _ params: SamplingParams) async throws -> SampleBatch {
        let call = recorded.withLock { calls -> Call in
            let call = Call(endpoint: endpoint, plan: plan, params: params, index: calls.count)
            calls.append(call)
            return call
        }
        let reply = try await script(call)
        if reply.delay > .zero { try await Task.sleep(for: reply.delay) }
        if let error = reply.error { throw error }
        let seconds = Double(reply.delay.components.seconds) + Double(reply.delay.components.attoseconds) / 1e18
        return SampleBatch(samples: Array(reply.samples.prefix(max(1, params.n))), model: endpoint.name, usage: reply.usage,
                           latency: seconds, strategy: .n)
    }
}

private struct ScriptedBackend: ModelBackend {
    let endpoint: ModelEndpoint
    let models: InMemoryModels

    func sample(_ plan: PromptPlan, params: SamplingParams) async throws -> SampleBatch {
        try await models.answer(endpoint, plan, params)
    }

    func stream(_ plan: PromptPlan, params: SamplingParams) -> AsyncThrowingStream<StreamEvent, Error> {
        let (stream, continuation) = AsyncThrowingStream<StreamEvent, Error>.makeStream()
        let task = Task {
            do {
                let batch = try await sample(plan, params: params)
                for (index, sample) in batch.samples.enumerated() {
                    continuation.yield(.text(index: index, text: sample.text, tokens: sample.tokens))
                    continuation.yield(.finished(index: index, reason: sample.finishReason))
                }
                continuation.yield(.usage(batch.usage))
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

extension Sample {
    /// A sample whose tokens are its lines, each with `logprob` (nil: no log-probabilities).
    public static func scripted(_ text: String, logprob: Double?, finishReason: FinishReason = .stop) -> Sample {
        guard let logprob else { return Sample(text: text, tokens: nil, finishReason: finishReason) }
        var tokens: [TokenLogprob] = []
        var offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map({ index, line in
            index == 0 ? String(line) : "\n" + line
        }) where !line.isEmpty {
            tokens.append(TokenLogprob(token: line, logprob: logprob, textOffset: offset))
            offset += line.utf8.count
        }
        return Sample(text: text, tokens: tokens, finishReason: finishReason)
    }
}
