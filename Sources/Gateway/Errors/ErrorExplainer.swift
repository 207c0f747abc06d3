import DocwrightCore
import JSON
import FoundationEssentials
import Providers

/// Turns transport failures and HTTP error replies into `GatewayError`s that name the model,
/// say what to do, and contain no secret.
struct ErrorExplainer: Sendable {
    let endpoint: ModelEndpoint
    let credential: Credential?
    /// The endpoint's provider: the variable the user should put a key in (401/403 advice) and
    /// its hints (how to start a local server it cannot reach).
    let provider: any Provider
    /// The proxy and CA bundle the requests use, so messages say which were involved.
    var network = NetworkSettings()

    private var keyEnvironmentHint: String? { provider.defaultKeyVariable }

    /// `model "fast" (gpt-4o-mini)`; just `model "x"` when name and id are the same.
    var label: String {
        endpoint.name == endpoint.model || endpoint.name.isEmpty
            ? "model \"\(endpoint.model)\"" : "model \"\(endpoint.name)\" (\(endpoint.model))"
    }

    private var base: String { Redaction.displayURL(endpoint.baseURL) }

    func transport(_ error: HTTPClientError, url: String) -> GatewayError {
        var explained = describe(error, url: url)
        if let proxy = network.displayProxy, explained.kind != .proxyFailure, explained.isUnreachable || explained.kind == .transport {
            explained.userMessage += " (The request went through the proxy \(proxy), from \(network.proxySource ?? "?").)"
        }
        if explained.isUnreachable, network.proxy == nil, let hint = provider.hint(.unreachable, endpoint: endpoint) {
            explained.userMessage += " " + hint
        }
        return explained
    }

    /// The model's CA bundle cannot be used: nothing is sent (never a fall back to no verification).
    func unusableCAFile(_ problem: String) -> GatewayError {
        GatewayError(kind: .networkConfiguration, userMessage:
            "Cannot reach \(label): \(problem). TLS peers are verified against it, so nothing was sent; "
                + "fix the path (or unset it to use the system CA bundle).")
    }

    /// Where TLS trust comes from, for a failed handshake's advice.
    private var caAdvice: String {
        if let caFile = network.caFile {
            let source = network.caSource ?? "ca_file"
            return "Check the server's certificate, and that the CA file \(caFile) (\(source)) holds the CA that signed it"
                + (source == "ca_file" ? "." : ", or set ca_file for this model.")
        }
        return "Check the server's certificate and the system CA bundle; behind a TLS-inspecting proxy, "
            + "set ca_file for this model to your organisation's CA bundle (PEM)."
    }

    private func describe(_ error: HTTPClientError, url: String) -> GatewayError {
        let shownURL = Redaction.displayURL(url)
        switch error {
        case .connectionRefused:
            return GatewayError(kind: .connectionRefused, userMessage:
                "Cannot reach \(label): connection to \(shownURL) was refused. Is the server running at \(base)?")
        case .dnsFailure:
            return GatewayError(kind: .dnsFailure, userMessage:
                "Cannot reach \(label): the host name in \(base) could not be resolved. Check base_url and the network.")
        case .tlsFailure(let detail):
            return GatewayError(kind: .tlsFailure, userMessage:
                "Cannot reach \(label): the TLS handshake with \(base) failed (\(scrub(detail))). \(caAdvice)")
        case .proxyFailure(let detail):
            return GatewayError(kind: .proxyFailure, userMessage:
                "Cannot reach \(label) through the proxy \(network.displayProxy ?? "?") (from \(network.proxySource ?? "?")): "
                    + "\(scrub(detail)). Check the proxy setting, or exempt the host with NO_PROXY.")
        case .connectTimeout:
            return GatewayError(kind: .connectTimeout, userMessage:
                "Cannot reach \(label): no connection to \(base) within \(seconds(endpoint.connectTimeout)). Is the server running and reachable?")
        case .timeout:
            return GatewayError(kind: .timeout, userMessage:
                "\(capitalizedLabel) did not finish within \(seconds(endpoint.timeout)); the request was abandoned. Raise its timeout or ask for fewer tokens.")
        case .truncated:
            return GatewayError(kind: .truncatedResponse, userMessage:
                "The reply from \(label) was cut off: the connection closed before the response was complete.")
        case .responseTooLarge(let limit):
            return GatewayError(kind: .responseTooLarge, userMessage:
                "The reply from \(label) exceeded the \(limit / 1024) KiB limit and was dropped.")
        case .invalidURL:
            return GatewayError(kind: .invalidURL, userMessage:
                "The base URL of \(label) is not a valid http(s) URL: \(base)")
        case .shutDown:
            return GatewayError(kind: .shutDown, userMessage: "The request to \(label) was stopped because docwright is shutting down.")
        case .transport(let code, let message):
            return GatewayError(kind: .transport, userMessage:
                "Request to \(label) at \(shownURL) failed: \(scrub(message)) (libcurl error \(code)).")
        }
    }

    /// An HTTP error reply (status >= 400). `attempts` is how many tries were made.
    func http(status: Int, body: [UInt8], headers: [String: String], url: String, attempts: Int) -> GatewayError {
        let said = serverMessage(body).map { " The server said: \($0)" } ?? ""
        let tries = attempts > 1 ? " after \(attempts) attempts" : ""
        switch status {
        case 401, 403:
            return GatewayError(kind: .unauthorized, status: status, userMessage:
                "\(capitalizedLabel) refused the request (HTTP \(status)): \(keyAdvice)")
        case 404:
            return GatewayError(kind: .notFound, status: status, userMessage:
                "\(capitalizedLabel) was not found (HTTP 404 at \(Redaction.displayURL(url))): check the model id \"\(endpoint.model)\" and the base URL.\(said)")
        case 429:
            let wait = RetryPolicy.retryAfter(from: headers)
            let waitText = wait.map { " The server asks to wait \(seconds($0))." } ?? ""
            return GatewayError(kind: .rateLimited, status: status, userMessage:
                "\(capitalizedLabel) is rate limited (HTTP 429)\(tries).\(waitText)\(said)", retryAfter: wait)
        case 501:
            return GatewayError(kind: .unsupported, status: status, userMessage:
                "\(capitalizedLabel) does not support this request (HTTP 501).\(said)")
        case 500...:
            return GatewayError(kind: .serverError, status: status, userMessage:
                "\(capitalizedLabel) failed with a server error (HTTP \(status))\(tries).\(said)",
                retryAfter: RetryPolicy.retryAfter(from: headers))
        default:
            return GatewayError(kind: .rejected, status: status, userMessage:
                "\(capitalizedLabel) rejected the request (HTTP \(status)).\(said)")
        }
    }

    func malformed(_ detail: String) -> GatewayError {
        GatewayError(kind: .malformedResponse, userMessage: "The reply from \(label) was not what was expected: \(detail).")
    }

    func streamCut() -> GatewayError {
        GatewayError(kind: .streamCut, userMessage: "The stream from \(label) ended mid-way, before the model finished.")
    }

    func unsupported(_ what: String) -> GatewayError {
        GatewayError(kind: .unsupported, userMessage: "\(capitalizedLabel): \(what)")
    }

    // MARK: Pieces

    private var capitalizedLabel: String { "M" + label.dropFirst() }

    private var keyAdvice: String {
        switch credential?.source {
        case .environment(let name):
            return "the API key in the environment variable \(name) was not accepted. Check it is valid for this provider."
        case .file(let path):
            return "the API key in \(path) was not accepted. Check it is valid for this provider."
        case nil:
            if let hint = keyEnvironmentHint {
                return "no API key was sent. Put the key in the environment variable \(hint) (or name another with api_key_env)."
            }
            return "no API key was sent. Name the environment variable holding it with api_key_env."
        }
    }

    /// The error text in a JSON error reply (`error.message`, `error`, `message`, `detail`), or a
    /// short printable prefix of the body; secrets scrubbed.
    func serverMessage(_ body: [UInt8]) -> String? {
        guard !body.isEmpty else { return nil }
        var text: String?
        if let json = try? JSONValue(parsing: body) {
            text = json["error"]?["message"]?.stringValue ?? json["error"]?.stringValue ?? json["message"]?.stringValue
                ?? json["detail"]?.stringValue
        } else {
            let raw = String(decoding: body.prefix(300), as: UTF8.self)
            text = raw.filter { !$0.isNewline }.trimmingHorizontalWhitespace()
        }
        guard var message = text, !message.isEmpty else { return nil }
        if message.count > 300 { message = String(message.prefix(300)) + "…" }
        return scrub(message)
    }

    /// Removes the API key, key-shaped text and the proxy's credentials.
    private func scrub(_ text: String) -> String {
        var result = Redaction.scrub(text, secret: credential?.value)
        for secret in network.proxyCredentials where secret.count >= 3 {
            result = result.replacing(secret, with: "[redacted]")
        }
        return result
    }

    private func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(String(format2: value)) s"
    }
}
