import Foundation
import LoopbackHTTP
import Synchronization


/// A tiny OpenAI-compatible model on 127.0.0.1 (a `LoopbackServer`) that records every request
/// it receives and answers `/v1/completions` and `/v1/chat/completions` with fixed choices (as
/// many as `n` asks), as one JSON reply or, when `stream` is true, as server-sent events. Shared by the in-process server tests and the end-to-end tests.
public final class CaptureServer: Sendable {
    public struct Captured: Sendable {
        public var method: String
        public var path: String
        /// Lower-cased names.
        public var headers: [String: String]
        public var body: [UInt8]
        public var bodyText: String { String(decoding: body, as: UTF8.self) }

        /// Every string inside the JSON body, decoded (so `\/` or `\u00..` escapes cannot hide a
        /// secret from a substring check), plus the raw body.
        public var searchableText: String {
            var strings = [bodyText] + headers.map { "\($0.key): \($0.value)" }
            if let object = try? JSONSerialization.jsonObject(with: Data(body)) { Self.collect(object, into: &strings) }
            return strings.joined(separator: "\n")
        }

        private static func collect(_ value: Any, into strings: inout [String]) {
            if let string = value as? String {
                strings.append(string)
            } else if let array = value as? [Any] {
                for element in array { collect(element, into: &strings) }
            } else if let object = value as? [String: Any] {
                for (key, element) in object {
                    strings.append(key)
                    collect(element, into: &strings)
                }
            }
        }
    }

    private final class Log: Sendable {
        let entries = Mutex<[Captured]>([])
    }

    private let server: LoopbackServer
    private let log = Log()

    public var port: Int { server.port }
    public var baseURL: String { server.baseURL + "/v1" }
    public var requests: [Captured] { log.entries.withLock { $0 } }

    /// - Parameter completionText: the text of every choice.
    public init(completionText: String = "    return 42\n") throws {
        let log = self.log
        server = try LoopbackServer { request in
            log.entries.withLock {
                $0.append(Captured(method: request.method, path: request.path, headers: request.headers, body: request.body))
            }
            return Self.reply(to: request, completionText: completionText)
        }
    }

    public func stop() { server.stop() }

    private static func reply(to request: LoopbackServer.Request, completionText: String) -> LoopbackServer.Reply {
        let json = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]
        let n = max(1, min(8, json?["n"] as? Int ?? 1))
        let chat = request.path.hasSuffix("/chat/completions")
        guard request.path.hasSuffix("/completions") else {
            return .json(404, #"{"error":{"message":"not found"}}"#)
        }
        let logprobs: [String: Any] = ["content": [["id": 1, "token": completionText, "bytes": [Int](), "logprob": -0.25,
                                                    "top_logprobs": [Any]()]]]
        let choices: [[String: Any]] = (0..<n).map { index in
            var choice: [String: Any] = ["index": index, "finish_reason": "stop", "logprobs": logprobs]
            if chat {
                choice["message"] = ["role": "assistant", "content": "```\n\(completionText)```"]
            } else {
                choice["text"] = completionText
            }
            return choice
        }
        let body: [String: Any] = [
            "id": "capture-1", "object": chat ? "chat.completion" : "text_completion", "created": 0, "model": "capture",
            "choices": choices, "usage": ["prompt_tokens": 10, "completion_tokens": 3, "total_tokens": 13],
        ]
        if json?["stream"] as? Bool == true { return streamed(choices, chat: chat) }
        let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
        return .json(200, String(decoding: data, as: UTF8.self))
    }

    /// The same choices as server-sent events, as llama.cpp streams them: per choice its text
    /// (chat: a `delta`) with its tokens, then its finish, then usage and `[DONE]`.
    private static func streamed(_ choices: [[String: Any]], chat: Bool) -> LoopbackServer.Reply {
        func event(_ object: Any) -> [UInt8] {
            let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
            return Array("data: ".utf8) + Array(data) + Array("\n\n".utf8)
        }
        var events: [[UInt8]] = []
        for choice in choices {
            var text = choice
            text["finish_reason"] = NSNull()
            if chat, let message = choice["message"] as? [String: Any] {
                text["message"] = nil
                text["delta"] = ["content": message["content"] ?? ""]
            }
            events.append(event(["choices": [text]]))
            var finish: [String: Any] = ["index": choice["index"] ?? 0, "finish_reason": "stop"]
            finish[chat ? "delta" : "text"] = chat ? [String: Any]() : ""
            events.append(event(["choices": [finish]]))
        }
        events.append(event(["choices": [Any](), "usage": ["prompt_tokens": 10, "completion_tokens": 3 * choices.count]]))
        events.append(Array("data: [DONE]\n\n".utf8))
        return .chunked(status: 200, headers: ["Content-Type": "text/event-stream"], chunks: events, interval: 0, complete: true)
    }
}
