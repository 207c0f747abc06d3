import DocwrightCore
import Foundation
import Gateway
import LoopbackHTTP
import Providers
import Testing
import TestFixtures

/// Proxies and CA bundles against real loopback pieces: the scripted model over HTTPS with a
/// certificate from a CA made at test time, and a CONNECT proxy that logs what it was asked.
/// The model is named `model.test` when a request must go through the proxy (only the proxy
/// reaches it: it sends every target to 127.0.0.1) and `127.0.0.1` / `localhost` for the loopback rule.
@Suite(.serialized) struct NetworkTests {
    /// One CA for the suite (three RSA keys take a while on a loaded machine).
    static let pki = Result { try TestPKI.make() }

    let params = SamplingParams(n: 1, maxTokens: 8)
    static let text = "    return a + b"

    func endpoint(_ base: String, proxy: String? = nil, caFile: String? = nil) -> ModelEndpoint {
        var endpoint = testEndpoint(base)
        endpoint.proxy = proxy
        endpoint.caFile = caFile
        return endpoint
    }

    func gateway(_ environment: [String: String] = [:], log: CapturedLog? = nil) throws -> Gateway {
        if let log { return Gateway(http: try HTTPClient(), environment: environment, logger: log.logger(), options: fastOptions) }
        return Gateway(http: try HTTPClient(), environment: environment, options: fastOptions)
    }

    func text(_ gateway: Gateway, _ endpoint: ModelEndpoint) async throws -> String? {
        try await gateway.sample(endpoint: endpoint, plan: completionPlan(), params: params).samples.first?.text
    }

    func failure(_ gateway: Gateway, _ endpoint: ModelEndpoint) async -> GatewayError? {
        do {
            _ = try await gateway.sample(endpoint: endpoint, plan: completionPlan(), params: params)
            Issue.record("expected a failure, the request succeeded")
            return nil
        } catch let error as GatewayError {
            return error
        } catch {
            Issue.record("expected GatewayError, got \(error)")
            return nil
        }
    }

    /// Starts the HTTPS model, runs `body`, stops it.
    func withTLSModel(_ body: (TestPKI, TLSModelServer) async throws -> Void) async throws {
        let pki = try Self.pki.get()
        let model = try TLSModelServer(pki: pki, text: Self.text)
        defer { model.stop() }
        try await body(pki, model)
    }

    // MARK: CA bundles

    @Test func selfSignedServerIsRefusedWithoutCAFile() async throws {
        try await withTLSModel { _, model in
            let error = try #require(await failure(try gateway(), endpoint("https://127.0.0.1:\(model.port)/v1")))
            #expect(error.kind == .tlsFailure)
            #expect(error.userMessage.contains("certificate"), "\(error.userMessage)")
            #expect(error.userMessage.contains("ca_file"), "the advice names the setting: \(error.userMessage)")
            #expect(model.requestCount == 0, "nothing may reach an unverified server")
        }
    }

    @Test func caFileMakesTheServerTrusted() async throws {
        try await withTLSModel { pki, model in
            let gateway = try gateway()
            #expect(try await text(gateway, endpoint("https://127.0.0.1:\(model.port)/v1", caFile: pki.caFile)) == Self.text)
            // The name in the certificate is checked too: localhost is in its SAN list.
            #expect(try await text(gateway, endpoint("https://localhost:\(model.port)/v1", caFile: pki.caFile)) == Self.text)
            #expect(model.requestCount == 2)
        }
    }

    @Test func wrongCAFileIsRefused() async throws {
        try await withTLSModel { pki, model in
            let error = try #require(await failure(try gateway(), endpoint("https://127.0.0.1:\(model.port)/v1", caFile: pki.otherCAFile)))
            #expect(error.kind == .tlsFailure)
            #expect(error.userMessage.contains(pki.otherCAFile), "names the CA file used: \(error.userMessage)")
            #expect(model.requestCount == 0)
        }
    }

    @Test func caBundleVariablesAreHonouredAndCAFileWins() async throws {
        try await withTLSModel { pki, model in
            let base = "https://127.0.0.1:\(model.port)/v1"
            #expect(try await text(try gateway(["CURL_CA_BUNDLE": pki.caFile]), endpoint(base)) == Self.text)
            #expect(try await text(try gateway(["SSL_CERT_FILE": pki.caFile]), endpoint(base)) == Self.text)
            // CURL_CA_BUNDLE before SSL_CERT_FILE, as curl reads them.
            let both = try gateway(["CURL_CA_BUNDLE": pki.otherCAFile, "SSL_CERT_FILE": pki.caFile])
            #expect(await failure(both, endpoint(base))?.kind == .tlsFailure)
            // The model's ca_file beats the environment.
            let wrongFile = try #require(await failure(try gateway(["CURL_CA_BUNDLE": pki.caFile]), endpoint(base, caFile: pki.otherCAFile)))
            #expect(wrongFile.kind == .tlsFailure)
            #expect(try await text(try gateway(["CURL_CA_BUNDLE": pki.otherCAFile]), endpoint(base, caFile: pki.caFile)) == Self.text)
        }
    }

    @Test func missingCAFileFailsClosedNamingTheFile() async throws {
        try await withTLSModel { _, model in
            let base = "https://127.0.0.1:\(model.port)/v1"
            let missing = "/nonexistent/docwright-test/corporate-ca.pem"
            let error = try #require(await failure(try gateway(), endpoint(base, caFile: missing)))
            #expect(error.kind == .networkConfiguration)
            #expect(error.userMessage.contains(missing) && error.userMessage.contains("ca_file"), "\(error.userMessage)")
            let fromEnvironment = try #require(await failure(try gateway(["SSL_CERT_FILE": missing]), endpoint(base)))
            #expect(fromEnvironment.kind == .networkConfiguration)
            #expect(fromEnvironment.userMessage.contains("SSL_CERT_FILE"), "\(fromEnvironment.userMessage)")
            let directory = try #require(await failure(try gateway(), endpoint(base, caFile: NSTemporaryDirectory())))
            #expect(directory.kind == .networkConfiguration)
            #expect(model.requestCount == 0)
        }
    }

    /// A stale `SSL_CERT_FILE` must not break a plain-http local model: the bundle is only read for TLS.
    @Test func caBundleIsIgnoredWithoutTLS() async throws {
        let server = try LoopbackServer { _ in .json(200, FaultInjectionTests.okReply) }
        defer { server.stop() }
        let gateway = try gateway(["SSL_CERT_FILE": "/nonexistent/ca.pem"])
        #expect(try await text(gateway, endpoint(server.baseURL + "/v1")) == "    return a + b")
    }

    // MARK: Proxies

    @Test func httpsProxyFromTheEnvironmentTunnelsWithCONNECT() async throws {
        try await withTLSModel { pki, model in
            let proxy = try ConnectProxy()
            defer { proxy.stop() }
            let gateway = try gateway(["HTTPS_PROXY": proxy.url])
            #expect(try await text(gateway, endpoint("https://model.test:\(model.port)/v1", caFile: pki.caFile)) == Self.text)
            #expect(proxy.entries.map(\.method) == ["CONNECT"])
            #expect(proxy.entries.first?.target == "model.test:\(model.port)")
            // Through the tunnel the certificate is still verified end to end.
            let unverified = try #require(await failure(gateway, endpoint("https://model.test:\(model.port)/v1")))
            #expect(unverified.kind == .tlsFailure)
            #expect(unverified.userMessage.contains("through the proxy \(proxy.url)"), "\(unverified.userMessage)")
        }
    }

    @Test func lowerCaseVariableWinsAndAllProxyIsTheFallback() async throws {
        try await withTLSModel { pki, model in
            let proxy = try ConnectProxy()
            defer { proxy.stop() }
            let dead = "http://127.0.0.1:\(try unusedPort())"
            let target = endpoint("https://model.test:\(model.port)/v1", caFile: pki.caFile)
            #expect(try await text(try gateway(["https_proxy": proxy.url, "HTTPS_PROXY": dead]), target) == Self.text)
            #expect(try await text(try gateway(["ALL_PROXY": proxy.url]), target) == Self.text)
            // An empty variable counts as unset.
            #expect(try await text(try gateway(["https_proxy": "", "HTTPS_PROXY": proxy.url]), target) == Self.text)
            #expect(proxy.entries.count == 3)
        }
    }

    @Test func noProxyMatchBypassesTheProxy() async throws {
        try await withTLSModel { pki, model in
            let proxy = try ConnectProxy()
            defer { proxy.stop() }
            for noProxy in ["model.test", ".test", "example.com, test", "*"] {
                let gateway = try gateway(["HTTPS_PROXY": proxy.url, "NO_PROXY": noProxy])
                // Direct, model.test does not resolve: the failure is the name, not the proxy.
                let error = try #require(await failure(gateway, endpoint("https://model.test:\(model.port)/v1", caFile: pki.caFile)))
                #expect([.dnsFailure, .connectTimeout, .connectionRefused].contains(error.kind), "\(noProxy): \(error.userMessage)")
                #expect(!error.userMessage.contains("proxy"), "\(noProxy): \(error.userMessage)")
            }
            #expect(proxy.entries.isEmpty, "NO_PROXY matched, yet the proxy was asked: \(proxy.entries)")
            // A list that does not match leaves the proxy in use.
            let other = try gateway(["HTTPS_PROXY": proxy.url, "NO_PROXY": "example.com,10.0.0.0/8"])
            #expect(try await text(other, endpoint("https://model.test:\(model.port)/v1", caFile: pki.caFile)) == Self.text)
            #expect(proxy.entries.count == 1)
        }
    }

    @Test func loopbackModelsBypassAnEnvironmentProxy() async throws {
        try await withTLSModel { pki, model in
            let proxy = try ConnectProxy()
            defer { proxy.stop() }
            let gateway = try gateway(["HTTPS_PROXY": proxy.url, "ALL_PROXY": proxy.url])
            for host in ["127.0.0.1", "localhost"] {
                #expect(try await text(gateway, endpoint("https://\(host):\(model.port)/v1", caFile: pki.caFile)) == Self.text)
            }
            #expect(proxy.entries.isEmpty, "a loopback model went through the proxy: \(proxy.entries)")
        }
    }

    @Test func modelProxyWinsOverTheEnvironmentAndLoopback() async throws {
        try await withTLSModel { pki, model in
            let proxy = try ConnectProxy()
            defer { proxy.stop() }
            let dead = "http://127.0.0.1:\(try unusedPort())"
            let gateway = try gateway(["HTTPS_PROXY": dead, "NO_PROXY": "*"])
            #expect(try await text(gateway, endpoint("https://127.0.0.1:\(model.port)/v1", proxy: proxy.url, caFile: pki.caFile)) == Self.text)
            #expect(try await text(gateway, endpoint("https://model.test:\(model.port)/v1", proxy: proxy.url, caFile: pki.caFile)) == Self.text)
            #expect(proxy.entries.map(\.target) == ["127.0.0.1:\(model.port)", "model.test:\(model.port)"])
        }
    }

    @Test func plainHTTPGoesThroughTheProxyInAbsoluteForm() async throws {
        let server = try LoopbackServer { _ in .json(200, FaultInjectionTests.okReply) }
        defer { server.stop() }
        let proxy = try ConnectProxy()
        defer { proxy.stop() }
        // HTTP_PROXY (upper case) is honoured too, unlike curl: docwright is never a CGI program.
        let gateway = try gateway(["HTTP_PROXY": proxy.url, "HTTPS_PROXY": "http://127.0.0.1:1"])
        #expect(try await text(gateway, endpoint("http://model.test:\(server.port)/v1")) == "    return a + b")
        #expect(proxy.entries.map(\.method) == ["POST"])
        #expect(proxy.entries.first?.target == "http://model.test:\(server.port)/v1/completions")
    }

    @Test func proxyCredentialsAreSentButNeverShown() async throws {
        try await withTLSModel { pki, model in
            let password = "s3cr3t-Pw-4217"
            let proxy = try ConnectProxy(requireAuth: "alice:\(password)")
            defer { proxy.stop() }
            let log = CapturedLog()
            let withCredentials = "http://alice:\(password)@127.0.0.1:\(proxy.port)"
            let gateway = try gateway(["HTTPS_PROXY": withCredentials], log: log)
            let target = "https://model.test:\(model.port)/v1"
            #expect(try await text(gateway, endpoint(target, caFile: pki.caFile)) == Self.text)
            #expect(proxy.entries.first?.auth == "alice:\(password)")

            var messages: [String] = []
            // TLS failure through the proxy; a model proxy with the wrong password (407); a dead proxy.
            messages.append(try #require(await failure(gateway, endpoint(target))).userMessage)
            let refused = try #require(await failure(gateway, endpoint(target, proxy: "http://alice:wrong-\(password)@127.0.0.1:\(proxy.port)", caFile: pki.caFile)))
            #expect(refused.kind == .proxyFailure, "\(refused.userMessage)")
            #expect(refused.userMessage.contains("407"), "\(refused.userMessage)")
            messages.append(refused.userMessage)
            let dead = try #require(await failure(gateway, endpoint(target, proxy: "http://alice:\(password)@127.0.0.1:\(try unusedPort())", caFile: pki.caFile)))
            #expect(dead.kind == .proxyFailure, "\(dead.userMessage)")
            messages.append(dead.userMessage)
            let summary = gateway.network(for: endpoint(target)).summary
            #expect(summary == "proxy http://127.0.0.1:\(proxy.port) (HTTPS_PROXY); system CA bundle", "\(summary)")
            messages.append(summary)
            for text in messages + log.all {
                #expect(!text.contains(password) && !text.contains("alice"), "credentials shown: \(text)")
            }
            #expect(log.all.contains { $0.contains("proxy http://127.0.0.1:\(proxy.port)") }, "the debug log names the proxy")
        }
    }
}

/// The rule itself, without sockets.
@Suite struct NetworkSettingsTests {
    func resolve(_ base: String, proxy: String? = nil, caFile: String? = nil, _ environment: [String: String]) -> NetworkSettings {
        var endpoint = testEndpoint(base)
        endpoint.proxy = proxy
        endpoint.caFile = caFile
        return NetworkSettings.resolve(for: endpoint, environment: environment)
    }

    @Test func schemeSelectsTheVariable() {
        let environment = ["HTTPS_PROXY": "http://s:1", "http_proxy": "http://h:2", "ALL_PROXY": "socks5h://a:3"]
        #expect(resolve("https://api.example.com/v1", environment).proxy == "http://s:1")
        #expect(resolve("http://api.example.com/v1", environment).proxy == "http://h:2")
        #expect(resolve("https://api.example.com/v1", ["ALL_PROXY": "socks5h://a:3"]).proxy == "socks5h://a:3")
        #expect(resolve("https://api.example.com/v1", ["HTTPS_PROXY": "proxy.corp:3128"]).proxy == "http://proxy.corp:3128")
        #expect(resolve("https://api.example.com/v1", [:]).proxy == nil)
        #expect(resolve("https://api.example.com/v1", environment).proxySource == "HTTPS_PROXY")
    }

    @Test(arguments: [
        ("localhost", true), ("LOCALHOST", true), ("api.localhost", true), ("127.0.0.1", true), ("127.1.2.3", true),
        ("[::1]", true), ("::1", true), ("::ffff:127.0.0.1", true), ("localhost.", true),
        ("128.0.0.1", false), ("10.0.0.1", false), ("localhost.example.com", false), ("mylocalhost", false), ("::2", false),
    ])
    func loopback(_ host: String, _ expected: Bool) {
        #expect(NetworkSettings.isLoopback(host) == expected, "\(host)")
    }

    @Test(arguments: [
        ("api.openai.com", "openai.com", true), ("api.openai.com", ".openai.com", true), ("openai.com", ".openai.com", true),
        ("api.openai.com", "*.openai.com", true), ("notopenai.com", "openai.com", false), ("api.openai.com", "api", false),
        ("API.OpenAI.com", "api.openai.COM", true), ("anything", "*", true), ("h", "a, b ,h", true), ("h", "a b h", true),
        ("10.1.2.3", "10.0.0.0/8", true), ("11.1.2.3", "10.0.0.0/8", false), ("10.1.2.3", "10.1.2.3", true),
        ("10.1.2.3", "10.1.2.4", false), ("fd00::5", "fd00::/8", true), ("fe80::1", "fd00::/8", false),
        ("[fd00::5]", "[fd00::5]", true), ("10.1.2.3", "10.1.2.3/40", false), ("host", "", false), ("host", ",,", false),
    ])
    func noProxy(_ host: String, _ list: String, _ expected: Bool) {
        #expect(NetworkSettings.noProxyMatches(host: host, list: list) == expected, "\(host) vs \(list)")
    }

    @Test func orderOfTheRule() {
        let environment = ["HTTPS_PROXY": "http://env:1", "NO_PROXY": "example.com"]
        // 1. the model's proxy, whatever the environment and loopback say; "" is direct.
        #expect(resolve("https://127.0.0.1/v1", proxy: "http://mine:2", environment).proxy == "http://mine:2")
        #expect(resolve("https://api.example.com/v1", proxy: "http://mine:2", environment).proxy == "http://mine:2")
        let direct = resolve("https://api.other.com/v1", proxy: "", environment)
        #expect(direct.proxy == nil && direct.proxySource == "proxy = \"\"")
        // 2. loopback is direct.
        #expect(resolve("https://localhost:8080/v1", environment).proxySource == "loopback")
        // 3. NO_PROXY, then the variable.
        #expect(resolve("https://api.example.com/v1", environment).proxySource == "NO_PROXY")
        #expect(resolve("https://api.other.com/v1", environment).proxy == "http://env:1")
        #expect(resolve("https://api.example.com/v1", ["HTTPS_PROXY": "http://env:1", "no_proxy": "example.com", "NO_PROXY": ""])
            .proxySource == "no_proxy")
    }

    @Test func caBundleOrderAndSummary() {
        let environment = ["CURL_CA_BUNDLE": "/curl.pem", "SSL_CERT_FILE": "/ssl.pem"]
        #expect(resolve("https://a.example/v1", caFile: "/mine.pem", environment).caSource == "ca_file")
        #expect(resolve("https://a.example/v1", environment).caFile == "/curl.pem")
        #expect(resolve("https://a.example/v1", ["SSL_CERT_FILE": "/ssl.pem"]).caSource == "SSL_CERT_FILE")
        let settings = resolve("https://a.example/v1", caFile: "/mine.pem", ["HTTPS_PROXY": "http://u:p@proxy:3128"])
        #expect(settings.summary == "proxy http://proxy:3128 (HTTPS_PROXY); CA file /mine.pem (ca_file)")
        #expect(resolve("http://127.0.0.1:8080/v1", ["HTTPS_PROXY": "http://p:1"]).summary == "direct")
        #expect(resolve("http://127.0.0.1:8080/v1", ["HTTP_PROXY": "http://p:1"]).summary == "direct (loopback)")
        // No TLS, no CA check.
        #expect(resolve("http://127.0.0.1:8080/v1", caFile: "/missing.pem", [:]).caFileProblem == nil)
        #expect(resolve("https://a.example/v1", caFile: "/missing.pem", [:]).caFileProblem?.contains("/missing.pem") == true)
    }

    @Test(arguments: ["http://user:pa%40ss@proxy:3128", "http://user:pa#ss@proxy:3128", "http://user:p/ss@proxy:3128", "user:pass@proxy:3128"])
    func displayedProxyHasNoCredentials(_ proxy: String) {
        let shown = resolve("https://a.example/v1", proxy: proxy, [:]).displayProxy ?? ""
        #expect(!shown.contains("pa") && !shown.contains("user") && shown.contains("proxy"), "\(shown)")
    }
}
