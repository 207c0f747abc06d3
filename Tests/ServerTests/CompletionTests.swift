import JSON
import Foundation
import JSONRPC
import LSP
import Testing

@Suite struct CompletionTests {
    static let uri = "file:///tmp/docwright-tests/emoji.py"
    // The emoji takes 2 UTF-16 units and 4 UTF-8 bytes: ranges must differ by encoding.
    static let text = """
        def greet(name):
            \"\"\"Return "😀 hello, " followed by name.\"\"\"
            pass

        """

    @Test func completionInsideStubReturnsRankedItems() async throws {
        let client = try TestClient(modelURL: try modelURL())
        try await client.initialize(options: ["n": 2, "max_tokens": 32, "seed": 3, "timeout": 180])
        await client.open(Self.uri, language: "python", text: Self.text)
        let list: JSONValue = try await client.request(CompletionRequest.method, [
            "textDocument": ["uri": .string(Self.uri)], "position": position(2, 8), "context": ["triggerKind": 1],
        ])
        let items = list["items"]?.arrayValue ?? []
        #expect(!items.isEmpty)
        let first = try #require(items.first)
        #expect(first["detail"]?.stringValue?.contains("local") == true)
        #expect(first["textEdit"]?["range"]?["start"]?["line"]?.intValue == 2)
        await client.shutdown()
    }

    @Test func inlineCompletionAnswersWithRangeOverStub() async throws {
        let client = try TestClient(modelURL: try modelURL(), cache: true)
        try await client.initialize(options: ["n": 2, "max_tokens": 32, "seed": 3, "timeout": 180])
        await client.open(Self.uri, language: "python", text: Self.text)
        func invoke() async throws -> JSONValue {
            try await client.request(InlineCompletionRequest.method, [
                "textDocument": ["uri": .string(Self.uri)], "position": position(2, 4), "context": ["triggerKind": 1],
            ])
        }
        var invoked = try await invoke()
        if invoked["provisional"]?.boolValue == true {
            // Answered on the first good streamed candidate: asking again gets the final list.
            invoked = try await invoke()
            #expect(invoked["provisional"] == nil, "\(invoked)")
        }
        let items = invoked["items"]?.arrayValue ?? []
        #expect(!items.isEmpty)
        #expect(items.first?["range"]?["start"]?["line"]?.intValue == 2)
        let automatic: JSONValue = try await client.request(InlineCompletionRequest.method, [
            "textDocument": ["uri": .string(Self.uri)], "position": position(2, 4), "context": ["triggerKind": 2],
        ])
        // Automatic triggers get every candidate the confidence gate lets through (the invoked
        // reply labels the others with a command); the cache serves both.
        let ungated = items.filter { $0["command"] == nil || $0["command"] == .null }.count
        #expect((automatic["items"]?.arrayValue ?? []).count == ungated)
        await client.shutdown()
    }

    @Test func incrementalChangesAreSeenByLaterRequests() async throws {
        let client = try TestClient()
        try await client.initialize(encodings: ["utf-16"])
        await client.open(Self.uri, language: "python", text: "x = 1\n")
        // Turn the file into a documented stub with two incremental edits in one notification.
        await client.notify(DidChangeTextDocumentNotification.method, [
            "textDocument": ["uri": .string(Self.uri), "version": 2],
            "contentChanges": [
                ["range": ["start": position(0, 0), "end": position(1, 0)], "text": ""],
                ["range": ["start": position(0, 0), "end": position(0, 0)], "text": .string(Self.text)],
            ],
        ])
        let result: JSONValue = try await client.request(CodeActionRequest.method, [
            "textDocument": ["uri": .string(Self.uri)],
            "range": ["start": position(1, 10), "end": position(1, 10)], "context": ["diagnostics": []],
        ])
        #expect(result.arrayValue?.count == 1)
        await client.shutdown()
    }
}
