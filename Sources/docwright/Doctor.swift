import ArgumentParser
import Config
import DocwrightCore
import Engine
import FoundationEssentials
import Gateway
import Intent
import Languages
import ProjectContext
import Syntax

/// `docwright doctor`: what configuration is in force and where each value came from, whether
/// the project file is trusted, whether the models answer, which route a file would take, and
/// which tree-sitter grammars are installed.
/// Exits 1 when the configuration has errors or a model in use cannot be reached, so editors'
/// health checks (which read `--json`) and scripts can rely on the status.
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the effective configuration, probe the models, and explain routing.",
        discussion: "Example: docwright doctor --file src/train.py. Exits 1 when the configuration has errors or a model in use is unreachable.")

    @Option(help: "Explain which model and rule would serve this file; with :LINE, also the request generate would send there and its project context.")
    var file: String?

    @Flag(help: "Probe every configured model, not only the ones routes use.")
    var all = false

    @Flag(help: "Do not contact any model.")
    var noProbe = false

    @Flag(help: "Print one JSON object (for editors' health checks).")
    var json = false

    @OptionGroup var options: EngineOptions

    func run() async throws {
        let location = file.flatMap { try? SourceLocation(parsing: $0) }
        let path = (location?.path ?? file).map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        let report = try await options.withEngine("doctor", about: path) { engine in
            await diagnose(engine, location: location, path: path)
        }
        print(json ? try jsonString(report) : report.text)
        if !report.ok { throw ExitCode.failure }
    }

    /// The configuration, the prompt at FILE:LINE, the network settings and the probes.
    func diagnose(_ engine: Engine, location: SourceLocation?, path: String?) async -> DoctorReport {
        var report = DoctorReport(store: engine.config, file: path)
        if let location { report.prompt = Self.prompt(at: location, engine: engine, workspace: options.workspace) }
        let effective = engine.config.current
        let used = Set(Self.usedModels(effective, file: path))
        let names = all ? effective.models.keys.sorted() : used.sorted()
        report.network = names.compactMap { name in
            effective.endpoint(named: name).map { endpoint in
                let settings = (engine.models as? Gateway)?.network(for: endpoint)
                    ?? NetworkSettings.resolve(for: endpoint, environment: ProcessInfo.processInfo.environment)
                return DoctorReport.Network(name: name, settings, inUse: used.contains(name))
            }
        }
        if !noProbe {
            report.models = await withTaskGroup(of: DoctorReport.Probe?.self) { group in
                for name in names {
                    guard let endpoint = effective.endpoint(named: name) else { continue }
                    group.addTask {
                        DoctorReport.Probe(endpoint, await engine.models.probe(endpoint: endpoint), inUse: used.contains(name))
                    }
                }
                var probes: [DoctorReport.Probe] = []
                for await probe in group { if let probe { probes.append(probe) } }
                return probes.sorted { $0.name < $1.name }
            }
        }
        return report
    }

    /// What `docwright prompt` shows for FILE:LINE, or why there is nothing to send there.
    static func prompt(at location: SourceLocation, engine: Engine, workspace: WorkspaceOptions) -> DoctorReport.PromptSection {
        do {
            let text = try location.readText()
            let lookup = workspace.findTask(at: location, in: text, engine: engine)
            guard case .task(let task) = lookup else {
                if case .nothing(let reason) = lookup { return .init(target: location.description, problem: reason) }
                return .init(target: location.description, problem: "nothing to generate")
            }
            let preview = try engine.preview(task: task)
            return .init(target: location.description, request: PromptReport(preview, index: engine.workspace?.status))
        } catch let error as any UserFacingError {
            return .init(target: location.description, problem: error.userMessage)
        } catch {
            return .init(target: location.description, problem: "\(error)")
        }
    }

    /// The models requests can reach: the routed model of `file`, or the default, route and
    /// language models.
    static func usedModels(_ effective: EffectiveConfig, file: String?) -> [String] {
        if let file {
            let language = languageID(forPath: file) ?? "plaintext"
            let text = try? String(contentsOfFile: file, encoding: .utf8)
            let imports = IntentFinder.imports(in: text ?? "", language: language)
            return (try? effective.route(for: effective.probeTask(path: file, language: language, text: text, imports: imports)))
                .map { [$0.endpoint.name] } ?? []
        }
        var names = [effective.defaultModel]
        names += effective.routes.compactMap(\.model) + effective.languages.values.compactMap(\.model)
        return names.filter { effective.endpoint(named: $0) != nil }
    }
}

/// Everything `doctor` found, printed as text or JSON.
struct DoctorReport: Encodable {
    struct Diagnostic: Encodable {
        var severity: String
        var source: String
        var line: Int?
        var key: String?
        var message: String
    }

    struct Trust: Encodable {
        var file: String
        var state: String
        var ignored: [String]
        var notice: String?
    }

    struct Setting: Encodable {
        var key: String
        var value: String
        var source: String
    }

    struct Probe: Encodable {
        var name: String
        var provider: String
        var model: String
        var baseURL: String
        var inUse: Bool
        var reachable: Bool
        var error: String?
        var latency: Double?
        var honoursN: Bool?
        var logprobs: Bool?

        init(_ endpoint: ModelEndpoint, _ capabilities: Capabilities, inUse: Bool) {
            name = endpoint.name
            provider = endpoint.provider.rawValue
            model = endpoint.model
            baseURL = endpoint.baseURL
            self.inUse = inUse
            reachable = capabilities.reachable
            error = capabilities.error
            latency = capabilities.latency
            honoursN = capabilities.honoursN
            logprobs = capabilities.returnsLogprobs
        }
    }

    /// How a model's requests travel (`NetworkSettings`): never the proxy's credentials.
    struct Network: Encodable {
        var name: String
        var inUse: Bool
        var proxy: String?
        /// The proxy's origin (`proxy`, `HTTPS_PROXY`, …) or why there is none (`loopback`, `NO_PROXY`).
        var proxySource: String?
        var caFile: String?
        var caSource: String?
        var summary: String
        /// A CA file that cannot be read (requests then fail before sending anything).
        var problem: String?

        init(name: String, _ settings: NetworkSettings, inUse: Bool) {
            self.name = name
            self.inUse = inUse
            proxy = settings.displayProxy
            proxySource = settings.proxySource
            caFile = settings.caFile
            caSource = settings.caSource
            summary = settings.summary
            problem = settings.caFileProblem
        }

        enum CodingKeys: String, CodingKey {
            case name, proxy, summary, problem
            case inUse = "in_use", proxySource = "proxy_source", caFile = "ca_file", caSource = "ca_source"
        }
    }

    var version = DocwrightVersion.string
    var workspace: String?
    var userConfig: String?
    var projectConfig: String?
    var trust: Trust?
    var diagnostics: [Diagnostic]
    /// Why docwright sends nothing right now (unparsable file, malformed restrictive rule).
    var blocked: [String]
    var effective: [Setting]
    /// `docwright doctor --file`: the route explanation, one line each.
    var route: [String]?
    var models: [Probe] = []
    var network: [Network] = []
    var grammars: Grammars
    /// `docwright doctor --file FILE:LINE`: the request and its context (as `docwright prompt`).
    var prompt: PromptSection?

    struct PromptSection: Encodable {
        var target: String
        var request: PromptReport?
        var problem: String?
    }

    /// `Syntax.Grammars.report()`: where the grammars are and which languages have one. A missing
    /// grammar does not fail the status (candidates are then not parse-checked) but says what to run.
    struct Grammars: Encodable {
        struct Language: Encodable {
            var ids: [String]
            var grammar: String
            var library: String
            var found: Bool
            var loaded: Bool
        }

        var directory: String?
        var problem: String?
        var versions: [String: String]
        var runtimeFound: Bool
        var languages: [Language]

        init(_ report: GrammarReport) {
            directory = report.directory?.path
            problem = report.problem
            versions = report.versions
            runtimeFound = report.runtimeFound
            languages = report.grammars.map {
                Language(ids: $0.languageIDs, grammar: $0.grammar.name, library: $0.grammar.library, found: $0.found, loaded: $0.loaded)
            }
        }

        enum CodingKeys: String, CodingKey {
            case directory, problem, versions, languages
            case runtimeFound = "runtime_found"
        }

        var text: [String] {
            guard let directory else {
                return ["\ngrammars: NOT found — \(problem ?? "no grammar directory")",
                        "  parse checks are off; install them with: scripts/grammars install   (see docs/languages.md)"]
            }
            var lines = ["\ngrammars: \(directory)"]
            let pinned = versions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            if !pinned.isEmpty { lines.append("  versions: " + pinned.joined(separator: ", ")) }
            if !runtimeFound { lines.append("  runtime libtree-sitter.so: NOT found (scripts/grammars install)") }
            let missing = languages.filter { !$0.found }
            lines.append("  languages: " + languages.filter(\.found).map { $0.ids[0] }.joined(separator: ", "))
            for language in missing {
                lines.append("  \(language.ids[0]): NOT found (\(language.library)); run scripts/grammars install")
            }
            return lines
        }
    }

    init(store: ConfigStore, file: String?, grammars: GrammarReport = Syntax.Grammars.shared.report()) {
        self.grammars = Grammars(grammars)
        let effective = store.current
        workspace = store.workspaceRoot
        userConfig = store.userConfigPath
        projectConfig = store.projectConfigPath
        trust = store.projectTrust.map { Trust(file: $0.file, state: $0.state.name, ignored: $0.ignored, notice: $0.notice) }
        diagnostics = store.diagnostics.map {
            Diagnostic(severity: $0.severity.rawValue, source: $0.source, line: $0.line, key: $0.key, message: $0.message)
        }
        blocked = effective.blocked
        self.effective = store.provenance().map { Setting(key: $0.key, value: $0.value, source: $0.source) }
        route = file.map { file in
            let language = languageID(forPath: file)
            let text = try? String(contentsOfFile: file, encoding: .utf8)
            let imports = IntentFinder.imports(in: text ?? "", language: language ?? "plaintext")
            return effective.explainRoute(path: file, language: language, text: text, imports: imports).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// No configuration error, and every model in use answered.
    var ok: Bool {
        blocked.isEmpty && !diagnostics.contains { $0.severity == "error" } && models.allSatisfy { $0.reachable || !$0.inUse }
            && network.allSatisfy { $0.problem == nil || !$0.inUse }
    }

    enum CodingKeys: String, CodingKey {
        case version, workspace, trust, diagnostics, blocked, effective, route, models, network, grammars, prompt, ok
        case userConfig = "user_config", projectConfig = "project_config"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(workspace, forKey: .workspace)
        try container.encodeIfPresent(userConfig, forKey: .userConfig)
        try container.encodeIfPresent(projectConfig, forKey: .projectConfig)
        try container.encodeIfPresent(trust, forKey: .trust)
        try container.encodeIfPresent(prompt, forKey: .prompt)
        try container.encode(diagnostics, forKey: .diagnostics)
        try container.encode(blocked, forKey: .blocked)
        try container.encode(effective, forKey: .effective)
        try container.encodeIfPresent(route, forKey: .route)
        try container.encode(models, forKey: .models)
        try container.encode(network, forKey: .network)
        try container.encode(grammars, forKey: .grammars)
        try container.encode(ok, forKey: .ok)
    }

    var text: String {
        var lines = ["docwright \(version)", "workspace:      \(workspace ?? "(none)")",
                     "user config:    \(userConfig ?? "(none)")", "project config: \(projectConfig ?? "(none)")"]
        if let trust {
            lines.append("project trust:  \(trust.state)" + (trust.state == "trusted" ? "" : " (`docwright trust` after review)"))
            if let notice = trust.notice { lines.append("  " + notice) }
        }
        for reason in blocked { lines.append("STOPPED: \(reason)") }
        lines.append(diagnostics.isEmpty ? "diagnostics:    none" : "diagnostics:")
        for d in diagnostics {
            lines.append("  \(d.severity): \(d.source)\(d.line.map { ":\($0)" } ?? ""): \(d.message)")
        }
        lines.append("\neffective configuration (value ← source):")
        lines += effective.map { "  \($0.key) = \($0.value)  ← \($0.source)" }
        if let route {
            lines.append("\nroute:")
            lines += route.map { "  " + $0 }
        }
        if let prompt {
            lines.append("\nprompt at \(prompt.target):")
            if let problem = prompt.problem { lines.append("  nothing would be sent: \(problem)") }
            if let request = prompt.request { lines += request.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 } }
        }
        if !network.isEmpty {
            lines.append("\nnetwork (proxy and CA bundle per model):")
            for route in network {
                lines.append("  \(route.name): \(route.summary)" + (route.problem.map { " — PROBLEM: \($0)" } ?? ""))
            }
        }
        if !models.isEmpty {
            lines.append("\nmodels (probed \(models.count)):")
            for probe in models {
                let head = "  \(probe.name) [\(probe.provider) \(probe.model) @ \(probe.baseURL)]"
                guard probe.reachable else {
                    lines.append(head + ": NOT reachable — \(probe.error ?? "no answer")")
                    if probe.name == "local" { lines.append("    start the local model with: scripts/local-model start   (see README)") }
                    continue
                }
                lines.append(head + ": reachable in \(String(format2: probe.latency ?? 0)) s; n honoured: "
                    + "\(probe.honoursN.map { $0 ? "yes" : "no" } ?? "?"); log-probabilities: \(probe.logprobs.map { $0 ? "yes" : "no" } ?? "?")")
            }
        }
        lines += grammars.text
        lines.append("\nstatus: " + (ok ? "ok" : "problems found (exit status 1)"))
        return lines.joined(separator: "\n")
    }
}
