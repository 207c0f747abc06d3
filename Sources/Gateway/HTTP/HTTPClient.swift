import Synchronization

/// An HTTP client over libcurl's multi interface, driven by one dedicated thread.
///
/// One client serves the whole process: connections are kept alive and reused across requests.
/// Each request names its proxy and CA bundle (`HTTPRequest.proxy`, `.caFile`); libcurl's own
/// reading of the proxy variables is switched off, so the process environment never routes a
/// request behind the caller's back (`NetworkSettings` applies them deliberately). Cancelling the calling task aborts the transfer within
/// milliseconds, which closes the connection so a local model server stops generating.
public final class HTTPClient: Sendable {
    private enum DriverState {
        case notStarted
        case running(CurlDriver)
        case unavailable(any Error)
        case shutDown
    }

    /// libcurl is loaded (dlopen) and the driver thread started by the first request: a server
    /// that never talks to a model never maps libcurl and the ~30 libraries behind it.
    private let state = Mutex(DriverState.notStarted)

    /// Starts nothing yet (see `state`); a libcurl that cannot be loaded fails the first request
    /// (and every later one) with `HTTPClientError.transport` saying why. `throws` stays so
    /// callers are ready for a client that checks something up front.
    public init() throws {}

    deinit {
        shutdown()
    }

    private func startedDriver() throws -> CurlDriver {
        try state.withLock { state in
            switch state {
            case .running(let driver):
                return driver
            case .notStarted:
                do {
                    let driver = try CurlDriver()
                    state = .running(driver)
                    return driver
                } catch {
                    state = .unavailable(error)
                    throw error
                }
            case .unavailable(let error):
                throw error
            case .shutDown:
                throw HTTPClientError.shutDown
            }
        }
    }

    /// Performs a request and returns the whole response, whatever its status.
    /// Throws `HTTPClientError` for transport failures and `CancellationError` when the task is cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let transfer = CurlTransfer(request: request)
        let driver = try startedDriver()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.sink = .whole(continuation)
                driver.submit(transfer)
            }
        } onCancel: {
            driver.cancel(transfer)
        }
    }

    /// Performs a request and delivers its head, then its body chunks as they arrive (for SSE).
    /// The transfer starts at once; ending the iteration early or cancelling the consuming task
    /// aborts it. Transport failures end the stream with `HTTPClientError`.
    public func stream(_ request: HTTPRequest) -> AsyncThrowingStream<HTTPStreamPart, Error> {
        let transfer = CurlTransfer(request: request)
        let (stream, continuation) = AsyncThrowingStream<HTTPStreamPart, Error>.makeStream()
        let driver: CurlDriver
        do {
            driver = try startedDriver()
        } catch {
            continuation.finish(throwing: error)
            return stream
        }
        transfer.sink = .stream(continuation)
        continuation.onTermination = { termination in
            if case .cancelled = termination { driver.cancel(transfer) }
        }
        driver.submit(transfer)
        return stream
    }

    /// Stops the driver thread; transfers still running fail with `HTTPClientError.shutDown`.
    /// Later requests fail the same way. Also happens when the client is released.
    public func shutdown() {
        let running = state.withLock { state -> CurlDriver? in
            defer { state = .shutDown }
            if case .running(let driver) = state { return driver }
            return nil
        }
        running?.shutdown()
    }
}
