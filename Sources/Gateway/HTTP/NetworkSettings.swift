import DocwrightCore
import FoundationEssentials

#if canImport(Glibc)
import Glibc
#endif

/// How one model's requests travel: through which proxy, if any, and verified against which CA
/// bundle. Decided here, from the model's settings and the environment dictionary the `Gateway`
/// was given (never `getenv`), and handed to libcurl explicitly: libcurl is told "no proxy" and
/// "no exemptions" when none applies, so it never reads the process's proxy variables behind
/// docwright's back.
///
/// The rule (docs/configuration.md, "Proxies and CA bundles"):
/// 1. the model's `proxy` key, when set, is used for every request to that model (loopback
///    included, `NO_PROXY` not consulted); `proxy = ""` means a direct connection;
/// 2. otherwise a loopback target (`localhost`, `*.localhost`, 127.0.0.0/8, `::1`) is reached
///    directly: a local model server is never sent through a corporate proxy by accident;
/// 3. otherwise the variables curl reads: `https_proxy`/`HTTPS_PROXY` for https URLs,
///    `http_proxy`/`HTTP_PROXY` for http URLs, then `all_proxy`/`ALL_PROXY` (lower case first, an
///    empty value counts as unset), unless `no_proxy`/`NO_PROXY` matches the host.
///
/// The CA bundle: the model's `ca_file`, else `CURL_CA_BUNDLE`, else `SSL_CERT_FILE`, else the
/// system bundle libcurl was built with. It replaces the system bundle for that model. Verification
/// is never turned off; a named bundle that cannot be read fails the request before anything is sent.
public struct NetworkSettings: Sendable, Hashable {
    /// The proxy URL to use (possibly with credentials: use `displayProxy` in messages), or nil
    /// for a direct connection.
    public var proxy: String?
    /// Where `proxy` came from (`proxy` for the model's key, else the variable's name), or why
    /// the connection is direct (`loopback`, `NO_PROXY`, `proxy = ""`); nil when no proxy is configured at all.
    public var proxySource: String?
    /// The CA bundle that verifies TLS peers, or nil for the system bundle.
    public var caFile: String?
    /// `ca_file`, `CURL_CA_BUNDLE` or `SSL_CERT_FILE`; nil with `caFile`.
    public var caSource: String?
    /// Whether TLS is used on the way (an https model or an https proxy): only then is the CA
    /// bundle read, so a stale `SSL_CERT_FILE` does not break a plain-http local model.
    public var usesTLS: Bool

    public init(proxy: String? = nil, proxySource: String? = nil, caFile: String? = nil, caSource: String? = nil,
                usesTLS: Bool = false) {
        self.proxy = proxy
        self.proxySource = proxySource
        self.caFile = caFile
        self.caSource = caSource
        self.usesTLS = usesTLS
    }

    /// The proxy without user-info or query, fit for logs, messages and `doctor`.
    public var displayProxy: String? { proxy.map(Redaction.displayURL) }

    /// The proxy's user-info as written and decoded, to scrub from any text that leaves.
    var proxyCredentials: [String] {
        guard let proxy, let start = proxy.firstRange(of: "://")?.upperBound,
              let at = proxy[start...].lastIndex(of: "@") else { return [] }
        let userInfo = String(proxy[start..<at])
        var parts = [userInfo] + userInfo.split(separator: ":", maxSplits: 1).map(String.init)
        parts += parts.compactMap { $0.percentDecoded }
        return Array(Set(parts)).sorted { $0.count > $1.count }
    }

    /// One line for `doctor`: `proxy http://proxy:3128 (HTTPS_PROXY); CA file /etc/corp.pem (ca_file)`.
    public var summary: String {
        var parts: [String] = []
        if let shown = displayProxy {
            parts.append("proxy \(shown) (\(proxySource ?? "?"))")
        } else if let proxySource {
            parts.append("direct (\(proxySource))")
        } else {
            parts.append("direct")
        }
        if let caFile {
            parts.append("CA file \(caFile) (\(caSource ?? "?"))")
        } else if usesTLS {
            parts.append("system CA bundle")
        }
        return parts.joined(separator: "; ")
    }

    /// Decides the proxy and CA bundle for an endpoint (see the type's rule).
    public static func resolve(for endpoint: ModelEndpoint, environment: [String: String]) -> NetworkSettings {
        var settings = NetworkSettings()
        let target = URLComponents(string: endpoint.baseURL)
        let scheme = target?.scheme?.lowercased() ?? "http"
        let host = normalizedHost(target?.host ?? "")

        if let configured = endpoint.proxy {
            if configured.trimmingHorizontalWhitespace().isEmpty {
                settings.proxySource = "proxy = \"\""
            } else {
                settings.proxy = normalizedProxy(configured)
                settings.proxySource = "proxy"
            }
        } else if let (name, value) = environmentProxy(scheme: scheme, environment: environment) {
            if isLoopback(host) {
                settings.proxySource = "loopback"
            } else if let (noProxyName, list) = firstSet(["no_proxy", "NO_PROXY"], in: environment),
                      noProxyMatches(host: host, list: list) {
                settings.proxySource = noProxyName
            } else {
                settings.proxy = normalizedProxy(value)
                settings.proxySource = name
            }
        }

        let proxyScheme = settings.proxy.flatMap { URLComponents(string: $0)?.scheme?.lowercased() }
        settings.usesTLS = scheme == "https" || proxyScheme == "https"
        if let file = endpoint.caFile, !file.isEmpty {
            settings.caFile = file
            settings.caSource = "ca_file"
        } else if let (name, file) = firstSet(["CURL_CA_BUNDLE", "SSL_CERT_FILE"], in: environment) {
            settings.caFile = file
            settings.caSource = name
        }
        return settings
    }

    /// Why the CA bundle cannot be used (missing, a directory, unreadable), or nil when it can
    /// (or when none is named, or TLS is not used). Checked before every request: fail closed.
    public var caFileProblem: String? {
        guard usesTLS, let caFile else { return nil }
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: caFile, isDirectory: &isDirectory) else {
            return "the CA file \(caFile) (\(caSource ?? "ca_file")) does not exist"
        }
        if isDirectory { return "the CA file \(caFile) (\(caSource ?? "ca_file")) is a directory, not a PEM file" }
        guard FileManager.default.isReadableFile(atPath: caFile) else {
            return "the CA file \(caFile) (\(caSource ?? "ca_file")) is not readable"
        }
        return nil
    }

    // MARK: Pieces

    /// The first of `names` set to a non-empty value, as curl treats an empty variable as unset.
    static func firstSet(_ names: [String], in environment: [String: String]) -> (name: String, value: String)? {
        for name in names {
            if let value = environment[name]?.trimmingHorizontalWhitespace(), !value.isEmpty { return (name, value) }
        }
        return nil
    }

    /// The proxy variable curl would use for a URL scheme. Upper-case `HTTP_PROXY` is honoured too
    /// (curl ignores it because of CGI's `Proxy:` header problem; docwright is never a CGI program,
    /// and pip, requests and the OpenAI SDK honour it).
    static func environmentProxy(scheme: String, environment: [String: String]) -> (name: String, value: String)? {
        let specific = scheme == "https" ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy", "HTTP_PROXY"]
        return firstSet(specific + ["all_proxy", "ALL_PROXY"], in: environment)
    }

    /// `host:3128` → `http://host:3128`, as curl reads a proxy without a scheme.
    static func normalizedProxy(_ value: String) -> String {
        let trimmed = value.trimmingHorizontalWhitespace()
        return trimmed.contains("://") ? trimmed : "http://" + trimmed
    }

    /// Lower case, without IPv6 brackets or a trailing dot.
    static func normalizedHost(_ host: String) -> String {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.hasSuffix(".") { host.removeLast() }
        return host
    }

    /// `localhost`, `*.localhost` (RFC 6761), 127.0.0.0/8, `::1` and `::ffff:127.x.y.z`.
    public static func isLoopback(_ rawHost: String) -> Bool {
        let host = normalizedHost(rawHost)
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        if let v4 = ipv4(host) { return v4[0] == 127 }
        if let v6 = ipv6(host) {
            if v6 == [UInt8](repeating: 0, count: 15) + [1] { return true }
            let mapped = [UInt8](repeating: 0, count: 10) + [0xff, 0xff]
            return Array(v6.prefix(12)) == mapped && v6[12] == 127
        }
        return false
    }

    /// Whether a `no_proxy` list exempts `host`, as curl 7.86+ reads it: entries separated by
    /// commas or white space; `*` exempts everything; a name matches itself and its subdomains
    /// (a leading `.` or `*.` is ignored); an IP address matches exactly, or by CIDR prefix
    /// (`10.0.0.0/8`, `fd00::/8`). Ports in entries are not supported (curl ignores them too).
    public static func noProxyMatches(host rawHost: String, list: String) -> Bool {
        let host = normalizedHost(rawHost)
        let hostAddress = ipv4(host) ?? ipv6(host)
        let entries = list.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        for rawEntry in entries {
            var entry = rawEntry.lowercased()
            if entry == "*" { return true }
            if entry.hasPrefix("*.") { entry.removeFirst(2) } else if entry.hasPrefix(".") { entry.removeFirst() }
            entry = normalizedHost(entry)
            if entry.isEmpty { continue }
            if let hostAddress {
                let parts = entry.split(separator: "/", maxSplits: 1).map(String.init)
                let addressText = normalizedHost(parts[0])
                guard let network = ipv4(addressText) ?? ipv6(addressText), network.count == hostAddress.count else { continue }
                let bits = parts.count == 2 ? Int(parts[1]) ?? -1 : network.count * 8
                guard (0...(network.count * 8)).contains(bits) else { continue }
                if prefixMatches(hostAddress, network, bits: bits) { return true }
            } else if host == entry || host.hasSuffix("." + entry) {
                return true
            }
        }
        return false
    }

    private static func prefixMatches(_ a: [UInt8], _ b: [UInt8], bits: Int) -> Bool {
        var remaining = bits
        for index in a.indices where remaining > 0 {
            let take = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xff << (8 - take))
            if a[index] & mask != b[index] & mask { return false }
            remaining -= take
        }
        return true
    }

    static func ipv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    static func ipv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }
}
