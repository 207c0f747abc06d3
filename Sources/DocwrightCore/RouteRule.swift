/// Which part of the configuration chose a route's model. Routing decides by these and nothing
/// else; `description` is the one rendering for people (`docwright generate`, `doctor --file`,
/// completion details, the pickers' list, logs).
public indirect enum RouteRule: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A `[[routes]]` entry whose conditions all held: its position in `routes` and its
    /// conditions (each list empty when the entry does not test it).
    case route(index: Int, languages: [String], domains: [String], paths: [String])
    /// `languages.ID.model`: no route matched and the task's language names a model.
    case languageModel(language: String)
    /// `default_model`: nothing more specific applied.
    case defaultModel
    /// The model asked for by name (CLI `--model`, compare); the matching rule still gives its sampling.
    case requestedModel(String)
    /// `budget.fallback_model` once the daily budget is spent, with the rule that would have applied.
    case budgetFallback(replacing: RouteRule)

    /// `routes[2] (language=python, domain=data-ml)`, `languages.rust.model`, `default_model`,
    /// `requested model NAME`, `… → over daily budget: budget.fallback_model`. Alternatives
    /// within a condition are joined with `|`.
    public var description: String {
        switch self {
        case .route(let index, let languages, let domains, let paths):
            var conditions: [String] = []
            if !languages.isEmpty { conditions.append("language=" + languages.joined(separator: "|")) }
            if !domains.isEmpty { conditions.append("domain=" + domains.joined(separator: "|")) }
            if !paths.isEmpty { conditions.append("path=" + paths.joined(separator: "|")) }
            return "routes[\(index)] (" + (conditions.isEmpty ? "any file" : conditions.joined(separator: ", ")) + ")"
        case .languageModel(let language):
            return "languages.\(language).model"
        case .defaultModel:
            return "default_model"
        case .requestedModel(let name):
            return "requested model \(name)"
        case .budgetFallback(let replaced):
            return replaced.description + " → over daily budget: budget.fallback_model"
        }
    }

    /// The configuration key that names the model, for looking up where it was set
    /// (`default_model`, `languages.rust.model`); nil for a `[[routes]]` entry (it has its own
    /// source) and for a model named on the command line.
    public var configurationKey: String? {
        switch self {
        case .languageModel, .defaultModel: return description
        case .budgetFallback: return "budget.fallback_model"
        case .route, .requestedModel: return nil
        }
    }
}
