import Foundation
import Testing

/// The command lines editors start the server with take a fast path past ArgumentParser; these
/// check that every spelling still serves, honours its options, and that anything else still
/// gets ArgumentParser's errors.
@Suite struct CommandLineTests {
    @Test(arguments: [[], ["lsp"], ["--stdio"], ["lsp", "--stdio"]])
    func editorCommandLinesServe(_ arguments: [String]) async throws {
        let client = try BinaryClient(arguments: arguments)
        let reply = try await client.request("initialize", initializeParams())
        #expect((reply["result"] as? [String: Any])?["capabilities"] != nil, "\(arguments)")
        _ = try await client.request("shutdown", NSNull())
        try client.notify("exit", [:])
        #expect(await client.waitForExit() == 0)
        #expect(!client.sawGarbage)
    }

    @Test(arguments: [["lsp", "--log-level", "debug", "--log-file"], ["--log-level=debug", "--log-file="]])
    func logOptionsAreHonoured(_ prefix: [String]) async throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-cli-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        var arguments = prefix
        if arguments.last!.hasSuffix("=") { arguments[arguments.count - 1] += log } else { arguments.append(log) }
        let client = try BinaryClient(arguments: arguments)
        _ = try await client.request("initialize", initializeParams())
        _ = try await client.request("shutdown", NSNull())
        try client.notify("exit", [:])
        #expect(await client.waitForExit() == 0)
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(text.contains("debug"), "no debug lines in the log file: \(text.prefix(300))")
    }

    @Test(arguments: [["lsp", "--bogus"], ["--log-level"], ["lsp", "extra"]])
    func otherCommandLinesGetArgumentParserErrors(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BinaryClient.binaryPath())
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0, "\(arguments) was accepted")
        #expect(text.contains("Error:") || text.contains("Usage:"), "\(arguments): \(text)")
    }
}

/// Issue 18: the CLI behaves like a Unix tool — usage errors exit 64 with usage, runtime
/// failures exit 1 with one line, typos get a suggestion, a person typing `docwright` gets help.
@Suite struct CommandLineBehaviourTests {
    /// The binary with an unreachable local model (and private HOME/XDG directories).
    func run(_ arguments: [String], executable: String? = nil) async throws
        -> (exited: Int32?, how: String, stdout: String, stderr: String)
    {
        try await runDocwright(arguments, environment: ["DOCWRIGHT_LOCAL_MODEL_URL": "http://127.0.0.1:9/v1"],
                               executable: executable)
    }

    @Test func runtimeFailuresExitOneWithOneLineAndNoUsage() async throws {
        let missing = try await run(["generate", "/nonexistent/x.py:1"])
        #expect(missing.exited == 1, "\(missing)")
        #expect(missing.stderr.contains("cannot read /nonexistent/x.py") && !missing.stderr.contains("Usage"), "\(missing.stderr)")
        // The model is unreachable: one clear line, exit 1.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-cli-\(UUID().uuidString).py")
        try "def f(a):\n    \"\"\"Return a doubled.\"\"\"\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let unreachable = try await run(["generate", file.path + ":2"])
        #expect(unreachable.exited == 1 && !unreachable.stderr.contains("Usage"), "\(unreachable)")
        #expect(!unreachable.stderr.contains("prompt sent"), "audit lines belong to --log-level info: \(unreachable.stderr)")
        let compared = try await run(["compare", file.path + ":2", "--models", "local"])
        #expect(compared.exited == 1 && compared.stderr.contains("every model failed"), "\(compared)")
        let nothing = try await run(["generate", file.path + ":1"])
        #expect(nothing.exited == 1, "\(nothing)")
    }

    @Test func usageErrorsExit64WithUsage() async throws {
        for arguments in [["generate"], ["generate", "x.py"], ["generate", "x.py:1", "--log-level", "loud"], ["--log-level", "loud"]] {
            let result = try await run(arguments)
            #expect(result.exited == 64, "\(arguments): \(result)")
            #expect(result.stderr.contains("Usage") || result.stderr.contains("USAGE"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func anUnknownCommandGetsASuggestionNotTheServer() async throws {
        let typo = try await run(["genrate", "x.py:1"])
        #expect(typo.exited == 64, "\(typo)")
        #expect(typo.stderr.contains("Did you mean 'generate'?"), "\(typo.stderr)")
        let nonsense = try await run(["frobnicate"])
        #expect(nonsense.exited == 64 && nonsense.stderr.contains("unknown command 'frobnicate'"), "\(nonsense)")
    }

    /// `script` gives the binary a terminal on stdin, as when a person types `docwright`.
    @Test func bareDocwrightOnATerminalPrintsHelp() async throws {
        let binary = try BinaryClient.binaryPath()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            Issue.record("util-linux's script(1) is needed for this test (scripts/install-deps installs util-linux)")
            return
        }
        let result = try await run(["-qec", "timeout 10 \(binary)", "/dev/null"], executable: "/usr/bin/script")
        #expect(result.exited == 0, "\(result)")
        #expect(result.stdout.contains("SUBCOMMANDS") && result.stdout.contains("generate"), "\(result.stdout)")
    }
}
