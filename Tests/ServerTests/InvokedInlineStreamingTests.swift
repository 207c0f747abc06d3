import Foundation
import JSON
import JSONRPC
import LSP
import LoopbackHTTP
import Synchronization
import Testing

/// An invoked (explicit) inline request with a streaming model: answered on the first acceptable
/// candidate while the slower sample is still streaming (held by a gate the test opens, so nothing
/// depends on timing), marked provisional; the generation goes on, and asking again gets the
/// final ranked list without another model request.
@Suite(.serialized) struct InvokedInlineStreamingTests {
    static let uri = "file:///tmp/docwright-inline-stream/add.py"
    static let text = InlineAndPickerTests.text

    /// A streaming model: sample 0 ("return a + b") at once, then waits for `gate`, then sample 1
    /// ("return b + a"), usage and `[DONE]`. Records the requests.
    final class HeldStream: Sendable {
        final class Box: Sendable {
            let opened = Atomic<Bool>(false)
            let stopped = Atomic<Bool>(false)
            /// Chunks sent so far.
            let sent = Atomic<Int>(0)
            let requests = Mutex<[String]>([])
        }
        let state: Box
        let server: LoopbackServer
        var opened: Bool { state.opened.load(ordering: .relaxed) }
        var sent: Int { state.sent.load(ordering: .relaxed) }
        var requests: [String] { state.requests.withLock { $0 } }

        /// One reply's chunks: the first sample's, then (after the gate) the rest.
        final class Feed: Sendable {
            let chunks: Mutex<(now: [[UInt8]], held: [[UInt8]]?)>
            init(now: [[UInt8]], held: [[UInt8]]) { chunks = Mutex((now, held)) }
        }

        init() throws {
            let state = Box()
            self.state = state
            server = try LoopbackServer { request in
                state.requests.withLock { $0.append(request.bodyText) }
                let chat = request.path.hasSuffix("/chat/completions")
                guard request.path.hasSuffix("/completions") else { return .json(404, #"{"error":{"message":"not found"}}"#) }
                var held = Self.events(index: 1, "    return b + a\n", chat: chat)
                held.append(Self.event(["choices": [Any](), "usage": ["prompt_tokens": 10, "completion_tokens": 6]]))
                held.append(Array("data: [DONE]\n\n".utf8))
                let feed = Feed(now: Self.events(index: 0, "    return a + b\n", chat: chat), held: held)
                return .produced(status: 200, headers: ["Content-Type": "text/event-stream"]) {
                    if feed.chunks.withLock({ $0.now.isEmpty && $0.held != nil }) {
                        // Held until the test opens the gate (for every request once it is open).
                        while !state.opened.load(ordering: .relaxed), !state.stopped.load(ordering: .relaxed) {
                            Thread.sleep(forTimeInterval: 0.005)
                        }
                        feed.chunks.withLock { $0 = ($0.held ?? [], nil) }
                    }
                    return feed.chunks.withLock { chunks -> [UInt8]? in
                        guard !chunks.now.isEmpty else { return nil }
                        state.sent.add(1, ordering: .relaxed)
                        return chunks.now.removeFirst()
                    }
                }
            }
        }

        var baseURL: String { server.baseURL + "/v1" }

        func open() {
            state.opened.store(true, ordering: .relaxed)
        }

        func stop() {
            state.stopped.store(true, ordering: .relaxed)
            server.stop()
        }

        static func event(_ object: Any) -> [UInt8] {
            let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
            return Array("data: ".utf8) + Array(data) + Array("\n\n".utf8)
        }

        /// One choice's text, then its finish (as llama.cpp streams them).
        static func events(index: Int, _ text: String, chat: Bool) -> [[UInt8]] {
            let logprobs: [String: Any] = ["content": [["id": 1, "token": text, "bytes": [Int](), "logprob": -0.25,
                                                        "top_logprobs": [Any]()]]]
            let body: [String: Any] = chat
                ? ["index": index, "delta": ["content": "```\n\(text)```"], "finish_reason": NSNull(), "logprobs": logprobs]
                : ["index": index, "text": text, "finish_reason": NSNull(), "logprobs": logprobs]
            let finish: [String: Any] = chat
                ? ["index": index, "delta": [String: Any](), "finish_reason": "stop"]
                : ["index": index, "text": "", "finish_reason": "stop"]
            return [event(["choices": [body]]), event(["choices": [finish]])]
        }
    }

    func inline(_ client: TestClient) async throws -> JSONValue {
        try await client.request(InlineCompletionRequest.method, [
            "textDocument": ["uri": .string(Self.uri)], "position": position(2, 4), "context": ["triggerKind": 1],
        ])
    }

    /// `work`'s value, or a failure after `seconds` (the held sample is then let go, so nothing hangs).
    func within<T: Sendable>(_ seconds: Int, _ model: HeldStream, _ what: String,
                             _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let running = Task { try await work() }
        let watchdog = Task {
            try await Task.sleep(for: .seconds(seconds))
            model.open()
        }
        defer { watchdog.cancel() }
        let value = try await running.value
        #expect(!model.opened, "\(what) came only after the held sample was let go")
        return value
    }

    @Test func anInvokedRequestIsAnsweredOnTheFirstCandidateWhileTheOtherStreams() async throws {
        let model = try HeldStream()
        defer { model.stop() }
        let client = try TestClient(modelURL: model.baseURL, cache: true)
        try await client.initialize(options: ["n": 2, "inline": ["debounce_ms": 0]])
        await client.open(Self.uri, language: "python", text: Self.text)

        let first = try await within(30, model, "the first answer") { try await self.inline(client) }
        let items = try #require(first["items"]?.arrayValue)
        #expect(items.map { $0["insertText"]?.stringValue } == ["    return a + b\n"], "\(first)")
        #expect(first["provisional"]?.boolValue == true, "\(first)")

        // The generation goes on: once the held sample ends, asking again gets every candidate
        // (from the cache or by joining the running generation), with no second model request.
        model.open()
        let again = try await inline(client)
        let texts = (again["items"]?.arrayValue ?? []).compactMap { $0["insertText"]?.stringValue }
        #expect(Set(texts) == ["    return a + b\n", "    return b + a\n"], "\(again)")
        #expect(again["provisional"] == nil, "\(again)")
        // The picker lists the same final ranking.
        let list: JSONValue = try await client.request(ExecuteCommandRequest.method, [
            "command": "docwright.candidates", "arguments": [["uri": .string(Self.uri), "position": position(1, 8)]],
        ])
        #expect(list["candidates"]?.arrayValue?.count == 2, "\(list)")
        #expect(model.requests.count == 1)
        #expect(model.requests.first?.contains(#""stream":true"#) == true)
        await client.shutdown()
    }

    @Test func withoutAnAcceptableCandidateTheInvokedRequestWaitsForTheEnd() async throws {
        // The candidates' mean log-probability (-0.25) is below the threshold: nothing is
        // acceptable early, so the answer is the final list, labelled.
        let model = try HeldStream()
        defer { model.stop() }
        let client = try TestClient(modelURL: model.baseURL)
        try await client.initialize(options: ["n": 2, "inline": ["debounce_ms": 0, "min_logprob": -0.1]])
        await client.open(Self.uri, language: "python", text: Self.text)
        let answered = HeldStream.Box()  // its `opened` flag: answered
        let answer = Task {
            let reply = try await self.inline(client)
            answered.opened.store(true, ordering: .relaxed)
            return reply
        }
        // The first sample is out; the request is not answered while the second is held.
        let deadline = ContinuousClock.now + .seconds(30)
        while model.sent < 2, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(model.sent == 2)
        try await Task.sleep(for: .milliseconds(500))
        let early = answered.opened.load(ordering: .relaxed)
        #expect(!early, "answered before the last sample")
        model.open()
        let reply = try await answer.value
        #expect(reply["provisional"] == nil, "\(reply)")
        #expect(reply["items"]?.arrayValue?.count == 2, "\(reply)")
        await client.shutdown()
    }
}
