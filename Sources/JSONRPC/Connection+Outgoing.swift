import JSON
import Logging
import Synchronization

extension Connection {
    /// Sends a notification. Failures to encode `params` are logged, not thrown; after the
    /// connection has closed, the notification is dropped.
    public func notify(_ method: String, params: some Encodable) async {
        do {
            let value = try JSONValue(encoding: params)
            send(OutgoingMessage.notification(method: method, params: value.isNull ? nil : value))
        } catch {
            logger.error("Could not encode params of notification \(method): \(error)")
        }
    }

    /// Sends a notification with `params` given as JSON (lets literals like `["type": 3]` be used).
    public func notify(_ method: String, params: JSONValue) async {
        send(OutgoingMessage.notification(method: method, params: params.isNull ? nil : params))
    }

    /// Sends a notification without params.
    public func notify(_ method: String) async {
        send(OutgoingMessage.notification(method: method, params: nil))
    }

    /// Sends a request to the peer (ids "dw-1", "dw-2", …) and waits for its response.
    ///
    /// Throws the peer's `JSONRPCError`, `ConnectionError.closed` if the connection ends first,
    /// `ConnectionError.invalidResponse` if the result does not decode as `R`, or
    /// `CancellationError` if the calling Task is cancelled (the peer is then sent `$/cancelRequest`).
    /// Use `JSONValue` as `R` to take the result as is.
    public func request<R: Decodable>(_ method: String, params: some Encodable, as type: R.Type = R.self) async throws -> R {
        let value = try JSONValue(encoding: params)
        return try await request(method, paramsValue: value.isNull ? nil : value, as: type)
    }

    /// Sends a request with `params` given as JSON (see `request(_:params:as:)`).
    public func request<R: Decodable>(_ method: String, params: JSONValue, as type: R.Type = R.self) async throws -> R {
        try await request(method, paramsValue: params.isNull ? nil : params, as: type)
    }

    /// Sends a request without params and waits for its response (see `request(_:params:as:)`).
    public func request<R: Decodable>(_ method: String, as type: R.Type = R.self) async throws -> R {
        try await request(method, paramsValue: nil, as: type)
    }

    private func request<R: Decodable>(_ method: String, paramsValue: JSONValue?, as type: R.Type) async throws -> R {
        let result = try await sendRequest(method, params: paramsValue)
        do {
            return try result.decode(R.self)
        } catch let error as DecodingError {
            throw ConnectionError.invalidResponse(method: method, reason: describe(error))
        } catch {
            throw ConnectionError.invalidResponse(method: method, reason: "\(error)")
        }
    }

    private func sendRequest(_ method: String, params: JSONValue?) async throws -> JSONValue {
        let id = state.withLock { state -> RequestID in
            defer { state.nextOutgoingNumber += 1 }
            return .string("dw-\(state.nextOutgoingNumber)")
        }
        var requestLogger = logger
        requestLogger[metadataKey: "jsonrpc.id"] = "\(id)"
        requestLogger[metadataKey: "jsonrpc.method"] = "\(method)"
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<JSONValue, any Error>) in
                let registered = state.withLock { state -> Bool in
                    guard !state.inputEnded else { return false }
                    state.awaitingResponse[id] = continuation
                    return true
                }
                guard registered else {
                    continuation.resume(throwing: ConnectionError.closed)
                    return
                }
                // Cancelled before registration: the cancellation handler found nothing to resume.
                if Task.isCancelled {
                    abandonRequest(id)
                    return
                }
                requestLogger.debug("Sending request")
                requestLogger.trace("Request params", metadata: ["jsonrpc.params": "\(params ?? .null)"])
                send(OutgoingMessage.request(id: id, method: method, params: params))
            }
        } onCancel: {
            abandonRequest(id)
        }
    }

    /// Fails our request `id` with `CancellationError` and tells the peer, if it is still waiting.
    private func abandonRequest(_ id: RequestID) {
        let continuation = state.withLock { $0.awaitingResponse.removeValue(forKey: id) }
        guard let continuation else { return }
        continuation.resume(throwing: CancellationError())
        send(OutgoingMessage.notification(method: "$/cancelRequest", params: ["id": id.jsonValue]))
    }

    func resolveOutgoing(id: RequestID, result: Result<JSONValue, JSONRPCError>) {
        let continuation = state.withLock { $0.awaitingResponse.removeValue(forKey: id) }
        guard let continuation else {
            logger.warning("Ignoring a response for an unknown request id", metadata: ["jsonrpc.id": "\(id)"])
            return
        }
        continuation.resume(with: result.mapError { $0 as any Error })
    }

    /// Queues one message for the writer; never blocks.
    func send(_ message: JSONValue) {
        let frame = MessageFramer.frame(message.serializedBytes())
        if case .terminated = outboxInput.yield(frame) {
            logger.debug("Connection closed; dropping an outgoing message")
        }
    }

    /// Writes queued frames in order until the queue is finished. After a write error the rest
    /// is discarded (the peer is gone), so senders never pile up behind a dead pipe.
    func drainOutbox() async {
        var broken = false
        for await frame in outbox where !broken {
            do {
                try await transport.write(frame)
            } catch {
                broken = true
                logger.error("Cannot write to the peer; dropping further output: \(error)")
            }
        }
    }
}

/// Waits for `task` to finish or for `limit` to pass, whichever comes first. Returns whether
/// the task finished. A task that never finishes is left running (it cannot be forced).
func firstOf(_ task: Task<Void, Never>, orTimeout limit: Duration) async -> Bool {
    let decided = OnceFlag()
    return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
        let timer = Task {
            try? await Task.sleep(for: limit)
            if decided.claim() { continuation.resume(returning: false) }
        }
        Task {
            await task.value
            timer.cancel()
            if decided.claim() { continuation.resume(returning: true) }
        }
    }
}

/// A flag that can be claimed once, by whichever of several racing parties comes first.
final class OnceFlag: Sendable {
    private let claimed = Mutex(false)

    /// True for the first caller only.
    func claim() -> Bool {
        claimed.withLock { claimed in
            defer { claimed = true }
            return !claimed
        }
    }
}
