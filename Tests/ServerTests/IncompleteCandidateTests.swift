import Foundation
import JSON
import JSONRPC
import LSP
import LoopbackHTTP
import Synchronization
import Testing

/// Issue 14's "no broken code offered" over LSP: a candidate cut by `max_tokens` (and still cut
/// after its one continuation) is never the preferred action nor applied by "generate"; it is
/// listed, labelled incomplete. A model on 127.0.0.1 scripts the cuts.
@Suite struct IncompleteCandidateTests {
    static let uri = "file:///tmp/docwright-incomplete/add.py"

    /// The prompts the model received.
    final class Prompts: Sendable {
        private let list = Mutex<[String]>([])
        func append(_ prompt: String) { list.withLock { $0.append(prompt) } }
        /// Prompts carrying the cut text: follow-ups (a second round would carry it too).
        var followUps: Int { list.withLock { $0.filter { $0.contains(IncompleteCandidateTests.cutText) }.count } }
    }

    static let cutText = "    total = a + b\n    if total >"

    /// A completions model whose first reply is always cut mid-body; a follow-up (its prompt ends
    /// with the cut text) gets `rest`, cut again unless `restFinishes`.
    static func model(rest: String, restFinishes: Bool) throws -> (LoopbackServer, Prompts) {
        let prompts = Prompts()
        let cutText = Self.cutText
        let server = try LoopbackServer { request in
            let body = request.json
            let prompt = body?["prompt"] as? String ?? ""
            prompts.append(prompt)
            let n = max(1, body?["n"] as? Int ?? 1)
            let followUp = prompt.hasSuffix(cutText)
            let text = followUp ? rest : cutText
            let finish = followUp && restFinishes ? "stop" : "length"
            let choices = (0..<n).map { #"{"index":\#($0),"text":\#(Self.quoted(text)),"finish_reason":"\#(finish)"}"# }
            return .json(200, #"{"choices":[\#(choices.joined(separator: ","))],"usage":{"prompt_tokens":10,"completion_tokens":8}}"#)
        }
        return (server, prompts)
    }

    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: text, options: .fragmentsAllowed), as: UTF8.self)
    }

    func codeActions(_ client: TestClient) async throws -> [JSONValue] {
        let result: JSONValue = try await client.request(CodeActionRequest.method, [
            "textDocument": ["uri": .string(Self.uri)],
            "range": ["start": position(3, 4), "end": position(3, 4)], "context": ["diagnostics": []],
        ])
        return result.arrayValue ?? []
    }

    /// A client of a server whose model is `model`, after `docwright.generate` on the stub (with
    /// the command's reply).
    func generate(with model: LoopbackServer) async throws -> (TestClient, JSONValue) {
        let client = try TestClient(modelURL: model.baseURL + "/v1", cache: true)
        try await client.initialize(options: ["n": 1, "max_tokens": 16])
        await client.open(Self.uri, language: "python", text: pythonStub)
        let report: JSONValue = try await client.request(ExecuteCommandRequest.method, [
            "command": "docwright.generate", "arguments": [["uri": .string(Self.uri), "position": position(3, 4)]],
        ])
        return (client, report)
    }

    @Test func aCandidateStillCutAfterItsContinuationIsListedLabelledButNeverPreferredNorApplied() async throws {
        let (server, prompts) = try Self.model(rest: " 0:\n        total = (", restFinishes: false)
        defer { server.stop() }
        let (client, report) = try await generate(with: server)
        // One follow-up (the streamed attempt that this JSON-only model refuses is asked again
        // unstreamed first): no second round.
        #expect(prompts.followUps == 1)
        let candidates = report["candidates"]?.arrayValue ?? []
        #expect(candidates.count == 1 && candidates.first?["finishReason"] == "length", "\(report)")
        // Nothing applied unasked; the message says why.
        #expect(client.received.withLock { $0.edits }.isEmpty)
        // (Notifications are handled on their own task: the reply can overtake the message.)
        #expect(await client.messages(atLeast: 1).contains { $0.contains("incomplete") })
        // Listed from the cache, labelled, not preferred.
        let actions = try await codeActions(client)
        #expect(actions.count == 1)
        #expect(actions.first?["title"]?.stringValue?.contains("incomplete") == true, "\(actions)")
        #expect(actions.allSatisfy { $0["isPreferred"] != true })
        #expect(actions.first?["edit"] != nil)
        await client.shutdown()
    }

    @Test func aContinuedCandidateThatFinishesIsPreferredAndApplied() async throws {
        let (server, prompts) = try Self.model(rest: " 0:\n        return total\n    return -total\n", restFinishes: true)
        defer { server.stop() }
        let (client, _) = try await generate(with: server)
        #expect(prompts.followUps == 1)
        let edit = try #require(client.received.withLock { $0.edits }.first?.changes?[Self.uri]?.first)
        #expect(edit.newText.contains("if total > 0:\n        return total"), "\(edit.newText)")
        let actions = try await codeActions(client)
        #expect(actions.first?["isPreferred"] == true)
        #expect(actions.first?["title"]?.stringValue?.contains("incomplete") == false)
        await client.shutdown()
    }
}
