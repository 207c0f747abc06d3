import Logging
import Synchronization

/// A JSON-RPC 2.0 endpoint over a `MessageTransport`: reads frames in order, dispatches them to a
/// `MessageHandler`, answers every request exactly once, and sends requests and notifications of
/// its own (`notify`, `request`).
///
/// - Notifications are handled one at a time in arrival order; each is awaited before the next
///   message is dispatched, so a request always sees the effect of earlier notifications.
/// - Requests run concurrently, each in its own Task, started in arrival order.
/// - `$/cancelRequest` cancels the request's Task and answers it at once with -32800; whatever
///   the handler returns afterwards is dropped.
/// - Bad input (framing errors, invalid JSON, invalid messages) is answered with -32700/-32600
///   and a null id where the id is unknown, and the connection keeps serving.
/// - Batches (JSON arrays) are not supported: they are answered with one -32600 error.
/// - Params are logged only at `.trace`; ids and methods travel in logger metadata.
///
/// Writes go through an unbounded queue drained by one task, so a peer that stops reading never
/// blocks the reading side.
public final class Connection: Sendable {
    let transport: any MessageTransport
    let logger: Logger
    let maxMessageBytes: Int
    let errorMapper: (@Sendable (any Error) -> JSONRPCError?)?
    let outbox: AsyncStream<[UInt8]>
    let outboxInput: AsyncStream<[UInt8]>.Continuation
    let state = Mutex(State())

    struct State: Sendable {
        var started = false
        var stopRequested = false
        /// Set once no more input can arrive: outgoing requests then fail at once.
        var inputEnded = false
        var inbox: AsyncStream<[UInt8]>.Continuation?
        /// Requests from the peer not yet answered, with the token of the Task answering them.
        var unanswered: [RequestID: UInt64] = [:]
        /// Every handler Task still running (including cancelled ones), by token.
        var running: [UInt64: Task<Void, Never>] = [:]
        var nextToken: UInt64 = 0
        /// Our requests awaiting the peer's response.
        var awaitingResponse: [RequestID: CheckedContinuation<JSONValue, any Error>] = [:]
        var nextOutgoingNumber = 1
    }

    /// - Parameters:
    ///   - maxMessageBytes: cap on one incoming message; larger ones are answered with -32600 and skipped.
    ///   - errorMapper: turns errors thrown by handlers into error replies (for example a
    ///     user-facing error into `.requestFailed(userMessage)`). Return nil to fall back to
    ///     -32603 with the error's description. `JSONRPCError` and `JSONRPCErrorConvertible`
    ///     errors, and `CancellationError` (-32800), never reach it.
    public init(
        transport: some MessageTransport,
        logger: Logger = Logger(label: "docwright.jsonrpc"),
        maxMessageBytes: Int = MessageFramer.defaultMaxMessageBytes,
        errorMapper: (@Sendable (any Error) -> JSONRPCError?)? = nil
    ) {
        self.transport = transport
        self.logger = logger
        self.maxMessageBytes = maxMessageBytes
        self.errorMapper = errorMapper
        (outbox, outboxInput) = AsyncStream.makeStream(of: [UInt8].self)
    }

    /// Reads and dispatches messages until the input ends or `stop()` is called, then fails our
    /// pending requests, waits for running handlers (after end of input) or cancels them (after
    /// `stop()`), flushes queued output (for at most 5 seconds) and closes the transport.
    /// Call it once.
    public func run(handler: some MessageHandler) async {
        let (inbox, inboxInput) = AsyncStream.makeStream(of: [UInt8].self)
        let alreadyStarted = state.withLock { state in
            defer { state.started = true }
            if !state.started { state.inbox = inboxInput }
            return state.started
        }
        guard !alreadyStarted else {
            logger.error("Connection.run called more than once; ignoring")
            return
        }
        let writer = Task { await self.drainOutbox() }
        let transport = transport
        let pump = Task {
            for await chunk in transport.incoming { inboxInput.yield(chunk) }
            inboxInput.finish()
        }
        if isStopRequested { inboxInput.finish() }

        var framer = MessageFramer(maxMessageBytes: maxMessageBytes)
        reading: for await chunk in inbox {
            framer.append(chunk)
            while let event = framer.next() {
                if isStopRequested { break reading }
                switch event {
                case .success(let body): await dispatch(body, to: handler)
                case .failure(let error): report(error)
                }
            }
            if isStopRequested { break }
        }
        await shutDown()
        await waitForWriter(writer, atMost: .seconds(5))
        transport.close()
        pump.cancel()
    }

    /// Makes `run` return: no further messages are dispatched, running requests are cancelled
    /// (and answered with -32800). Call it from the handler of LSP's `exit`. Safe to call twice.
    public func stop() {
        let inbox = state.withLock { state in
            state.stopRequested = true
            return state.inbox
        }
        inbox?.finish()
    }

    var isStopRequested: Bool { state.withLock { $0.stopRequested } }

    // MARK: - Incoming

    private func dispatch(_ body: [UInt8], to handler: some MessageHandler) async {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: body)
        } catch {
            logger.warning("Unreadable message: \(error)")
            send(OutgoingMessage.errorResponse(id: nil, error: .parseError("Parse error: \(error)")))
            return
        }
        switch Envelope.classify(json) {
        case .request(let id, let method, let params):
            startRequest(id: id, method: method, params: params, handler: handler)
        case .notification(let method, let params):
            var notificationLogger = logger
            notificationLogger[metadataKey: "jsonrpc.method"] = "\(method)"
            notificationLogger.debug("Notification received")
            notificationLogger.trace("Notification params", metadata: ["jsonrpc.params": "\(params ?? .null)"])
            if method == "$/cancelRequest" {
                cancelIncoming(params)
            } else {
                await handler.handle(notification: IncomingNotification(method: method, params: params, logger: notificationLogger))
            }
        case .response(let id, let result):
            resolveOutgoing(id: id, result: result)
        case .orphanError(let error):
            logger.warning("Peer reported an error about a message it could not read: \(error)")
        case .invalid(let id, let reason):
            logger.warning("Invalid message: \(reason)", metadata: id.map { ["jsonrpc.id": "\($0)"] })
            send(OutgoingMessage.errorResponse(id: id, error: .invalidRequest("Invalid request: \(reason)")))
        case .invalidResponse(let reason):
            logger.warning("Ignoring invalid response: \(reason)")
        }
    }

    private func report(_ error: FramingError) {
        logger.warning("Framing error: \(error)")
        send(OutgoingMessage.errorResponse(id: nil, error: error.jsonRPCError))
    }

    private func startRequest(id: RequestID, method: String, params: JSONValue?, handler: some MessageHandler) {
        var requestLogger = logger
        requestLogger[metadataKey: "jsonrpc.id"] = "\(id)"
        requestLogger[metadataKey: "jsonrpc.method"] = "\(method)"
        requestLogger.debug("Request received")
        requestLogger.trace("Request params", metadata: ["jsonrpc.params": "\(params ?? .null)"])
        let request = IncomingRequest(id: id, method: method, params: params, logger: requestLogger)
        let accepted = state.withLock { state -> Bool in
            // A second request with an id still in flight cannot be answered without the client
            // confusing the two replies: drop it.
            guard state.unanswered[id] == nil else { return false }
            let token = state.nextToken
            state.nextToken += 1
            state.unanswered[id] = token
            state.running[token] = Task {
                let started = ContinuousClock.now
                let outcome: Result<JSONValue, any Error>
                do {
                    outcome = .success(try await handler.handle(request: request))
                } catch {
                    outcome = .failure(error)
                }
                self.complete(request, token: token, outcome: outcome, elapsed: ContinuousClock.now - started)
            }
            return true
        }
        if !accepted { requestLogger.error("Dropping request whose id is already in flight") }
    }

    /// Sends the handler's answer, unless the request was already answered (cancelled).
    private func complete(_ request: IncomingRequest, token: UInt64, outcome: Result<JSONValue, any Error>, elapsed: Duration) {
        let stillUnanswered = state.withLock { state -> Bool in
            state.running[token] = nil
            guard state.unanswered[request.id] == token else { return false }
            state.unanswered[request.id] = nil
            return true
        }
        guard stillUnanswered else {
            request.logger.debug("Dropping the result of a cancelled request")
            return
        }
        switch outcome {
        case .success(let result):
            request.logger.debug("Request answered", metadata: ["jsonrpc.elapsed": "\(elapsed)"])
            send(OutgoingMessage.response(id: request.id, result: result))
        case .failure(let error):
            let reply = errorReply(for: error)
            request.logger.log(level: reply.code == JSONRPCError.Code.internalError ? .error : .debug,
                               "Request failed: \(reply)", metadata: ["jsonrpc.elapsed": "\(elapsed)"])
            send(OutgoingMessage.errorResponse(id: request.id, error: reply))
        }
    }

    func errorReply(for error: any Error) -> JSONRPCError {
        switch error {
        case let error as JSONRPCError: return error
        case let error as any JSONRPCErrorConvertible: return error.jsonRPCError
        case is CancellationError: return .requestCancelled()
        default:
            if let mapped = errorMapper?(error) { return mapped }
            return .internalError("Internal error: \(String(describing: error))")
        }
    }

    private func cancelIncoming(_ params: JSONValue?) {
        guard let id = params?["id"].flatMap(RequestID.init) else {
            logger.warning("Ignoring $/cancelRequest without a valid id")
            return
        }
        let task = state.withLock { state -> Task<Void, Never>?? in
            guard let token = state.unanswered.removeValue(forKey: id) else { return nil }
            return .some(state.running[token])
        }
        guard let task else {
            logger.debug("$/cancelRequest for a request no longer in flight", metadata: ["jsonrpc.id": "\(id)"])
            return
        }
        task?.cancel()
        logger.debug("Request cancelled by the peer", metadata: ["jsonrpc.id": "\(id)"])
        send(OutgoingMessage.errorResponse(id: id, error: .requestCancelled()))
    }

    // MARK: - Shutting down

    private func shutDown() async {
        let (stopped, waiting) = state.withLock { state in
            state.inputEnded = true
            defer { state.awaitingResponse.removeAll() }
            return (state.stopRequested, state.awaitingResponse)
        }
        for continuation in waiting.values { continuation.resume(throwing: ConnectionError.closed) }
        if stopped {
            let cancelled = state.withLock { state in
                defer { state.unanswered.removeAll() }
                return state.unanswered.map { ($0.key, state.running[$0.value]) }
            }
            for (id, task) in cancelled {
                task?.cancel()
                send(OutgoingMessage.errorResponse(id: id, error: .requestCancelled("Server stopped")))
            }
        } else {
            // End of input: let running requests finish and answer (a client may close its
            // output early and still read the replies).
            while true {
                let running = state.withLock { Array($0.running.values) }
                if running.isEmpty { break }
                for task in running { await task.value }
            }
        }
        outboxInput.finish()
    }

    private func waitForWriter(_ writer: Task<Void, Never>, atMost limit: Duration) async {
        let finished = await firstOf(writer, orTimeout: limit)
        if !finished { logger.warning("Output not flushed within \(limit); closing anyway") }
    }
}

/// Why one of our requests got no usable answer.
public enum ConnectionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The connection ended (input closed or `stop()`) before the response arrived.
    case closed
    /// The response's result did not decode as the expected type.
    case invalidResponse(method: String, reason: String)

    public var description: String {
        switch self {
        case .closed: return "connection closed"
        case .invalidResponse(let method, let reason): return "invalid response to \(method): \(reason)"
        }
    }
}
