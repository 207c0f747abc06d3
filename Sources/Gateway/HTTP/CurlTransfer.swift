import CCurl
import FoundationEssentials
import Synchronization

/// Where a transfer's result goes: one continuation for a whole response, or a stream of parts.
enum TransferSink {
    case whole(CheckedContinuation<HTTPResponse, Error>)
    case stream(AsyncThrowingStream<HTTPStreamPart, Error>.Continuation)
}

/// The state of one HTTP transfer.
///
/// `@unchecked Sendable` because ownership moves, it is never shared: the submitting task sets
/// `sink` and then hands the object to the driver through its Mutex-locked inbox (the lock orders
/// those writes before the driver's reads); from then on every field except `cancelled` is read
/// and written only on the driver thread. `cancelled` is an atomic any thread may set.
final class CurlTransfer: @unchecked Sendable {
    let request: HTTPRequest
    /// Set by a cancelled task; read by the driver and by the progress callback.
    let cancelled = Atomic<Bool>(false)
    var sink: TransferSink?

    // Driver-thread state.
    var easy: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    var errorBuffer: UnsafeMutablePointer<CChar>?
    var body: [UInt8] = []
    var receivedBytes = 0
    var rawHeaders: [UInt8] = []
    /// The status of the last response (see `readStatus`).
    var status = 0
    var headDelivered = false
    var exceededLimit = false
    var startTime: ContinuousClock.Instant = .now

    init(request: HTTPRequest) {
        self.request = request
    }

    /// Records the status libcurl parsed; must run while the easy handle is attached.
    func readStatus() {
        guard let easy else { return }
        var code = 0
        docwright_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &code)
        status = code
    }

    var head: HTTPResponseHead { HTTPResponseHead(status: status, headers: HTTPHeaderParsing.fields(rawHeaders)) }

    /// The libcurl error message of the last failure, if any.
    var curlMessage: String {
        guard let errorBuffer, errorBuffer.pointee != 0 else { return "" }
        return String(cString: errorBuffer)
    }

    // MARK: Callbacks (driver thread, inside curl_multi_perform)

    /// Keeps one raw header line; a status line starts a new block (redirects, 100 Continue).
    /// Parsing waits until the head is needed: this runs for every line of every response.
    func receiveHeaderLine(_ line: UnsafeBufferPointer<UInt8>) {
        if line.count >= 5, line[0] == 72, line[1] == 84, line[2] == 84, line[3] == 80, line[4] == 47 {  // "HTTP/"
            rawHeaders.removeAll(keepingCapacity: true)
            return
        }
        rawHeaders.append(contentsOf: line)
    }

    /// Takes one body chunk; returns false to make libcurl abort (size cap exceeded).
    func receiveBody(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        receivedBytes += chunk.count
        if receivedBytes > request.maxResponseBytes {
            exceededLimit = true
            return false
        }
        switch sink {
        case .stream(let continuation):
            deliverHeadIfNeeded()
            continuation.yield(.body(Array(chunk)))
        case .whole, nil:
            body.append(contentsOf: chunk)
        }
        return true
    }

    func deliverHeadIfNeeded() {
        guard !headDelivered, case .stream(let continuation) = sink else { return }
        headDelivered = true
        readStatus()
        continuation.yield(.head(head))
    }

    // MARK: Completion (driver thread)

    func succeed() {
        switch sink {
        case .whole(let continuation):
            continuation.resume(returning: HTTPResponse(head: head, body: body, totalTime: startTime.secondsElapsed))
        case .stream(let continuation):
            deliverHeadIfNeeded()
            continuation.finish()
        case nil:
            break
        }
        sink = nil
    }

    func fail(_ error: any Error) {
        switch sink {
        case .whole(let continuation):
            continuation.resume(throwing: error)
        case .stream(let continuation):
            continuation.finish(throwing: error)
        case nil:
            break
        }
        sink = nil
    }

    /// The error for a libcurl result code, using what this transfer saw.
    func error(for code: CURLcode) -> any Error {
        if cancelled.load(ordering: .relaxed) { return CancellationError() }
        if exceededLimit { return HTTPClientError.responseTooLarge(limit: request.maxResponseBytes) }
        let message = curlMessage.isEmpty ? String(cString: docwright_easy_strerror(code)) : curlMessage
        let proxied = request.proxy != nil
        switch code {
        case CURLE_COULDNT_CONNECT where proxied, CURLE_COULDNT_RESOLVE_PROXY, CURLE_PROXY:
            // Through a proxy, libcurl only ever connects to the proxy.
            return HTTPClientError.proxyFailure(message)
        case CURLE_RECV_ERROR where proxied && message.contains("CONNECT"):
            return HTTPClientError.proxyFailure(message)  // "CONNECT tunnel failed, response 407"
        case CURLE_COULDNT_CONNECT:
            return HTTPClientError.connectionRefused
        case CURLE_COULDNT_RESOLVE_HOST:
            return HTTPClientError.dnsFailure
        case CURLE_OPERATION_TIMEDOUT:
            // libcurl uses one code for both limits; its message says which phase ran out.
            let connecting = message.contains("Connection timed out") || message.contains("Resolving timed out")
            return connecting ? HTTPClientError.connectTimeout : HTTPClientError.timeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return HTTPClientError.tlsFailure(message)
        case CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_RECV_ERROR:
            return HTTPClientError.truncated
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return HTTPClientError.invalidURL
        case CURLE_ABORTED_BY_CALLBACK:
            return CancellationError()
        default:
            return HTTPClientError.transport(code: Int(code.rawValue), message: message)
        }
    }
}
