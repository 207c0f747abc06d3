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
