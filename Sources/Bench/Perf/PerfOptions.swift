import Foundation

/// Settings of `docwright-bench perf`.
public struct PerfOptions: Sendable {
    /// Fewer repetitions and smaller sizes (CI: bounded time).
    public var quick = false
    /// The `docwright` binary to measure (default: the running one).
    public var binary: String?
    /// The real model's base URL (default: the configured `local` model's).
    public var modelURL: String?
    /// Directory with `sequential.py`.
    public var baselinesDirectory = "bench/baselines"
    /// Python that runs the baseline script.
    public var python = "python3"
    public var samples = 5
    /// max_tokens of the real-model figures (default: 32 quick, 128 full).
    public var maxTokens: Int?
    public var seed = 4242
    public var outputDirectory = "bench/results"
    /// Figure groups to measure (nil = all): see `PerfGroup`.
    public var only: Set<PerfGroup>?
    public init() {}

    func includes(_ group: PerfGroup) -> Bool { only?.contains(group) ?? true }

    var modelRepetitions: Int { quick ? 1 : 5 }
    var startupRuns: Int { quick ? 5 : 20 }
    var cacheHitRequests: Int { quick ? 300 : 3000 }
    var cacheEntries: Int { quick ? 1000 : 10_000 }
    var editCount: Int { quick ? 500 : 2000 }
    var bigFileLines: Int { 50_000 }
    var cancelRuns: Int { quick ? 5 : 30 }
    var keepAlivePosts: Int { quick ? 2000 : 10_000 }
    var realMaxTokens: Int { maxTokens ?? (quick ? 32 : 128) }
    /// Seconds the real-model figures may take in all (quick mode: a slow model skips them
    /// instead of stalling CI); nil = no limit.
    var modelBudget: Double? { quick ? 60 : nil }
}

/// Groups of figures `--only` can select (to reproduce one figure without the whole run).
public enum PerfGroup: String, CaseIterable, Sendable {
    /// Start-up, RSS, cache hits, generate round trip, didChange: spawned `docwright lsp` servers.
    case server
    /// `$/cancelRequest` → transfer abort.
    case cancel
    /// Keep-alive POSTs per second.
    case keepalive
    /// The real-model figures (vs raw HTTP, vs sequential Python).
    case model
}

/// A private HOME/XDG tree for spawned servers: they never touch the user's cache or config.
struct SessionEnvironment {
    let root: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-perf-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        root = base
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Environment for one `docwright lsp`: its own config file (cache on/off, extra TOML) and cache dir.
    func make(name: String, modelURL: String, cacheEnabled: Bool, extraConfig: String = "") throws -> [String: String] {
        let home = root + "/" + name
        let configDirectory = home + "/config/docwright"
        try FileManager.default.createDirectory(atPath: configDirectory, withIntermediateDirectories: true)
        let config = "\(extraConfig)\n[cache]\nenabled = \(cacheEnabled)\ndir = \"\(home)/cache\"\n"
        try config.write(toFile: configDirectory + "/config.toml", atomically: true, encoding: .utf8)
        let inherited = ProcessInfo.processInfo.environment
        return [
            "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_CACHE_HOME": home + "/cache",
            "XDG_STATE_HOME": home + "/state", "PATH": inherited["PATH"] ?? "/usr/bin:/bin",
            "DOCWRIGHT_LOCAL_MODEL_URL": modelURL, "DOCWRIGHT_LOG": "warning", "LANG": "C.UTF-8",
        ]
    }

    func logPath(_ name: String) -> String { root + "/\(name).log" }
}

/// Documents the scenarios open.
enum BenchDocuments {
    static let pythonURI = "file:///bench/durations.py"
    /// A documented stub without doctest examples (verification does not run) whose body takes
    /// the model a few lines, so generation time dominates as in real use.
    static let python = """
        def parse_duration(text):
            \"\"\"Parse a duration such as "1h30m", "45s" or "2h5m10s" and return the total number of seconds.

            Raise ValueError when the text is empty or malformed.
            \"\"\"
            pass

        """
    static var pythonPosition: [String: Any] { ["line": 1, "character": 6] }

    static let goURI = "file:///bench/add.go"
    static func go(_ index: Int) -> String {
        "package bench\n\n// add\(index) returns the sum of a and b.\nfunc add\(index)(a, b int) int {\n}\n"
    }
    static var goPosition: [String: Any] { ["line": 2, "character": 4] }

    /// Python with ~40-byte lines, some with emoji and CJK (UTF-16 columns differ from bytes).
    static func bigPython(lines: Int) -> String {
        (0..<lines).map { index in
            index % 10 == 3 ? "greeting\(index) = \"héllo 😀 \(index)\"  # 漢字" : "value\(index) = compute(value\(index - 1), 42)"
        }.joined(separator: "\n") + "\n"
    }

    static func generateArguments(uri: String, position: [String: Any]) -> [String: Any] {
        ["command": "docwright.generate", "arguments": [["uri": uri, "position": position]]]
    }

    static func codeActionParams(uri: String, position: [String: Any]) -> [String: Any] {
        ["textDocument": ["uri": uri], "range": ["start": position, "end": position], "context": ["diagnostics": [Any]()]]
    }
}
