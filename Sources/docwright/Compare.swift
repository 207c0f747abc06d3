import ArgumentParser
import Config
import DocwrightCore
import Engine
import Foundation

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

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap(label: "docwright.compare")
        let (location, engine, task) = try workspace.task(at: target, verb: "compare", logger: logger).parts
        defer { engine.shutdown() }
        let names = models.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let comparison = await engine.compare(task: task, models: names)
        print(json ? try jsonString(comparison) : comparison.markdown(uri: location.path, position: "\(location.line)"))
        if !comparison.entries.isEmpty, comparison.entries.allSatisfy({ $0.error != nil }) {
            printError("docwright: every model failed")
            throw ExitCode.failure
        }
    }
}
