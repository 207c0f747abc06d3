import Foundation
import LoopbackHTTP
import Synchronization
import Testing

/// A server that ignores `n` (one choice per request, as many small OpenAI-compatible servers do)
/// makes the gateway draw the missing samples with parallel requests. These run that path in the
/// built binary, because it once failed only in the release build: a miscompiled task-group
/// result gave the parallel requests garbage positions, so the release binary died with "Index
/// out of range" or silently dropped samples while the debug binary returned all of them.
/// scripts/test runs this suite against both builds.
@Suite struct ParallelSamplingTests {
    @Test func sampleCommandReturnsEverySampleFromAServerThatIgnoresN() async throws {
        let model = try IgnoringNServer()
        defer { model.stop() }
        let prompt = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-e2e-\(UUID().uuidString).txt")
        try Data("def add(a, b):\n    \"\"\"Return the sum of a and b.\"\"\"\n".utf8).write(to: prompt)
        defer { try? FileManager.default.removeItem(at: prompt) }

        let run = try await runDocwright(["sample", "--base-url", model.baseURL, "--model", "m", "--n", "5",
                                          "--seed", "10", "--json", prompt.path])
        try #require(run.exited == 0, "docwright sample \(run.how): \(run.stderr.suffix(600))")
        let batch = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let texts = (batch["samples"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        // In request order: the n=5 request (seed 10) gave one sample, then seeds 11…14, one each.
        #expect(texts == (10...14).map(IgnoringNServer.text(seed:)))
        #expect(batch["strategy"] as? String == "parallel")
        #expect(model.requests.map(\.n) == [5, nil, nil, nil, nil])
        #expect(model.requests.compactMap(\.seed).sorted() == [10, 11, 12, 13, 14])
    }

    @Test func languageServerRanksEverySampleFromAServerThatIgnoresN() async throws {
        let model = try IgnoringNServer()
        defer { model.stop() }
        let uri = "file:///tmp/docwright-e2e/add.py"
        let client = try BinaryClient(environment: ["DOCWRIGHT_LOCAL_MODEL_URL": model.baseURL])
        _ = try await client.request("initialize", initializeParams(["n": 5, "max_tokens": 16, "seed": 20, "timeout": 30]))
        try client.notify("initialized", [:])
        try client.notify("textDocument/didOpen", ["textDocument": [
            "uri": uri, "languageId": "python", "version": 1, "text": SessionTests.stub]])
        let reply = try await client.request("textDocument/completion", [
            "textDocument": ["uri": uri], "position": ["line": 1, "character": 6], "context": ["triggerKind": 1]],
            timeout: .seconds(60))
        let items = (reply["result"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        let texts = Set(items.compactMap { ($0["textEdit"] as? [String: Any])?["newText"] as? String })
        // Five distinct samples, so five candidates: none lost, none drawn twice.
        #expect(texts == Set((20...24).map { IgnoringNServer.text(seed: $0) + "\n" }), "\(reply)")
        #expect(model.requests.count == 5)
        _ = try await client.request("shutdown", NSNull())
        try client.notify("exit", [:])
        #expect(await client.waitForExit() == 0)
        #expect(!client.sawGarbage)
    }
}

/// An OpenAI-compatible `/v1/completions` server that answers every request with one choice,
/// whatever `n` asks. The choice's text names the request's seed; later seeds are answered
/// sooner, so the parallel requests complete in reverse order.
final class IgnoringNServer: Sendable {
    struct Seen: Sendable {
        var n: Int?
        var seed: Int?
    }

    private final class Log: Sendable {
        let seen = Mutex<[Seen]>([])
    }

    private let server: LoopbackServer
    private let log = Log()

    var baseURL: String { server.baseURL + "/v1" }
    var requests: [Seen] { log.seen.withLock { $0 } }

    static func text(seed: Int) -> String { "    return a + b + \(seed)" }

    init() throws {
        let log = self.log
        server = try LoopbackServer { request in
            let body = request.json
            let seed = body?["seed"] as? Int
            log.seen.withLock { $0.append(Seen(n: body?["n"] as? Int, seed: seed)) }
            guard request.path == "/v1/completions", let seed else {
                return .json(400, #"{"error":{"message":"want POST /v1/completions with a seed"}}"#)
            }
            Thread.sleep(forTimeInterval: 0.03 * Double(4 - seed % 5))
            return .json(200, Self.reply(text: Self.text(seed: seed)))
        }
    }

    func stop() { server.stop() }

    /// llama.cpp's shape: one choice, per-token log-probabilities, usage.
    private static func reply(text: String) -> String {
        let tokens = ["    ", "return", " a", " +", " b", " +", text.split(separator: " ").last.map { " \($0)" } ?? ""]
        let content = tokens.map { token in
            let bytes = Array(token.utf8).map(String.init).joined(separator: ",")
            return #"{"token":"\#(token)","bytes":[\#(bytes)],"logprob":-0.25,"top_logprobs":[]}"#
        }.joined(separator: ",")
        return #"{"choices":[{"index":0,"text":"\#(text)","finish_reason":"stop","logprobs":{"content":[\#(content)]}}],"#
            + #""usage":{"prompt_tokens":9,"completion_tokens":\#(tokens.count)}}"#
    }
}
