import Foundation
import Testing

@Suite struct SessionTests {
    static let uri = "file:///tmp/docwright-e2e/add.py"
    static let stub = "def add(a, b):\n    \"\"\"Return the sum of a and b.\"\"\"\n    pass\n"

    @Test func fullSessionExitsZeroAfterShutdown() async throws {
        let client = try BinaryClient()
        let initialized = try await client.request("initialize", initializeParams())
        #expect((initialized["result"] as? [String: Any])?["capabilities"] != nil)
        try client.notify("initialized", [:])
        try client.notify("textDocument/didOpen", ["textDocument": [
            "uri": Self.uri, "languageId": "python", "version": 1, "text": "x = 1\n"]])
        try client.notify("textDocument/didChange", [
            "textDocument": ["uri": Self.uri, "version": 2],
            "contentChanges": [["range": ["start": ["line": 0, "character": 0], "end": ["line": 1, "character": 0]],
                                "text": Self.stub]]])
        let actions = try await client.request("textDocument/codeAction", [
            "textDocument": ["uri": Self.uri],
            "range": ["start": ["line": 1, "character": 6], "end": ["line": 1, "character": 6]],
            "context": ["diagnostics": []]])
        let list = actions["result"] as? [[String: Any]] ?? []
        #expect(list.first?["title"] as? String == "docwright: Generate implementation")
        let shutdown = try await client.request("shutdown", NSNull())
        #expect(shutdown["error"] == nil)
        try client.notify("exit", [:])
        #expect(await client.waitForExit() == 0)
        #expect(!client.sawGarbage)
    }

    @Test func exitWithoutShutdownExitsOne() async throws {
        let client = try BinaryClient()
        _ = try await client.request("initialize", initializeParams())
        try client.notify("exit", [:])
        #expect(await client.waitForExit() == 1)
    }

    @Test func malformedInputGetsErrorsAndServerKeepsServing() async throws {
        let client = try BinaryClient()
        // Invalid JSON in a well-formed frame → -32700 with id null.
        let bad = Array("{not json".utf8)
        client.sendRaw(Array("Content-Length: \(bad.count)\r\n\r\n".utf8) + bad)
        let parseError = try await client.waitFor { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 }
        #expect(parseError["id"] is NSNull)
        // A request before initialize → -32002.
        let early = try await client.request("textDocument/completion", [:])
        #expect((early["error"] as? [String: Any])?["code"] as? Int == -32002)
        // Still serving.
        let initialized = try await client.request("initialize", initializeParams())
        #expect(initialized["result"] != nil)
        let unknown = try await client.request("docwright/unknown", [:])
        #expect((unknown["error"] as? [String: Any])?["code"] as? Int == -32601)
        _ = try await client.request("shutdown", NSNull())
        try client.notify("exit", [:])
        #expect(await client.waitForExit() == 0)
        #expect(!client.sawGarbage)
    }

    @Test func generateWithRealModelAppliesEdit() async throws {
        guard let url = ProcessInfo.processInfo.environment["DOCWRIGHT_TEST_MODEL_URL"] else {
            Issue.record("DOCWRIGHT_TEST_MODEL_URL is not set: run the suite with scripts/test")
            return
        }
        let client = try BinaryClient(environment: ["DOCWRIGHT_LOCAL_MODEL_URL": url])
        _ = try await client.request("initialize", initializeParams(["n": 3, "max_tokens": 48, "seed": 11, "timeout": 180]))
        try client.notify("initialized", [:])
        try client.notify("textDocument/didOpen", ["textDocument": [
            "uri": Self.uri, "languageId": "python", "version": 1, "text": Self.stub]])
        let response = try await client.request("workspace/executeCommand", [
            "command": "docwright.generate",
            "arguments": [["uri": Self.uri, "position": ["line": 1, "character": 6]]]])
        #expect(response["error"] == nil)
        let applyEdits = client.messages(method: "workspace/applyEdit")
        let params = try #require(applyEdits.first?["params"] as? [String: Any])
        let edit = ((params["edit"] as? [String: Any])?["changes"] as? [String: Any])?[Self.uri] as? [[String: Any]]
        let range = try #require(edit?.first?["range"] as? [String: Any])
        #expect((range["start"] as? [String: Any])?["line"] as? Int == 2)
        let newText = try #require(edit?.first?["newText"] as? String)
        #expect(newText.hasPrefix("    "))
        _ = try await client.request("shutdown", NSNull())
        try client.notify("exit", [:])
        #expect(await client.waitForExit() == 0)
        #expect(!client.sawGarbage)
    }

    /// libcurl is loaded on the first request: one that cannot be loaded fails that request with
    /// a message saying so, and the server keeps serving (and starts without it).
    @Test func missingLibcurlIsAClearErrorAndTheServerKeepsServing() async throws {
        let client = try BinaryClient(environment: ["DOCWRIGHT_LIBCURL": "/nonexistent/libcurl.so.4"])
        _ = try await client.request("initialize", initializeParams(["n": 1, "max_tokens": 8, "timeout": 10]))
        try client.notify("initialized", [:])
        try client.notify("textDocument/didOpen", ["textDocument": [
            "uri": Self.uri, "languageId": "python", "version": 1, "text": Self.stub]])
        let arguments: [String: Any] = ["command": "docwright.generate",
                                        "arguments": [["uri": Self.uri, "position": ["line": 1, "character": 6]]]]
        for _ in 0..<2 {
            let response = try await client.request("workspace/executeCommand", arguments)
            let text = "\(response["error"] ?? "")" + client.messages(method: "window/showMessage").map { "\($0)" }.joined()
            #expect(text.contains("libcurl could not be loaded"), "\(response)")
            #expect(text.contains("DOCWRIGHT_LIBCURL"))
        }
        let actions = try await client.request("textDocument/codeAction", [
            "textDocument": ["uri": Self.uri],
            "range": ["start": ["line": 1, "character": 6], "end": ["line": 1, "character": 6]],
            "context": ["diagnostics": []]])
        #expect(actions["result"] is [Any])
        _ = try await client.request("shutdown", NSNull())
        try client.notify("exit", [:])
        #expect(await client.waitForExit() == 0)
        #expect(!client.sawGarbage)
    }
}
