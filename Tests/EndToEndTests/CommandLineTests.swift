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
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    func run(_ arguments: [String], environment extra: [String: String] = [:], executable: String? = nil) throws -> Run {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable ?? BinaryClient.binaryPath())
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = [
            "HOME": directory.path, "XDG_CACHE_HOME": directory.path + "/cache", "XDG_CONFIG_HOME": directory.path + "/config",
            "XDG_DATA_HOME": directory.path + "/data", "XDG_STATE_HOME": directory.path + "/state",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "DOCWRIGHT_LOCAL_MODEL_URL": "http://127.0.0.1:9/v1",
        ]
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = directory.appendingPathComponent("out"), err = directory.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                   errors: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    @Test func runtimeFailuresExitOneWithOneLineAndNoUsage() throws {
        let missing = try run(["generate", "/nonexistent/x.py:1"])
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.errors.contains("cannot read /nonexistent/x.py") && !missing.errors.contains("Usage"), "\(missing.errors)")
        // The model is unreachable: one clear line, exit 1.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-cli-\(UUID().uuidString).py")
        try "def f(a):\n    \"\"\"Return a doubled.\"\"\"\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let unreachable = try run(["generate", file.path + ":2"])
        #expect(unreachable.status == 1 && !unreachable.errors.contains("Usage"), "\(unreachable)")
        #expect(!unreachable.errors.contains("prompt sent"), "audit lines belong to --log-level info: \(unreachable.errors)")
        let compared = try run(["compare", file.path + ":2", "--models", "local"])
        #expect(compared.status == 1 && compared.errors.contains("every model failed"), "\(compared)")
        let nothing = try run(["generate", file.path + ":1"])
        #expect(nothing.status == 1, "\(nothing)")
    }

    @Test func usageErrorsExit64WithUsage() throws {
        for arguments in [["generate"], ["generate", "x.py"], ["generate", "x.py:1", "--log-level", "loud"], ["--log-level", "loud"]] {
            let result = try run(arguments)
            #expect(result.status == 64, "\(arguments): \(result)")
            #expect(result.errors.contains("Usage") || result.errors.contains("USAGE"), "\(arguments): \(result.errors)")
        }
    }

    @Test func anUnknownCommandGetsASuggestionNotTheServer() throws {
        let typo = try run(["genrate", "x.py:1"])
        #expect(typo.status == 64, "\(typo)")
        #expect(typo.errors.contains("Did you mean 'generate'?"), "\(typo.errors)")
        let nonsense = try run(["frobnicate"])
        #expect(nonsense.status == 64 && nonsense.errors.contains("unknown command 'frobnicate'"), "\(nonsense)")
    }

    /// `script` gives the binary a terminal on stdin, as when a person types `docwright`.
    @Test func bareDocwrightOnATerminalPrintsHelp() throws {
        let binary = try BinaryClient.binaryPath()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            Issue.record("util-linux's script(1) is needed for this test (scripts/install-deps installs util-linux)")
            return
        }
        let result = try run(["-qec", "timeout 10 \(binary)", "/dev/null"], executable: "/usr/bin/script")
        #expect(result.status == 0, "\(result)")
        #expect(result.output.contains("SUBCOMMANDS") && result.output.contains("generate"), "\(result.output)")
    }
}
