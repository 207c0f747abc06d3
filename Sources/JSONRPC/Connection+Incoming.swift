import JSON
import Logging
import Synchronization

extension Connection {
    /// A message waiting for its turn with the handler.
    enum Work: Sendable {
        case notification(IncomingNotification)
        case request(IncomingRequest, token: UInt64)
    }

    /// Handles one message body on the reading side: answers bad input, resolves responses and
    /// cancellations at once, and queues requests and notifications for `dispatch`.
    func receive(_ body: [UInt8], queue: AsyncStream<Work>.Continuation) {
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
            var requestLogger = logger
            requestLogger[metadataKey: "jsonrpc.id"] = "\(id)"
            requestLogger[metadataKey: "jsonrpc.method"] = "\(method)"
            requestLogger.debug("Request received")
            requestLogger.trace("Request params", metadata: ["jsonrpc.params": "\(params ?? .null)"])
            let request = IncomingRequest(id: id, method: method, params: params, logger: requestLogger)
            guard let token = reserve(id) else {
                // Answering a second request with an id still in flight would confuse the
                // client about which reply is which: drop it.
                requestLogger.error("Dropping a request whose id is already in flight")
                return
            }
            queue.yield(.request(request, token: token))
        case .notification(let method, let params):
            var notificationLogger = logger
            notificationLogger[metadataKey: "jsonrpc.method"] = "\(method)"
            notificationLogger.debug("Notification received")
            notificationLogger.trace("Notification params", metadata: ["jsonrpc.params": "\(params ?? .null)"])
            if method == "$/cancelRequest" {
                cancelIncoming(params)
            } else {
                queue.yield(.notification(IncomingNotification(method: method, params: params, logger: notificationLogger)))
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

    func report(_ error: FramingError) {
        logger.warning("Framing error: \(error)")
        send(OutgoingMessage.errorResponse(id: nil, error: error.jsonRPCError))
    }

    /// Delivers notifications one at a time, in order, and starts each request after every
    /// earlier notification has been handled.
    func dispatch(_ work: AsyncStream<Work>, to handler: some MessageHandler) async {
        for await item in work {
            if isStopRequested { break }
            switch item {
            case .notification(let notification):
                await handler.handle(notification: notification)
            case .request(let request, let token):
                start(request, token: token, handler: handler)
            }
        }
    }

    /// Marks `id` as awaiting an answer; nil if a request with that id is already unanswered.
    private func reserve(_ id: RequestID) -> UInt64? {
        state.withLock { state in
            guard state.unanswered[id] == nil else { return nil }
            let token = state.nextToken
            state.nextToken += 1
            state.unanswered[id] = token
            return token
        }
    }

    private func start(_ request: IncomingRequest, token: UInt64, handler: some MessageHandler) {
        state.withLock { state in
            // Cancelled while it waited for earlier notifications: already answered.
            guard state.unanswered[request.id] == token else { return }
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
        }
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

    /// `$/cancelRequest`: cancels the request's Task (if it has started) and answers it now.
    private func cancelIncoming(_ params: JSONValue?) {
        guard let id = params?["id"].flatMap(RequestID.init) else {
            logger.warning("Ignoring $/cancelRequest without a valid id")
            return
        }
        let found = state.withLock { state -> (found: Bool, task: Task<Void, Never>?) in
            guard let token = state.unanswered.removeValue(forKey: id) else { return (false, nil) }
            return (true, state.running[token])
        }
        guard found.found else {
            logger.debug("$/cancelRequest for a request no longer in flight", metadata: ["jsonrpc.id": "\(id)"])
            return
        }
        found.task?.cancel()
        logger.debug("Request cancelled by the peer", metadata: ["jsonrpc.id": "\(id)"])
        send(OutgoingMessage.errorResponse(id: id, error: .requestCancelled()))
    }
}
