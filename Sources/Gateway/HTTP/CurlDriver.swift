import CCurl
import DocwrightCore
import FoundationEssentials
import Synchronization

/// Runs one curl multi handle on a dedicated thread (never the cooperative pool).
///
/// Other threads talk to it only through `inbox` (a Mutex) followed by `curl_multi_wakeup`,
/// which libcurl documents as safe to call from any thread.
///
/// `@unchecked Sendable` because of the raw `multi` pointer and the driver's own tables: `active`
/// and `idleHandles` are touched only by the driver thread; `multi` is used by the driver thread
/// and by others only in `curl_multi_wakeup` while holding the inbox lock, and the driver destroys
/// it only after marking the inbox closed under that lock.
final class CurlDriver: @unchecked Sendable {
    private struct Inbox {
        var submissions: [CurlTransfer] = []
        var cancellations: [CurlTransfer] = []
        var shutdownRequested = false
        /// Set by the driver thread just before it destroys the multi handle.
        var closed = false
    }

    /// An easy handle with the error buffer libcurl writes its messages into.
    private struct Handle {
        let easy: UnsafeMutableRawPointer
        let errorBuffer: UnsafeMutablePointer<CChar>
    }

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    /// Transfers in flight, by easy handle. Driver thread only.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    /// Reset handles kept for the next transfers. Driver thread only.
    private var idleHandles: [Handle] = []
    private static let maxIdleHandles = 32

    /// Loads libcurl (once per process) and starts the driver thread.
    init() throws {
        var reason = [UInt8](repeating: 0, count: 512)
        let loaded = reason.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { docwright_curl_load($0.baseAddress, $0.count) }
        }
        guard loaded == 0 else {
            throw HTTPClientError.transport(code: -1, message: String(decoding: reason.prefix { $0 != 0 }, as: UTF8.self))
        }
        guard let multi = docwright_multi_init() else {
            throw HTTPClientError.transport(code: -1, message: "curl_multi_init failed")
        }
        self.multi = multi
        DedicatedThread.start(name: "docwright.curl") { [self] in self.run() }
    }

    /// Queues a transfer; fails it at once if the driver is shutting down.
    func submit(_ transfer: CurlTransfer) {
        let accepted = inbox.withLock { box -> Bool in
            guard !box.shutdownRequested else { return false }
            box.submissions.append(transfer)
            docwright_multi_wakeup(multi)
            return true
        }
        if !accepted { transfer.fail(HTTPClientError.shutDown) }
    }

    /// Asks the driver to abort a transfer (any thread). The transfer's `cancelled` flag is set
    /// first, so a transfer not yet started is refused when the driver picks it up.
    func cancel(_ transfer: CurlTransfer) {
        transfer.cancelled.store(true, ordering: .relaxed)
        inbox.withLock { box in
            guard !box.closed else { return }
            box.cancellations.append(transfer)
            docwright_multi_wakeup(multi)
        }
    }

    /// Stops the thread: pending and running transfers fail with `HTTPClientError.shutDown`.
    func shutdown() {
        inbox.withLock { box in
            guard !box.shutdownRequested else { return }
            box.shutdownRequested = true
            docwright_multi_wakeup(multi)
        }
    }

    // MARK: Driver thread

    private func run() {
        var stillRunning: Int32 = 0
        while true {
            let (submissions, cancellations, stopping) = inbox.withLock { box in
                defer {
                    box.submissions.removeAll(keepingCapacity: true)
                    box.cancellations.removeAll(keepingCapacity: true)
                }
                return (box.submissions, box.cancellations, box.shutdownRequested)
            }
            for transfer in submissions { start(transfer) }
            for transfer in cancellations { abort(transfer, with: CancellationError()) }
            if stopping { break }

            docwright_multi_perform(multi, &stillRunning)
            collectFinished()
            // Waits for socket activity, libcurl's own timers, or a wakeup from another thread.
            docwright_multi_poll(multi, 1000)
        }
        for transfer in Array(active.values) { abort(transfer, with: HTTPClientError.shutDown) }
        // No submission can arrive any more (`submit` refuses once shutdown is requested).
        inbox.withLock { $0.closed = true }
        for handle in idleHandles { destroy(handle) }
        idleHandles.removeAll()
        docwright_multi_cleanup(multi)
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = docwright_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = docwright_multi_msg_easy(message),
                let transfer = active[easy]
            else { continue }
            let code = docwright_multi_msg_result(message)
            // Classify before release: the error buffer goes back to the pool.
            let error = code == CURLE_OK ? nil : transfer.error(for: code)
            transfer.readStatus()
            release(transfer)
            if let error { transfer.fail(error) } else { transfer.succeed() }
        }
    }

    private func abort(_ transfer: CurlTransfer, with error: any Error) {
        guard transfer.easy != nil else { return }  // already finished, or never started
        release(transfer)
        transfer.fail(error)
    }

    /// Detaches the transfer's easy handle from the multi handle and recycles it.
    private func release(_ transfer: CurlTransfer) {
        guard let easy = transfer.easy, let errorBuffer = transfer.errorBuffer else { return }
        docwright_multi_remove_handle(multi, easy)
        active[easy] = nil
        transfer.easy = nil
        transfer.errorBuffer = nil
        docwright_slist_free_all(transfer.headerList)
        transfer.headerList = nil
        let handle = Handle(easy: easy, errorBuffer: errorBuffer)
        if idleHandles.count < Self.maxIdleHandles {
            docwright_easy_reset(easy)
            idleHandles.append(handle)
        } else {
            destroy(handle)
        }
    }

    private func destroy(_ handle: Handle) {
        docwright_easy_cleanup(handle.easy)
        handle.errorBuffer.deallocate()
    }

    private func makeHandle() -> Handle? {
        guard let easy = docwright_easy_init() else { return nil }
        return Handle(easy: easy, errorBuffer: .allocate(capacity: Int(CURL_ERROR_SIZE)))
    }

    private func start(_ transfer: CurlTransfer) {
        if transfer.cancelled.load(ordering: .relaxed) {
            transfer.fail(CancellationError())
            return
        }
        guard let handle = idleHandles.popLast() ?? makeHandle() else {
            transfer.fail(HTTPClientError.transport(code: -1, message: "curl_easy_init failed"))
            return
        }
        let easy = handle.easy
        transfer.easy = easy
        transfer.startTime = .now
        handle.errorBuffer.pointee = 0
        transfer.errorBuffer = handle.errorBuffer
        active[easy] = transfer
        configure(easy, for: transfer, errorBuffer: handle.errorBuffer)
        let added = docwright_multi_add_handle(multi, easy)
        if added != CURLM_OK {
            release(transfer)
            transfer.fail(HTTPClientError.transport(code: Int(added.rawValue), message: "curl_multi_add_handle failed"))
        }
    }

    private func configure(_ easy: UnsafeMutableRawPointer, for transfer: CurlTransfer,
                           errorBuffer: UnsafeMutablePointer<CChar>) {
        let request = transfer.request
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        docwright_easy_setopt_string(easy, CURLOPT_URL, request.url)
        // Signals are unsafe in a multi-threaded process; libcurl then resolves names in a thread.
        docwright_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        docwright_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        docwright_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")
        docwright_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)
        docwright_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout))
        docwright_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout))
        docwright_easy_setopt_write_callback(easy, CURLOPT_WRITEFUNCTION, curlWriteBody)
        docwright_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        docwright_easy_setopt_write_callback(easy, CURLOPT_HEADERFUNCTION, curlWriteHeader)
        docwright_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        // The progress callback lets a cancellation stop a transfer even mid-perform.
        docwright_easy_setopt_xferinfo_callback(easy, curlProgress)
        docwright_easy_setopt_pointer(easy, CURLOPT_XFERINFODATA, context)
        docwright_easy_setopt_long(easy, CURLOPT_NOPROGRESS, 0)
        // The proxy is decided by the caller (NetworkSettings): "" is a direct connection, and an
        // empty exemption list stops libcurl reading no_proxy/NO_PROXY from the process itself.
        docwright_easy_setopt_string(easy, CURLOPT_PROXY, request.proxy ?? "")
        docwright_easy_setopt_string(easy, CURLOPT_NOPROXY, "")
        if let caFile = request.caFile {
            // Replaces the system bundle for this transfer; peer and host verification stay on.
            docwright_easy_setopt_string(easy, CURLOPT_CAINFO, caFile)
            docwright_easy_setopt_string(easy, CURLOPT_PROXY_CAINFO, caFile)
        }

        let method = request.method.uppercased()
        switch method {
        case "GET":
            docwright_easy_setopt_long(easy, CURLOPT_HTTPGET, 1)
        case "POST":
            break
        default:
            docwright_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method)
        }
        if let body = request.body, !body.isEmpty {
            docwright_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            // Copies the body: the request value may go away before the transfer ends.
            body.withUnsafeBytes { bytes in
                _ = docwright_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, bytes.baseAddress)
            }
        } else if request.body != nil || method == "POST" {
            docwright_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, 0)
            docwright_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "")
        }

        var list: UnsafeMutablePointer<curl_slist>?
        for header in request.headers {
            list = docwright_slist_append(list, "\(header.name): \(header.value)")
        }
        // Without this libcurl may wait for "100 Continue" before sending a large body.
        list = docwright_slist_append(list, "Expect:")
        transfer.headerList = list
        docwright_easy_setopt_pointer(easy, CURLOPT_HTTPHEADER, list)
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int(min(seconds * 1000, Double(Int32.max)).rounded(.up))
    }
}

// MARK: libcurl callbacks (C function pointers: no captures; context is the transfer)

private func curlWriteBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                           _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    guard length > 0, let data else { return length }
    let chunk = UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
    return transfer.receiveBody(chunk) ? length : 0
}

private func curlWriteHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                             _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    guard length > 0, let data else { return length }
    transfer.receiveHeaderLine(UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length))
    return length
}

private func curlProgress(_ context: UnsafeMutableRawPointer?, _: curl_off_t, _: curl_off_t,
                          _: curl_off_t, _: curl_off_t) -> Int32 {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.cancelled.load(ordering: .relaxed) ? 1 : 0
}
