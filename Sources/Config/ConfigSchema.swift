import DocwrightCore
import Providers

/// The shape of a configuration document: every key the parser accepts, with its type.
/// The validator walks values against this tree; `docs/docwright.schema.json` must list the same
/// keys (a test compares them).
indirect enum SchemaNode: Sendable {
    /// A value.
    case leaf(LeafKind)
    /// A table with fixed keys.
    case table([String: SchemaNode])
    /// A table whose keys are user-chosen names (`models.NAME`), each holding the same shape.
    case map(SchemaNode)
    /// An array of tables (`[[routes]]`).
    case list(SchemaNode)
}

enum LeafKind: Sendable {
    case bool
    case integer(min: Int?, max: Int?)
    case number(min: Double?, max: Double?)
    case string
    case enumeration([String])
    case stringArray
    /// One string or an array of strings; stored as an array.
    case stringOrArray
    /// A literal secret (`api_key`): accepted only in non-project layers, never echoed.
    case secret

    /// "an integer", "a number", … for messages.
    var expectation: String {
        switch self {
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .number: return "a number"
        case .string, .secret: return "a string"
        case .enumeration(let allowed): return "one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
        case .stringArray: return "an array of strings"
        case .stringOrArray: return "a string or an array of strings"
        }
    }
}

/// Log levels, as swift-log names them.
public enum ConfigLogLevel: String, Sendable, Hashable, CaseIterable, Codable {
    case trace, debug, info, notice, warning, error, critical
}

enum ConfigSchema {
    static let policies = RankingPolicy.configurable.map(\.rawValue)

    static let model: SchemaNode = .table([
        "preset": .leaf(.string),
        "provider": .leaf(.enumeration(ProviderRegistry.names)),
        "base_url": .leaf(.string),
        "model": .leaf(.string),
        "api_key_env": .leaf(.string),
        "api_key_file": .leaf(.string),
        "api_key": .leaf(.secret),
        "headers": .map(.leaf(.string)),
        "api": .leaf(.enumeration(APIStyle.allCases.map(\.rawValue))),
        "n": .leaf(.integer(min: 1, max: 128)),
        "temperature": .leaf(.number(min: 0, max: 2)),
        "top_p": .leaf(.number(min: 0, max: 1)),
        "max_tokens": .leaf(.integer(min: 1, max: nil)),
        "stop": .leaf(.stringArray),
        "timeout": .leaf(.number(min: 0.001, max: nil)),
        "connect_timeout": .leaf(.number(min: 0.001, max: nil)),
        "max_concurrency": .leaf(.integer(min: 1, max: 256)),
        "price_input": .leaf(.number(min: 0, max: nil)),
        "price_output": .leaf(.number(min: 0, max: nil)),
        "context_window": .leaf(.integer(min: 256, max: nil)),
        "fim_template": .leaf(.enumeration(FIMTemplate.configurationNames)),
        "proxy": .leaf(.string),
        "ca_file": .leaf(.string),
    ])

    static let route: SchemaNode = .table([
        "language": .leaf(.stringOrArray),
        "domain": .leaf(.stringOrArray),
        "path": .leaf(.stringOrArray),
        "model": .leaf(.string),
        "n": .leaf(.integer(min: 1, max: 128)),
        "temperature": .leaf(.number(min: 0, max: 2)),
        "top_p": .leaf(.number(min: 0, max: 1)),
        "max_tokens": .leaf(.integer(min: 1, max: nil)),
        "policy": .leaf(.enumeration(policies)),
        "verify": .leaf(.bool),
    ])

    static let domain: SchemaNode = .table([
        "imports": .leaf(.stringOrArray),
        "regex": .leaf(.stringOrArray),
        "path": .leaf(.stringOrArray),
    ])

    static let language: SchemaNode = .table([
        "enabled": .leaf(.bool),
        "model": .leaf(.string),
        "n": .leaf(.integer(min: 1, max: 128)),
        "temperature": .leaf(.number(min: 0, max: 2)),
        "top_p": .leaf(.number(min: 0, max: 1)),
        "max_tokens": .leaf(.integer(min: 1, max: nil)),
        "policy": .leaf(.enumeration(policies)),
        "verify": .leaf(.bool),
    ])

    static let root: SchemaNode = .table([
        "enabled": .leaf(.bool),
        "default_model": .leaf(.string),
        "n": .leaf(.integer(min: 1, max: 128)),
        "temperature": .leaf(.number(min: 0, max: 2)),
        "top_p": .leaf(.number(min: 0, max: 1)),
        "max_tokens": .leaf(.integer(min: 1, max: nil)),
        "seed": .leaf(.integer(min: nil, max: nil)),
        "timeout": .leaf(.number(min: 0.001, max: nil)),
        "continue_truncated": .leaf(.bool),
        "verify": .leaf(.bool),
        "log_level": .leaf(.enumeration(ConfigLogLevel.allCases.map(\.rawValue))),
        "disabled_paths": .leaf(.stringOrArray),
        "ranking": .table([
            "policy": .leaf(.enumeration(policies)),
            "demote_truncated": .leaf(.bool),
        ]),
        "cache": .table([
            "enabled": .leaf(.bool),
            "dir": .leaf(.string),
            "ttl_days": .leaf(.number(min: 0, max: nil)),
            "max_mb": .leaf(.integer(min: 0, max: nil)),
        ]),
        "inline": .table([
            "debounce_ms": .leaf(.integer(min: 0, max: 5000)),
            "min_logprob": .leaf(.number(min: nil, max: 0)),
        ]),
        "context": .table([
            "enabled": .leaf(.bool),
            "max_tokens": .leaf(.integer(min: 0, max: 32768)),
            "max_files": .leaf(.integer(min: 0, max: 200_000)),
            "max_file_kb": .leaf(.integer(min: 1, max: 16384)),
        ]),
        "budget": .table([
            "daily_usd": .leaf(.number(min: 0, max: nil)),
            "fallback_model": .leaf(.string),
        ]),
        "privacy": .table([
            "exclude": .leaf(.stringOrArray),
            "redact": .leaf(.bool),
        ]),
        "models": .map(model),
        "routes": .list(route),
        "domains": .map(domain),
        "languages": .map(language),
    ])

    /// Every accepted key as a dotted pattern; user-chosen names appear as `*` and list items
    /// as `[]` (`models.*.n`, `routes[].model`). Used by the schema-drift test and by docs.
    static func allKeyPatterns() -> [String] {
        var out: [String] = []
        func walk(_ node: SchemaNode, _ prefix: String) {
            switch node {
            case .leaf:
                out.append(prefix)
            case .table(let fields):
                for (key, child) in fields { walk(child, prefix.isEmpty ? key : "\(prefix).\(key)") }
            case .map(let child):
                walk(child, "\(prefix).*")
            case .list(let child):
                walk(child, "\(prefix)[]")
            }
        }
        walk(root, "")
        return out.sorted()
    }
}
