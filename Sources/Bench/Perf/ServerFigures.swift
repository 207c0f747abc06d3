import DocwrightCore
import Foundation
import Syntax

/// Figures of the server process itself, with a model that answers at once (FakeModel):
/// start-up, memory, cache-hit round trips, the pipeline's own cost, didChange on a big file.
/// Synchronous: runs on one dedicated thread.
struct ServerFigures {
    let options: PerfOptions
    let binary: String
    let environment: SessionEnvironment
    let fakeModelURL: String
    /// Median in-process HTTPClient POST to the fake model, ms (baseline of the pipeline figure).
    let rawPostMilliseconds: Double
    let progress: @Sendable (String) -> Void

    func run() throws -> [PerfRow] {
        var rows = try startup()
        rows += try session()
        return rows
    }

    // MARK: start-up

    func startup() throws -> [PerfRow] {
        progress("perf: start-up to initialize reply × \(options.startupRuns)")
        var times: [Double] = []
        var spawns: [Double] = []
        for index in 0..<options.startupRuns {
            let env = try environment.make(name: "startup\(index)", modelURL: fakeModelURL, cacheEnabled: true)
            let client = try LSPPipeClient(binary: binary, environment: env)
            _ = try client.request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [String: Any]()],
                                   timeout: 30)
            times.append(client.startedAt.duration(to: .now).milliseconds)
            client.close()
            spawns.append(try Self.spawnTrue())
        }
        return [PerfRow(
            figure: "start-up to `initialize` reply", value: BenchStatistics.median(times) ?? 0, unit: "ms",
            baselineName: "spawn + exit of /bin/true", baseline: BenchStatistics.median(spawns), goal: 30,
            note: "median of \(times.count) fresh processes (process start, config, cache open, first reply)")]
    }

    static func spawnTrue() throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        let started = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        return started.duration(to: .now).milliseconds
    }

    // MARK: one long session

    func session() throws -> [PerfRow] {
        let env = try environment.make(name: "session", modelURL: fakeModelURL, cacheEnabled: true)
        let client = try LSPPipeClient(binary: binary, environment: env, stderrPath: environment.logPath("session"))
        defer { client.close() }
        _ = try client.initialize(options: ["n": options.samples, "max_tokens": 48])
        try client.didOpen(uri: BenchDocuments.pythonURI, language: "python", text: BenchDocuments.python)
        _ = try client.request("docwright/benchBarrier", [String: Any]())
        Thread.sleep(forTimeInterval: 0.3)
        let idle = Double(client.residentKiB ?? 0) / 1024
        var rows = [PerfRow(figure: "RSS idle (one small document open)", value: idle, unit: "MB", goal: 20,
                            note: "VmRSS from /proc after initialize and didOpen")]
        rows += try cacheHits(client)
        rows += try populate(client, idleMB: idle)
        rows += try bigFileGenerations(client, smallFileMilliseconds: rows.last { $0.figure.hasPrefix("generate round trip") }?.value)
        rows += try didChange(client)
        rows += try uncachedCodeActions(client)
        return rows
    }

    /// codeAction served from the cache vs a request the server answers without work.
    func cacheHits(_ client: LSPPipeClient) throws -> [PerfRow] {
        progress("perf: cache-hit code actions × \(options.cacheHitRequests)")
        let generated = try client.request("workspace/executeCommand",
                                           BenchDocuments.generateArguments(uri: BenchDocuments.pythonURI, position: BenchDocuments.pythonPosition))
        guard let result = generated["result"] as? [String: Any], let candidates = result["candidates"] as? [Any], !candidates.isEmpty else {
            throw BenchError.harness("generate against the loopback model gave no candidates: \(generated)")
        }
        let params = BenchDocuments.codeActionParams(uri: BenchDocuments.pythonURI, position: BenchDocuments.pythonPosition)
        let first = try client.request("textDocument/codeAction", params)
        let titles = (first["result"] as? [[String: Any]])?.compactMap { $0["title"] as? String } ?? []
        guard titles.first?.contains("Use candidate") == true else {
            throw BenchError.harness("the code action after generating was not served from the cache: \(titles)")
        }
        var hits: [Double] = []
        var floor: [Double] = []
        for _ in 0..<options.cacheHitRequests {
            var started = ContinuousClock.now
            _ = try client.request("textDocument/codeAction", params)
            hits.append(started.duration(to: .now).milliseconds)
            started = ContinuousClock.now
            _ = try client.request("docwright/benchBarrier", [String: Any]())
            floor.append(started.duration(to: .now).milliseconds)
        }
        hits.sort()
        floor.sort()
        let note = "\(hits.count) codeAction requests over stdio answered from the cache (5 candidates with edits); "
            + "baseline: an unknown method answered with an error (transport floor)"
        return [
            PerfRow(figure: "cache-hit code action p50", value: BenchStatistics.quantile(hits, 0.5) ?? 0, unit: "ms",
                    baselineName: "no-op request", baseline: BenchStatistics.quantile(floor, 0.5), goal: 1, note: note),
            PerfRow(figure: "cache-hit code action p99", value: BenchStatistics.quantile(hits, 0.99) ?? 0, unit: "ms",
                    baselineName: "no-op request", baseline: BenchStatistics.quantile(floor, 0.99), goal: 5),
        ]
    }

    /// Fills the cache through the server (each entry a real generation on the loopback model).
    func populate(_ client: LSPPipeClient, idleMB: Double) throws -> [PerfRow] {
        let count = options.cacheEntries
        progress("perf: \(count) generations to fill the cache")
        try client.didOpen(uri: BenchDocuments.goURI, language: "go", text: BenchDocuments.go(0))
        var times: [Double] = []
        let arguments = BenchDocuments.generateArguments(uri: BenchDocuments.goURI, position: BenchDocuments.goPosition)
        for index in 0..<count {
            if index > 0 {
                try client.notify("textDocument/didChange", [
                    "textDocument": ["uri": BenchDocuments.goURI, "version": index + 1],
                    "contentChanges": [["text": BenchDocuments.go(index)]]])
            }
            let started = ContinuousClock.now
            let reply = try client.request("workspace/executeCommand", arguments)
            times.append(started.duration(to: .now).milliseconds)
            guard let result = reply["result"] as? [String: Any], (result["candidates"] as? [Any])?.isEmpty == false,
                  result["fromCache"] as? Bool == false else {
                throw BenchError.harness("generation \(index) on the loopback model did not give fresh candidates: \(reply)")
            }
            if index > 0, index % 2000 == 0 { progress("perf: \(index) entries") }
        }
        _ = try client.request("docwright/benchBarrier", [String: Any]())
        Thread.sleep(forTimeInterval: 0.5)
        let rss = Double(client.residentKiB ?? 0) / 1024
        times.sort()
        return [
            PerfRow(figure: "generate round trip, instant model, p50", value: BenchStatistics.quantile(times, 0.5) ?? 0,
                    unit: "ms", baselineName: "raw POST to the same model", baseline: rawPostMilliseconds,
                    note: "executeCommand docwright.generate (Go, n=\(options.samples)) with a loopback model that answers at once: "
                        + "docwright's own cost per generation (intent, prompt, HTTP, post-processing, ranking, cache store, applyEdit); "
                        + "p99 \(PerfReport.format(BenchStatistics.quantile(times, 0.99) ?? 0, "ms"))"),
            PerfRow(figure: "RSS with \(count) cache entries", value: rss, unit: "MB", baselineName: "idle", baseline: idleMB,
                    goal: 60, note: "VmRSS after \(count) distinct generations stored in the cache by the server itself "
                        + "(memory LRU + SQLite)"),
        ]
    }

    /// Generations at a stub below 10,000 lines of Python: what a large file adds to a generation
    /// (its candidates are each checked in place: parsed with the whole file around them).
    func bigFileGenerations(_ client: LSPPipeClient, smallFileMilliseconds: Double?) throws -> [PerfRow] {
        let count = options.quick ? 10 : 40
        progress("perf: \(count) generations in a 10k-line file")
        let uri = "file:///bench/big-generate.py"
        let functions = (0..<2_500).map { "def f\($0)(x):\n    y = x + \($0)\n    return y * 2\n" }.joined(separator: "\n")
        let text = functions + "\nLIMIT = 0\n\ndef add(a, b):\n    \"\"\"Add a and b.\"\"\"\n    pass\n"
        let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let lines = fileLines.count - 1
        guard let limitLine = fileLines.firstIndex(where: { $0.hasPrefix("LIMIT = ") }),
              let passLine = fileLines.firstIndex(of: "    pass") else { throw BenchError.harness("bad big file") }
        try client.didOpen(uri: uri, language: "python", text: text)
        let arguments = BenchDocuments.generateArguments(uri: uri, position: ["line": passLine, "character": 6])
        var times: [Double] = []
        var value = "0"
        for index in 0..<count {
            // A new value just above the stub (an incremental edit): in the prompt, so every
            // generation misses the cache.
            let next = "\(index + 1)"
            try client.notify("textDocument/didChange", [
                "textDocument": ["uri": uri, "version": index + 2],
                "contentChanges": [["range": ["start": ["line": limitLine, "character": 8],
                                              "end": ["line": limitLine, "character": 8 + value.count]], "text": next]]])
            value = next
            let started = ContinuousClock.now
            let reply = try client.request("workspace/executeCommand", arguments)
            times.append(started.duration(to: .now).milliseconds)
            guard let result = reply["result"] as? [String: Any], (result["candidates"] as? [Any])?.isEmpty == false,
                  result["fromCache"] as? Bool == false else {
                throw BenchError.harness("generation \(index) in a \(lines)-line file did not give fresh candidates: \(reply)")
            }
        }
        try client.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        times.sort()
        return [PerfRow(
            figure: "generate round trip, 10k-line file, instant model, p50", value: BenchStatistics.quantile(times, 0.5) ?? 0,
            unit: "ms", baselineName: "same, small Go file", baseline: smallFileMilliseconds,
            note: "\(count) executeCommand docwright.generate (Python, n=\(options.samples)) at a stub below \(lines) lines, "
                + "each after a one-line edit just above it, loopback model answering at once: intent, prompt, "
                + "post-processing, every candidate checked in place in the whole file, ranking, cache store, applyEdit; p99 "
                + PerfReport.format(BenchStatistics.quantile(times, 0.99) ?? 0, "ms"))]
    }

    /// Single-character edits on a 50k-line file vs the same edits on a 50-line file.
    func didChange(_ client: LSPPipeClient) throws -> [PerfRow] {
        progress("perf: didChange × \(options.editCount) on a \(options.bigFileLines)-line file")
        let big = try perEditMilliseconds(client, uri: "file:///bench/big.py", lines: options.bigFileLines)
        let small = try perEditMilliseconds(client, uri: "file:///bench/small.py", lines: 50)
        return [PerfRow(
            figure: "didChange on a \(options.bigFileLines / 1000)k-line file", value: big, unit: "ms",
            baselineName: "same edit, 50-line file", baseline: small, goal: 0.2,
            note: "\(options.editCount) one-character edits (UTF-16 positions) sent over stdio, then a request that runs "
                + "after them; (total − that request's own round trip) / edits, median of 3 rounds")]
    }

    /// The code action list for a task nothing is cached for, in a 10,000-line file, each right
    /// after a one-character edit: the incremental re-parse, the intent read from the tree, the
    /// route and the cache lookup — what a user waits for while typing.
    func uncachedCodeActions(_ client: LSPPipeClient) throws -> [PerfRow] {
        // Two shapes of the same size: 10,000 top-level statements, tree-sitter's worst case for an
        // incremental re-parse (the root's children are re-visited), and 2,000 small functions.
        let functions = (0..<2_000).map { "def f\($0)(x):\n    y = x + \($0)\n    z = y * 2\n    return z\n" }.joined(separator: "\n")
        return try uncachedCodeActions(client, name: "flat", text: BenchDocuments.bigPython(lines: 10_000))
            + uncachedCodeActions(client, name: "functions", text: functions + "\n")
    }

    private func uncachedCodeActions(_ client: LSPPipeClient, name: String, text: String) throws -> [PerfRow] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let requests = options.quick ? 50 : 300
        progress("perf: uncached code actions × \(requests) on a \(lines)-line file (\(name))")
        let uri = "file:///bench/uncached-\(name).py"
        let stub = "def tally(words):\n    \"\"\"Count each word in words.\"\"\"\n    pass\n"
        try client.didOpen(uri: uri, language: "python", text: text + stub)
        let params = BenchDocuments.codeActionParams(uri: uri, position: ["line": lines + 1, "character": 8])
        var started = ContinuousClock.now
        let first = try client.request("textDocument/codeAction", params)
        let firstMilliseconds = started.duration(to: .now).milliseconds
        let titles = (first["result"] as? [[String: Any]])?.compactMap { $0["title"] as? String } ?? []
        guard titles.contains(where: { $0.contains("Generate") }) else {
            throw BenchError.harness("no Generate action at the stub of a \(lines)-line file: \(titles)")
        }
        var times: [Double] = []
        var floor: [Double] = []
        for index in 0..<requests {
            let insert = index % 2 == 0
            try client.notify("textDocument/didChange", [
                "textDocument": ["uri": uri, "version": index + 2],
                "contentChanges": [["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": insert ? 0 : 1]],
                                    "text": insert ? "x" : ""]]])
            started = ContinuousClock.now
            _ = try client.request("textDocument/codeAction", params)
            times.append(started.duration(to: .now).milliseconds)
            started = ContinuousClock.now
            _ = try client.request("docwright/benchBarrier", [String: Any]())
            floor.append(started.duration(to: .now).milliseconds)
        }
        try client.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        times.sort()
        floor.sort()
        let reparse = try Self.reparseMilliseconds(text + stub, edits: requests)
        let note = "\(requests) codeAction requests at a documented stub below \(lines) lines of Python (\(name)), each after a "
            + "one-character edit at the top (incremental re-parse, intent from the tree, route, cache miss: a Generate "
            + "action); the first request, which parses the whole file, took \(String(format: "%.1f", firstMilliseconds)) ms"
        return [
            PerfRow(figure: "uncached code action list p50 (\(lines / 1000)k lines, \(name))", value: BenchStatistics.quantile(times, 0.5) ?? 0,
                    unit: "ms", baselineName: "tree-sitter re-parse alone", baseline: reparse, goal: 50,
                    note: note + "; baseline: the same one-character edits re-parsed in this process through Syntax (p50), "
                        + "the part of the request tree-sitter itself takes; no-op request p50 "
                        + PerfReport.format(BenchStatistics.quantile(floor, 0.5) ?? 0, "ms")),
            PerfRow(figure: "uncached code action list p99 (\(lines / 1000)k lines, \(name))", value: BenchStatistics.quantile(times, 0.99) ?? 0,
                    unit: "ms", baselineName: "no-op request", baseline: BenchStatistics.quantile(floor, 0.99), goal: 50),
        ]
    }

    /// p50 of tree-sitter's incremental re-parse after the edits the request figure makes
    /// (insert `x` at the top, then delete it), through `Syntax` in this process.
    static func reparseMilliseconds(_ text: String, edits: Int) throws -> Double {
        let parser = SyntaxParser()
        let plain = Array(text.utf8)
        let edited = Array("x".utf8) + plain
        var tree = try parser.parse(utf8: plain, language: Grammars.shared.language("python"))
        var times: [Double] = []
        for index in 0..<edits {
            let insert = index % 2 == 0
            let edit = insert ? try SyntaxEdit(replacing: 0..<0, in: plain, with: Array("x".utf8))
                              : try SyntaxEdit(replacing: 0..<1, in: edited, with: [UInt8]())
            let started = ContinuousClock.now
            let next = try parser.reparse(tree, applying: [edit], newUTF8: insert ? edited : plain)
            times.append(started.duration(to: .now).milliseconds)
            tree = next
        }
        times.sort()
        return BenchStatistics.quantile(times, 0.5) ?? 0
    }

    private func perEditMilliseconds(_ client: LSPPipeClient, uri: String, lines: Int) throws -> Double {
        try client.didOpen(uri: uri, language: "python", text: BenchDocuments.bigPython(lines: lines))
        var floor: [Double] = []
        for _ in 0..<50 {
            let started = ContinuousClock.now
            _ = try client.request("docwright/benchBarrier", [String: Any]())
            floor.append(started.duration(to: .now).milliseconds)
        }
        let barrier = BenchStatistics.median(floor) ?? 0
        var version = 1
        var rounds: [Double] = []
        var generator = SplitMix64(seed: UInt64(lines))
        for _ in 0..<3 {
            var frames: [UInt8] = []
            var line = 0
            for edit in 0..<options.editCount {
                version += 1
                let insert = edit % 2 == 0
                if insert { line = Int(generator.next() % UInt64(lines)) }
                let range: [String: Any] = [
                    "start": ["line": line, "character": 0],
                    "end": ["line": line, "character": insert ? 0 : 1],
                ]
                frames += try client.notificationFrame("textDocument/didChange", [
                    "textDocument": ["uri": uri, "version": version],
                    "contentChanges": [["range": range, "text": insert ? "x" : ""]]])
            }
            let started = ContinuousClock.now
            try client.write(frames)
            _ = try client.request("docwright/benchBarrier", [String: Any]())
            rounds.append((started.duration(to: .now).milliseconds - barrier) / Double(options.editCount))
        }
        try client.notify("textDocument/didClose", ["textDocument": ["uri": uri]])
        return max(0, BenchStatistics.median(rounds) ?? 0)
    }
}

