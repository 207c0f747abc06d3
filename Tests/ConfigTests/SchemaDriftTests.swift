import Foundation
import Testing
@testable import Config

/// `docs/docwright.schema.json` and the parser must accept exactly the same keys.
@Suite struct SchemaDriftTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func loadSchema() throws -> [String: Any] {
        let data = try Data(contentsOf: Self.repoRoot.appendingPathComponent("docs/docwright.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Key patterns in the JSON Schema, in `ConfigSchema.allKeyPatterns()` notation.
    func patterns(in schema: [String: Any], root: [String: Any], prefix: String) -> [String] {
        var node = schema
        if let ref = node["$ref"] as? String, ref.hasPrefix("#/definitions/"),
           let definitions = root["definitions"] as? [String: Any],
           let target = definitions[String(ref.dropFirst("#/definitions/".count))] as? [String: Any] {
            node = target
        }
        if let properties = node["properties"] as? [String: Any] {
            return properties.keys.flatMap { key in
                patterns(in: properties[key] as? [String: Any] ?? [:], root: root, prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
            }
        }
        if node["type"] as? String == "object", let additional = node["additionalProperties"] as? [String: Any] {
            return patterns(in: additional, root: root, prefix: "\(prefix).*")
        }
        if node["type"] as? String == "array", let items = node["items"] as? [String: Any],
           items["properties"] != nil || items["$ref"] != nil {
            return patterns(in: items, root: root, prefix: "\(prefix)[]")
        }
        return [prefix]
    }

    @Test func schemaListsExactlyTheParsersKeys() throws {
        let schema = try loadSchema()
        let fromSchema = patterns(in: schema, root: schema, prefix: "").sorted()
        let fromParser = ConfigSchema.allKeyPatterns()
        #expect(Set(fromSchema).subtracting(fromParser).sorted() == [], "in the JSON Schema but not accepted by the parser")
        #expect(Set(fromParser).subtracting(fromSchema).sorted() == [], "accepted by the parser but missing from the JSON Schema")
        #expect(fromSchema.count == fromParser.count)
    }

    /// Feeds a document with every schema key (a sample value of the schema's type) to the parser:
    /// nothing may be unknown or of the wrong type.
    @Test func everySchemaKeyParsesCleanly() throws {
        let schema = try loadSchema()
        func sample(_ node: [String: Any]) -> Any {
            var node = node
            if let ref = node["$ref"] as? String, let definitions = schema["definitions"] as? [String: Any],
               let target = definitions[String(ref.dropFirst("#/definitions/".count))] as? [String: Any] { node = target }
            if let values = node["enum"] as? [Any], let first = values.first { return first }
            if let options = node["oneOf"] as? [[String: Any]] ?? node["anyOf"] as? [[String: Any]], let first = options.first {
                return sample(first)
            }
            switch node["type"] as? String {
            case "boolean": return true
            case "integer": return max(1, node["minimum"] as? Int ?? 1)
            case "number": return min(0.5, node["maximum"] as? Double ?? 0.5)
            case "array": return [sample(node["items"] as? [String: Any] ?? ["type": "string"])]
            case "object":
                if let properties = node["properties"] as? [String: Any] {
                    return properties.mapValues { sample($0 as? [String: Any] ?? [:]) }
                }
                return ["x": sample(node["additionalProperties"] as? [String: Any] ?? ["type": "string"])]
            default:
                if node["format"] as? String == "uri" { return "http://127.0.0.1:1/v1" }
                return "local"
            }
        }
        var document = try #require(sample(schema) as? [String: Any])
        // Values that must refer to real things: a preset, a URL, a valid regex.
        if var models = document["models"] as? [String: Any], var model = models["x"] as? [String: Any] {
            model["preset"] = "local"
            model["base_url"] = "http://127.0.0.1:1/v1"
            models["x"] = model
            document["models"] = models
        }
        if var domains = document["domains"] as? [String: Any] {
            domains["x"] = ["imports": ["a"], "regex": ["^a"], "path": ["*.x"]]
            document["domains"] = domains
        }
        let data = try JSONSerialization.data(withJSONObject: document)
        let layer = ConfigParsing.layer(fromJSON: data, origin: .clientSettings)
        let unexpected = layer.diagnostics.filter { !$0.message.contains("literal API key") }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.description))")
        // Every leaf the parser knows was set by the sample document.
        let maps: Set<String> = ["models", "domains", "languages", "headers"]
        let setPatterns = Set(layer.values.keys.map { path in
            var out = ""
            var previous: String?
            for segment in path.segments {
                switch segment {
                case .index:
                    out += "[]"
                    previous = nil
                case .key(let key):
                    let name = previous.map { maps.contains($0) } == true ? "*" : key
                    out += out.isEmpty ? name : ".\(name)"
                    previous = key
                }
            }
            return out
        })
        #expect(Set(ConfigSchema.allKeyPatterns()).subtracting(setPatterns).sorted() == [])
    }
}
