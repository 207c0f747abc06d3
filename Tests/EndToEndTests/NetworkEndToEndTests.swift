import Foundation
import Testing
import TestFixtures

/// Proxies and CA bundles through the built binary, configured the way users do it: a config
/// file naming `ca_file`, `HTTPS_PROXY` (with credentials) in the environment, `docwright
/// generate` and `doctor` — against the scripted model over HTTPS (a CA made at test time) behind
/// a loopback CONNECT proxy. The model is `model.test`, which only the proxy can reach.
@Suite(.serialized) struct NetworkEndToEndTests {
    static let password = "pr0xy-Passw0rd-9931"
    static let reply = "    return a + b"

    final class Setup {
        let pki: TestPKI
        let model: TLSModelServer
        let proxy: ConnectProxy
        let directory: String

        init() throws {
            pki = try TestPKI.make()
            model = try TLSModelServer(pki: pki, text: NetworkEndToEndTests.reply)
            proxy = try ConnectProxy(requireAuth: "alice:\(NetworkEndToEndTests.password)")
            directory = try NetworkFixtures.scratchDirectory("e2e-network")
            try "def add(a, b):\n    \"\"\"Return the sum of a and b.\"\"\"\n"
                .write(toFile: directory + "/app.py", atomically: true, encoding: .utf8)
        }

        deinit {
            model.stop()
            proxy.stop()
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: pki.directory)
        }

        /// Writes the user config: model `corp` at https://model.test, with `ca_file` when given.
        func writeConfig(caFile: String?) throws {
            try FileManager.default.createDirectory(atPath: directory + "/config/docwright", withIntermediateDirectories: true)
            try """
            default_model = "corp"
            [models.corp]
            provider = "openai-compatible"
            base_url = "https://model.test:\(model.port)/v1"
            model = "fake"
            api = "completions"
            n = 2
            \(caFile.map { "ca_file = \"\($0)\"" } ?? "")
            """.write(toFile: directory + "/config/docwright/config.toml", atomically: true, encoding: .utf8)
        }

        var environment: [String: String] {
            ["XDG_CONFIG_HOME": directory + "/config",
             "HTTPS_PROXY": "http://alice:\(NetworkEndToEndTests.password)@127.0.0.1:\(proxy.port)"]
        }

        func run(_ arguments: [String]) async throws -> (exited: Int32?, how: String, stdout: String, stderr: String) {
            try await runDocwright(arguments, environment: environment, directory: directory)
        }
    }

    @Test func generateThroughTheProxyWithTheConfiguredCA() async throws {
        let setup = try Setup()
        try setup.writeConfig(caFile: setup.pki.caFile)
        let run = try await setup.run(["generate", "app.py:2"])
        #expect(run.exited == 0, "\(run.how): \(run.stderr.suffix(800))")
        #expect(run.stdout.contains("return a + b"), "\(run.stdout)")
        let entries = setup.proxy.entries
        #expect(entries.map(\.method) == ["CONNECT"], "\(entries)")
        #expect(entries.first?.target == "model.test:\(setup.model.port)")
        #expect(entries.first?.auth == "alice:\(Self.password)", "the proxy's credentials are sent")
        #expect(setup.model.requestCount == 1)

        // doctor names the proxy (without its credentials) and the CA file, and the probe passes.
        let doctor = try await setup.run(["doctor"])
        #expect(doctor.exited == 0, "\(doctor.how): \(doctor.stdout) \(doctor.stderr)")
        #expect(doctor.stdout.contains("corp: proxy http://127.0.0.1:\(setup.proxy.port) (HTTPS_PROXY); CA file \(setup.pki.caFile) (ca_file)"),
                "\(doctor.stdout)")
        for text in [run.stdout, run.stderr, doctor.stdout, doctor.stderr] {
            #expect(!text.contains(Self.password) && !text.contains("alice"), "proxy credentials shown: \(text)")
        }
    }

    @Test func withoutTheCAFileTheInterceptedCertificateIsRefused() async throws {
        let setup = try Setup()
        try setup.writeConfig(caFile: nil)
        let run = try await setup.run(["generate", "app.py:2"])
        #expect(run.exited == 1, "\(run.how): \(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains("TLS handshake") && run.stderr.contains("certificate"), "\(run.stderr)")
        #expect(run.stderr.contains("ca_file"), "the advice names the setting: \(run.stderr)")
        #expect(run.stderr.contains("through the proxy http://127.0.0.1:\(setup.proxy.port)"), "\(run.stderr)")
        #expect(setup.model.requestCount == 0, "nothing may reach an unverified server")
        #expect(!run.stderr.contains(Self.password) && !run.stderr.contains("alice"), "\(run.stderr)")

        // A CA file that does not exist fails before anything is sent, naming the file.
        let missing = setup.directory + "/no-such-ca.pem"
        try setup.writeConfig(caFile: missing)
        let missingRun = try await setup.run(["generate", "app.py:2"])
        #expect(missingRun.exited == 1, "\(missingRun.how): \(missingRun.stderr)")
        #expect(missingRun.stderr.contains(missing), "\(missingRun.stderr)")
        let doctor = try await setup.run(["doctor", "--no-probe"])
        #expect(doctor.exited == 1, "a CA file that cannot be read is a problem: \(doctor.stdout)")
        #expect(doctor.stdout.contains("PROBLEM: the CA file \(missing)"), "\(doctor.stdout)")
        #expect(setup.model.requestCount == 0)
    }

    /// `docwright sample` takes the proxy and the CA bundle as flags (it reads no config file):
    /// with only `--proxy`, `--ca-file` and no proxy variable, model.test is reached through the
    /// proxy and its certificate verified; a malformed `--proxy` is a usage error.
    @Test func sampleTakesProxyAndCAFileFlags() async throws {
        let setup = try Setup()
        let prompt = setup.directory + "/prompt.txt"
        try "def add(a, b):\n    \"\"\"Return the sum of a and b.\"\"\"\n".write(toFile: prompt, atomically: true, encoding: .utf8)
        let proxy = "http://alice:\(Self.password)@127.0.0.1:\(setup.proxy.port)"
        let base = ["sample", "--base-url", "https://model.test:\(setup.model.port)/v1", "--model", "fake", "--n", "1"]
        let run = try await runDocwright(base + ["--proxy", proxy, "--ca-file", setup.pki.caFile, "prompt.txt"],
                                         directory: setup.directory)
        #expect(run.exited == 0, "\(run.how): \(run.stderr.suffix(800))")
        #expect(run.stdout.contains(Self.reply.trimmingCharacters(in: .whitespaces)), "\(run.stdout)")
        #expect(setup.proxy.entries.map(\.method) == ["CONNECT"], "\(setup.proxy.entries)")
        #expect(setup.proxy.entries.first?.auth == "alice:\(Self.password)")
        #expect(!run.stderr.contains(Self.password), "\(run.stderr)")

        // Without --ca-file the intercepting CA is not trusted and nothing reaches the model.
        let untrusted = try await runDocwright(base + ["--proxy", proxy, "prompt.txt"], directory: setup.directory)
        #expect(untrusted.exited == 1, "\(untrusted.how): \(untrusted.stderr)")
        #expect(untrusted.stderr.contains("certificate"), "\(untrusted.stderr)")
        #expect(setup.model.requestCount == 1)

        let malformed = try await runDocwright(base + ["--proxy", "ftp://proxy.example", "prompt.txt"], directory: setup.directory)
        #expect(malformed.exited == 64, "\(malformed.how): \(malformed.stderr)")
        #expect(malformed.stderr.contains("--proxy must be"), "\(malformed.stderr)")
    }
}
