import Foundation
import LoopbackHTTP
import Gateway
import Synchronization
import Testing

@Suite struct HTTPClientTests {
    @Test func postsBodyAndHeadersAndReusesConnection() async throws {
        let server = try LoopbackServer { request in
            .respond(status: 200, headers: ["X-Echo-Method": request.method],
                     body: Array("\(request.headers["x-test"] ?? "-")|\(request.bodyText)".utf8))
        }
        defer { server.stop() }
        let client = try HTTPClient()
        for index in 0..<5 {
            let response = try await client.send(HTTPRequest(
                method: "POST", url: server.baseURL + "/echo", headers: [("X-Test", "v\(index)")],
                body: Array("payload \(index)".utf8)))
            #expect(response.status == 200)
            #expect(response.head.headers["x-echo-method"] == "POST")
            #expect(String(decoding: response.body, as: UTF8.self) == "v\(index)|payload \(index)")
        }
        #expect(server.connectionCount == 1)
    }

    @Test func getWithoutBodyAndLargeBody() async throws {
        let big = [UInt8](repeating: 65, count: 300_000)
        let server = try LoopbackServer { request in
            request.method == "GET" ? .respond(status: 204, body: []) : .respond(status: 200, body: Array(String(request.body.count).utf8))
        }
        defer { server.stop() }
        let client = try HTTPClient()
        let get = try await client.send(HTTPRequest(url: server.baseURL + "/"))
        #expect(get.status == 204 && get.body.isEmpty)
        let post = try await client.send(HTTPRequest(method: "POST", url: server.baseURL + "/", body: big))
        #expect(String(decoding: post.body, as: UTF8.self) == "300000")
    }

    @Test func refusedConnectionIsClassified() async throws {
        let port = try unusedPort()
        let client = try HTTPClient()
        await #expect(throws: HTTPClientError.connectionRefused) {
            _ = try await client.send(HTTPRequest(url: "http://127.0.0.1:\(port)/"))
        }
    }

    @Test func truncatedBodyIsClassified() async throws {
        let server = try LoopbackServer { _ in .truncated(status: 200, declaredLength: 100, body: Array("{\"a\":".utf8)) }
        defer { server.stop() }
        let client = try HTTPClient()
        await #expect(throws: HTTPClientError.truncated) {
            _ = try await client.send(HTTPRequest(url: server.baseURL + "/"))
        }
    }

    @Test func oversizedBodyIsCapped() async throws {
        let server = try LoopbackServer { _ in .respond(status: 200, body: [UInt8](repeating: 1, count: 50_000)) }
        defer { server.stop() }
        let client = try HTTPClient()
        await #expect(throws: HTTPClientError.responseTooLarge(limit: 10_000)) {
            _ = try await client.send(HTTPRequest(url: server.baseURL + "/", maxResponseBytes: 10_000))
        }
        let fine = try await client.send(HTTPRequest(url: server.baseURL + "/", maxResponseBytes: 60_000))
        #expect(fine.body.count == 50_000)
    }

    @Test func slowDripHitsTotalTimeout() async throws {
        let server = try LoopbackServer { _ in
            .chunked(status: 200, chunks: Array(repeating: Array("x".utf8), count: 20), interval: 0.1, complete: true)
        }
        defer { server.stop() }
        let client = try HTTPClient()
        let start = ContinuousClock.now
        await #expect(throws: HTTPClientError.timeout) {
            _ = try await client.send(HTTPRequest(url: server.baseURL + "/", timeout: 0.5))
        }
        #expect(start.duration(to: .now) < .seconds(3))
    }

    @Test func streamDeliversHeadThenChunks() async throws {
        let server = try LoopbackServer { _ in
            .chunked(status: 200, chunks: ["one", "two", "three"].map { Array($0.utf8) }, interval: 0.02, complete: true)
        }
        defer { server.stop() }
        let client = try HTTPClient()
        var status: Int?
        var text = ""
        for try await part in client.stream(HTTPRequest(url: server.baseURL + "/")) {
            switch part {
            case .head(let head): status = head.status
            case .body(let bytes):
                #expect(status == 200)
                text += String(decoding: bytes, as: UTF8.self)
            }
        }
        #expect(text == "onetwothree")
    }

    @Test func cancellationAbortsQuickly() async throws {
        let server = try LoopbackServer { _ in
            .chunked(status: 200, chunks: Array(repeating: Array("x".utf8), count: 100), interval: 0.05, complete: true)
        }
        defer { server.stop() }
        let client = try HTTPClient()
        let task = Task { try await client.send(HTTPRequest(url: server.baseURL + "/")) }
        try await Task.sleep(for: .milliseconds(100))
        let cancelledAt = ContinuousClock.now
        task.cancel()
        let result = await task.result
        let elapsed = cancelledAt.duration(to: .now)
        #expect(throws: CancellationError.self) { try result.get() }
        // The body would take 5 s; the bound is loose for loaded CI machines (the benchmark measures).
        #expect(elapsed < .seconds(1))
    }
}

/// A loopback port nothing listens on (bound, then released).
func unusedPort() throws -> Int {
    let server = try LoopbackServer { _ in .close }
    let port = server.port
    server.stop()
    return port
}

@Suite struct HTTPClientConcurrencyTests {
    @Test func cancelledTransferClosesTheConnectionAtOnce() async throws {
        let closedAt = Mutex<ContinuousClock.Instant?>(nil)
        let server = try LoopbackServer { _ in .holdUntilClientCloses { instant in closedAt.withLock { $0 = instant } } }
        defer { server.stop() }
        let client = try HTTPClient()
        let task = Task { try await client.send(HTTPRequest(url: server.baseURL + "/")) }
        try await Task.sleep(for: .milliseconds(50))
        let cancelled = ContinuousClock.now
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        var closed: ContinuousClock.Instant?
        for _ in 0..<600 where closed == nil {
            try await Task.sleep(for: .milliseconds(5))
            closed = closedAt.withLock { $0 }
        }
        let seen = try #require(closed, "the server never saw the connection close")
        #expect(cancelled.duration(to: seen) < .seconds(1))
    }

    /// 32 transfers each held 500 ms by the server finish together: curl waits on its own thread,
    /// not in the two-thread cooperative pool (blocking there would serialise them: ≥ 8 s).
    @Test func concurrentTransfersDoNotOccupyTheCooperativePool() async throws {
        let server = try LoopbackServer { _ in
            .chunked(status: 200, chunks: [Array("a".utf8), Array("b".utf8)], interval: 0.25, complete: true)
        }
        defer { server.stop() }
        let client = try HTTPClient()
        let start = ContinuousClock.now
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<32 {
                group.addTask { String(decoding: try await client.send(HTTPRequest(url: server.baseURL + "/")).body, as: UTF8.self) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(bodies.count == 32 && bodies.allSatisfy { $0 == "ab" })
        #expect(start.duration(to: .now) < .seconds(5))
    }

    @Test func shutdownFailsLaterRequests() async throws {
        let server = try LoopbackServer { _ in .respond(status: 200, body: []) }
        defer { server.stop() }
        let client = try HTTPClient()
        _ = try await client.send(HTTPRequest(url: server.baseURL + "/"))
        client.shutdown()
        await #expect(throws: HTTPClientError.shutDown) { _ = try await client.send(HTTPRequest(url: server.baseURL + "/")) }
    }
}
