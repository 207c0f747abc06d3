import JSON
import JSONRPC
import Synchronization

/// The client end of an in-memory pipe, speaking raw frames: tests send arbitrary bytes and
/// read back each JSON message the server writes.
final class RawPeer: Sendable {
    let transport: any MessageTransport
    private struct Waiter {
        let token: Int
        let matches: @Sendable (JSONValue) -> Bool
        let continuation: CheckedContinuation<JSONValue?, Never>
    }
    private struct State {
        var messages: [JSONValue] = []
        var waiter: Waiter?
        var nextToken = 0
        var ended = false
    }
    private let state = Mutex(State())

    init(_ transport: any MessageTransport) {
        self.transport = transport
        Task { [self] in
            var framer = MessageFramer()
            for await chunk in transport.incoming {
                framer.append(chunk)
                while let event = framer.next() {
                    guard case .success(let body) = event, let json = try? JSONValue(parsing: body) else {
                        deliver(["unreadable-output": true])
                        continue
                    }
                    deliver(json)
                }
            }
            end()
        }
    }

    private func deliver(_ message: JSONValue) {
        let waiter = state.withLock { state -> CheckedContinuation<JSONValue?, Never>? in
            if let waiter = state.waiter, waiter.matches(message) {
                state.waiter = nil
                return waiter.continuation
            }
            state.messages.append(message)
            return nil
        }
        waiter?.resume(returning: message)
    }

    private func end() {
        let waiter = state.withLock { state -> CheckedContinuation<JSONValue?, Never>? in
            state.ended = true
            defer { state.waiter = nil }
            return state.waiter?.continuation
        }
        waiter?.resume(returning: nil)
    }

    func sendRaw(_ bytes: [UInt8]) async throws {
        try await transport.write(bytes)
    }

    func sendFramed(_ text: String) async throws {
        try await transport.write(MessageFramer.frame(Array(text.utf8)))
    }

    func send(_ message: JSONValue) async throws {
        try await transport.write(MessageFramer.frame(message.serializedBytes()))
    }

    /// The next message from the server, or nil once its output ended; throws after `limit`.
    func next(_ limit: Duration = .seconds(5)) async throws -> JSONValue? {
        try await first(where: { _ in true }, limit, "a message from the server")
    }

    /// The first message (received or to come) matching `matches`, removed from the queue;
    /// nil once the server's output ended; throws after `limit`.
    func first(where matches: @escaping @Sendable (JSONValue) -> Bool, _ limit: Duration = .seconds(5),
               _ what: String = "a matching message") async throws -> JSONValue? {
        let token = state.withLock { state -> Int in
            state.nextToken += 1
            return state.nextToken
        }
        let timedOut = Box(false)
        let timer = Task { [self] in
            try? await Task.sleep(for: limit)
            let waiter = state.withLock { state -> CheckedContinuation<JSONValue?, Never>? in
                guard let waiter = state.waiter, waiter.token == token else { return nil }
                state.waiter = nil
                return waiter.continuation
            }
            if let waiter {
                timedOut.update { $0 = true }
                waiter.resume(returning: nil)
            }
        }
        defer { timer.cancel() }
        let message = await withCheckedContinuation { (continuation: CheckedContinuation<JSONValue?, Never>) in
            let immediate = state.withLock { state -> JSONValue?? in
                if let index = state.messages.firstIndex(where: matches) { return .some(state.messages.remove(at: index)) }
                if state.ended { return .some(nil) }
                state.waiter = Waiter(token: token, matches: matches, continuation: continuation)
                return nil
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
        if timedOut.value { throw TimedOut(what: what) }
        return message
    }

    /// The response with `id`; messages before it stay queued.
    func response(to id: JSONValue, _ limit: Duration = .seconds(5)) async throws -> JSONValue {
        let response = try await first(where: { $0["id"] == id && $0["method"] == nil }, limit, "the response to \(id)")
        guard let response else { throw TimedOut(what: "the response to \(id) (output ended)") }
        return response
    }

    /// Everything received and not yet taken.
    func drain() -> [JSONValue] {
        state.withLock { state in
            defer { state.messages.removeAll() }
            return state.messages
        }
    }
}

extension JSONValue {
    /// `{"jsonrpc":"2.0","id":id,"method":method,"params":params}`
    static func request(_ id: JSONValue, _ method: String, _ params: JSONValue? = nil) -> JSONValue {
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "id": id, "method": .string(method)]
        if let params { message["params"] = params }
        return .object(message)
    }

    static func notification(_ method: String, _ params: JSONValue? = nil) -> JSONValue {
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { message["params"] = params }
        return .object(message)
    }

    var errorCode: Int? { self["error"]?["code"]?.intValue }
}
