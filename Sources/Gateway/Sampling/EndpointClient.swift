import DocwrightCore
import JSON
import Logging
import Providers

/// Sends one provider's requests: URL, headers and key, retries of 429/5xx with backoff, and
/// every failure turned into a `GatewayError`.
struct EndpointClient: Sendable {
    let http: HTTPClient
    let endpoint: ModelEndpoint
    let provider: any Provider
    let credential: Credential?
    let explainer: ErrorExplainer
    let options: GatewayOptions
    let logger: Logger
    /// The proxy and CA bundle for this endpoint (`NetworkSettings.resolve`).
    var network: NetworkSettings { explainer.network }

    func headers(streaming: Bool, extra: [HTTPHeaderField] = []) -> [(name: String, value: String)] {
        var list: [(name: String, value: String)] = [
            ("Content-Type", "application/json"), ("Accept", streaming ? "text/event-stream" : "application/json"),
            ("User-Agent", "docwright/\(DocwrightVersion.string)"),
        ]
        if let key = credential?.value {
            let field = provider.keyHeader.field(for: key)
            list.append((field.name, field.value))
        }
        list += extra.map { ($0.name, $0.value) }
        // Configured headers win over presets of the same name.
        let configured = Set(endpoint.headers.keys.map { $0.lowercased() })
        list += provider.presetHeaders.filter { !configured.contains($0.name.lowercased()) }.map { ($0.name, $0.value) }
        list += endpoint.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return list
    }

    /// The request, or the error that stops it before anything is sent (a CA file that cannot be read).
    private func makeRequest(_ url: String, _ body: JSONValue, streaming: Bool,
                             extraHeaders: [HTTPHeaderField]) throws(GatewayError) -> HTTPRequest {
        if let problem = network.caFileProblem { throw explainer.unusableCAFile(problem) }
        return HTTPRequest(
            method: "POST", url: url, headers: headers(streaming: streaming, extra: extraHeaders), body: body.serializedBytes(),
            connectTimeout: endpoint.connectTimeout, timeout: endpoint.timeout, maxResponseBytes: options.maxResponseBytes,
            proxy: network.proxy, caFile: network.caFile)
    }

    /// POSTs a JSON body and returns the parsed JSON of a successful reply, retrying as the policy says.
    func postJSON(_ url: String, _ body: JSONValue, extraHeaders: [HTTPHeaderField] = []) async throws -> JSONValue {
        let request = try makeRequest(url, body, streaming: false, extraHeaders: extraHeaders)
        var attempt = 1
        while true {
            log(request, attempt: attempt)
            let response: HTTPResponse
            do {
                response = try await http.send(request)
            } catch let error as HTTPClientError {
                throw explainer.transport(error, url: url)
            }
            if (200..<300).contains(response.status) {
                return try parse(response.body)
            }
            try await backOffOrThrow(status: response.status, body: response.body, headers: response.head.headers,
                                     url: url, attempt: &attempt)
        }
    }

    /// POSTs a JSON body for a streamed reply. Returns once a successful head has arrived (an
    /// error reply is retried or thrown first); the iterator then yields body chunks.
    func postStreaming(_ url: String, _ body: JSONValue,
                       extraHeaders: [HTTPHeaderField] = []) async throws -> BodyChunks {
        let request = try makeRequest(url, body, streaming: true, extraHeaders: extraHeaders)
        var attempt = 1
        while true {
            log(request, attempt: attempt)
            var parts = BodyChunks(parts: http.stream(request).makeAsyncIterator(), explainer: explainer, url: url)
            let head = try await parts.head()
            if (200..<300).contains(head.status) { return parts }
            let errorBody = try await parts.collect()
            try await backOffOrThrow(status: head.status, body: errorBody, headers: head.headers, url: url, attempt: &attempt)
        }
    }

    /// Sleeps before the next attempt when the status and policy allow, else throws the explained error.
    private func backOffOrThrow(status: Int, body: [UInt8], headers: [String: String], url: String,
                                attempt: inout Int) async throws {
        let error = explainer.http(status: status, body: body, headers: headers, url: url, attempts: attempt)
        guard RetryPolicy.isRetryable(status: status),
            let delay = options.retry.delay(afterAttempt: attempt, retryAfter: error.retryAfter)
        else { throw error }
        logger.notice("retrying after HTTP \(status)", metadata: [
            "model": "\(endpoint.name)", "attempt": "\(attempt)", "delay_s": "\(delay)",
        ])
        try await Task.sleep(for: .seconds(delay))
        attempt += 1
    }

    /// A provider's complaint about a plan or a reply, as a `GatewayError` naming the model.
    func explain(_ failure: ProviderFailure, url: String) -> GatewayError {
        switch failure {
        case .malformed(let detail): return explainer.malformed(detail)
        case .errorReply(let status, let body): return explainer.http(status: status, body: body, headers: [:], url: url, attempts: 1)
        case .unsupported(let what): return explainer.unsupported(what)
        case .streamCut: return explainer.streamCut()
        }
    }

    func parse(_ body: [UInt8]) throws -> JSONValue {
        do {
            return try JSONValue(parsing: body)
        } catch {
            let start = String(decoding: body.prefix(60), as: UTF8.self).filter { !$0.isNewline }
            throw explainer.malformed(body.isEmpty ? "the body was empty" : "the body is not JSON (it starts \"\(start)\")")
        }
    }

    private func log(_ request: HTTPRequest, attempt: Int) {
        logger.debug("POST \(Redaction.displayURL(request.url))", metadata: [
            "model": "\(endpoint.name)", "attempt": "\(attempt)", "bytes": "\(request.body?.count ?? 0)",
            "headers": "\(Redaction.describe(request.headers))", "network": "\(network.summary)",
        ])
    }
}

/// The body of a streamed reply, chunk by chunk, with transport failures explained.
struct BodyChunks {
    var parts: AsyncThrowingStream<HTTPStreamPart, Error>.AsyncIterator
    let explainer: ErrorExplainer
    let url: String

    /// The response head (the first part).
    mutating func head() async throws -> HTTPResponseHead {
        while let part = try await nextPart() {
            if case .head(let head) = part { return head }
        }
        throw explainer.transport(.truncated, url: url)
    }

    /// The next body chunk; nil at the end of a complete body. A cut connection throws
    /// `truncatedResponse`; callers that know a stream was unfinished report `streamCut`.
    mutating func next() async throws -> [UInt8]? {
        while let part = try await nextPart() {
            if case .body(let bytes) = part { return bytes }
        }
        return nil
    }

    /// Hands every server-sent event to `handle`. A connection cut before the body ended is
    /// reported as `streamCut`.
    mutating func forEachEvent(_ handle: (ServerSentEvent) throws -> Void) async throws {
        var parser = EventStreamParser()
        try await forEachChunk { bytes in
            for event in parser.feed(bytes) { try handle(event) }
        }
        for event in parser.finish() { try handle(event) }
    }

    /// Hands every line (newline-delimited JSON, as Ollama streams) to `handle`.
    mutating func forEachLine(_ handle: (String) throws -> Void) async throws {
        var lines = LineSplitter()
        try await forEachChunk { bytes in
            for line in lines.feed(bytes) { try handle(line) }
        }
        if let last = lines.finish() { try handle(last) }
    }

    private mutating func forEachChunk(_ body: ([UInt8]) throws -> Void) async throws {
        do {
            while let bytes = try await next() { try body(bytes) }
        } catch let error as GatewayError where error.kind == .truncatedResponse {
            throw explainer.streamCut()
        }
    }

    /// The rest of the body (error replies are small; the client caps the size anyway).
    mutating func collect() async throws -> [UInt8] {
        var body: [UInt8] = []
        while let chunk = try await next() { body += chunk }
        return body
    }

    private mutating func nextPart() async throws -> HTTPStreamPart? {
        do {
            let part = try await parts.next()
            if part == nil { try Task.checkCancellation() }
            return part
        } catch let error as HTTPClientError {
            throw explainer.transport(error, url: url)
        }
    }
}
