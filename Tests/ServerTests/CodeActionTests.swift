import JSON
import Foundation
import JSONRPC
import LSP
import Synchronization
import Testing

let pythonStub = """
    import math

    def add(a, b):
        \"\"\"Return the sum of a and b.\"\"\"
        pass

    """

@Suite struct CodeActionTests {
    static let uri = "file:///tmp/docwright-tests/add.py"

    func codeActions(_ client: TestClient, line: Int, character: Int = 4) async throws -> [JSONValue] {
        let result: JSONValue = try await client.request(CodeActionRequest.method, [
            "textDocument": ["uri": .string(Self.uri)],
            "range": ["start": position(line, character), "end": position(line, character)],
            "context": ["diagnostics": [], "triggerKind": 2],
        ])
        return result.arrayValue ?? []
    }

    @Test func listingIsImmediateAndOffersGenerate() async throws {
        // No model reachable: the listing must not depend on one.
        let client = try TestClient()
        try await client.initialize()
        await client.open(Self.uri, language: "python", text: pythonStub)
        let started = ContinuousClock.now
        let actions = try await codeActions(client, line: 3)
        let elapsed = ContinuousClock.now - started
        #expect(actions.count == 1)
        #expect(actions.first?["title"]?.stringValue == "docwright: Generate implementation")
        #expect(actions.first?["command"]?["command"]?.stringValue == "docwright.generate")
        print("code action listing took \(elapsed)")
        // Nothing documented on the import line.
        #expect(try await codeActions(client, line: 0, character: 0).isEmpty)
        await client.shutdown()
    }

    @Test func unreachableModelGivesAClearMessage() async throws {
        let client = try TestClient()
        try await client.initialize()
        await client.open(Self.uri, language: "python", text: pythonStub)
        let reply: JSONValue = try await client.request(ExecuteCommandRequest.method, [
            "command": "docwright.generate",
            "arguments": [["uri": .string(Self.uri), "position": position(3, 4)]],
        ])
        #expect(reply == .null)
        // Exactly one message, naming the model and its address.
        let messages = await client.messages(atLeast: 1)
        #expect(messages.count == 1)
        #expect(messages.contains { $0.contains("local") && $0.contains("127.0.0.1:9") })
        #expect(client.received.withLock { $0.edits }.isEmpty)
        await client.shutdown()
    }

    @Test func generateAppliesAnEditOverTheStubAndCachesIt() async throws {
        let client = try TestClient(modelURL: try modelURL(), cache: true)
        try await client.initialize(options: ["n": 3, "max_tokens": 48, "seed": 7, "timeout": 180])
        await client.open(Self.uri, language: "python", text: pythonStub)
        let report: JSONValue = try await client.request(ExecuteCommandRequest.method, [
            "command": "docwright.generate",
            "arguments": [["uri": .string(Self.uri), "position": position(3, 4)]],
        ])
        let candidates = report["candidates"]?.arrayValue ?? []
        #expect(!candidates.isEmpty)
        let edits = client.received.withLock { $0.edits }
        let edit = try #require(edits.first?.changes?[Self.uri]?.first)
        // The stub `pass` is on line 4 (0-based): the edit replaces it and keeps the indentation.
        #expect(edit.range.start.line == 4)
        #expect(edit.newText.hasPrefix("    "))
        #expect(client.received.withLock { $0.progress }.contains { $0.hasPrefix("end") })
        // Asked again, the actions carry the cached edits directly.
        let actions = try await codeActions(client, line: 3)
        #expect(actions.count == min(candidates.count, 5))
        #expect(actions.first?["edit"] != nil)
        #expect(actions.first?["title"]?.stringValue?.hasPrefix("docwright: Use candidate 1") == true)
        await client.shutdown()
    }
}
