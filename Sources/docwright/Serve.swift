import ArgumentParser
import Engine
import Foundation
import JSONRPC
import Logging
import Server
import DocwrightCore

/// `docwright lsp`: LSP over stdio.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol on stdin/stdout (the default).")

    @Flag(name: .long, help: "Accepted for clients that pass it (VS Code); stdio is always used.")
    var stdio = false

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        // Protocol bytes only on the real stdout: the transport gets a duplicate of fd 1 and
        // fd 1 becomes stderr, so a stray print cannot corrupt the stream.
        let output = try StdoutGuard.redirect()
        let logger = logging.bootstrap(label: "docwright.lsp")
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
        Foundation.exit(code)
    }
}
