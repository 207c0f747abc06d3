import JSON
import Logging
import Synchronization

/// A JSON-RPC 2.0 endpoint over a `MessageTransport`: reads frames in order, dispatches them to a
/// `MessageHandler`, answers every request exactly once, and sends requests and notifications of
/// its own (`notify`, `request`).
///
/// - Notifications are handled one at a time in arrival order; each is awaited before the next
///   message is dispatched, so a request always sees the effect of earlier notifications.
///   Reading goes on meanwhile, so a notification handler may itself await `request(…)`.
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

        // Reading (here) and dispatching (in `dispatcher`) are separate so that responses and
        // `$/cancelRequest` are handled at once, even while a notification handler is running
        // (possibly waiting for a response to a request of ours).
        let (work, workInput) = AsyncStream.makeStream(of: Work.self)
        let dispatcher = Task { await self.dispatch(work, to: handler) }
        var framer = MessageFramer(maxMessageBytes: maxMessageBytes)
        reading: for await chunk in inbox {
            framer.append(chunk)
            while let event = framer.next() {
                if isStopRequested { break reading }
                switch event {
                case .success(let body): receive(body, queue: workInput)
                case .failure(let error): report(error)
                }
            }
        }
        workInput.finish()
        endInput()
        await dispatcher.value
        await finishRequests()
        outboxInput.finish()
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

    // MARK: - Shutting down

    /// No response can arrive any more: fail our pending requests, and later ones at once.
    private func endInput() {
        let waiting = state.withLock { state in
            state.inputEnded = true
            defer { state.awaitingResponse.removeAll() }
            return state.awaitingResponse
        }
        for continuation in waiting.values { continuation.resume(throwing: ConnectionError.closed) }
    }

    /// After `stop()`, cancels and answers what is still open; after end of input, lets running
    /// requests finish and answer (a client may close its output early and still read replies).
    private func finishRequests() async {
        if isStopRequested {
            let cancelled = state.withLock { state in
                defer { state.unanswered.removeAll() }
                return state.unanswered.map { ($0.key, state.running[$0.value]) }
            }
            for (id, task) in cancelled {
                task?.cancel()
                send(OutgoingMessage.errorResponse(id: id, error: .requestCancelled("Server stopped")))
            }
            return
        }
        while true {
            let running = state.withLock { Array($0.running.values) }
            if running.isEmpty { break }
            for task in running { await task.value }
        }
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
