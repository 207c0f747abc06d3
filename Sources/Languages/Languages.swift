/// The registry: every language docwright generates code for, and the other language ids it
/// recognises by file name (for routing and normalising only).
///
/// Adding a language: one new file defining `extension Language { static let name = … }` and one
/// line in `all` below (its `grammar` field is all `Syntax.Grammars` needs); see docs/languages.md.
public enum Languages {
    /// Every supported language, in the order docs and editors list them.
    public static let all: [Language] = [
        .python, .javascript, .javascriptreact, .typescript, .typescriptreact, .go, .rust, .swift,
        .java, .kotlin, .c, .cpp, .csharp, .ruby, .lua,
    ]

    /// The supported language ids, in registry order.
    public static let ids: [String] = all.map(\.id)

    private static let byID: [String: Language] = {
        var table: [String: Language] = [:]
        for language in all {
            for id in [language.id] + language.aliases where table[id] == nil { table[id] = language }
        }
        return table
    }()

    /// The entry for a language id or alias (case-insensitive); nil when docwright does not support it.
    public static func named(_ id: String) -> Language? {
        byID[id] ?? byID[id.lowercased()]
    }

    /// The language id for a file name, by extension or whole name (`train.py` → `python`,
    /// `Dockerfile` → `dockerfile`), including the recognised-only languages; nil when unknown.
    public static func id(forPath path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let id = Recognized.fileNames[name] { return id }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        return idsByExtension[ext]
    }

    /// The well-known modules of a built-in domain over every language, in registry order, once each.
    public static func domainImports(_ domain: String) -> [String] {
        var seen = Set<String>()
        return all.flatMap { $0.domainImports[domain] ?? [] }.filter { seen.insert($0).inserted }
    }

    /// Whether an id is a language docwright knows (supported or recognised).
    public static func isKnown(_ id: String) -> Bool { knownIDs.contains(id) }

    private static let idsByExtension: [String: String] = {
        var table: [String: String] = [:]
        for language in all {
            for ext in language.extensions where table[ext] == nil { table[ext] = language.id }
        }
        for other in Recognized.all {
            for ext in other.extensions where table[ext] == nil { table[ext] = other.id }
        }
        return table
    }()

    private static let knownIDs: Set<String> = Set(ids).union(Recognized.all.filter { !$0.extensions.isEmpty }.map(\.id))
        .union(Recognized.fileNames.values)
}

/// A language docwright recognises by file name but does not generate for: the id routes a
/// request (a model per language).
public struct Recognized: Sendable, Hashable {
    public let id: String
    public let extensions: [String]

    init(_ id: String, _ extensions: [String]) {
        self.id = id
        self.extensions = extensions
    }

    /// Whole file names with a language (`Makefile`).
    public static let fileNames: [String: String] = ["Dockerfile": "dockerfile", "Makefile": "makefile", "makefile": "makefile"]

    public static func named(_ id: String) -> Recognized? { all.first { $0.id == id } }

    public static let all: [Recognized] = [
        Recognized("php", ["php"]),
        Recognized("shellscript", ["sh", "bash", "zsh"]),
        Recognized("powershell", ["ps1"]),
        Recognized("r", ["r"]),
        Recognized("julia", ["jl"]),
        Recognized("scala", ["scala"]),
        Recognized("haskell", ["hs"]),
        Recognized("ocaml", ["ml"]),
        Recognized("elixir", ["ex", "exs"]),
        Recognized("erlang", ["erl"]),
        Recognized("dart", ["dart"]),
        Recognized("vue", ["vue"]),
        Recognized("svelte", ["svelte"]),
        Recognized("html", ["html"]),
        Recognized("css", ["css"]),
        Recognized("scss", ["scss"]),
        Recognized("sql", ["sql"]),
        Recognized("zig", ["zig"]),
        Recognized("nim", ["nim"]),
        Recognized("perl", ["pl"]),
        Recognized("objective-c", ["m"]),
        Recognized("objective-cpp", ["mm"]),
        Recognized("dockerfile", []),
        Recognized("makefile", []),
        // Ids editors send that have no extension of their own here.
        Recognized("sh", []),
        Recognized("bash", []),
        Recognized("zsh", []),
        Recognized("yaml", []),
        Recognized("toml", []),
        Recognized("coffeescript", []),
        Recognized("crystal", []),
        Recognized("groovy", []),
    ]
}
