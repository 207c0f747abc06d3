import JSON
import Synchronization
import TestFixtures
import Foundation
import JSONRPC
import LSP
import Testing

/// The wire check: every HTTP body docwright sends is captured at a loopback model, and none
/// may contain a planted secret. Excluded files must not cause any request at all.
@Suite(.serialized) struct HardeningSecretsTests {
    static let options: JSONValue = ["n": 2, "max_tokens": 16]

    func uri(_ client: TestClient, _ name: String) -> String {
        client.home.appendingPathComponent(name).absoluteString
    }

    func generate(_ client: TestClient, uri: String, line: Int, character: Int) async throws -> JSONValue {
        try await client.request(ExecuteCommandRequest.method, [
            "command": "docwright.generate",
            "arguments": [["uri": .string(uri), "position": position(line, character)]],
        ])
    }

    func leaks(in requests: [CaptureServer.Captured], of secrets: [String]) -> [String] {
        let wire = requests.map(\.searchableText).joined(separator: "\n")
        return secrets.filter { wire.contains($0) }
    }

    @Test func plantedSecretsNeverReachTheWire() async throws {
        let model = try CaptureServer()
        defer { model.stop() }
        let client = try TestClient(modelURL: model.baseURL)
        try SecretCorpus.envFile.write(to: client.home.appendingPathComponent(".env"), atomically: true, encoding: .utf8)
        try await client.initialize(options: Self.options)
        var allSecrets: [String] = []
        for document in SecretCorpus.all {
            let uri = uri(client, document.name)
            await client.open(uri, language: document.language, text: document.text)
            let (line, character) = document.docPosition
            let report = try await generate(client, uri: uri, line: line, character: character)
            #expect(report["candidates"]?.arrayValue?.isEmpty == false, "\(document.name): \(report)")
            allSecrets += document.secrets
        }
        // Completion and inline completion build their prompts the same way.
        let python = SecretCorpus.python
        let pythonURI = uri(client, python.name)
        let (line, character) = python.docPosition
        let _: JSONValue = try await client.request(CompletionRequest.method, [
            "textDocument": ["uri": .string(pythonURI)], "position": position(line + 1, 4), "context": ["triggerKind": 1],
        ])
        let _: JSONValue = try await client.request(InlineCompletionRequest.method, [
            "textDocument": ["uri": .string(pythonURI)], "position": position(line, character), "context": ["triggerKind": 1],
        ])

        let requests = model.requests
        print("captured \(requests.count) requests, \(requests.map(\.body.count).reduce(0, +)) bytes; "
            + "checked \(allSecrets.count) planted secrets")
        #expect(allSecrets.count >= 50)
        #expect(requests.count >= SecretCorpus.all.count + 2)
        #expect(leaks(in: requests, of: allSecrets) == [])
        // The prompts did carry the surrounding code, with placeholders where the secrets were.
        let wire = requests.map(\.searchableText).joined(separator: "\n")
        #expect(wire.contains("<redacted:"))
        for document in SecretCorpus.all {
            #expect(wire.contains(document.docPhrase), "\(document.name)'s docstring was not sent")
        }
        #expect(!client.received.withLock { $0.messages }.contains { message in allSecrets.contains { message.contains($0) } })
        await client.shutdown()
    }

    /// The same session with `privacy.redact = false` does send the secrets: the prompts carry
    /// them (so the zero above means something), and the switch works.
    @Test func withoutRedactionTheSecretsWouldLeak() async throws {
        let model = try CaptureServer()
        defer { model.stop() }
        let client = try TestClient(modelURL: model.baseURL)
        try await client.initialize(options: ["n": 1, "max_tokens": 16, "privacy": ["redact": false]])
        var allSecrets: [String] = []
        for document in SecretCorpus.all {
            let uri = uri(client, document.name)
            await client.open(uri, language: document.language, text: document.text)
            let (line, character) = document.docPosition
            _ = try await generate(client, uri: uri, line: line, character: character)
            allSecrets += document.secrets
        }
        let leaked = leaks(in: model.requests, of: allSecrets)
        print("without redaction \(leaked.count) of \(allSecrets.count) planted secrets reach the wire")
        #expect(leaked.count >= allSecrets.count * 3 / 4)
        await client.shutdown()
    }

    static let stub = "def handler(event):\n    \"\"\"Return the event's id.\"\"\"\n    pass\n"

    /// Excluded files (built-in globs, a user glob, `docwright: off`) get no generation at all:
    /// no request reaches the model, and the user is told why.
    @Test func excludedFilesNeverCauseARequest() async throws {
        let model = try CaptureServer()
        defer { model.stop() }
        let client = try TestClient(modelURL: model.baseURL)
        try await client.initialize(options: ["n": 1, "max_tokens": 16, "privacy": ["exclude": ["internal/**"]]])
        let excluded: [(name: String, language: String, reason: String)] = [
            ("config.secret.py", "python", "privacy.exclude"),
            (".env", "python", "privacy.exclude"),
            ("deploy/.env.production", "dotenv", "privacy.exclude"),
            ("keys/server.key", "python", "privacy.exclude"),
            ("certs/tls.pem", "python", "privacy.exclude"),
            ("id_rsa", "python", "privacy.exclude"),
            ("internal/payments.py", "python", "privacy.exclude"),
            ("notes.py", "python", "docwright: off"),
        ]
        for file in excluded {
            let uri = uri(client, file.name)
            let text = file.name == "notes.py" ? "# docwright: off\n" + Self.stub : Self.stub
            let line = file.name == "notes.py" ? 2 : 1
            await client.open(uri, language: file.language, text: text)
            let before = client.received.withLock { $0.messages.count }
            let report = try await generate(client, uri: uri, line: line, character: 8)
            #expect(report == .null)
            // The showMessage notification may be handled just after the reply: wait briefly.
            var messages: [String] = []
            for _ in 0..<100 {
                messages = client.received.withLock { Array($0.messages.dropFirst(before)) }
                if messages.contains(where: { $0.contains(file.reason) }) { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(messages.contains { $0.contains(file.reason) }, "\(file.name): \(messages)")
            let completion: JSONValue = try await client.request(CompletionRequest.method, [
                "textDocument": ["uri": .string(uri)], "position": position(line + 1, 4), "context": ["triggerKind": 1],
            ])
            #expect(completion["items"]?.arrayValue?.isEmpty ?? true)
            let inline: JSONValue = try await client.request(InlineCompletionRequest.method, [
                "textDocument": ["uri": .string(uri)], "position": position(line, 8), "context": ["triggerKind": 1],
            ])
            #expect(inline["items"]?.arrayValue?.isEmpty ?? true)
            let actions: JSONValue = try await client.request(CodeActionRequest.method, [
                "textDocument": ["uri": .string(uri)],
                "range": ["start": position(line, 8), "end": position(line, 8)], "context": ["diagnostics": []],
            ])
            #expect(actions.arrayValue?.isEmpty ?? true)
        }
        #expect(model.requests.isEmpty, "\(model.requests.map(\.path))")
        // A file outside the globs is served normally by the same session.
        let allowed = uri(client, "handler.py")
        await client.open(allowed, language: "python", text: Self.stub)
        _ = try await generate(client, uri: allowed, line: 1, character: 8)
        #expect(model.requests.count >= 1)
        await client.shutdown()
    }

    /// Listing code actions never calls a model, even with secrets and no cache.
    @Test func codeActionListingSendsNothing() async throws {
        let model = try CaptureServer()
        defer { model.stop() }
        let client = try TestClient(modelURL: model.baseURL)
        try await client.initialize(options: Self.options)
        for document in SecretCorpus.all {
            let uri = uri(client, document.name)
            await client.open(uri, language: document.language, text: document.text)
            let (line, character) = document.docPosition
            let actions: JSONValue = try await client.request(CodeActionRequest.method, [
                "textDocument": ["uri": .string(uri)],
                "range": ["start": position(line, character), "end": position(line, character)], "context": ["diagnostics": []],
            ])
            #expect(actions.arrayValue?.count == 1, "\(document.name)")
        }
        #expect(model.requests.isEmpty)
        await client.shutdown()
    }
}
