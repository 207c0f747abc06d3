import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The network tests' loopback pieces (all on 127.0.0.1): a throwaway CA made with the openssl
/// CLI (`Tests/fixtures/make_test_ca.sh`), the scripted model over HTTPS
/// (`fake_model.py --tls-cert`), and a CONNECT proxy that records what it was asked
/// (`connect_proxy.py`). A missing openssl or python3 is a failure with a clear message, never a skip.
public enum NetworkFixtures {
    /// `Tests/fixtures`.
    public static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures")

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }

    /// A fresh temporary directory.
    public static func scratchDirectory(_ label: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-\(label)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// A CA and a server certificate it signed (127.0.0.1, ::1, localhost, model.test), plus an
/// unrelated CA, in a temporary directory.
public struct TestPKI: Sendable {
    public let directory: String
    public var caFile: String { directory + "/ca.pem" }
    public var otherCAFile: String { directory + "/other-ca.pem" }
    public var serverCertificate: String { directory + "/server.pem" }
    public var serverKey: String { directory + "/server.key" }

    /// Runs `make_test_ca.sh`; throws with its stderr when openssl is missing or fails.
    public static func make() throws -> TestPKI {
        let directory = try NetworkFixtures.scratchDirectory("pki")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", NetworkFixtures.directory.appendingPathComponent("make_test_ca.sh").path, directory]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NetworkFixtures.Failure("could not make the test CA (needs the openssl command; scripts/install-deps "
                + "installs it): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return TestPKI(directory: directory)
    }
}

/// A Python fixture server that prints its port on its first stdout line.
public final class FixtureServer: @unchecked Sendable {  // Process: started once, then only terminated
    public let port: Int
    private let process: Process
    private let scratch: String

    /// Starts `Tests/fixtures/SCRIPT 0 ARGUMENTS…` and waits (≤ 30 s, Python starts slowly on a
    /// loaded machine) for the port.
    public init(script: String, arguments: [String]) throws {
        scratch = try NetworkFixtures.scratchDirectory("fixture")
        let portFile = scratch + "/stdout"
        let errorFile = scratch + "/stderr"
        _ = FileManager.default.createFile(atPath: portFile, contents: nil)
        _ = FileManager.default.createFile(atPath: errorFile, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", NetworkFixtures.directory.appendingPathComponent(script).path, "0"] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: portFile)
        process.standardError = FileHandle(forWritingAtPath: errorFile)
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let text = (try? String(contentsOfFile: portFile, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first, text.contains("\n") { found = Int(line) }
            if found == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        guard let found else {
            let errors = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw NetworkFixtures.Failure("\(script) did not start (python3 needed): \(errors.suffix(800))")
        }
        port = found
    }

    /// SIGKILL: the child inherits the test runner's blocked signals, SIGTERM among them.
    public func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: scratch)
    }

    deinit { stop() }
}

/// `fake_model.py` over HTTPS with the PKI's server certificate, logging each request.
public final class TLSModelServer: Sendable {
    public let server: FixtureServer
    public let logFile: String
    public var port: Int { server.port }

    public init(pki: TestPKI, text: String) throws {
        logFile = try NetworkFixtures.scratchDirectory("tls-model") + "/requests.jsonl"
        server = try FixtureServer(script: "fake_model.py", arguments: [
            "--text", text, "--log", logFile, "--tls-cert", pki.serverCertificate, "--tls-key", pki.serverKey,
        ])
    }

    /// How many requests reached the model (complete HTTP requests, after a TLS handshake).
    public var requestCount: Int {
        ((try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    public func stop() {
        server.stop()
        try? FileManager.default.removeItem(atPath: (logFile as NSString).deletingLastPathComponent)
    }
}

/// `connect_proxy.py`: tunnels CONNECT and forwards absolute-form requests, always to 127.0.0.1.
public final class ConnectProxy: Sendable {
    public struct Entry: Sendable, Hashable {
        public var method: String
        public var target: String
        /// Decoded `Proxy-Authorization` (`user:password`), if sent.
        public var auth: String?
    }

    public let server: FixtureServer
    public let logFile: String
    public var port: Int { server.port }
    /// `http://127.0.0.1:PORT`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// - Parameter requireAuth: `user:password` the proxy insists on (407 otherwise).
    public init(requireAuth: String? = nil) throws {
        logFile = try NetworkFixtures.scratchDirectory("proxy") + "/requests.jsonl"
        server = try FixtureServer(script: "connect_proxy.py",
                                   arguments: ["--log", logFile] + (requireAuth.map { ["--require-auth", $0] } ?? []))
    }

    /// What the proxy was asked, in order.
    public var entries: [Entry] {
        let text = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return Entry(method: object["method"] as? String ?? "", target: object["target"] as? String ?? "",
                         auth: object["auth"] as? String)
        }
    }

    public func stop() {
        server.stop()
        try? FileManager.default.removeItem(atPath: (logFile as NSString).deletingLastPathComponent)
    }
}
