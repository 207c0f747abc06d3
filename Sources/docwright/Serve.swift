import ArgumentParser
import Engine
import FoundationEssentials
import JSONRPC
import Logging
import Server
import DocwrightCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `docwright lsp`: LSP over stdio. Editors usually start it through `LSPFastPath`, which skips
/// ArgumentParser; this command is the same server for every other spelling (and for `--help`).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol on stdin/stdout (the default).")

    @Flag(name: .long, help: "Accepted for clients that pass it (VS Code); stdio is always used.")
    var stdio = false

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        try await LanguageServerProcess(logLevel: logging.logLevel, logFile: logging.logFile).run()
    }
}

/// The server process: stdout guard, logging, engine, connection; exits when the client says so.
struct LanguageServerProcess {
    var logLevel: String?
    var logFile: String?

    func run() async throws -> Never {
        // Protocol bytes only on the real stdout: the transport gets a duplicate of fd 1 and
        // fd 1 becomes stderr, so a stray print cannot corrupt the stream.
        let output = try StdoutGuard.redirect()
        let logger = LoggingOptions.bootstrap(label: "docwright.lsp", logLevel: logLevel, logFile: logFile)
        let engine = try Engine.makeDefault(logger: logger)
        let connection = Connection(
            transport: StdioTransport(input: STDIN_FILENO, output: output), logger: logger,
            errorMapper: LanguageServer.mapError)
        let server = LanguageServer(connection: connection, engine: engine, logger: logger)
        await connection.run(handler: server)
        // `exit` stops the connection after flushing; input closing without it means the client died.
        let code = server.exitCode ?? 1
        logger.info("exit", metadata: ["code": "\(code)"])
        engine.shutdown()
        exit(code)
    }
}

/// Recognises the command lines editors start the server with (`docwright`, `docwright lsp`,
/// `--stdio`, `--log-level L`, `--log-file F`) without ArgumentParser, whose reflection costs
/// about half of start-up. Anything else (help, typos, other subcommands) returns nil and goes
/// through ArgumentParser, so errors and help read the same as ever.
enum LSPFastPath {
    static func parse(_ arguments: [String]) -> LanguageServerProcess? {
        var rest = arguments[...]
        if rest.first == "lsp" { rest = rest.dropFirst() }
        var process = LanguageServerProcess()
        while let argument = rest.popFirst() {
            let (name, inlineValue) = split(argument)
            switch name {
            case "--stdio" where inlineValue == nil:
                continue
            case "--log-level", "--log-file":
                guard let value = inlineValue ?? rest.popFirst(), !value.hasPrefix("-") else { return nil }
                // An unknown level goes to ArgumentParser, which rejects it with the usage.
                if name == "--log-level", Logger.Level(rawValue: value.lowercased()) == nil { return nil }
                if name == "--log-level" { process.logLevel = value } else { process.logFile = value }
            default:
                return nil
            }
        }
        return process
    }

    /// `--name=value` → ("--name", "value"); anything else → (argument, nil).
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
}
