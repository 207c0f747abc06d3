import ArgumentParser
import DocwrightCore
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
enum Main {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // A person typing `docwright` gets help; editors start it with a pipe (or `lsp`).
        if arguments.isEmpty, isatty(STDIN_FILENO) == 1 {
            print(Docwright.helpMessage())
            return
        }
        if let unknown = CommandGuess.unknownSubcommand(in: arguments) {
            StandardStreams.writeError(unknown + "\n")
            Docwright.exit(withError: ExitCode.validationFailure)
        }
        if let server = LSPFastPath.parse(arguments) {
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
        subcommands: [Serve.self, Generate.self, PromptCommand.self, Sample.self, Compare.self, Doctor.self, TrustCommand.self, CacheCommand.self, UsageCommand.self],
        defaultSubcommand: Serve.self
    )
}

/// `docwright genrate …` would otherwise reach the default subcommand (`lsp`) and fail there with
/// a confusing message: a first word that is no subcommand gets "did you mean" instead.
enum CommandGuess {
    static func unknownSubcommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let names = Docwright.configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        let hint = Spelling.closest(to: first, in: names, within: max(2, first.count / 3)).map { " Did you mean '\($0)'?" } ?? ""
        return "Error: unknown command '\(first)'.\(hint)\nUsage: docwright <subcommand>\n  See 'docwright --help' for the commands."
    }
}
