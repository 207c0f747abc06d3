/// The layers overlaid: later layers win key by key. Exceptions: `privacy.exclude` and
/// `disabled_paths` accumulate across layers (an off switch or exclusion is never lost by
/// adding a layer), and `routes` is replaced as a whole by the last layer that sets it
/// (rule order matters, so lists are not interleaved).
struct MergedConfig: Sendable {
    struct Entry: Sendable {
        var value: ConfigValue
        /// `file:line`, `initializationOptions`, …
        var source: String
        /// Index of the layer in the merged list (for attributing errors).
        var layer: Int
    }

    struct RouteEntry: Sendable {
        var values: [String: ConfigValue]
        var source: String
        var layer: Int
    }

    static let accumulatingKeys: Set<ConfigKeyPath> = [
        ConfigKeyPath(keys: ["privacy", "exclude"]), ConfigKeyPath(keys: ["disabled_paths"]),
    ]

    var values: [ConfigKeyPath: Entry] = [:]
    var routes: [RouteEntry] = []
    var layers: [ConfigLayer] = []
    /// Models an untrusted layer tried to define (their endpoint keys were removed).
    var untrustedModels: Set<String> = []

    init(layers: [ConfigLayer]) {
        self.layers = layers
        for (index, layer) in layers.enumerated() {
            for (path, value) in layer.values where path.segments.first != .key("routes") {
                let source = layer.origin.citation(of: path)
                if Self.accumulatingKeys.contains(path), let previous = values[path],
                   case .array(let old) = previous.value, case .array(let new) = value {
                    values[path] = Entry(value: .array(old + new.filter { !old.contains($0) }),
                                         source: previous.source + " + " + source, layer: index)
                } else {
                    values[path] = Entry(value: value, source: source, layer: index)
                }
            }
            if let count = layer.routeCount {
                routes = (0..<count).map { routeIndex in
                    let prefix = ConfigKeyPath(keys: ["routes"]).appending(index: routeIndex)
                    var items: [String: ConfigValue] = [:]
                    for (path, value) in layer.values where path.parent == prefix {
                        if let key = path.last { items[key] = value }
                    }
                    return RouteEntry(values: items, source: layer.origin.citation(of: prefix), layer: index)
                }
            }
        }
    }

    subscript(_ keys: String...) -> Entry? { values[ConfigKeyPath(keys: keys)] }

    func string(_ keys: String...) -> String? { values[ConfigKeyPath(keys: keys)]?.value.stringValue }
    func bool(_ keys: String...) -> Bool? { values[ConfigKeyPath(keys: keys)]?.value.boolValue }
    func int(_ keys: String...) -> Int? { values[ConfigKeyPath(keys: keys)]?.value.intValue }
    func double(_ keys: String...) -> Double? { values[ConfigKeyPath(keys: keys)]?.value.doubleValue }
    func strings(_ keys: String...) -> [String]? { values[ConfigKeyPath(keys: keys)]?.value.stringArray }

    /// Names under a map key (`models`, `domains`, `languages`), sorted.
    func names(under key: String) -> [String] {
        var names = Set<String>()
        for path in values.keys where path.segments.count >= 2 && path.segments[0] == .key(key) {
            if case .key(let name) = path.segments[1] { names.insert(name) }
        }
        return names.sorted()
    }

    /// A diagnostic located at `path` in the layer that set it.
    func diagnostic(_ severity: ConfigDiagnostic.Severity, at path: ConfigKeyPath, layer: Int, _ message: String) -> ConfigDiagnostic {
        layers[layer].diagnostic(severity, path, message)
    }
}
