import DocwrightCore
import Providers
import Foundation
import LoopbackHTTP
import Gateway
import Testing

/// Every fault class against a scripted loopback server: the error is classified, its message
/// names the model and says what to do, and the next request on the same gateway works.
@Suite struct FaultInjectionTests {
    static let okReply = completionReply([(text: "    return a + b", tokens: ["    ", "return", " a", " +", " b"])])

    /// A server that answers `/v1/ok/completions` normally and everything else with `fault`.
    private func server(_ fault: @escaping @Sendable (Int) -> LoopbackServer.Reply) throws -> (LoopbackServer, Recorder) {
        let recorder = Recorder()
        let server = try LoopbackServer { request in
            if request.path.hasPrefix("/v1/ok/") { return .json(200, Self.okReply) }
            return fault(recorder.record(request))
        }
        return (server, recorder)
    }

    private func expectRecovery(_ gateway: Gateway, _ server: LoopbackServer) async throws {
        let batch = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1/ok"), plan: completionPlan(),
                                             params: SamplingParams(n: 1, maxTokens: 8))
        #expect(batch.samples.first?.text == "    return a + b")
    }

    private func failure(_ gateway: Gateway, _ endpoint: ModelEndpoint,
                         params: SamplingParams = SamplingParams(n: 1, maxTokens: 8)) async -> GatewayError? {
        do {
            _ = try await gateway.sample(endpoint: endpoint, plan: completionPlan(), params: params)
            Issue.record("expected a failure")
            return nil
        } catch let error as GatewayError {
            return error
        } catch {
            Issue.record("expected GatewayError, got \(error)")
            return nil
        }
    }

    @Test func refusedConnectionSaysIsTheServerRunning() async throws {
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let base = "http://127.0.0.1:\(try unusedPort())/v1"
        let error = try #require(await failure(gateway, testEndpoint(base)))
        #expect(error.kind == .connectionRefused)
        #expect(error.userMessage.contains("model \"scripted\" (test-model)"))
        #expect(error.userMessage.contains("Is the server running at \(base)?"))
        let (server, _) = try server { _ in .close }
        defer { server.stop() }
        try await expectRecovery(gateway, server)
    }

    @Test func unauthorizedNamesTheVariableAndHidesTheKey() async throws {
        let secret = "sk-test-0123456789abcdef"
        let (server, recorder) = try server { _ in
            .json(401, #"{"error":{"message":"Incorrect API key provided: sk-test-0123****cdef"}}"#)
        }
        defer { server.stop() }
        let log = CapturedLog()
        let gateway = Gateway(http: try HTTPClient(), environment: ["MY_MODEL_KEY": secret], logger: log.logger(), options: fastOptions)
        let error = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1", apiKeyEnv: "MY_MODEL_KEY")))
        #expect(error.kind == .unauthorized && error.status == 401)
        #expect(error.userMessage.contains("MY_MODEL_KEY"))
        #expect(!error.userMessage.contains("sk-test"))
        #expect(recorder.requests.first?.headers["authorization"] == "Bearer \(secret)")
        #expect(recorder.count == 1)  // not retried
        #expect(!log.all.isEmpty)
        #expect(log.all.allSatisfy { !$0.contains(secret) })
        #expect(log.all.contains { $0.contains("Authorization: [redacted]") })
        try await expectRecovery(gateway, server)
    }

    @Test func forbiddenWithoutKeyTellsWhereToPutOne() async throws {
        let (server, _) = try server { _ in .json(403, #"{"error":"forbidden"}"#) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let error = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1")))
        #expect(error.kind == .unauthorized)
        #expect(error.userMessage.contains("no API key was sent"))
    }

    @Test func missingKeyVariableFailsBeforeAnyRequest() async throws {
        let (server, recorder) = try server { _ in .json(200, Self.okReply) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let error = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1", provider: .openai)))
        #expect(error.kind == .missingAPIKey)
        #expect(error.userMessage.contains("OPENAI_API_KEY"))
        #expect(recorder.count == 0)
    }

    @Test func notFoundNamesTheModel() async throws {
        let (server, _) = try server { _ in .json(404, #"{"error":{"message":"model 'nope' not found"}}"#) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let error = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1", model: "nope")))
        #expect(error.kind == .notFound)
        #expect(error.userMessage.contains("\"nope\"") && error.userMessage.contains("model 'nope' not found"))
        try await expectRecovery(gateway, server)
    }

    @Test func rateLimitHonoursRetryAfterThenSucceeds() async throws {
        let (server, recorder) = try server { count in
            count == 0 ? .json(429, #"{"error":"slow down"}"#, headers: ["Retry-After": "0.3"]) : .json(200, Self.okReply)
        }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let start = ContinuousClock.now
        let batch = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1"), plan: completionPlan(),
                                             params: SamplingParams(n: 1, maxTokens: 8))
        #expect(batch.samples.count == 1)
        #expect(start.duration(to: .now) >= .milliseconds(300))
        #expect(recorder.count == 2)
    }

    @Test func persistentRateLimitGivesUpAfterBoundedAttempts() async throws {
        let (server, recorder) = try server { _ in .json(429, #"{"error":"quota"}"#, headers: ["Retry-After": "0.05"]) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let error = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1")))
        #expect(error.kind == .rateLimited)
        #expect(error.userMessage.contains("after 3 attempts") && error.userMessage.contains("quota"))
        #expect(recorder.count == 3)
    }

    @Test func retryAfterBeyondTheBoundFailsAtOnce() async throws {
        let (server, recorder) = try server { _ in .json(429, "{}", headers: ["Retry-After": "3600"]) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let start = ContinuousClock.now
        let error = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1")))
        #expect(error.retryAfter == 3600 && error.userMessage.contains("3600 s"))
        #expect(start.duration(to: .now) < .seconds(1))
        #expect(recorder.count == 1)
    }

    @Test func serverErrorIsRetriedThenSucceeds() async throws {
        let (server, recorder) = try server { count in
            count == 0 ? .json(500, #"{"error":{"message":"boom"}}"#) : .json(200, Self.okReply)
        }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let batch = try await gateway.sample(endpoint: testEndpoint(server.baseURL + "/v1"), plan: completionPlan(),
                                             params: SamplingParams(n: 1, maxTokens: 8))
        #expect(batch.samples.first?.text == "    return a + b")
        #expect(recorder.count == 2)
    }

    @Test func persistentServerErrorStopsAfterThreeAttempts() async throws {
        let (server, recorder) = try server { _ in .json(503, #"{"error":{"message":"overloaded"}}"#) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let error = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1")))
        #expect(error.kind == .serverError && error.status == 503)
        #expect(error.userMessage.contains("after 3 attempts") && error.userMessage.contains("overloaded"))
        #expect(recorder.count == 3)
        try await expectRecovery(gateway, server)
    }

    @Test func truncatedBodyIsReported() async throws {
        let (server, _) = try server { _ in .truncated(status: 200, declaredLength: 4000, body: Array(Self.okReply.utf8.prefix(40))) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let error = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1")))
        #expect(error.kind == .truncatedResponse && error.userMessage.contains("cut off"))
        try await expectRecovery(gateway, server)
    }

    @Test func malformedJSONIsReported() async throws {
        let (server, _) = try server { count in
            count == 0 ? .json(200, "<html>oops</html>") : .json(200, #"{"object":"list"}"#)
        }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let notJSON = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1")))
        #expect(notJSON.kind == .malformedResponse && notJSON.userMessage.contains("<html>"))
        let noChoices = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1")))
        #expect(noChoices.kind == .malformedResponse && noChoices.userMessage.contains("choices"))
        try await expectRecovery(gateway, server)
    }

    @Test func slowDripHitsTheTimeout() async throws {
        let (server, _) = try server { _ in
            .chunked(status: 200, chunks: Array(repeating: Array(" ".utf8), count: 30), interval: 0.1, complete: true)
        }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let start = ContinuousClock.now
        let error = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1", timeout: 0.5)))
        #expect(error.kind == .timeout && error.userMessage.contains("0.50 s"))
        #expect(start.duration(to: .now) < .seconds(3))
        try await expectRecovery(gateway, server)
    }

    @Test func oversizedReplyIsDropped() async throws {
        let huge = #"{"choices":[{"text":""# + String(repeating: "x", count: 200_000) + #""}]}"#
        let (server, _) = try server { _ in .json(200, huge) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:],
                              options: GatewayOptions(retry: fastOptions.retry, maxResponseBytes: 64 * 1024))
        let error = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1")))
        #expect(error.kind == .responseTooLarge && error.userMessage.contains("64 KiB"))
        try await expectRecovery(gateway, server)
    }

    @Test func streamCutMidwayIsReported() async throws {
        let events = [
            #"data: {"choices":[{"index":0,"text":"    ret","finish_reason":null}]}"# + "\n\n",
            #"data: {"choices":[{"index":0,"text":"urn","finish_reason":null}]}"# + "\n\n",
        ].map { Array($0.utf8) }
        for complete in [false, true] {
            let (server, _) = try server { _ in
                .chunked(status: 200, headers: ["Content-Type": "text/event-stream"], chunks: events, interval: 0.01, complete: complete)
            }
            defer { server.stop() }
            let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
            var text = ""
            var caught: GatewayError?
            do {
                for try await event in gateway.stream(endpoint: testEndpoint(server.baseURL + "/v1"), plan: completionPlan(),
                                                      params: SamplingParams(n: 1, maxTokens: 8)) {
                    if case .text(_, let piece, _) = event { text += piece }
                }
            } catch let error as GatewayError {
                caught = error
            }
            #expect(text == "    return")
            #expect(caught?.kind == .streamCut, "complete body: \(complete)")
            #expect(caught?.userMessage.contains("ended mid-way") == true)
            try await expectRecovery(gateway, server)
        }
    }

    @Test func errorReplyInsideA200IsReported() async throws {
        let (server, _) = try server { _ in .json(200, #"{"error":{"code":502,"message":"upstream provider failed"}}"#) }
        defer { server.stop() }
        let gateway = Gateway(http: try HTTPClient(), environment: [:], options: fastOptions)
        let error = try #require(await failure(gateway, testEndpoint(server.baseURL + "/v1", provider: .openrouter, apiKeyEnv: "K")))
        #expect(error.kind == .missingAPIKey)
        let keyed = Gateway(http: try HTTPClient(), environment: ["K": "k-1"], options: fastOptions)
        let reported = try #require(await failure(keyed, testEndpoint(server.baseURL + "/v1", provider: .openrouter, apiKeyEnv: "K")))
        #expect(reported.status == 502 && reported.userMessage.contains("upstream provider failed"))
    }
}
