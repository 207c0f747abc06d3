import Foundation
import JSON
import JSONRPC
import LSP
import LoopbackHTTP
import Synchronization
import TestFixtures
import Testing

/// Issue 17's server side: debounced automatic inline triggers, the confidence gate, the
/// picker's candidate list, the language from the URI, and progress that ends with the error.
@Suite(.serialized) struct InlineAndPickerTests {
    static let uri = "file:///tmp/docwright-inline/add.py"
    static let text = "def add(a, b):\n    \"\"\"Return the sum of a and b.\"\"\"\n    pass\n\n\ndef other():\n    return 1\n"

    func inline(_ client: TestClient, trigger: Int, uri: String = uri) async throws -> [JSONValue] {
        let reply: JSONValue = try await client.request(InlineCompletionRequest.method, [
            "textDocument": ["uri": .string(uri)], "position": position(2, 4), "context": ["triggerKind": .int(trigger)],
        ])
        return reply["items"]?.arrayValue ?? []
    }

    @Test func aBurstOfAutomaticTriggersCausesOneModelRequest() async throws {
        let model = try CaptureServer(completionText: "    return a + b\n")
        defer { model.stop() }
        let client = try TestClient(modelURL: model.baseURL)
        try await client.initialize(options: ["n": 3, "inline": ["debounce_ms": 150]])
        await client.open(Self.uri, language: "python", text: Self.text)
        // Ten keystrokes 30 ms apart, each firing an automatic request, as an editor does.
        let replies = await withTaskGroup(of: (Int, [JSONValue]).self) { group in
            for index in 0..<10 {
                group.addTask {
                    try? await Task.sleep(for: .milliseconds(30 * index))
                    return (index, (try? await self.inline(client, trigger: 2)) ?? [])
                }
            }
            var all: [(Int, [JSONValue])] = []
            for await reply in group { all.append(reply) }
            return all.sorted { $0.0 < $1.0 }.map(\.1)
        }
        #expect(model.requests.count <= 2, "\(model.requests.count) model requests for one burst")
        #expect(replies.last?.first?["insertText"]?.stringValue == "    return a + b\n", "\(replies.map(\.count))")
        let superseded = replies.dropLast().filter { !$0.isEmpty }.count
        #expect(superseded == 0, "superseded triggers answer nothing: \(replies.map(\.count))")
        await client.shutdown()
    }

    @Test func automaticTriggersStaySilentBelowTheConfidenceThreshold() async throws {
        let model = try CaptureServer(completionText: "    return a + b\n")  // mean log-probability -0.25
        defer { model.stop() }
        let client = try TestClient(modelURL: model.baseURL)
        try await client.initialize(options: ["n": 2, "inline": ["debounce_ms": 0, "min_logprob": -0.1]])
        await client.open(Self.uri, language: "python", text: Self.text)
        #expect(try await inline(client, trigger: 2).isEmpty)
        // Asked for explicitly: shown, and labelled with the reason.
        let invoked = try await inline(client, trigger: 1)
        #expect(invoked.count == 1)
        #expect(invoked.first?["command"]?["title"]?.stringValue?.contains("low confidence") == true, "\(invoked)")
        // Under a lower threshold the same candidate appears unasked, unlabelled.
        await client.notify(DidChangeConfigurationNotification.method, ["settings": ["docwright": ["inline": ["min_logprob": -1.5]]]])
        let automatic = try await inline(client, trigger: 2)
        #expect(automatic.count == 1 && automatic.first?["command"] == nil)
        await client.shutdown()
    }

    @Test func thePickerListsEveryCandidateWithItsEditAndPreview() async throws {
        let model = try CaptureServer(completionText: "    return a + b\n")
        defer { model.stop() }
        let client = try TestClient(modelURL: model.baseURL)
        try await client.initialize(options: ["n": 2])
        // No language id (an editor without filetype detection): the URI says Python.
        await client.open(Self.uri, language: "", text: Self.text)
        let list: JSONValue = try await client.request(ExecuteCommandRequest.method, [
            "command": "docwright.candidates", "arguments": [["uri": .string(Self.uri), "position": position(1, 8)]],
        ])
        let candidates = try #require(list["candidates"]?.arrayValue)
        #expect(candidates.count == 1)  // both samples are the same text
        let first = try #require(candidates.first)
        #expect(first["rank"]?.intValue == 1)
        #expect(first["title"]?.stringValue?.contains("local") == true)
        #expect(first["verification"]?.stringValue != nil)
        #expect(first["edit"]?["changes"]?[Self.uri]?.arrayValue?.first?["newText"]?.stringValue == "    return a + b\n")
        let preview = first["preview"]?.stringValue ?? ""
        #expect(preview.contains("-    pass\n+    return a + b\n"), "\(preview)")
        #expect(list["model"]?.stringValue == "local")
        await client.shutdown()
    }

    @Test func progressReportsEachStageBetweenBeginAndEnd() async throws {
        let model = try CaptureServer(completionText: "    return a + b\n")
        defer { model.stop() }
        let client = try TestClient(modelURL: model.baseURL)
        try await client.initialize(options: ["n": 2])
        await client.open(Self.uri, language: "python", text: Self.text)
        _ = try await client.request(ExecuteCommandRequest.method, [
            "command": "docwright.generate", "arguments": [["uri": .string(Self.uri), "position": position(1, 8)]],
        ]) as JSONValue
        let progress = client.received.withLock { $0.progress }
        let begin = try #require(progress.firstIndex { $0.hasPrefix("begin") })
        let end = try #require(progress.firstIndex { $0.hasPrefix("end") })
        let reports = progress[begin..<end].filter { $0.hasPrefix("report") }
        #expect(reports.contains("report: sampling 2 from local"), "\(progress)")
        // Streamed: each sample reported as it completes, the first candidate with its first line.
        let first = try #require(reports.firstIndex(of: "report: 1/2 samples, first candidate ready: return a + b"), "\(progress)")
        #expect(reports.contains("report: 2/2 samples, 1 candidate ready (2 samples agree): return a + b"), "\(progress)")
        let ranking = try #require(reports.firstIndex { $0.hasPrefix("report: 2/2 samples;") }, "\(progress)")
        #expect(first < ranking)
        #expect(model.requests.first?.bodyText.contains(#""stream":true"#) == true)
        #expect(progress[end].hasPrefix("end: 1 candidates from local"), "\(progress)")
        await client.shutdown()
    }

    @Test func cancellingTheProgressStopsTheModelRequest() async throws {
        let closed = Mutex<ContinuousClock.Instant?>(nil)
        let model = try LoopbackServer { _ in .holdUntilClientCloses(closed: { at in closed.withLock { $0 = at } }) }
        defer { model.stop() }
        let client = try TestClient(modelURL: model.baseURL + "/v1")
        try await client.initialize(options: ["n": 1])
        await client.open(Self.uri, language: "python", text: Self.text)
        let generation = Task {
            try await client.request(ExecuteCommandRequest.method, [
                "command": "docwright.generate", "arguments": [["uri": .string(Self.uri), "position": position(1, 8)]],
            ]) as JSONValue
        }
        var token: String?
        for _ in 0..<200 where token == nil || model.requestCount == 0 {
            try await Task.sleep(for: .milliseconds(20))
            token = client.received.withLock { $0.progressTokens.last }
        }
        let progressToken = try #require(token)
        await client.notify(WorkDoneProgressCancelNotification.method, ["token": .string(progressToken)])
        _ = await generation.result  // answered (cancelled), not left hanging
        for _ in 0..<100 where closed.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(20)) }
        #expect(closed.withLock { $0 } != nil, "the model request was not aborted")
        // The end notification and the command's reply travel separately: wait for the end.
        for _ in 0..<100 where !client.received.withLock({ $0.progress.last?.hasPrefix("end:") ?? false }) {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(client.received.withLock { $0.progress }.last == "end: cancelled")
        await client.shutdown()
    }

    @Test func aFailedGenerationEndsItsProgressWithTheError() async throws {
        let client = try TestClient()  // the local model is unreachable
        try await client.initialize()
        await client.open(Self.uri, language: "python", text: Self.text)
        _ = try? await client.request(ExecuteCommandRequest.method, [
            "command": "docwright.generate", "arguments": [["uri": .string(Self.uri), "position": position(1, 8)]],
        ]) as JSONValue
        // The end notification and the command's reply travel separately: wait for the end.
        for _ in 0..<100 where !client.received.withLock({ $0.progress.contains { $0.hasPrefix("end") } }) {
            try await Task.sleep(for: .milliseconds(20))
        }
        let progress = client.received.withLock { $0.progress }
        let end = try #require(progress.last { $0.hasPrefix("end") })
        #expect(end.hasPrefix("end: failed:") && !end.contains("done"), "\(progress)")
        await client.shutdown()
    }
}
