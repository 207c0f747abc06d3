import ArgumentParser
import Config
import DocwrightCore
import Engine
import FoundationEssentials

/// `docwright compare FILE:LINE --models a,b`: the same task on several models, side by side.
struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Send the docstring at FILE:LINE to several models in parallel and compare the results.")

    @Argument(help: "FILE:LINE[:COL]")
    var target: String

    @Option(help: "Comma-separated model names from the configuration.")
    var models: String

    @Flag(help: "Print JSON instead of a markdown report.")
    var json = false

    @OptionGroup var options: EngineOptions

    func run() async throws {
        try await options.withTask("compare", at: target, verb: "compare") { targeted in
            let location = targeted.location
            let names = models.split(separator: ",").map { $0.trimmingHorizontalWhitespace() }.filter { !$0.isEmpty }
            let comparison = await targeted.engine.compare(task: targeted.task, models: names)
            print(json ? try jsonString(comparison) : comparison.markdown(uri: location.path, position: "\(location.line)"))
            if !comparison.entries.isEmpty, comparison.entries.allSatisfy({ $0.error != nil }) {
                printError("docwright: every model failed")
                throw ExitCode.failure
            }
        }
    }
}
