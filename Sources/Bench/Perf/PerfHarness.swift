import Config
import DocwrightCore
import Foundation
import Gateway

/// `docwright-bench perf`: measures each figure against its baseline in the same run, prints
/// the table and writes `perf-latest.md` (and `.json`).
public struct PerfHarness: Sendable {
    public var options: PerfOptions
    public var environment: [String: String]
    public var progress: @Sendable (String) -> Void

    public init(options: PerfOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
                progress: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.options = options
        self.environment = environment
        self.progress = progress
    }

    public func run() async throws -> (report: PerfReport, files: [String]) {
        signal(SIGPIPE, SIG_IGN)
        let binary = try resolvedBinary()
        let sessions = try SessionEnvironment()
        defer { sessions.remove() }
        var rows: [PerfRow] = []
        var skipped: [String] = []

        let options = self.options
        let progress = self.progress
        if options.includes(.server) {
            let fake = try FakeModel()
            defer { fake.stop() }
            let goBody = Array(#"{"model":"fake","prompt":"package bench\n\nfunc add(a, b int) int {\n","n":5,"max_tokens":48,"logprobs":1}"#.utf8)
            let rawPost = try await TransportFigures.rawPostMilliseconds(url: fake.baseURL + "/completions", body: goBody, count: 200)
            let fakeURL = fake.baseURL
            rows += try await Blocking.run {
                try ServerFigures(options: options, binary: binary, environment: sessions, fakeModelURL: fakeURL,
                                  rawPostMilliseconds: rawPost, progress: progress).run()
            }
        }

        let transport = TransportFigures(options: options, progress: progress)
        if options.includes(.cancel) {
            let floor = try await transport.cancelFloor()
            rows.append(try await Blocking.run {
                try CancelFigure(options: options, binary: binary, environment: sessions, floorMilliseconds: floor, progress: progress).run()
            })
        }
        if options.includes(.keepalive) { rows.append(try await transport.keepAlive()) }
        if options.includes(.model) {
            try await measureModel(binary: binary, sessions: sessions, rows: &rows, skipped: &skipped)
        }

        let report = PerfReport(date: HumanEvalRunner.timestamp(), binary: binary, quick: options.quick,
                                machine: Self.machine(binary: binary), rows: rows, skipped: skipped)
        return (report, try write(report))
    }

    /// The real-model figures go first in the table; an unreachable or too slow model is listed
    /// under "Not measured" instead of failing the run.
    private func measureModel(binary: String, sessions: SessionEnvironment, rows: inout [PerfRow],
                              skipped: inout [String]) async throws {
        let options = self.options
        let progress = self.progress
        let modelURL = options.modelURL ?? configuredModelURL()
        if let problem = await unreachable(modelURL) {
            skipped.append("real-model figures (code action vs raw HTTP, vs sequential Python): \(problem)")
            return
        }
        do {
            let modelRows = try await Blocking.run {
                try ModelFigures(options: options, binary: binary, environment: sessions, modelURL: modelURL, progress: progress).run()
            }
            rows.insert(contentsOf: modelRows, at: 0)
        } catch let error as BenchError {
            guard case .model(let message) = error else { throw error }
            skipped.append("real-model figures: \(message)")
        }
    }

    func resolvedBinary() throws -> String {
        // The server under test is `docwright`, a sibling of this harness's executable.
        let here = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let sibling = URL(fileURLWithPath: here).deletingLastPathComponent().appendingPathComponent("docwright").path
        let path = options.binary ?? ProcessInfo.processInfo.environment["DOCWRIGHT_BIN"].flatMap { $0.isEmpty ? nil : $0 } ?? sibling
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError.harness("cannot find the docwright binary to measure (\(path)); pass --binary PATH")
        }
        return path
    }

    func configuredModelURL() -> String {
        let config = ConfigStore(environment: environment)
        _ = config.reload()
        return config.current.endpoint(named: "local")?.baseURL ?? "http://127.0.0.1:8012/v1"
    }

    /// nil when the model server answers its health check.
    func unreachable(_ baseURL: String) async -> String? {
        var root = baseURL
        if root.hasSuffix("/v1") { root.removeLast(3) }
        do {
            let client = try HTTPClient()
            defer { client.shutdown() }
            let response = try await client.send(HTTPRequest(url: root + "/health", connectTimeout: 3, timeout: 30))
            return response.status == 200 ? nil : "\(root)/health answered HTTP \(response.status)"
        } catch {
            return "no model server at \(baseURL) (\(error)); start one with scripts/local-model start"
        }
    }

    static func machine(binary: String) -> String {
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        let build = binary.contains("/debug/") ? "debug build (figures not representative)" : "release build"
        return "\(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(load) at the end, \(build)"
    }

    func write(_ report: PerfReport) throws -> [String] {
        let directory = options.outputDirectory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(report).write(to: URL(fileURLWithPath: directory + "/perf-latest.json"))
        try report.markdown.write(toFile: directory + "/perf-latest.md", atomically: true, encoding: .utf8)
        return [directory + "/perf-latest.md", directory + "/perf-latest.json"]
    }
}
