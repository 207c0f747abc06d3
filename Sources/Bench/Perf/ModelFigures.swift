import Foundation
import Gateway

/// A code action with n samples from the real model through docwright vs (1) the same JSON body
/// posted raw to the same server and (2) the seed paper's way: n sequential n=1 requests from
/// Python. Synchronous: runs on a dedicated thread.
struct ModelFigures {
    let options: PerfOptions
    let binary: String
    let environment: SessionEnvironment
    /// Base URL of the real model, e.g. http://127.0.0.1:8012/v1.
    let modelURL: String
    let progress: @Sendable (String) -> Void

    var initializationOptions: [String: Any] {
        ["n": options.samples, "max_tokens": options.realMaxTokens, "seed": options.seed, "temperature": 0.8]
    }
    static let extraConfig = "timeout = 900"
    let deadline: ContinuousClock.Instant?

    init(options: PerfOptions, binary: String, environment: SessionEnvironment, modelURL: String,
         progress: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.binary = binary
        self.environment = environment
        self.modelURL = modelURL
        self.progress = progress
        deadline = options.modelBudget.map { ContinuousClock.now + .milliseconds(Int64($0 * 1000)) }
    }

    /// Seconds the next model call may take; throws once the budget is spent.
    func remaining() throws -> Double {
        guard let deadline else { return 900 }
        let left = ContinuousClock.now.duration(to: deadline).seconds
        guard left > 1 else {
            throw BenchError.model("the model is too slow for quick mode's \(Int(options.modelBudget ?? 0)) s budget")
        }
        return left
    }

    func run() throws -> [PerfRow] {
        let script = options.baselinesDirectory + "/sequential.py"
        guard FileManager.default.isReadableFile(atPath: script) else {
            throw BenchError.harness("\(script) not found: run from the repository root or pass --baselines DIR")
        }
        let (path, body) = try captureBody()
        let rawURL = modelURL + "/" + (path.split(separator: "/").last.map(String.init) ?? "completions")
        let bodyFile = environment.root + "/body.json"
        try Data(body).write(to: URL(fileURLWithPath: bodyFile))

        let env = try environment.make(name: "real", modelURL: modelURL, cacheEnabled: false, extraConfig: Self.extraConfig)
        let client = try LSPPipeClient(binary: binary, environment: env, stderrPath: environment.logPath("real"))
        defer { client.close() }
        _ = try client.initialize(options: initializationOptions)
        try client.didOpen(uri: BenchDocuments.pythonURI, language: "python", text: BenchDocuments.python)

        if !options.quick {
            progress("perf: real model, n=\(options.samples), max_tokens \(options.realMaxTokens): warm-up")
            _ = try generate(client)
            _ = try raw(url: rawURL, body: body)
        }

        var ours: [Double] = []
        var raws: [Double] = []
        var pythons: [Double] = []
        var rawTokens = 0
        var pythonTokens = 0
        for repetition in 0..<options.modelRepetitions {
            progress("perf: real model, repetition \(repetition + 1)/\(options.modelRepetitions)")
            ours.append(try generate(client))
            let (seconds, tokens) = try raw(url: rawURL, body: body)
            raws.append(seconds)
            rawTokens = tokens
            let python = try sequential(script: script, url: rawURL, bodyFile: bodyFile)
            pythons.append(python.seconds)
            pythonTokens = python.tokens
        }
        let docwright = BenchStatistics.median(ours) ?? 0
        let how = "median of \(ours.count); n=\(options.samples), max_tokens \(options.realMaxTokens), temperature 0.8, seed \(options.seed)"
        return [
            PerfRow(figure: "code action n=\(options.samples), real model", value: docwright, unit: "s",
                    baselineName: "raw HTTP, same body", baseline: BenchStatistics.median(raws), goalOnRatio: true, goal: 1.05,
                    note: "executeCommand docwright.generate over stdio (cache off, default ranking incl. syntax check) vs "
                        + "HTTPClient posting the JSON body docwright sent (captured on loopback); same seed, so both draw the "
                        + "same \(rawTokens) tokens; \(how)"),
            PerfRow(figure: "code action n=\(options.samples) vs sequential Python", value: docwright, unit: "s",
                    baselineName: "\(options.samples) × n=1 from Python", baseline: BenchStatistics.median(pythons),
                    goalOnRatio: true, goal: 1.0 / 3.0,
                    note: "the seed paper's approach: bench/baselines/sequential.py posts the same prompt and parameters "
                        + "\(options.samples) times with n=1 (seeds seed+i), one after another (\(pythonTokens) tokens in all); "
                        + "goal: docwright ≥ 3× faster (ratio ≤ 0.33); \(how)"),
        ]
    }

    /// The exact request docwright makes for the benchmark document, captured by a loopback model.
    func captureBody() throws -> (path: String, body: [UInt8]) {
        let fake = try FakeModel(record: true)
        defer { fake.stop() }
        let env = try environment.make(name: "capture", modelURL: fake.baseURL, cacheEnabled: false, extraConfig: Self.extraConfig)
        let client = try LSPPipeClient(binary: binary, environment: env, stderrPath: environment.logPath("capture"))
        defer { client.close() }
        _ = try client.initialize(options: initializationOptions)
        try client.didOpen(uri: BenchDocuments.pythonURI, language: "python", text: BenchDocuments.python)
        _ = try generate(client)
        let requests = fake.requests.filter { $0.path.hasSuffix("completions") }
        // One request with n: otherwise "the same body" would not describe what docwright does.
        guard requests.count == 1, let request = requests.first else {
            throw BenchError.harness("docwright sent \(requests.count) completions requests for one generation (expected 1 with n)")
        }
        return request
    }

    func generate(_ client: LSPPipeClient) throws -> Double {
        let limit = try remaining()
        let started = ContinuousClock.now
        let reply: [String: Any]
        do {
            reply = try client.request("workspace/executeCommand",
                                       BenchDocuments.generateArguments(uri: BenchDocuments.pythonURI, position: BenchDocuments.pythonPosition),
                                       timeout: limit)
        } catch BenchError.harness(let message) where message.contains("did not answer in time") {
            throw BenchError.model("docwright's generation took over \(Int(limit)) s (slow model)")
        }
        let seconds = started.duration(to: .now).seconds
        if let error = reply["error"] as? [String: Any] {
            throw BenchError.model("docwright's generation failed: \(error["message"] as? String ?? "\(error)")")
        }
        return seconds
    }

    func raw(url: String, body: [UInt8]) throws -> (seconds: Double, tokens: Int) {
        let limit = try remaining()
        return try Blocking.wait {
            let client = try HTTPClient()
            defer { client.shutdown() }
            let request = HTTPRequest(method: "POST", url: url, headers: [("Content-Type", "application/json")], body: body,
                                      timeout: limit)
            let started = ContinuousClock.now
            let response: HTTPResponse
            do {
                response = try await client.send(request)
            } catch {
                throw BenchError.model("the raw request to \(url) failed: \(error)")
            }
            let seconds = started.duration(to: .now).seconds
            guard response.status == 200 else {
                throw BenchError.model("the raw request answered HTTP \(response.status): \(String(decoding: response.body.prefix(200), as: UTF8.self))")
            }
            return (seconds, Self.completionTokens(response.body))
        }
    }

    func sequential(script: String, url: String, bodyFile: String) throws -> (seconds: Double, tokens: Int) {
        let python = options.python
        let n = options.samples
        let limit = try remaining()
        let result = try Blocking.wait {
            try await Subprocess.run(python, [script, "--url", url, "--body", bodyFile, "--n", String(n)], timeout: limit)
        }
        if result.timedOut { throw BenchError.model("\(script) took over \(Int(limit)) s (slow model)") }
        guard result.status == 0,
              let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any],
              let seconds = object["seconds"] as? Double else {
            throw BenchError.harness("\(script) failed (status \(result.status)): \(result.stderrText.suffix(300))")
        }
        return (seconds, object["completion_tokens"] as? Int ?? 0)
    }

    /// Tokens drawn over all choices (llama.cpp's `usage` describes one choice only).
    static func completionTokens(_ body: [UInt8]) -> Int {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
              let choices = object["choices"] as? [[String: Any]] else { return 0 }
        return choices.map { (($0["logprobs"] as? [String: Any])?["content"] as? [Any])?.count ?? 0 }.reduce(0, +)
    }
}
