import JSON
import Foundation
import JSONRPC
import LSP
import Server
import Testing

@Suite struct LifecycleTests {
    @Test func requestBeforeInitializeIsRejected() async throws {
        let client = try TestClient()
        await #expect(throws: JSONRPCError.self) {
            let _: JSONValue = try await client.request(CodeActionRequest.method, [:])
        }
        do {
            let _: JSONValue = try await client.request(CompletionRequest.method, [:])
        } catch let error as JSONRPCError {
            #expect(error.code == JSONRPCError.Code.serverNotInitialized)
        }
        await client.shutdown()
    }

    @Test func initializeAdvertisesFeaturesAndNegotiatesEncoding() async throws {
        let client = try TestClient()
        let result = try await client.initialize(encodings: ["utf-32", "utf-8", "utf-16"])
        let capabilities = try #require(result["capabilities"])
        #expect(capabilities["positionEncoding"]?.stringValue == "utf-8")
        #expect(capabilities["textDocumentSync"]?["change"]?.intValue == 2)
        #expect(capabilities["inlineCompletionProvider"]?.boolValue == true)
        #expect(capabilities["codeActionProvider"]?["resolveProvider"]?.boolValue == true)
        let commands = capabilities["executeCommandProvider"]?["commands"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(commands.contains("docwright.generate"))
        #expect(commands.contains("docwright.compareModels"))
        #expect(result["serverInfo"]?["name"]?.stringValue == "docwright")
        await client.shutdown()
    }

    @Test func defaultEncodingIsUTF16() async throws {
        let client = try TestClient()
        let result = try await client.initialize(encodings: nil)
        #expect(result["capabilities"]?["positionEncoding"]?.stringValue == "utf-16")
        await client.shutdown()
    }

    @Test func unknownMethodAndInvalidParams() async throws {
        let client = try TestClient()
        try await client.initialize()
        do {
            let _: JSONValue = try await client.request("docwright/nonsense", [:])
            Issue.record("expected an error")
        } catch let error as JSONRPCError {
            #expect(error.code == JSONRPCError.Code.methodNotFound)
        }
        do {
            let _: JSONValue = try await client.request(CodeActionRequest.method, ["textDocument": 42])
            Issue.record("expected an error")
        } catch let error as JSONRPCError {
            #expect(error.code == JSONRPCError.Code.invalidParams)
        }
        do {
            let _: JSONValue = try await client.request(CodeActionRequest.method, [
                "textDocument": ["uri": "file:///never/opened.py"],
                "range": ["start": position(0, 0), "end": position(0, 0)], "context": ["diagnostics": []],
            ])
            Issue.record("expected an error")
        } catch let error as JSONRPCError {
            #expect(error.message.contains("not open"))
        }
        await client.shutdown()
    }

    @Test func requestsAfterShutdownAreInvalid() async throws {
        let client = try TestClient()
        try await client.initialize()
        let _: JSONValue = try await client.request(ShutdownRequest.method, .null)
        do {
            let _: JSONValue = try await client.request(CompletionRequest.method, [:])
            Issue.record("expected an error")
        } catch let error as JSONRPCError {
            #expect(error.code == JSONRPCError.Code.invalidRequest)
        }
        await client.notify(ExitNotification.method, .null)
        try await Task.sleep(for: .milliseconds(100))
        #expect(client.server.exitCode == 0)
        await client.shutdown()
    }

    @Test func exitWithoutShutdownGivesCodeOne() async throws {
        let client = try TestClient()
        try await client.initialize()
        await client.notify(ExitNotification.method, .null)
        try await Task.sleep(for: .milliseconds(100))
        #expect(client.server.exitCode == 1)
        await client.shutdown()
    }
}
