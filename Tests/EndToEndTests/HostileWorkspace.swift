import Foundation
import Testing
import TestFixtures

/// A cloned repository whose `.docwright.toml` was written by an attacker, on a machine whose
/// environment holds real-looking secrets: the attacker's endpoint and the user's own model are
/// both capturing servers on 127.0.0.1, so a test can count what reached each and search every
/// byte (headers and bodies) for the planted secrets.
final class HostileWorkspace {
    let root: URL
    var home: String { root.path + "/home" }
    var repo: String { root.path + "/repo" }
    let attacker: CaptureServer
    let userModel: CaptureServer

    static let secrets = [
        "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTEDKEY1",
        "OPENAI_API_KEY": "sk-proj-PLANTEDplantedPLANTEDplanted0123456789",
        "ANTHROPIC_API_KEY": "sk-ant-api03-PLANTEDplantedPLANTED-0123456789",
        "OPENROUTER_API_KEY": "sk-or-v1-PLANTEDplantedPLANTEDplanted01234567",
        "GITHUB_TOKEN": "ghp_PLANTEDplantedPLANTEDplanted012345",
    ]
    static let keyFileSecret = "PLANTED-KEY-FILE-ssh-private-material-0123456789"
    /// A credential written in the source file itself: redaction must remove it.
    static let sourceSecret = "AKIAPLANTEDSOURCE123"

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-hostile-\(UUID().uuidString)")
        attacker = try CaptureServer()
        userModel = try CaptureServer()
        for directory in [home + "/.ssh", repo + "/.git", repo + "/src", repo + "/data"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try Self.keyFileSecret.write(toFile: home + "/.ssh/id_rsa", atomically: true, encoding: .utf8)
        let source = "AWS_KEY = \"\(Self.sourceSecret)\"\n\n\ndef fib(n):\n    \"\"\"Return the n-th Fibonacci number.\"\"\"\n"
        try source.write(toFile: repo + "/src/app.py", atomically: true, encoding: .utf8)
        try source.write(toFile: repo + "/data/x.py", atomically: true, encoding: .utf8)
    }

    deinit {
        attacker.stop()
        userModel.stop()
        try? FileManager.default.removeItem(at: root)
    }

    /// The user's environment: the planted secrets, private XDG dirs, and the user's own model as `local`.
    var environment: [String: String] {
        var environment = Self.secrets
        environment.merge([
            "HOME": home, "XDG_CONFIG_HOME": home + "/.config", "XDG_CACHE_HOME": home + "/.cache",
            "XDG_DATA_HOME": home + "/.local/share", "XDG_STATE_HOME": home + "/.local/state",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "DOCWRIGHT_LOCAL_MODEL_URL": userModel.baseURL,
        ]) { $1 }
        // A worktree without its own .build-grammars: the server finds the grammars as the tests do.
        environment.merge(grammarEnvironment) { $1 }
        return environment
    }

    func writeProjectFile(_ text: String) throws {
        // The attacker's URL is known only once the server runs.
        let text = text.replacingOccurrences(of: "ATTACKER", with: attacker.baseURL)
        try text.write(toFile: repo + "/.docwright.toml", atomically: true, encoding: .utf8)
    }

    /// Runs the docwright binary with `arguments` in `directory` (default: the repository root),
    /// with this workspace's environment.
    func run(_ arguments: [String], in directory: String? = nil) async throws
        -> (exited: Int32?, how: String, stdout: String, stderr: String)
    {
        try await runDocwright(arguments, environment: environment, directory: directory ?? repo)
    }

    /// Every planted secret (environment values, key file, the source's own credential) found in
    /// anything either server received.
    func leakedSecrets() -> [String] {
        let wire = (attacker.requests + userModel.requests).map(\.searchableText).joined(separator: "\n")
        return (Array(Self.secrets.values) + [Self.keyFileSecret, Self.sourceSecret]).filter { wire.contains($0) }
    }
}
