import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A scripted HTTP/1.1 server on 127.0.0.1: fault injection in the tests (delays, truncated and
/// chunked bodies, closed connections) and the perf harness's targets (`docwright-bench perf`).
///
/// Each connection is served on its own thread (blocking sockets are fine there: never the
/// cooperative pool), with keep-alive, so the client's connection reuse is exercised. Every
/// socket has a receive timeout and `stop()` shuts all of them, so nothing outlives a test.
public final class LoopbackServer: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var path: String
        /// Lower-cased names.
        public var headers: [String: String]
        public var body: [UInt8]
        public var bodyText: String { String(decoding: body, as: UTF8.self) }
        /// The body parsed as a JSON object, or nil.
        public var json: NSDictionary? {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? NSDictionary
        }
    }

    public enum Reply: Sendable {
        /// A complete response with Content-Length.
        case respond(status: Int, headers: [String: String] = [:], body: [UInt8])
        /// Announces `declaredLength` bytes, sends `body` (shorter), then closes.
        case truncated(status: Int, declaredLength: Int, body: [UInt8])
        /// Chunked transfer encoding, one chunk every `interval` seconds; `complete: false`
        /// closes the connection without the final chunk (a stream cut mid-way).
        case chunked(status: Int, headers: [String: String] = [:], chunks: [[UInt8]], interval: Double, complete: Bool)
        /// Chunked transfer encoding, each chunk from `next` (called on the connection's own
        /// thread, so it may block, e.g. to hold a stream until a test lets it go) until it
        /// returns nil, then the final chunk.
        case produced(status: Int, headers: [String: String] = [:], next: @Sendable () -> [UInt8]?)
        /// Closes the connection without answering.
        case close
        /// Sends a streaming head, then waits for the client to close the connection and calls
        /// `closed` at that moment (to time how fast a cancelled transfer is really aborted).
        case holdUntilClientCloses(closed: @Sendable (ContinuousClock.Instant) -> Void)

        public static func json(_ status: Int, _ text: String, headers: [String: String] = [:]) -> Reply {
            var all = headers
            all["Content-Type"] = "application/json"
            return .respond(status: status, headers: all, body: Array(text.utf8))
        }
    }

    public let port: Int
    private let listener: Int32
    private let handler: @Sendable (Request) -> Reply
    private let openSockets = Mutex<Set<Int32>>([])
    private let stopped = Atomic<Bool>(false)
    private let served = Atomic<Int>(0)
    private let accepted = Atomic<Int>(0)

    public var baseURL: String { "http://127.0.0.1:\(port)" }
    /// Requests answered so far.
    public var requestCount: Int { served.load(ordering: .relaxed) }
    /// Connections accepted so far (keep-alive keeps this low).
    public var connectionCount: Int { accepted.load(ordering: .relaxed) }

    /// How long a connection thread polls for the next request before it blocks in `recv`.
    private let spin: Duration

    /// - Parameter spin: poll this long for the next request before blocking (the keep-alive
    ///   target): on a VM, waking a blocked thread costs more than the request itself, and that
    ///   cost would be the server's, not the client's under test.
    public init(spin: Duration = .zero, handler: @escaping @Sendable (Request) -> Reply) throws {
        self.spin = spin
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError.socket("socket") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            close(fd)
            throw ServerError.socket("bind/listen")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.listener = fd
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    public func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        openSockets.withLock { sockets in
            for socket in sockets { shutdown(socket, Int32(SHUT_RDWR)) }
        }
    }

    public enum ServerError: Error { case socket(String) }

    // MARK: Connection threads

    private func acceptLoop() {
        while !stopped.load(ordering: .relaxed) {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            accepted.add(1, ordering: .relaxed)
            var yes: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            var timeout = timeval(tv_sec: 15, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            openSockets.withLock { _ = $0.insert(client) }
            let thread = Thread { [self] in
                self.serve(client)
                self.openSockets.withLock { _ = $0.remove(client) }
                close(client)
            }
            thread.start()
        }
    }

    private func serve(_ socket: Int32) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 * 1024)
        while !stopped.load(ordering: .relaxed) {
            guard let request = readRequest(socket, &buffer) else { return }
            served.add(1, ordering: .relaxed)
            let keepOpen = write(handler(request), to: socket)
            if !keepOpen || request.headers["connection"]?.lowercased() == "close" { return }
        }
    }

    /// Reads one request (head + Content-Length body); nil on close, timeout or garbage.
    /// Byte-level parsing keeps the server fast enough for the throughput benchmark.
    private func readRequest(_ socket: Int32, _ buffer: inout [UInt8]) -> Request? {
        var headEnd: Int?
        while true {
            headEnd = Self.headEnd(in: buffer)
            if headEnd != nil { break }
            guard buffer.count < 1 << 20, receive(socket, &buffer) else { return nil }
        }
        guard let headEnd else { return nil }
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = 0
        for index in 0..<headEnd where buffer[index] == 13 {
            lines.append(buffer[lineStart..<index])
            lineStart = index + 2
        }
        lines.append(buffer[lineStart..<headEnd])
        let requestLine = lines[0].split(separator: 32)
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: 58) else { continue }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            var value = line[(colon + 1)...]
            while value.first == 32 { value = value.dropFirst() }
            headers[name] = String(decoding: value, as: UTF8.self)
        }
        let bodyStart = headEnd + 4
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < bodyStart + length {
            guard receive(socket, &buffer) else { return nil }
        }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)
        return Request(method: String(decoding: requestLine[0], as: UTF8.self),
                       path: String(decoding: requestLine[1], as: UTF8.self), headers: headers, body: body)
    }

    /// Index of the blank line ending the head.
    private static func headEnd(in buffer: [UInt8]) -> Int? {
        buffer.withUnsafeBufferPointer { bytes -> Int? in
            guard bytes.count >= 4 else { return nil }
            for index in 0...(bytes.count - 4)
            where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
                return index
            }
            return nil
        }
    }

    /// Appends what one recv() returns; false on close, error or timeout.
    private func receive(_ socket: Int32, _ buffer: inout [UInt8]) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16 * 1024) { scratch in
            var count = -1
            if spin > .zero {
                let deadline = ContinuousClock.now + spin
                repeat {
                    count = recv(socket, scratch.baseAddress, scratch.count, Int32(MSG_DONTWAIT))
                } while count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && ContinuousClock.now < deadline
            }
            if count < 0 { count = recv(socket, scratch.baseAddress, scratch.count, 0) }
            guard count > 0 else { return false }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<count]))
            return true
        }
    }

    /// Writes a reply; returns whether the connection stays open.
    private func write(_ reply: Reply, to socket: Int32) -> Bool {
        switch reply {
        case .respond(let status, let headers, let body):
            var all = headers
            all["Content-Length"] = String(body.count)
            return sendAll(socket, Self.head(status, all) + body)
        case .truncated(let status, let declaredLength, let body):
            _ = sendAll(socket, Self.head(status, ["Content-Length": String(declaredLength)]) + body)
            return false
        case .chunked(let status, let headers, let chunks, let interval, let complete):
            var all = headers
            all["Transfer-Encoding"] = "chunked"
            guard sendAll(socket, Self.head(status, all)) else { return false }
            for chunk in chunks where !chunk.isEmpty {
                if stopped.load(ordering: .relaxed) { return false }
                if interval > 0 { Thread.sleep(forTimeInterval: interval) }
                guard sendAll(socket, Array(String(chunk.count, radix: 16).utf8) + [13, 10] + chunk + [13, 10]) else {
                    return false
                }
            }
            guard complete else { return false }
            return sendAll(socket, Array("0\r\n\r\n".utf8))
        case .produced(let status, let headers, let next):
            var all = headers
            all["Transfer-Encoding"] = "chunked"
            guard sendAll(socket, Self.head(status, all)) else { return false }
            while let chunk = next() {
                if stopped.load(ordering: .relaxed) { return false }
                guard chunk.isEmpty
                    || sendAll(socket, Array(String(chunk.count, radix: 16).utf8) + [13, 10] + chunk + [13, 10]) else {
                    return false
                }
            }
            return sendAll(socket, Array("0\r\n\r\n".utf8))
        case .close:
            return false
        case .holdUntilClientCloses(let closed):
            guard sendAll(socket, Self.head(200, ["Transfer-Encoding": "chunked"]) + Array("1\r\nx\r\n".utf8)) else {
                return false
            }
            var byte: UInt8 = 0
            while recv(socket, &byte, 1, 0) > 0 {}
            closed(.now)
            return false
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

    private static func head(_ status: Int, _ headers: [String: String]) -> [UInt8] {
        var text = "HTTP/1.1 \(status) Scripted\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return Array((text + "\r\n").utf8)
    }
}
