import Foundation
import LoopbackHTTP

/// An OpenAI-compatible `/v1/completions` model on loopback that answers at once, so figures
/// measure docwright rather than a model. Replies carry `n` choices with llama.cpp-style
/// log-probabilities; the body suits the prompt's language (Go or Python).
final class FakeModel: Sendable {
    let server: LoopbackServer
    /// Every request body received (for capturing what docwright sends), when `record` is set.
    private let recorded = Locked<[(path: String, body: [UInt8])]>([])

    var baseURL: String { server.baseURL + "/v1" }
    var requests: [(path: String, body: [UInt8])] { recorded.value }

    init(record: Bool = false) throws {
        let recorded = self.recorded
        server = try LoopbackServer { request in
            if record { recorded.withLock { $0.append((request.path, request.body)) } }
            if request.path.hasSuffix("/health") { return .json(200, #"{"status":"ok"}"#) }
            return .json(200, FakeModel.reply(to: request.body))
        }
    }

    func stop() { server.stop() }

    static func reply(to body: [UInt8]) -> String {
        let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        let n = max(1, min(16, object?["n"] as? Int ?? 1))
        let prompt = object?["prompt"] as? String ?? ""
        let tokens = prompt.contains("\nfunc ") || prompt.hasPrefix("func ")
            ? ["\t", "return", " a", " +", " b", "\n", "}", "\n"]
            : ["    ", "return", " a", " +", " b", "\n"]
        let content = tokens.enumerated().map { index, token -> [String: Any] in
            ["id": index, "token": token, "bytes": Array(token.utf8).map(Int.init), "logprob": -0.05 * Double(index + 1),
             "top_logprobs": [[String: Any]]()]
        }
        let choices = (0..<n).map { index -> [String: Any] in
            ["index": index, "text": tokens.joined(), "finish_reason": "stop", "logprobs": ["content": content]]
        }
        let reply: [String: Any] = [
            "id": "bench", "object": "text_completion", "model": "fake", "choices": choices,
            "usage": ["prompt_tokens": 10, "completion_tokens": tokens.count, "total_tokens": 10 + tokens.count],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: reply)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
