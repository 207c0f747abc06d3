/// An HTTP client over libcurl's multi interface, driven by one dedicated thread.
///
/// One client serves the whole process: connections are kept alive and reused across requests.
/// Proxy variables (`http_proxy`, `https_proxy`, `no_proxy`) and the system CA bundle apply as
/// libcurl applies them by default. Cancelling the calling task aborts the transfer within
/// milliseconds, which closes the connection so a local model server stops generating.
public final class HTTPClient: Sendable {
    private let driver: CurlDriver

    /// Starts the driver thread. Throws `HTTPClientError.transport` if libcurl cannot initialise.
    public init() throws {
        guard let driver = CurlDriver() else {
            throw HTTPClientError.transport(code: -1, message: "libcurl could not be initialised")
        }
        self.driver = driver
    }

    deinit {
        driver.shutdown()
    }

    /// Performs a request and returns the whole response, whatever its status.
    /// Throws `HTTPClientError` for transport failures and `CancellationError` when the task is cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let transfer = CurlTransfer(request: request)
        let driver = self.driver
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
        let driver = self.driver
        let (stream, continuation) = AsyncThrowingStream<HTTPStreamPart, Error>.makeStream()
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
        driver.shutdown()
    }
}
