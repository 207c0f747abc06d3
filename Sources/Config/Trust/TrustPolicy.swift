/// What a project file may decide before the user trusts it (`docwright trust`), as VS Code's
/// restricted mode and direnv's allow list do it: anything that chooses *where* code is sent,
/// *which credential* goes with it, or loosens privacy, spending or the sandbox needs trust;
/// routing among models the user or the presets define, sampling, and restrictive rules do not.
///
/// The list below is an allow list: a key added to the schema later needs trust until it is
/// added here, so a new endpoint-like key can never slip through an untrusted file.
enum TrustPolicy {
    /// Keys of `[models.NAME]` an untrusted file may set (tuning a model that exists elsewhere).
    /// Never `proxy` or `ca_file`: a hostile repository could route prompts through its own proxy,
    /// or make docwright trust its CA and so read TLS traffic it intercepts.
    static let modelKeys: Set<String> = [
        "api", "n", "temperature", "top_p", "max_tokens", "stop", "timeout", "connect_timeout", "max_concurrency",
    ]

    /// Top-level and table keys an untrusted file may set, whatever their value.
    static let plainKeys: Set<[String]> = [
        ["default_model"], ["n"], ["temperature"], ["top_p"], ["max_tokens"], ["seed"], ["timeout"], ["log_level"],
        ["disabled_paths"], ["ranking", "policy"], ["ranking", "demote_truncated"],
        ["cache", "enabled"], ["cache", "ttl_days"], ["cache", "max_mb"], ["budget", "fallback_model"],
        ["privacy", "exclude"], ["inline", "debounce_ms"], ["inline", "min_logprob"],
        // The repository's own code, to the model the user chose: no new destination.
        ["context", "max_tokens"], ["context", "max_files"], ["context", "max_file_kb"],
    ]

    /// Keys an untrusted file may set only to their restrictive value. `continue_truncated`
    /// spends a follow-up request per cut sample: a project may save that, never ask for it.
    static let restrictiveOnly: [[String]: ConfigValue] = [
        ["enabled"]: .bool(false), ["verify"]: .bool(false), ["privacy", "redact"]: .bool(true),
        ["context", "enabled"]: .bool(false), ["continue_truncated"]: .bool(false),
    ]

    /// Whether an untrusted layer's value at `path` must be ignored.
    /// - Parameter definedElsewhere: whether a model name is a preset or set by another layer
    ///   (an untrusted `preset =` may name a new alias, never re-point an existing model).
    static func needsTrust(_ path: ConfigKeyPath, _ value: ConfigValue, definedElsewhere: (String) -> Bool) -> Bool {
        let keys = path.keys
        guard let head = keys.first else { return true }
        switch head {
        case "models":
            guard keys.count == 3 else { return true }  // headers.NAME and anything deeper
            if keys[2] == "preset" { return definedElsewhere(keys[1]) }
            return !modelKeys.contains(keys[2])
        case "routes", "languages":
            // Conditions, model names and sampling; only switching things on needs trust.
            if keys.last == "verify" || keys.last == "enabled" { return value != .bool(false) }
            return false
        case "domains":
            return false
        default:
            if let restrictive = restrictiveOnly[keys] { return value != restrictive }
            return !plainKeys.contains(keys)
        }
    }

    /// Removes from every untrusted layer the values it may not set; returns, per layer index,
    /// the paths removed (sorted), for the one message that names them.
    static func restrict(_ layers: inout [ConfigLayer], presetNames: Set<String>) -> [Int: [ConfigKeyPath]] {
        var removed: [Int: [ConfigKeyPath]] = [:]
        for index in layers.indices where !layers[index].origin.trusted {
            let others = Set(layers.indices.filter { $0 != index }.flatMap { other in
                layers[other].values.keys.compactMap { path -> String? in
                    let keys = path.keys
                    return keys.count >= 2 && keys[0] == "models" ? keys[1] : nil
                }
            })
            let definedElsewhere = { (name: String) in presetNames.contains(name) || others.contains(name) }
            let refused = layers[index].values
                .filter { needsTrust($0.key, $0.value, definedElsewhere: definedElsewhere) }
                .keys.sorted()
            for path in refused { layers[index].values[path] = nil }
            if !refused.isEmpty { removed[index] = refused }
        }
        return removed
    }

    /// Names of models an untrusted layer tried to define (their endpoint keys were removed), so
    /// a route to one is refused with a reason rather than "unknown model".
    static func untrustedModelNames(_ removed: [ConfigKeyPath]) -> Set<String> {
        Set(removed.compactMap { path in
            let keys = path.keys
            return keys.count >= 3 && keys[0] == "models" ? keys[1] : nil
        })
    }
}

/// The trust state of the workspace's project file, for messages, `doctor` and tests.
public struct ProjectTrust: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        case trusted
        /// Never trusted.
        case untrusted
        /// Trusted once, then edited: the recorded digest no longer matches.
        case changed(trustedAt: String)

        public var name: String {
            switch self {
            case .trusted: return "trusted"
            case .untrusted: return "untrusted"
            case .changed: return "changed since trusted"
            }
        }
    }

    /// Absolute path of the project file.
    public var file: String
    public var state: State
    /// Keys the file sets that were ignored because it is not trusted, as `key (line N)`.
    public var ignored: [String]
    /// The directory to name in `docwright trust DIR`.
    public var directory: String

    /// One message naming the file and every ignored key, or nil when nothing was ignored.
    public var notice: String? { noticeBody.map { "\(file) is " + $0 } }

    /// The notice without the file name in front (for a diagnostic that cites the file).
    var noticeBody: String? {
        guard !ignored.isEmpty else { return nil }
        let why: String
        switch state {
        case .trusted: return nil
        case .untrusted: why = "not trusted"
        case .changed(let date): why = "changed since you trusted it (\(date)), so no longer trusted"
        }
        return "\(why): settings that choose where code is sent or which key is used, or that loosen privacy, "
            + "are ignored: \(ignored.joined(separator: ", ")). Review the file, then run "
            + "`docwright trust \(directory)` to allow them."
    }
}
