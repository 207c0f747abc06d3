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
        /// Per sample (by index), how long after `delay` it completes; missing: at once. A
        /// streamed call delivers each sample when it completes; `sample` returns when the
        /// slowest has.
        public var sampleDelays: [Duration] = []
        /// Per sample (by index), a gate it waits for (after its delay) before completing: a
        /// test decides exactly when a slow sample ends. Open every gate, also on failure.
        public var sampleGates: [Int: Gate] = [:]
        /// Thrown by a streamed call before any event (a server that does not stream); `sample`
        /// answers as usual.
        public var streamFailure: (any Error)?

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
    private let completed = Mutex<Int>(0)
    /// Whether backends say they stream (`ModelBackend.streams`); `stream` works either way.
    public let streams: Bool

    /// - Parameter streams: false plays a backend that does not stream (the engine then samples).
    public init(streams: Bool = true, _ script: @escaping Script) {
        self.streams = streams
        self.script = script
    }

    /// Every call so far, in the order they started.
    public var calls: [Call] { recorded.withLock { $0 } }

    /// Samples delivered so far by all calls (a streamed sample counts when its `finished` is sent).
    public var samplesCompleted: Int { completed.withLock { $0 } }

    /// Streaming calls so far (a subset of `calls`).
    public var streamedCalls: Int { streamed.withLock { $0 } }
    private let streamed = Mutex<Int>(0)

    public func backend(for endpoint: ModelEndpoint) -> any ModelBackend {
        ScriptedBackend(endpoint: endpoint, models: self)
    }

    public func probe(endpoint: ModelEndpoint) async -> Capabilities {
        Capabilities(reachable: true, honoursN: true, returnsLogprobs: true, latency: 0)
    }

    public func shutdown() {}

    /// Records the call and plays its reply's common part (script, delay, error).
    fileprivate func reply(_ endpoint: ModelEndpoint, _ plan: PromptPlan, _ params: SamplingParams) async throws -> Reply {
        let call = recorded.withLock { calls -> Call in
            let call = Call(endpoint: endpoint, plan: plan, params: params, index: calls.count)
            calls.append(call)
            return call
        }
        var reply = try await script(call)
        if reply.delay > .zero { try await Task.sleep(for: reply.delay) }
        if let error = reply.error { throw error }
        reply.samples = Array(reply.samples.prefix(max(1, params.n)))
        return reply
    }

    fileprivate func answer(_ endpoint: ModelEndpoint, _ plan: PromptPlan, _ params: SamplingParams) async throws -> SampleBatch {
        let reply = try await reply(endpoint, plan, params)
        // The batch is back when its slowest sample is.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in reply.samples.indices {
                group.addTask { try await Self.complete(index, of: reply) }
            }
            try await group.waitForAll()
        }
        completed.withLock { $0 += reply.samples.count }
        let total = reply.delay + (reply.sampleDelays.max() ?? .zero)
        let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
        return SampleBatch(samples: reply.samples, model: endpoint.name, usage: reply.usage, latency: seconds, strategy: .n)
    }

    /// Each sample's events as soon as it completes (its delay passed, its gate open): its
    /// tokens one event each (or its whole text), then `finished`; usage at the end.
    fileprivate func streamAnswer(_ endpoint: ModelEndpoint, _ plan: PromptPlan, _ params: SamplingParams,
                                  emit: @escaping @Sendable (StreamEvent) -> Void) async throws {
        streamed.withLock { $0 += 1 }
        let reply = try await reply(endpoint, plan, params)
        if let failure = reply.streamFailure { throw failure }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, sample) in reply.samples.enumerated() {
                group.addTask {
                    try await Self.complete(index, of: reply)
                    if let tokens = sample.tokens, !tokens.isEmpty, tokens.map(\.token).joined() == sample.text {
                        for token in tokens { emit(.text(index: index, text: token.token, tokens: [token])) }
                    } else if !sample.text.isEmpty || sample.tokens != nil {
                        emit(.text(index: index, text: sample.text, tokens: sample.tokens))
                    }
                    self.completed.withLock { $0 += 1 }
                    emit(.finished(index: index, reason: sample.finishReason))
                }
            }
            try await group.waitForAll()
        }
        emit(.usage(reply.usage))
    }

    private static func complete(_ index: Int, of reply: Reply) async throws {
        if index < reply.sampleDelays.count, reply.sampleDelays[index] > .zero {
            try await Task.sleep(for: reply.sampleDelays[index])
        }
        if let gate = reply.sampleGates[index] { try await gate.wait() }
    }
}

/// A one-way latch: `wait` returns once `open` has been called (at once, after it). Waiting is
/// cancellable (it then throws `CancellationError`).
public final class Gate: Sendable {
    private struct State {
        var isOpen = false
        var waiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
        var next: UInt64 = 0
        var cancelled: Set<UInt64> = []
    }
    private let state = Mutex(State())

    public init() {}

    public var isOpen: Bool { state.withLock { $0.isOpen } }

    public func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.isOpen = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    public func wait() async throws {
        let id = state.withLock { state -> UInt64 in
            state.next += 1
            return state.next
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Bool? in
                    if state.isOpen { return true }
                    if state.cancelled.remove(id) != nil { return false }
                    state.waiters[id] = continuation
                    return nil
                }
                switch outcome {
                case true?: continuation.resume()
                case false?: continuation.resume(throwing: CancellationError())
                case nil: break
                }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard let waiter = state.waiters.removeValue(forKey: id) else {
                    // Not waiting yet: the registration sees this and throws.
                    state.cancelled.insert(id)
                    return nil
                }
                return waiter
            }
            waiter?.resume(throwing: CancellationError())
        }
    }
}

private struct ScriptedBackend: ModelBackend {
    let endpoint: ModelEndpoint
    let models: InMemoryModels

    func sample(_ plan: PromptPlan, params: SamplingParams) async throws -> SampleBatch {
        try await models.answer(endpoint, plan, params)
    }

    var streams: Bool { models.streams }

    func stream(_ plan: PromptPlan, params: SamplingParams) -> AsyncThrowingStream<StreamEvent, Error> {
        let (stream, continuation) = AsyncThrowingStream<StreamEvent, Error>.makeStream()
        let (models, endpoint) = (self.models, self.endpoint)
        let task = Task {
            do {
                try await models.streamAnswer(endpoint, plan, params) { continuation.yield($0) }
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
