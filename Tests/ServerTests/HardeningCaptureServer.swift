import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A tiny OpenAI-compatible model on 127.0.0.1 that records every request it receives and
/// answers `/v1/completions` and `/v1/chat/completions` with fixed choices (as many as `n`
/// asks). One thread per connection, a receive timeout on each socket, and `stop()` closes
/// everything, so nothing outlives a test. (Trimmed from GatewayTests' LoopbackServer.)
final class CaptureServer: Sendable {
    struct Captured: Sendable {
        var method: String
        var path: String
        var body: [UInt8]
        var bodyText: String { String(decoding: body, as: UTF8.self) }

        /// Every string inside the JSON body, decoded (so `\/` or `\u00..` escapes cannot hide a
        /// secret from a substring check), plus the raw body.
        var searchableText: String {
            var strings = [bodyText]
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

    let port: Int
    private let listener: Int32
    private let completionText: String
    private let captured = Mutex<[Captured]>([])
    private let openSockets = Mutex<Set<Int32>>([])
    private let stopped = Atomic<Bool>(false)

    var baseURL: String { "http://127.0.0.1:\(port)/v1" }
    var requests: [Captured] { captured.withLock { $0 } }

    /// - Parameter completionText: the text of every choice.
    init(completionText: String = "    return 42\n") throws {
        self.completionText = completionText
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CaptureError.socket }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw CaptureError.socket
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptLoop() }.start()
    }

    deinit { stop() }

    func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        openSockets.withLock { sockets in
            for socket in sockets { shutdown(socket, Int32(SHUT_RDWR)) }
        }
    }

    enum CaptureError: Error { case socket }

    private func acceptLoop() {
        while !stopped.load(ordering: .relaxed) {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            openSockets.withLock { _ = $0.insert(client) }
            Thread { [self] in
                serve(client)
                openSockets.withLock { _ = $0.remove(client) }
                close(client)
            }.start()
        }
    }

    private func serve(_ socket: Int32) {
        var buffer: [UInt8] = []
        while !stopped.load(ordering: .relaxed), let request = readRequest(socket, &buffer) {
            captured.withLock { $0.append(request) }
            guard sendAll(socket, reply(to: request)) else { return }
        }
    }

    private func reply(to request: Captured) -> [UInt8] {
        let json = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]
        let n = max(1, min(8, json?["n"] as? Int ?? 1))
        let chat = request.path.hasSuffix("/chat/completions")
        guard request.path.hasSuffix("/completions") else {
            return Self.response(404, #"{"error":{"message":"not found"}}"#)
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
        let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
        return Self.response(200, String(decoding: data, as: UTF8.self))
    }

    private static func response(_ status: Int, _ body: String) -> [UInt8] {
        let bytes = Array(body.utf8)
        let head = "HTTP/1.1 \(status) Captured\r\nContent-Type: application/json\r\nContent-Length: \(bytes.count)\r\n\r\n"
        return Array(head.utf8) + bytes
    }

    /// One request (head + Content-Length body); nil on close, timeout or garbage.
    private func readRequest(_ socket: Int32, _ buffer: inout [UInt8]) -> Captured? {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd = buffer.firstRange(of: separator)?.lowerBound
        while headEnd == nil {
            guard buffer.count < 1 << 22, receive(socket, &buffer) else { return nil }
            headEnd = buffer.firstRange(of: separator)?.lowerBound
        }
        guard let headEnd else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var length = 0
        for line in lines.dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                length = Int(parts[1].trimmingCharacters(in: .whitespaces)) ?? 0
            }
        }
        let bodyStart = headEnd + 4
        while buffer.count < bodyStart + length {
            guard receive(socket, &buffer) else { return nil }
        }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)
        return Captured(method: String(requestLine[0]), path: String(requestLine[1]), body: body)
    }

    private func receive(_ socket: Int32, _ buffer: inout [UInt8]) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16 * 1024) { scratch in
            let count = recv(socket, scratch.baseAddress, scratch.count, 0)
            guard count > 0 else { return false }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<count]))
            return true
        }
    }

    private func sendAll(_ socket: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return Glibc.send(socket, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
