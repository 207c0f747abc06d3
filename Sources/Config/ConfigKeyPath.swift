/// A path to a configuration key: `models.gpt.n`, `routes[2].model`.
struct ConfigKeyPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    enum Segment: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    var segments: [Segment]

    init(_ segments: [Segment] = []) { self.segments = segments }
    init(keys: [String]) { self.segments = keys.map(Segment.key) }

    func appending(_ key: String) -> ConfigKeyPath { ConfigKeyPath(segments + [.key(key)]) }
    func appending(index: Int) -> ConfigKeyPath { ConfigKeyPath(segments + [.index(index)]) }

    var parent: ConfigKeyPath? {
        segments.isEmpty ? nil : ConfigKeyPath(Array(segments.dropLast()))
    }

    /// The string keys only (index segments dropped), for schema look-ups.
    var keys: [String] {
        segments.compactMap { if case .key(let k) = $0 { return k } else { return nil } }
    }

    var last: String? {
        if case .key(let k)? = segments.last { return k }
        return nil
    }

    /// Dotted form; keys that are not bare TOML keys are quoted (`models."gpt-3.5".n`).
    var description: String {
        var out = ""
        for segment in segments {
            switch segment {
            case .index(let i):
                out += "[\(i)]"
            case .key(let k):
                if !out.isEmpty { out += "." }
                out += Self.isBare(k) ? k : "\"\(k)\""
            }
        }
        return out
    }

    static func isBare(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    static func < (a: ConfigKeyPath, b: ConfigKeyPath) -> Bool { a.description < b.description }
}
