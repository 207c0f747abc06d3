import Foundation
import LoopbackHTTP
import Gateway

/// HTTP figures measured in-process against a loopback server: keep-alive throughput (vs the
/// curl command line reusing one connection) and the floor of cancel → connection closed.
struct TransportFigures {
    let options: PerfOptions
    let progress: @Sendable (String) -> Void

    static let smallBody = Array(#"{"prompt":"x","max_tokens":1}"#.utf8)

    func keepAlive() async throws -> PerfRow {
        let count = options.keepAlivePosts
        progress("perf: \(count) keep-alive POSTs")
        let server = try LoopbackServer(spin: .milliseconds(2)) { _ in .json(200, #"{"ok":true}"#) }
        defer { server.stop() }
        let client = try HTTPClient()
        defer { client.shutdown() }
        let url = server.baseURL + "/v1/completions"
        let request = HTTPRequest(method: "POST", url: url, headers: [("Content-Type", "application/json")], body: Self.smallBody)
        _ = try await client.send(request)
        let started = ContinuousClock.now
        for _ in 0..<count {
            let response = try await client.send(request)
            guard response.status == 200 else { throw BenchError.harness("loopback POST answered \(response.status)") }
        }
        let ours = Double(count) / started.duration(to: .now).seconds
        let connections = server.connectionCount

        // Baseline: one curl process posting the same body `count` times over one connection.
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-perf-\(UUID().uuidString).curl")
        defer { try? FileManager.default.removeItem(at: config) }
        let lines = ["silent", "output = \"/dev/null\"", "header = \"Content-Type: application/json\"",
                     "data = \"{\\\"prompt\\\":\\\"x\\\",\\\"max_tokens\\\":1}\""]
            + Array(repeating: "url = \"\(url)\"", count: count)
        try lines.joined(separator: "\n").write(to: config, atomically: true, encoding: .utf8)
        var baseline: Double?
        if let curl = try? await Subprocess.run("curl", ["-K", config.path], timeout: 300), curl.status == 0 {
            baseline = Double(count) / curl.seconds
        }
        return PerfRow(figure: "keep-alive POSTs/s (loopback)", value: ours, unit: "/s",
                       baselineName: baseline == nil ? "curl CLI unavailable" : "curl CLI, one connection", baseline: baseline,
                       goal: 9000, direction: .atLeast,
                       note: "\(count) sequential POSTs through the gateway's HTTPClient (libcurl multi on its own thread) "
                           + "over \(connections) connection(s); curl's figure includes its process start. The loopback "
                           + "server polls 2 ms for the next request before it blocks, for both: on a VM, waking its "
                           + "blocked thread (~0.1 ms) would otherwise bound both figures at ~4–6k/s")
    }

    /// In-process: cancel a task blocked in `HTTPClient.send` → the server sees the close.
    func cancelFloor() async throws -> Double {
        let closedAt = Locked<ContinuousClock.Instant?>(nil)
        let arrived = Locked(0)
        let server = try LoopbackServer { _ in
            arrived.withLock { $0 += 1 }
            return .holdUntilClientCloses { instant in closedAt.withLock { $0 = instant } }
        }
        defer { server.stop() }
        let client = try HTTPClient()
        defer { client.shutdown() }
        var times: [Double] = []
        for run in 0..<options.cancelRuns {
            closedAt.withLock { $0 = nil }
            let task = Task { try await client.send(HTTPRequest(url: server.baseURL + "/")) }
            try await Self.waitUntil(seconds: 10) { arrived.value > run }
            try await Task.sleep(for: .milliseconds(5))
            let cancelled = ContinuousClock.now
            task.cancel()
            _ = await task.result
            try await Self.waitUntil(seconds: 10) { closedAt.value != nil }
            if let closed = closedAt.value { times.append(cancelled.duration(to: closed).milliseconds) }
        }
        return BenchStatistics.median(times) ?? 0
    }

    static func waitUntil(seconds: Double, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while !condition() {
            guard ContinuousClock.now < deadline else { throw BenchError.harness("timed out waiting on the loopback server") }
            try await Task.sleep(for: .microseconds(200))
        }
    }

    /// Median in-process POST to a model URL (the raw baseline of per-generation cost), ms.
    static func rawPostMilliseconds(url: String, body: [UInt8], count: Int) async throws -> Double {
        let client = try HTTPClient()
        defer { client.shutdown() }
        let request = HTTPRequest(method: "POST", url: url, headers: [("Content-Type", "application/json")], body: body)
        _ = try await client.send(request)
        var times: [Double] = []
        for _ in 0..<count {
            let started = ContinuousClock.now
            _ = try await client.send(request)
            times.append(started.duration(to: .now).milliseconds)
        }
        return BenchStatistics.median(times) ?? 0
    }
}

/// Cancellation end to end: `$/cancelRequest` for a generation in flight → the model server
/// sees its connection closed. Synchronous: runs on a dedicated thread.
struct CancelFigure {
    let options: PerfOptions
    let binary: String
    let environment: SessionEnvironment
    let floorMilliseconds: Double
    let progress: @Sendable (String) -> Void

    func run() throws -> PerfRow {
        progress("perf: cancel → transfer abort × \(options.cancelRuns)")
        let closedAt = Locked<ContinuousClock.Instant?>(nil)
        let arrived = Locked(0)
        let server = try LoopbackServer { request in
            if request.path.hasSuffix("/health") { return .json(200, #"{"status":"ok"}"#) }
            arrived.withLock { $0 += 1 }
            return .holdUntilClientCloses { instant in closedAt.withLock { $0 = instant } }
        }
        defer { server.stop() }
        let env = try environment.make(name: "cancel", modelURL: server.baseURL + "/v1", cacheEnabled: false)
        let client = try LSPPipeClient(binary: binary, environment: env, stderrPath: environment.logPath("cancel"))
        defer { client.close() }
        _ = try client.initialize(options: ["n": options.samples, "max_tokens": 48])
        try client.didOpen(uri: BenchDocuments.pythonURI, language: "python", text: BenchDocuments.python)
        var times: [Double] = []
        for run in 0..<options.cancelRuns {
            closedAt.withLock { $0 = nil }
            let id = try client.send("workspace/executeCommand",
                                     BenchDocuments.generateArguments(uri: BenchDocuments.pythonURI, position: BenchDocuments.pythonPosition))
            try Self.spin(seconds: 30) { arrived.value > run }
            Thread.sleep(forTimeInterval: 0.005)
            let cancelled = ContinuousClock.now
            try client.notify("$/cancelRequest", ["id": id])
            try Self.spin(seconds: 10) { closedAt.value != nil }
            if let closed = closedAt.value { times.append(cancelled.duration(to: closed).milliseconds) }
            let reply = try client.waitForResponse(id: id, timeout: 10)
            guard let error = reply["error"] as? [String: Any], error["code"] as? Int == -32800 else {
                throw BenchError.harness("a cancelled generation was not answered with RequestCancelled: \(reply)")
            }
        }
        times.sort()
        return PerfRow(figure: "cancel → transfer abort, p50", value: BenchStatistics.quantile(times, 0.5) ?? 0, unit: "ms",
                       baselineName: "in-process task cancel", baseline: floorMilliseconds, goal: 5,
                       note: "`$/cancelRequest` for a generation waiting on a loopback model → the model server sees the "
                           + "connection closed; \(times.count) runs, p90 \(PerfReport.format(BenchStatistics.quantile(times, 0.9) ?? 0, "ms"))")
    }

    static func spin(seconds: Double, _ condition: () -> Bool) throws {
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        while !condition() {
            guard ContinuousClock.now < deadline else { throw BenchError.harness("timed out waiting on the loopback server") }
            usleep(100)
        }
    }
}
