import FoundationEssentials
import TOMLKit

/// Reads TOML files and JSON settings into validated layers.
enum ConfigParsing {
    /// Parses a TOML document. A syntax error yields a layer with one error and no values.
    static func layer(fromTOML text: String, origin: LayerOrigin) -> ConfigLayer {
        var origin = origin
        origin.lineIndex = TOMLLineIndex(text: text)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            return .failed(origin, ConfigDiagnostic(
                severity: .error, source: origin.display, line: error.source.begin.line,
                message: "TOML syntax error: \(error.description)"))
        } catch {
            return .failed(origin, ConfigDiagnostic(severity: .error, source: origin.display, message: "cannot parse: \(error)"))
        }
        return LayerDecoder.decode(convert(table), origin: origin)
    }

    /// Parses JSON settings (`initializationOptions`, `settings`). Settings nested under a
    /// `docwright` key are used when present; top-level dotted keys (`"ranking.policy"`) are expanded.
    static func layer(fromJSON data: Data, origin: LayerOrigin) -> ConfigLayer {
        let value: ConfigValue
        do {
            value = try JSONDecoder().decode(ConfigValue.self, from: data)
        } catch {
            return .failed(origin, ConfigDiagnostic(severity: .error, source: origin.display, message: "settings are not valid JSON"))
        }
        guard case .table(var table) = value else {
            if case .null = value { return ConfigLayer(origin: origin) }
            return .failed(origin, ConfigDiagnostic(
                severity: .error, source: origin.display, message: "settings must be a JSON object, got \(value.typeName)"))
        }
        if case .table(let nested)? = table["docwright"] {
            table = nested
        } else if case .null? = table["docwright"] {
            return ConfigLayer(origin: origin)
        }
        return LayerDecoder.decode(.table(expandDottedKeys(table)), origin: origin)
    }

    /// `{"ranking.policy": "x"}` → `{"ranking": {"policy": "x"}}` (VS Code style flat settings).
    static func expandDottedKeys(_ table: [String: ConfigValue]) -> [String: ConfigValue] {
        var out: [String: ConfigValue] = [:]
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count > 1, !parts.contains(where: \.isEmpty) else {
                out[key] = merge(out[key], value)
                continue
            }
            var nested = value
            for part in parts.dropFirst().reversed() { nested = .table([part: nested]) }
            out[parts[0]] = merge(out[parts[0]], nested)
        }
        return out
    }

    private static func merge(_ existing: ConfigValue?, _ new: ConfigValue) -> ConfigValue {
        guard case .table(var a)? = existing, case .table(let b) = new else { return new }
        for (key, value) in b { a[key] = merge(a[key], value) }
        return .table(a)
    }

    private static func convert(_ table: TOMLTable) -> ConfigValue {
        var out: [String: ConfigValue] = [:]
        for key in table.keys {
            if let value = table[key] { out[key] = convert(value) }
        }
        return .table(out)
    }

    private static func convert(_ value: TOMLValueConvertible) -> ConfigValue {
        switch value.type {
        case .bool: return value.bool.map(ConfigValue.bool) ?? .null
        case .int: return value.int.map(ConfigValue.integer) ?? .null
        case .double: return value.double.map(ConfigValue.double) ?? .null
        case .string: return value.string.map(ConfigValue.string) ?? .null
        case .table: return value.table.map(convert) ?? .null
        case .array: return .array(value.array.map { $0.map(convert) } ?? [])
        case .date, .time, .dateTime: return .dateTime(value.debugDescription)
        }
    }
}
