import DocwrightCore
import FoundationEssentials

/// Checks a value tree against `ConfigSchema` and flattens it into a `ConfigLayer`.
/// Unknown keys become warnings; wrong types, bad enum values and out-of-range numbers errors.
struct LayerDecoder {
    private var layer: ConfigLayer

    static func decode(_ root: ConfigValue, origin: LayerOrigin) -> ConfigLayer {
        var decoder = LayerDecoder(layer: ConfigLayer(origin: origin))
        decoder.walk(root, node: ConfigSchema.root, path: ConfigKeyPath())
        decoder.checkSemantics()
        return decoder.layer
    }

    private mutating func report(_ severity: ConfigDiagnostic.Severity, _ path: ConfigKeyPath, _ message: String) {
        layer.diagnostics.append(layer.diagnostic(severity, path, message))
    }

    private func name(_ path: ConfigKeyPath) -> String { path.segments.isEmpty ? "the document" : path.description }

    private mutating func walk(_ value: ConfigValue, node: SchemaNode, path: ConfigKeyPath) {
        if case .null = value { return }  // JSON null: "not set"
        switch node {
        case .table(let fields):
            guard case .table(let table) = value else {
                return report(.error, path, "\(name(path)) must be a table, got \(value.typeName)")
            }
            for key in table.keys.sorted() {
                guard let child = table[key] else { continue }
                if let childNode = fields[key] {
                    walk(child, node: childNode, path: path.appending(key))
                } else {
                    let hint = Spelling.closest(to: key, in: Array(fields.keys), within: 2).map { " (did you mean \($0)?)" } ?? ""
                    report(.warning, path.appending(key), "unknown key \(path.appending(key))\(hint); it is ignored")
                }
            }
        case .map(let childNode):
            guard case .table(let table) = value else {
                return report(.error, path, "\(name(path)) must be a table, got \(value.typeName)")
            }
            for key in table.keys.sorted() {
                guard let child = table[key] else { continue }
                if key.isEmpty { report(.error, path, "\(name(path)) has an entry with an empty name"); continue }
                walk(child, node: childNode, path: path.appending(key))
            }
        case .list(let itemNode):
            guard case .array(let items) = value else {
                return report(.error, path, "\(name(path)) must be an array of tables, got \(value.typeName)")
            }
            layer.routeCount = items.count
            for (index, item) in items.enumerated() {
                walk(item, node: itemNode, path: path.appending(index: index))
            }
        case .leaf(let kind):
            if let normalized = check(value, kind, path) { layer.values[path] = normalized }
        }
    }

    /// The value in its stored form, or nil (with a diagnostic) when it is not acceptable.
    private mutating func check(_ value: ConfigValue, _ kind: LeafKind, _ path: ConfigKeyPath) -> ConfigValue? {
        let typeError = "\(path) must be \(kind.expectation), got \(value.typeName)"
        switch kind {
        case .bool:
            guard value.boolValue != nil else { report(.error, path, typeError); return nil }
            return value
        case .string:
            guard value.stringValue != nil else { report(.error, path, typeError); return nil }
            return value
        case .integer(let min, let max):
            let integer: Int?
            switch value {
            case .integer(let i): integer = i
            case .double(let d) where d == d.rounded() && abs(d) < 1e15: integer = Int(d)
            default: integer = nil
            }
            guard let integer else { report(.error, path, typeError); return nil }
            if let min, integer < min { report(.error, path, "\(path) must be at least \(min), got \(integer)"); return nil }
            if let max, integer > max { report(.error, path, "\(path) must be at most \(max), got \(integer)"); return nil }
            return .integer(integer)
        case .number(let min, let max):
            guard let number = value.doubleValue, number.isFinite else { report(.error, path, typeError); return nil }
            if let min, number < min { report(.error, path, "\(path) must be at least \(min.compact), got \(number.compact)"); return nil }
            if let max, number > max { report(.error, path, "\(path) must be at most \(max.compact), got \(number.compact)"); return nil }
            return .double(number)
        case .enumeration(let allowed):
            guard let string = value.stringValue else { report(.error, path, typeError); return nil }
            guard allowed.contains(string) else {
                report(.error, path, "\(path) must be \(kind.expectation); got \"\(string)\"")
                return nil
            }
            return value
        case .stringArray, .stringOrArray:
            if case .string = value, case .stringOrArray = kind { return .array([value]) }
            guard value.stringArray != nil else { report(.error, path, typeError); return nil }
            return value
        case .secret:
            guard value.stringValue != nil else { report(.error, path, typeError); return nil }
            if layer.origin.kind == .project {
                report(.warning, path, "\(path): a literal API key in a project file is refused (the file is usually committed); "
                    + "set api_key_env or api_key_file instead")
                return nil
            }
            report(.warning, path, "\(path): a literal API key works here but is discouraged; prefer api_key_env or api_key_file")
            return value
        }
    }

    /// Checks that need more than one value's type: known presets, valid regexes, URLs, header secrets.
    private mutating func checkSemantics() {
        for (path, value) in layer.values.sorted(by: { $0.key < $1.key }) {
            let keys = path.keys
            if keys.count == 3, keys[0] == "models", keys[2] == "preset", let preset = value.stringValue,
               ModelPresets.names.contains(preset) == false {
                report(.error, path, "\(path): unknown preset \"\(preset)\"; presets: " + ModelPresets.names.joined(separator: ", "))
            }
            if keys.count == 3, keys[0] == "models", keys[2] == "base_url", let url = value.stringValue,
               !(url.hasPrefix("http://") || url.hasPrefix("https://")) || URL(string: url)?.host == nil {
                report(.error, path, "\(path) must be an http:// or https:// URL, got \"\(url)\"")
            }
            if keys.count == 3, keys[0] == "models", keys[2] == "proxy", let proxy = value.stringValue,
               let problem = Self.proxyProblem(proxy) {
                report(.error, path, "\(path) \(problem), got \"\(Self.withoutUserInfo(proxy))\"")
                layer.values[path] = nil
            }
            if keys.count == 3, keys[0] == "domains", keys[2] == "regex", let patterns = value.stringArray {
                for pattern in patterns where (try? DomainRegex.compile(pattern)) == nil {
                    report(.error, path, "\(path): invalid regular expression \"\(pattern)\"")
                }
            }
            if keys.count == 4, keys[0] == "models", keys[2] == "headers", layer.origin.kind == .project,
               Self.looksSecret(header: keys[3]) {
                report(.warning, path, "\(path): a credential header in a project file is refused (the file is usually committed); "
                    + "set api_key_env or api_key_file instead")
                layer.values[path] = nil
            }
        }
    }

    static let proxySchemes = ["http", "https", "socks4", "socks4a", "socks5", "socks5h"]

    /// What is wrong with a `proxy` value, or nil: "" (direct) or `[scheme://][user:pass@]host[:port]`
    /// with a scheme libcurl speaks to proxies (none means http, as curl reads it).
    static func proxyProblem(_ proxy: String) -> String? {
        let trimmed = proxy.trimmingHorizontalWhitespace()
        if trimmed.isEmpty { return nil }
        let expected = "must be \"\" (direct) or a proxy URL such as \"http://proxy.example:3128\" ("
            + proxySchemes.joined(separator: ", ") + ")"
        var rest = Substring(trimmed)
        if let separator = trimmed.firstRange(of: "://") {
            guard proxySchemes.contains(trimmed[..<separator.lowerBound].lowercased()) else { return expected }
            rest = trimmed[separator.upperBound...]
        }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty, !host.hasPrefix(":"), !host.contains(where: \.isWhitespace) else { return expected }
        return nil
    }

    /// A URL with its user-info (`user:password@`) removed, for messages and `doctor`.
    static func withoutUserInfo(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@") else { return url }
        let start = url.firstRange(of: "://").map(\.upperBound) ?? url.startIndex
        guard start <= at else { return url }
        return String(url[..<start]) + String(url[url.index(after: at)...])
    }

    static func looksSecret(header: String) -> Bool {
        let lower = header.lowercased()
        return ["authorization", "proxy-authorization", "x-api-key", "api-key", "cookie"].contains(lower)
            || lower.contains("token") || lower.contains("secret")
    }
}

extension Double {
    /// "1", "0.5" — no trailing ".0" noise in messages.
    var compact: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}

/// The `proxy` value check, for a proxy given on the command line (`docwright sample --proxy`).
public enum ProxySetting {
    /// What is wrong with the value ("must be …"), or nil.
    public static func problem(_ proxy: String) -> String? { LayerDecoder.proxyProblem(proxy) }
}
