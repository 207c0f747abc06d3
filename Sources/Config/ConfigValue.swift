import DocwrightCore
import FoundationEssentials

/// A configuration value as read from TOML or JSON, before it is checked against the schema.
/// Both file formats are converted to this one tree so that a single validator serves all layers.
enum ConfigValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case array([ConfigValue])
    case table([String: ConfigValue])
    /// TOML dates and times: never valid in this schema, kept only to name the type in errors.
    case dateTime(String)
    /// JSON `null`: means "not set" in settings sent by an editor.
    case null

    /// The type's name as used in messages ("must be an integer, got string").
    var typeName: String {
        switch self {
        case .string: return "string"
        case .integer: return "integer"
        case .double: return "float"
        case .bool: return "boolean"
        case .array: return "array"
        case .table: return "table"
        case .dateTime: return "date/time"
        case .null: return "null"
        }
    }

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    var intValue: Int? {
        if case .integer(let i) = self { return i }
        return nil
    }

    /// Integers are accepted where a number is expected.
    var doubleValue: Double? {
        switch self {
        case .double(let d): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }

    var stringArray: [String]? {
        guard case .array(let items) = self else { return nil }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item else { return nil }
            out.append(s)
        }
        return out
    }

    /// A short human rendering for provenance listings (not for secrets).
    var display: String {
        switch self {
        case .string(let s): return "\"\(s)\""
        case .integer(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(cFormat: "%.1f", d) : String(d)
        case .bool(let b): return b ? "true" : "false"
        case .array(let items): return "[" + items.map(\.display).joined(separator: ", ") + "]"
        case .table(let t):
            return "{" + t.keys.sorted().map { "\($0) = \(t[$0]?.display ?? "")" }.joined(separator: ", ") + "}"
        case .dateTime(let s): return s
        case .null: return "null"
        }
    }
}

extension ConfigValue: Decodable {
    /// Decodes any JSON value. Bool is tried before numbers so `true` never becomes 1.
    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int.self) {
            self = .integer(i)
        } else if let d = try? container.decode(Double.self) {
            self = .double(d)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([ConfigValue].self) {
            self = .array(a)
        } else {
            self = .table(try container.decode([String: ConfigValue].self))
        }
    }
}
