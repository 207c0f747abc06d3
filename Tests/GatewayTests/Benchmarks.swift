import DocwrightCore
import Foundation
import LoopbackHTTP
import Gateway
import Synchronization
import Testing

/// Benchmarks: they print figures and assert only correctness, never timing. Run them alone
/// with `swift test --filter benchmark` (add `-c release` for representative numbers).
@Suite(.serialized) struct Benchmarks {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static let smallBody = Array(#"{"prompt":"x","max_tokens":1}"#.utf8)

    @Test func benchmarkKeepAliveThroughput() async throws {
        let server = try LoopbackServer { _ in .respond(status: 200, body: Array(#"{"ok":true}"#.utf8)) }
        defer { server.stop() }
        let client = try HTTPClient()
        let request = HTTPRequest(method: "POST", url: server.baseURL + "/v1/completions",
                                  headers: [("Content-Type", "application/json")], body: Self.smallBody)
        _ = try await client.send(request)  // warm up: connect once
        let count = 1_000
        let start = ContinuousClock.now
        for _ in 0..<count {
            let response = try await client.send(request)
            #expect(response.status == 200)
        }
        let elapsed = Self.seconds(start.duration(to: .now))
        #expect(server.connectionCount == 1)
        print("BENCH keep-alive: \(count) sequential POSTs in \(String(format: "%.3f", elapsed)) s = "
            + "\(Int(Double(count) / elapsed))/s over \(server.connectionCount) connection(s)")
    }

    @Test func benchmarkCancelToAbort() async throws {
        let closedAt = Mutex<ContinuousClock.Instant?>(nil)
        let server = try LoopbackServer { _ in .holdUntilClientCloses { instant in closedAt.withLock { $0 = instant } } }
        defer { server.stop() }
        let client = try HTTPClient()
        var toThrow: [Double] = []
        var toServerSeesClose: [Double] = []
        for _ in 0..<50 {
            closedAt.withLock { $0 = nil }
            let task = Task { try await client.send(HTTPRequest(url: server.baseURL + "/")) }
            try await Task.sleep(for: .milliseconds(20))
            let cancelled = ContinuousClock.now
            task.cancel()
            let result = await task.result
            toThrow.append(Self.seconds(cancelled.duration(to: .now)) * 1000)
            #expect(throws: CancellationError.self) { _ = try result.get() }
            var closed: ContinuousClock.Instant?
            for _ in 0..<400 where closed == nil {
                try await Task.sleep(for: .milliseconds(1))
                closed = closedAt.withLock { $0 }
            }
            if let closed { toServerSeesClose.append(Self.seconds(cancelled.duration(to: closed)) * 1000) }
        }
        #expect(toServerSeesClose.count == 50)
        let sortedThrow = toThrow.sorted()
        let sortedClose = toServerSeesClose.sorted()
        print("BENCH cancel→abort over 50 transfers: task throws p50 \(String(format: "%.2f", Self.median(toThrow))) ms, "
            + "p90 \(String(format: "%.2f", sortedThrow[sortedThrow.count * 9 / 10])) ms; "
            + "server sees the connection closed p50 \(String(format: "%.2f", Self.median(toServerSeesClose))) ms, "
            + "p90 \(String(format: "%.2f", sortedClose.isEmpty ? 0 : sortedClose[sortedClose.count * 9 / 10])) ms")
    }

    @Test func benchmarkOverheadVersusCurlCommandLine() async throws {
        // Loopback: 1,000 sequential POSTs, the gateway's client vs one curl process reusing its connection.
        let server = try LoopbackServer { _ in .respond(status: 200, body: Array(#"{"ok":true}"#.utf8)) }
        defer { server.stop() }
        let client = try HTTPClient()
        let url = server.baseURL + "/v1/completions"
        let count = 1_000
        let request = HTTPRequest(method: "POST", url: url, headers: [("Content-Type", "application/json")], body: Self.smallBody)
        let start = ContinuousClock.now
        for _ in 0..<count { _ = try await client.send(request) }
        let ours = Self.seconds(start.duration(to: .now))

        let config = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-bench-\(UUID().uuidString).curl")
        defer { try? FileManager.default.removeItem(at: config) }
        let lines = ["silent", "output = \"/dev/null\"", "header = \"Content-Type: application/json\"",
                     "data = \"{\\\"prompt\\\":\\\"x\\\",\\\"max_tokens\\\":1}\""]
            + Array(repeating: "url = \"\(url)\"", count: count)
        try lines.joined(separator: "\n").write(to: config, atomically: true, encoding: .utf8)
        let before = server.requestCount
        let curl = try await runProcess("/usr/bin/curl", ["-K", config.path])
        #expect(curl.status == 0 && server.requestCount - before == count)
        print("BENCH vs curl CLI, loopback, \(count) sequential POSTs: gateway client \(String(format: "%.3f", ours)) s, "
            + "curl \(String(format: "%.3f", curl.seconds)) s (incl. process start); ratio \(String(format: "%.2f", ours / curl.seconds))")

        // The real model: the same one-token request through the whole gateway and through curl.
        let endpoint = try LocalModelTests.modelEndpoint()
        let gateway = try LocalModelTests.requireGateway()
        let plan = PromptPlan(prompt: .completion("x ="), stops: [], extractCode: false)
        let params = SamplingParams(n: 1, temperature: 0, maxTokens: 1, seed: 1)
        let body = #"{"model":"gemma-3-270m","prompt":"x =","max_tokens":1,"temperature":0,"seed":1,"logprobs":1}"#
        var gatewayTimes: [Double] = []
        var curlTimes: [Double] = []
        for _ in 0..<5 {
            let began = ContinuousClock.now
            _ = try await gateway.sample(endpoint: endpoint, plan: plan, params: params)
            gatewayTimes.append(Self.seconds(began.duration(to: .now)))
            let run = try await runProcess("/usr/bin/curl", ["-s", "-o", "/dev/null", "-H", "Content-Type: application/json",
                                                             "-d", body, endpoint.baseURL + "/completions"])
            #expect(run.status == 0)
            curlTimes.append(run.seconds)
        }
        print("BENCH vs curl CLI, real model, 1-token completion, median of 5: gateway \(String(format: "%.1f", Self.median(gatewayTimes) * 1000)) ms, "
            + "curl \(String(format: "%.1f", Self.median(curlTimes) * 1000)) ms; ratio \(String(format: "%.2f", Self.median(gatewayTimes) / Self.median(curlTimes)))")
    }
}

/// Runs a program on its own thread (never blocking the cooperative pool) and times it.
func runProcess(_ path: String, _ arguments: [String]) async throws -> (status: Int32, seconds: Double) {
    try await withCheckedThrowingContinuation { continuation in
        Thread {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            let start = ContinuousClock.now
            do {
                try process.run()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, Benchmarks.seconds(start.duration(to: .now))))
            } catch {
                continuation.resume(throwing: error)
            }
        }.start()
    }
}
