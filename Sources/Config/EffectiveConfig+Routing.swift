import DocwrightCore
import FoundationEssentials
import Languages
import Providers

extension EffectiveConfig {
    /// The domains a task belongs to, in the order of `domains` (built-in first): from its
    /// imports (their modules), its path, and its text (user regexes, script heuristics).
    public func detectDomains(task: GenerationTask) -> [String] {
        domainMatches(DomainEvidence(task: task, workspaceRoot: workspaceRoot)).map(\.name)
    }

    func domainMatches(_ evidence: DomainEvidence) -> [(name: String, reason: String)] {
        domains.compactMap { rule in rule.reason(for: evidence).map { (rule.name, $0) } }
    }

    /// Which model serves `task`, with what sampling, and why. The first `[[routes]]` rule whose
    /// conditions all hold wins; without one, `languages.ID.model`, then `default_model`.
    /// Sampling: built-in → preset model defaults → top-level keys → `[models.NAME]` → `[languages.ID]`
    /// → the route's overrides.
    /// Throws `RoutingError` when the chosen model is not defined (a broken or untrusted
    /// reference): such a request is refused, never sent to another model instead.
    public func route(for task: GenerationTask) throws(RoutingError) -> Route {
        try decide(for: DomainEvidence(task: task, workspaceRoot: workspaceRoot)).route()
    }

    /// The route for `task` on a model the user asked for by name (CLI `--model`, compare): the
    /// rule that would match still contributes its sampling settings.
    public func route(for task: GenerationTask, model: String) throws(RoutingError) -> Route {
        let decision = decide(for: DomainEvidence(task: task, workspaceRoot: workspaceRoot))
        return try makeRoute(model: model, entry: decision.entry, language: task.language, rule: .requestedModel(model))
    }

    /// The route to use once the daily budget is spent: the same rule's settings on
    /// `budget.fallback_model`; nil when no fallback is configured (refuse instead).
    public func budgetFallbackRoute(for task: GenerationTask) -> Route? {
        guard let fallback = budget.fallbackModel, models[fallback] != nil else { return nil }
        let decision = decide(for: DomainEvidence(task: task, workspaceRoot: workspaceRoot))
        return try? makeRoute(model: fallback, entry: decision.entry, language: task.language,
                              rule: .budgetFallback(replacing: decision.rule))
    }

    /// Whether docwright should act on a file, and if not, why (for a message or `doctor`).
    /// Checks, in order: `enabled`, `languages.ID.enabled`, `disabled_paths`, `privacy.exclude`,
    /// and a `docwright: off` comment in the first or last 50 lines of `text`.
    public func isEnabled(path: String?, language: String, text: String?) -> (Bool, reason: String?) {
        if let reason = blocked.first {
            return (false, "docwright is stopped by a configuration error: \(reason)")
        }
        if !enabled {
            return (false, "docwright is disabled (enabled = false in \(sources["enabled"] ?? "settings"))")
        }
        if languages[language]?.enabled == false {
            let source = sources["languages.\(ConfigKeyPath.isBare(language) ? language : "\"\(language)\"").enabled"] ?? "settings"
            return (false, "docwright is disabled for \(language) (languages.\(language).enabled = false in \(source))")
        }
        if let path {
            if let glob = disabledPaths.first(where: { Glob($0).matches(path: path, workspaceRoot: workspaceRoot) }) {
                return (false, "the file matches disabled_paths \"\(glob)\"")
            }
            if let glob = privacy.excludingPattern(for: path, workspaceRoot: workspaceRoot) {
                return (false, "the file matches privacy.exclude \"\(glob)\" and is never sent to a model")
            }
        }
        if let text, let line = Self.offMarkerLine(in: text) {
            return (false, "the file has a 'docwright: off' comment on line \(line)")
        }
        return (true, nil)
    }

    /// The first line (one-based) among the first and last 50 with a `docwright: off` comment.
    static func offMarkerLine(in text: String) -> Int? {
        var text = text
        return text.withUTF8(offMarkerLine(in:))
    }

    /// Lines are read as bytes, and only 100 of them: this runs on every request, and a
    /// Character-wise reading of a large file costs milliseconds.
    private static func offMarkerLine(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var lineCount = 1
        for byte in bytes where byte == 0x0A { lineCount += 1 }
        let head = min(50, lineCount)
        let tailStart = max(head, lineCount - 50)
        // Line starts of the head (from the front) and of the tail (from the back).
        var starts: [Int: Int] = [0: 0]
        var offset = 0
        for line in 1..<max(head, 1) {
            guard let newline = bytes[offset...].firstIndex(of: 0x0A) else { break }
            offset = newline + 1
            starts[line] = offset
        }
        offset = bytes.count
        for line in stride(from: lineCount - 1, through: tailStart, by: -1) {
            guard let newline = bytes[..<offset].lastIndex(of: 0x0A) else { break }
            starts[line] = newline + 1
            offset = newline
        }
        let markers = ["docwright: off", "docwright:off"].map { Array($0.utf8) }
        let commentStarts = ["#", "//", "/*", "--", ";", "<!--", "*", "%", "(*", "{-", "\"\"\"", "'''"].map { Array($0.utf8) }
        for index in Array(0..<head) + Array(tailStart..<lineCount) {
            guard let start = starts[index] else { continue }
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            // ASCII-case-folded.
            let folded = bytes[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            let found = folded.withUnsafeBufferPointer { line -> Bool in
                guard let marker = markers.lazy.compactMap({ ByteSearch.firstOffset(of: $0, in: line) }).first else { return false }
                let before = UnsafeBufferPointer(rebasing: line[..<marker])
                return commentStarts.contains { ByteSearch.firstOffset(of: $0, in: before) != nil }
            }
            if found { return index + 1 }
        }
        return nil
    }

    /// A few lines for `docwright doctor --file`: whether the file is enabled, its domains,
    /// each rule tried, the route taken, and the sampling it gets. Reads the file when `text` is nil.
    /// `imports`: the file's import statements (the caller reads them from its syntax tree).
    public func explainRoute(path: String, language: String? = nil, text: String? = nil, imports: [String] = []) -> String {
        let body = text ?? (try? String(contentsOfFile: Glob.plainPath(path), encoding: .utf8)) ?? ""
        let language = language ?? languageID(forPath: path) ?? "plaintext"
        let task = probeTask(path: path, language: language, text: body, imports: imports)
        let evidence = DomainEvidence(task: task, workspaceRoot: workspaceRoot)
        let decision = decide(for: evidence)
        let (isOn, reason) = isEnabled(path: path, language: language, text: body)
        var out = ["file: \(Glob.relativePath(path, workspaceRoot: workspaceRoot))", "language: \(language)"]
        out.append("enabled: " + (isOn ? "yes" : "no, \(reason ?? "")"))
        let domains = domainMatches(evidence)
        out.append("domains: " + (domains.isEmpty ? "none" : domains.map { "\($0.name) (\($0.reason))" }.joined(separator: ", ")))
        for (entry, verdict) in decision.trace { out.append("  \(entry.rule) at \(entry.source): \(verdict)") }
        let route: Route
        do {
            route = try decision.route()
        } catch {
            out.append("route: \(decision.rule) → refused: \(error.userMessage)")
            return out.joined(separator: "\n")
        }
        let endpoint = route.endpoint
        out.append("route: \(route.rule) → model \"\(endpoint.name)\" (\(endpoint.provider.rawValue) \(endpoint.model), "
            + "\(endpoint.api.rawValue) at \(endpoint.baseURL))")
        let p = route.params
        out.append("sampling: n=\(p.n) temperature=\(p.temperature.compact) max_tokens=\(p.maxTokens)"
            + " top_p=\(p.topP.map(\.compact) ?? "unset") seed=\(p.seed.map(String.init) ?? "unset")"
            + " stop=\(p.stop) logprobs=\(p.logprobs)")
        out.append("ranking: \(route.policy), verify=\(route.verify ? "yes" : "no")")
        return out.joined(separator: "\n")
    }

    /// A task standing for a whole file (its imports and path), for explaining which route the
    /// file takes. Reads the file when `text` is nil.
    public func probeTask(path: String, language: String, text: String? = nil, imports: [String] = []) -> GenerationTask {
        let body = text ?? (try? String(contentsOfFile: Glob.plainPath(path), encoding: .utf8)) ?? ""
        return GenerationTask(
            language: language, shape: .function, signature: "", docText: "", rawDoc: "", prefix: body, suffix: "",
            imports: imports, insertion: SourceRange(at: SourcePosition(line: 0, utf8Column: 0)),
            indentation: "", path: path)
    }

    /// The outcome of matching a task against the rules, with a verdict for each rule tried.
    struct Decision {
        var config: EffectiveConfig
        var model: String
        /// The `[[routes]]` entry that matched (its sampling settings apply), if one did.
        var entry: RouteEntry?
        var rule: RouteRule
        var language: String
        var trace: [(RouteEntry, String)]

        func route() throws(RoutingError) -> Route {
            try config.makeRoute(model: model, entry: entry, language: language, rule: rule)
        }
    }

    func decide(for evidence: DomainEvidence) -> Decision {
        let detected = Set(domainMatches(evidence).map(\.name))
        var trace: [(RouteEntry, String)] = []
        for entry in routes {
            if let miss = mismatch(entry, evidence: evidence, domains: detected) {
                trace.append((entry, "no, \(miss)"))
                continue
            }
            trace.append((entry, "match"))
            let model = entry.model ?? languages[evidence.language]?.model ?? defaultModel
            return Decision(config: self, model: model, entry: entry, rule: entry.rule, language: evidence.language, trace: trace)
        }
        if let model = languages[evidence.language]?.model {
            return Decision(config: self, model: model, entry: nil, rule: .languageModel(language: evidence.language),
                            language: evidence.language, trace: trace)
        }
        return Decision(config: self, model: defaultModel, entry: nil, rule: .defaultModel, language: evidence.language, trace: trace)
    }

    /// Why `rule` does not apply, or nil when it does.
    private func mismatch(_ rule: RouteEntry, evidence: DomainEvidence, domains: Set<String>) -> String? {
        if !rule.languages.isEmpty, !rule.languages.contains(evidence.language) {
            return "language is \(evidence.language)"
        }
        if !rule.domains.isEmpty, domains.isDisjoint(with: rule.domains) {
            return "domains are " + (domains.isEmpty ? "none" : domains.sorted().joined(separator: ", "))
        }
        if !rule.paths.isEmpty {
            guard let path = evidence.relativePath else { return "the file has no path" }
            if !rule.paths.contains(where: { Glob($0).matches(relativePath: path) }) { return "path \(path) does not match" }
        }
        return nil
    }

    /// The route on model `name` for `rule`; `entry` (the matched `[[routes]]` entry, if any) gives its sampling overrides.
    func makeRoute(model name: String, entry: RouteEntry?, language: String, rule: RouteRule) throws(RoutingError) -> Route {
        // Never another model instead: a broken reference must not send code somewhere the
        // configuration did not choose.
        guard let endpoint = models[name] else {
            let why = untrustedModels.contains(name)
                ? "only the untrusted project file \(projectTrust?.file ?? ".docwright.toml") defines it; review the file and run "
                    + "`docwright trust \(projectTrust?.directory ?? "DIR")` to use it"
                : "no configuration defines it; define [models.\(ConfigKeyPath.isBare(name) ? name : "\"\(name)\"")] or use a preset"
            let at = entry.map { " at \($0.source)" } ?? (rule.configurationKey.flatMap { sources[$0] }.map { " at \($0)" } ?? "")
            throw RoutingError(userMessage: "\(rule)\(at) names model \"\(name)\", which is not defined: \(why). Nothing was sent.")
        }
        let (preset, user) = modelSampling(name)
        let lang = languages[language]
        let global = userGlobalSampling
        let n = entry?.n ?? lang?.n ?? user.n ?? global.n ?? preset.n ?? EffectiveConfigBuilder.builtinN
        let params = SamplingParams(
            n: n,
            temperature: entry?.temperature ?? lang?.temperature ?? user.temperature ?? global.temperature
                ?? preset.temperature ?? EffectiveConfigBuilder.defaultTemperature(n: n),
            topP: entry?.topP ?? lang?.topP ?? user.topP ?? global.topP ?? preset.topP,
            maxTokens: entry?.maxTokens ?? lang?.maxTokens ?? user.maxTokens ?? global.maxTokens ?? preset.maxTokens
                ?? EffectiveConfigBuilder.builtinMaxTokens,
            stop: user.stop ?? preset.stop ?? [],
            seed: sampling.seed,
            logprobs: ProviderRegistry.provider(for: endpoint.provider)?.capabilities.logprobs ?? true)
        let policy = entry?.policy ?? lang?.policy ?? ranking.policy
            ?? (params.logprobs ? .verifiedThenLogprob : .agreement)
        let verify = entry?.verify ?? lang?.verify ?? self.verify ?? (Languages.named(language)?.runnableExamples != nil)
        return Route(endpoint: endpoint, params: params, policy: policy, rule: rule, verify: verify)
    }
}

/// A request that routing refuses (the chosen model is not defined). Nothing is sent.
public struct RoutingError: Error, UserFacingError, CustomStringConvertible {
    public var userMessage: String
    public var description: String { userMessage }
}
