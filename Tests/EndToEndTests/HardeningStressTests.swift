import DocwrightCore
import Foundation
import Testing

/// Stress against the real local model: 50 open documents, 200 mixed requests (code actions,
/// completion, inline completion, generate) with random cancellations. Every request must be
/// answered (a result, an error, or -32800 when cancelled), the server must not crash, and its
/// memory must come back near the baseline. Bounded to three minutes: past
/// the sending budget, outstanding requests are cancelled and must still be answered.
@Suite(.serialized) struct HardeningStressTests {
    static let documentCount = 50
    static let requestCount = 200
    static let inFlight = 8
    /// Sending stops after this; what is still running is then cancelled and must be answered.
    static let budget: Duration = .seconds(150)
    static let drain: Duration = .seconds(30)

    static func document(_ index: Int) -> (uri: String, language: String, text: String, line: Int, character: Int) {
        switch index % 3 {
        case 0:
            return ("file:///stress/p\(index).py", "python",
                    "def f\(index)(x):\n    \"\"\"Return x plus \(index), as an integer.\"\"\"\n    pass\n", 1, 8)
        case 1:
            return ("file:///stress/j\(index).js", "javascript",
                    "/**\n * Return the first \(index) items of the list.\n */\nfunction take\(index)(list) {\n}\n", 1, 6)
        default:
            return ("file:///stress/g\(index).go", "go",
                    "package main\n\n// Mul\(index) returns a times \(index).\nfunc Mul\(index)(a int) int {\n}\n", 2, 6)
        }
    }

    @Test func mixedRequestsWithCancellationsAgainstTheRealModel() async throws {
        guard let modelURL = ProcessInfo.processInfo.environment["DOCWRIGHT_TEST_MODEL_URL"], !modelURL.isEmpty else {
            Issue.record("DOCWRIGHT_TEST_MODEL_URL is not set: run the suite with scripts/test (it starts the local model)")
            return
        }
        let started = ContinuousClock.now
        let client = try PipeClient(environment: ["DOCWRIGHT_LOCAL_MODEL_URL": modelURL])
        try await client.initialize(options: ["n": 2, "max_tokens": 16, "timeout": 60])
        for index in 0..<Self.documentCount {
            let document = Self.document(index)
            await client.notify("textDocument/didOpen", ["textDocument": [
                "uri": document.uri, "languageId": document.language, "version": 1, "text": document.text]])
        }
        // Let start-up settle, then take the baseline.
        _ = try await client.request("textDocument/codeAction", Self.codeActionParams(Self.document(0)))
        try await Task.sleep(for: .milliseconds(500))
        let baseline = client.residentKilobytes ?? 0

        var rng = SplitMix64(seed: 0x57E55)
        var pendingIDs: [Int] = []
        var sent: [String: Int] = [:]
        var cancelled = 0
        var peak = baseline
        sending: for _ in 0..<Self.requestCount {
            // Keep at most `inFlight` requests outstanding; a slow model ends the sending early.
            while pendingIDs.filter({ !client.isAnswered($0) }).count >= Self.inFlight {
                guard ContinuousClock.now - started < Self.budget else { break sending }
                try await Task.sleep(for: .milliseconds(10))
            }
            let document = Self.document(Int.random(in: 0..<Self.documentCount, using: &rng))
            let (method, params) = Self.mixedRequest(document, roll: Int.random(in: 0..<100, using: &rng))
            let id = await client.send(method, params)
            pendingIDs.append(id)
            sent[method == "workspace/executeCommand" ? "generate" : method, default: 0] += 1
            if Int.random(in: 0..<100, using: &rng) < 25 {
                let delay = Int.random(in: 0...400, using: &rng)
                Task {
                    try? await Task.sleep(for: .milliseconds(delay))
                    await client.notify("$/cancelRequest", ["id": id])
                }
                cancelled += 1
            }
            peak = max(peak, client.residentKilobytes ?? 0)
        }
        // Every request ends: a result, an error, or -32800 (cancelled). Past the budget, what is
        // still running is cancelled, and the cancellations themselves must be answered.
        while ContinuousClock.now - started < Self.budget, !pendingIDs.allSatisfy(client.isAnswered) {
            try await Task.sleep(for: .milliseconds(50))
            peak = max(peak, client.residentKilobytes ?? 0)
        }
        let overdue = pendingIDs.filter { !client.isAnswered($0) }
        for id in overdue {
            await client.notify("$/cancelRequest", ["id": id])
        }
        let drainStart = ContinuousClock.now
        while ContinuousClock.now - drainStart < Self.drain, !pendingIDs.allSatisfy(client.isAnswered) {
            try await Task.sleep(for: .milliseconds(50))
        }
        let unanswered = pendingIDs.filter { !client.isAnswered($0) }
        let codes = pendingIDs.compactMap { client.isAnswered($0) ? client.errorCode($0) : nil }
        let cancelledAnswers = codes.filter { $0 == -32800 }.count
        let failures = codes.filter { $0 != -32800 }
        #expect(unanswered.isEmpty, "\(unanswered.count) requests never answered")
        #expect(client.process.isRunning, "the server crashed")
        // The server is idle again: memory returns close to where it started.
        try await Task.sleep(for: .seconds(2))
        let after = client.residentKilobytes ?? 0
        let elapsed = ContinuousClock.now - started
        let mix = sent.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        print("stress: \(pendingIDs.count) requests (\(mix)) in \(elapsed), \(overdue.count) cancelled at the deadline; "
            + "\(cancelled) cancellations sent, \(cancelledAnswers) answered -32800, other errors \(Dictionary(grouping: failures, by: { $0 }).mapValues(\.count)); "
            + "RSS baseline \(baseline / 1024) MiB, peak \(peak / 1024) MiB, after \(after / 1024) MiB")
        #expect(after < baseline * 2 + 50 * 1024, "RSS \(after) kB after vs \(baseline) kB baseline")
        // Errors other than cancellation would be model failures: a few under load are tolerable.
        #expect(failures.count <= Self.requestCount / 10, "\(failures)")
        #expect(elapsed < Self.budget + Self.drain + .seconds(10))
        #expect(!client.sawGarbage)
        #expect(await client.finish() == 0)
    }

    static func codeActionParams(_ document: (uri: String, language: String, text: String, line: Int, character: Int)) -> [String: Any] {
        let position = ["line": document.line, "character": document.character]
        return ["textDocument": ["uri": document.uri], "range": ["start": position, "end": position],
                "context": ["diagnostics": [Any]()]]
    }

    static func mixedRequest(_ document: (uri: String, language: String, text: String, line: Int, character: Int),
                             roll: Int) -> (String, [String: Any]) {
        let position = ["line": document.line, "character": document.character]
        switch roll {
        case 0..<30:
            return ("textDocument/codeAction", codeActionParams(document))
        case 30..<55:
            return ("textDocument/completion", ["textDocument": ["uri": document.uri], "position": position,
                                                "context": ["triggerKind": 1]])
        case 55..<80:
            return ("textDocument/inlineCompletion", ["textDocument": ["uri": document.uri], "position": position,
                                                      "context": ["triggerKind": 1]])
        default:
            return ("workspace/executeCommand", ["command": "docwright.generate",
                                                 "arguments": [["uri": document.uri, "position": position]]])
        }
    }
}
