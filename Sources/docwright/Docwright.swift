import ArgumentParser
import DocwrightCore

@main
enum Main {
    static func main() async {
        if let server = LSPFastPath.parse(Array(CommandLine.arguments.dropFirst())) {
            do {
                try await server.run()
            } catch {
                // Reported exactly as ArgumentParser reports a failing command.
                Docwright.exit(withError: error)
            }
        }
        await Docwright.main()
    }
}

struct Docwright: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docwright",
        abstract: "A language server that turns docstrings and comments into code, ranked by mean log-probability.",
        discussion: """
            Examples:
              docwright lsp                          serve LSP on stdio (what editors run)
              docwright generate src/fib.py:12       print ranked implementations for the docstring at line 12
              docwright generate src/fib.py:12 --apply   ... and write the best one into the file
              docwright sample --base-url http://127.0.0.1:8012/v1 --model gemma prompt.txt
              docwright doctor --file src/train.py   effective config, model probes, the route a file takes
              docwright cache stats
            """,
        version: DocwrightVersion.string,
        subcommands: [Serve.self, Generate.self, Sample.self, Compare.self, Doctor.self, TrustCommand.self, CacheCommand.self, UsageCommand.self],
        defaultSubcommand: Serve.self
    )
}
