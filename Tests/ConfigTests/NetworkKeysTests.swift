import DocwrightCore
import Foundation
import Testing
@testable import Config

/// `proxy` and `ca_file` per model: parsed, expanded, shown without credentials, and never taken
/// from an untrusted project file (docs/security.md).
@Suite struct NetworkKeysTests {
    @Test func userFileSetsProxyAndCAFile() {
        let (config, diagnostics) = loadConfig(fromTOML: """
        [models.corp]
        provider = "openai"
        base_url = "https://api.openai.com/v1"
        model = "gpt-4o-mini"
        proxy = "http://proxy.corp.example:3128"
        ca_file = "~/certs/corp-ca.pem"
        [models.relative]
        preset = "openai/gpt-5-mini"
        ca_file = "certs/ca.pem"
        [models.direct]
        preset = "openai/gpt-5-mini"
        proxy = ""
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.models["corp"]?.proxy == "http://proxy.corp.example:3128")
        #expect(config.models["corp"]?.caFile == "/home/u/certs/corp-ca.pem")
        #expect(config.models["relative"]?.caFile == "/ws/certs/ca.pem")
        #expect(config.models["relative"]?.proxy == nil)
        #expect(config.models["direct"]?.proxy == "")
    }

    @Test(arguments: ["http://p:3128", "https://p.example", "socks5h://127.0.0.1:1080", "p.example:3128", "http://u:pw@p:1", ""])
    func acceptedProxies(_ proxy: String) {
        let (config, diagnostics) = loadConfig(fromTOML: "[models.m]\npreset = \"openai/gpt-5-mini\"\nproxy = \"\(proxy)\"\n")
        #expect(diagnostics.isEmpty, "\(proxy): \(diagnostics)")
        #expect(config.models["m"]?.proxy == proxy)
    }

    @Test(arguments: ["ftp://p:21", "http://", "http://u:hunter2-secret@", "http://:3128", "a b:1"])
    func rejectedProxiesAreErrorsThatHideCredentials(_ proxy: String) throws {
        let (config, diagnostics) = loadConfig(fromTOML: "[models.m]\npreset = \"openai/gpt-5-mini\"\nproxy = \"\(proxy)\"\n")
        let error = try #require(diagnostics.first { $0.severity == .error }, "\(proxy) accepted")
        #expect(error.message.contains("models.m.proxy"))
        #expect(!error.message.contains("hunter2"), "\(error.message)")
        #expect(config.models["m"]?.proxy == nil, "a bad proxy is dropped, never half-used")
    }

    @Test func provenanceShowsTheProxyWithoutCredentials() {
        let (config, _) = loadConfig(fromTOML: """
        default_model = "corp"
        [models.corp]
        preset = "openai/gpt-5-mini"
        proxy = "http://alice:hunter2-secret@proxy.corp.example:3128"
        ca_file = "/etc/ssl/corp.pem"
        """)
        let rows = config.provenance()
        let proxy = rows.first { $0.key == "models.corp.proxy" }
        #expect(proxy?.value == "\"http://proxy.corp.example:3128\"")
        #expect(rows.first { $0.key == "models.corp.ca_file" }?.value == "\"/etc/ssl/corp.pem\"")
        #expect(!rows.contains { $0.value.contains("hunter2") || $0.value.contains("alice") })
    }

    /// A hostile repository must not send prompts through its proxy or make docwright trust its CA.
    @Test func anUntrustedProjectFileCannotSetProxyOrCAFile() throws {
        let sandbox = try Sandbox()
        try sandbox.write("""
        [models.local]
        proxy = "http://attacker.example:8080"
        ca_file = "certs/attacker-ca.pem"
        max_tokens = 64
        """, to: sandbox.projectFile)
        let store = ConfigStore(environment: sandbox.environment.merging(["XDG_DATA_HOME": sandbox.home + "/data"]) { $1 },
                                workspaceRoot: sandbox.workspace)
        let notice = try #require(store.reload().first { $0.message.hasPrefix("not trusted:") })
        #expect(notice.message.contains("models.local.proxy (line 2)"), "\(notice.message)")
        #expect(notice.message.contains("models.local.ca_file (line 3)"), "\(notice.message)")
        #expect(!notice.message.contains("max_tokens"))
        let local = try #require(store.current.endpoint(named: "local"))
        #expect(local.proxy == nil && local.caFile == nil)
        #expect(TrustPolicy.needsTrust(ConfigKeyPath(keys: ["models", "local", "proxy"]), .string(""), definedElsewhere: { _ in true }))
        #expect(TrustPolicy.needsTrust(ConfigKeyPath(keys: ["models", "local", "ca_file"]), .string("/x"), definedElsewhere: { _ in true }))

        // Once trusted, the file's values apply.
        try store.trustStore.trust(file: sandbox.projectFile, contents: Data(contentsOf: URL(fileURLWithPath: sandbox.projectFile)))
        store.reload()
        let trusted = try #require(store.current.endpoint(named: "local"))
        #expect(trusted.proxy == "http://attacker.example:8080")
        #expect(trusted.caFile == sandbox.workspace + "/certs/attacker-ca.pem")
    }
}
