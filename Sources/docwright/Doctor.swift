import ArgumentParser
import Config
import DocwrightCore
import Engine
import Foundation
import Gateway

/// `docwright doctor`: what configuration is in force and where each value came from, whether
/// the models answer, and which route a file would take.
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the effective configuration, probe the models, and explain routing.",
        discussion: "Example: docwright doctor --file src/train.py")

    @Option(help: "Explain which model and rule would serve this file.")
    var file: String?

    @Flag(help: "Probe every configured model, not only the ones routes use.")
    var all = false

    @Flag(help: "Do not contact any model.")
    var noProbe = false

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.bootstrap(label: "docwright.doctor")
        let root = file.map { URL(fileURLWithPath: $0).standardizedFileURL.deletingLastPathComponent().path }
            ?? FileManager.default.currentDirectoryPath
        let engine = try Engine.makeDefault(logger: logger, workspaceRoot: root)
        defer { engine.shutdown() }
        let store = engine.config
        let effective = store.current
        print("docwright \(DocwrightVersion.string)")
        print("user config:    \(store.userConfigPath ?? "(none)")")
        print("project config: \(store.projectConfigPath ?? "(none)")")
        let diagnostics = store.diagnostics
        if diagnostics.isEmpty {
            print("diagnostics:    none")
        } else {
            print("diagnostics:")
            for diagnostic in diagnostics { print("  \(diagnostic.description)") }
        }
        print("\neffective configuration (value ← source):")
        for entry in store.provenance() {
            print("  \(entry.key) = \(entry.value)  ← \(entry.source)")
        }
        if let file {
            let path = URL(fileURLWithPath: file).standardizedFileURL.path
            let language = languageID(forPath: path) ?? "plaintext"
            print("\nroute for \(file):")
            print("  " + effective.explainRoute(path: path, language: language, text: nil)
                .replacingOccurrences(of: "\n", with: "\n  "))
        }
        guard !noProbe else { return }
        let names = all ? Array(effective.models.keys).sorted() : usedModels(effective)
        print("\nmodels (probing \(names.count)):")
        await withTaskGroup(of: String.self) { group in
            for name in names {
                guard let endpoint = effective.endpoint(named: name) else { continue }
                group.addTask { await Self.describeProbe(endpoint, gateway: engine.gateway) }
            }
            for await line in group { print(line) }
        }
    }

    func usedModels(_ effective: EffectiveConfig) -> [String] {
        var names = [effective.defaultModel]
        for model in effective.routes.compactMap(\.model) where !names.contains(model) { names.append(model) }
        return names
    }

    static func describeProbe(_ endpoint: ModelEndpoint, gateway: Gateway) async -> String {
        let capabilities = await gateway.probe(endpoint: endpoint)
        let head = "  \(endpoint.name) [\(endpoint.provider.rawValue) \(endpoint.model) @ \(endpoint.baseURL)]"
        guard capabilities.reachable else {
            var line = head + ": NOT reachable — \(capabilities.error ?? "no answer")"
            if endpoint.name == "local" {
                line += "\n    start the local model with: scripts/local-model start   (see README)"
            }
            return line
        }
        return head + ": reachable in \(String(format2: capabilities.latency ?? 0)) s; n honoured: \(capabilities.honoursN.map { $0 ? "yes" : "no" } ?? "?"); "
            + "log-probabilities: \(capabilities.returnsLogprobs.map { $0 ? "yes" : "no" } ?? "?")"
    }
}

/// `docwright usage`: tokens and estimated cost per day and model.
struct UsageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "usage", abstract: "Tokens and estimated cost per day and model.")
    @Flag var json = false

    func run() async throws {
        let ledger = UsageLedger(path: UsageLedger.defaultPath(environment: ProcessInfo.processInfo.environment))
        let days = ledger.all
        if json {
            print(try jsonString(days))
            return
        }
        if days.isEmpty {
            print("no usage recorded yet (\(ledger.path ?? "no state directory"))")
            return
        }
        print("day         model                       requests  tokens in  tokens out  est. cost")
        for day in days.keys.sorted() {
            for (model, entry) in days[day, default: [:]].sorted(by: { $0.key < $1.key }) {
                print("\(day)  \(model.padding(toLength: 26, withPad: " ", startingAt: 0))  "
                    + "\(String(entry.requests).leftPad(8))  \(String(entry.promptTokens).leftPad(9))  "
                    + "\(String(entry.completionTokens).leftPad(10))  $\(String(format: "%.4f", entry.cost))")
            }
        }
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
