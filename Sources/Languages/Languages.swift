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
/// request (a model per language) and tells the ranker how comments and indentation look.
public struct Recognized: Sendable, Hashable {
    public enum Comments: Sendable, Hashable { case none, hash, slashes, both }

    public let id: String
    public let extensions: [String]
    public let comments: Comments
    /// Indentation carries meaning (kept, by level, when candidates are compared).
    public let indentationSensitive: Bool
    public let tripleQuotes: Bool
    public let backtickStrings: Bool

    init(_ id: String, _ extensions: [String], comments: Comments = .none, indentationSensitive: Bool = true,
         tripleQuotes: Bool = false, backtickStrings: Bool = false) {
        self.id = id
        self.extensions = extensions
        self.comments = comments
        self.indentationSensitive = indentationSensitive
        self.tripleQuotes = tripleQuotes
        self.backtickStrings = backtickStrings
    }

    /// Whole file names with a language (`Makefile`).
    public static let fileNames: [String: String] = ["Dockerfile": "dockerfile", "Makefile": "makefile", "makefile": "makefile"]

    public static func named(_ id: String) -> Recognized? { all.first { $0.id == id } }

    public static let all: [Recognized] = [
        Recognized("php", ["php"], comments: .both, indentationSensitive: false),
        Recognized("shellscript", ["sh", "bash", "zsh"], comments: .hash, indentationSensitive: false, backtickStrings: true),
        Recognized("powershell", ["ps1"], comments: .hash, indentationSensitive: false),
        Recognized("r", ["r"], comments: .hash, indentationSensitive: false),
        Recognized("julia", ["jl"], comments: .hash, indentationSensitive: false, tripleQuotes: true),
        Recognized("scala", ["scala"], comments: .slashes, indentationSensitive: false),
        Recognized("haskell", ["hs"]),
        Recognized("ocaml", ["ml"]),
        Recognized("elixir", ["ex", "exs"], comments: .hash, indentationSensitive: false),
        Recognized("erlang", ["erl"]),
        Recognized("dart", ["dart"], comments: .slashes, indentationSensitive: false),
        Recognized("vue", ["vue"]),
        Recognized("svelte", ["svelte"]),
        Recognized("html", ["html"]),
        Recognized("css", ["css"]),
        Recognized("scss", ["scss"]),
        Recognized("sql", ["sql"]),
        Recognized("zig", ["zig"], comments: .slashes, indentationSensitive: false),
        Recognized("nim", ["nim"], comments: .hash),
        Recognized("perl", ["pl"], comments: .hash, indentationSensitive: false),
        Recognized("objective-c", ["m"], comments: .slashes, indentationSensitive: false),
        Recognized("objective-cpp", ["mm"], comments: .slashes, indentationSensitive: false),
        Recognized("dockerfile", []),
        Recognized("makefile", [], comments: .hash),
        // Ids editors send that have no extension of their own here.
        Recognized("sh", [], comments: .hash, indentationSensitive: false, backtickStrings: true),
        Recognized("bash", [], comments: .hash, indentationSensitive: false, backtickStrings: true),
        Recognized("zsh", [], comments: .hash, indentationSensitive: false, backtickStrings: true),
        Recognized("yaml", [], comments: .hash),
        Recognized("toml", [], comments: .hash, indentationSensitive: false),
        Recognized("coffeescript", [], comments: .hash),
        Recognized("crystal", [], comments: .hash),
        Recognized("groovy", [], comments: .slashes, indentationSensitive: false),
    ]
}
