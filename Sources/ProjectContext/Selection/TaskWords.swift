import DocwrightCore

/// The names a task mentions, by where they appear: what context selection looks up.
struct TaskWords {
    enum Place: Int, Comparable {
        case signature, doc, code
        static func < (a: Place, b: Place) -> Bool { a.rawValue < b.rawValue }
        var phrase: String {
            switch self {
            case .signature: "the signature"
            case .doc: "the docstring"
            case .code: "the code around the cursor"
            }
        }
    }

    /// Identifiers in order of first appearance, each with its strongest place.
    var identifiers: [(name: String, place: Place)] = []
    /// Lower-case prose words of the doc (for names such as `tax_for` when the doc says "tax").
    var docWords: [String] = []

    /// Lines of code around the insertion point that count as "surrounding code".
    static let linesBefore = 40, linesAfter = 15

    init(task: GenerationTask) {
        var seen: [String: Int] = [:]
        func add(_ text: String, _ place: Place) {
            for name in Self.identifiers(in: text) where !Self.keywords.contains(name) {
                if seen[name] == nil {
                    seen[name] = identifiers.count
                    identifiers.append((name, place))
                }
            }
        }
        add(task.signature, .signature)
        add(task.docText, .doc)
        let before = task.prefix.split(separator: "\n", omittingEmptySubsequences: false).suffix(Self.linesBefore)
        let after = task.suffix.split(separator: "\n", omittingEmptySubsequences: false).prefix(Self.linesAfter)
        add(before.joined(separator: "\n"), .code)
        add(after.joined(separator: "\n"), .code)
        var words: [String] = []
        for word in Self.identifiers(in: task.docText.lowercased()) where word.count >= 3 && !Self.proseStopWords.contains(word) {
            if !words.contains(word) { words.append(word) }
        }
        docWords = words
    }

    /// `[A-Za-z_$][A-Za-z0-9_$]*` runs (Unicode letters included).
    static func identifiers(in text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character == "_" || character == "$" || (character.isNumber && !current.isEmpty) {
                current.append(character)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// `tax_for` → [tax, for]; `InvoiceLine` → [invoice, line]; `parseHTTPHeader` → [parse, http, header].
    static func parts(of name: String) -> [String] {
        var parts: [String] = []
        var current = ""
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            if character == "_" || character == "$" || character == "-" {
                if !current.isEmpty { parts.append(current.lowercased()); current = "" }
                continue
            }
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let previous = index > 0 ? characters[index - 1] : nil
            if character.isUppercase, !current.isEmpty,
               previous.map({ $0.isLowercase || $0.isNumber }) == true || (next?.isLowercase == true && previous?.isUppercase == true) {
                parts.append(current.lowercased())
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty { parts.append(current.lowercased()) }
        return parts
    }

    /// Whether a prose word names a part of `name` ("lines" and "line" both match `Line`).
    static func word(_ word: String, matches name: String) -> Bool {
        let singular = word.count > 3 && word.hasSuffix("s") ? String(word.dropLast()) : word
        return parts(of: name).contains { $0 == word || $0 == singular }
    }

    /// Keywords and built-in type names of the registry's languages: never looked up.
    static let keywords: Set<String> = [
        "if", "else", "elif", "for", "while", "do", "return", "def", "class", "fn", "func", "function", "fun", "let",
        "var", "val", "const", "static", "public", "private", "protected", "internal", "import", "from", "as", "in",
        "is", "not", "and", "or", "true", "false", "True", "False", "None", "null", "nil", "self", "Self", "this",
        "super", "new", "struct", "enum", "interface", "type", "trait", "impl", "pub", "mut", "use", "mod", "crate",
        "package", "module", "export", "default", "async", "await", "try", "catch", "except", "finally", "raise",
        "throw", "throws", "with", "yield", "lambda", "pass", "break", "continue", "switch", "case", "match", "where",
        "void", "int", "long", "short", "char", "byte", "float", "double", "bool", "boolean", "str", "string", "String",
        "object", "Object", "any", "Any", "dict", "list", "set", "tuple", "usize", "isize", "u8", "u16", "u32", "u64",
        "i8", "i16", "i32", "i64", "f32", "f64", "Vec", "Option", "Result", "Some", "Ok", "Err", "go", "defer",
        "chan", "map", "range", "end", "then", "local", "extends", "implements", "override", "final", "abstract",
        "extension", "protocol", "guard", "inout", "some", "auto", "unsigned", "signed", "sizeof", "typedef",
        "namespace", "using", "template", "typename", "virtual", "include", "define", "require", "unless", "begin",
        "rescue", "ensure", "elsif", "when", "companion", "data", "sealed", "open", "len", "print",
        "println", "printf", "fmt", "console", "log", "Math", "math", "os", "sys", "err", "error", "Error",
    ]

    /// English words too common in docstrings to point at a definition.
    static let proseStopWords: Set<String> = [
        "the", "and", "for", "with", "from", "that", "this", "each", "every", "its", "are", "was", "were", "has",
        "have", "had", "not", "but", "all", "any", "one", "two", "into", "onto", "than", "then", "when", "which",
        "who", "whose", "what", "where", "how", "why", "return", "returns", "returned", "raise", "raises", "throw",
        "throws", "given", "value", "values", "list", "number", "numbers", "string", "strings", "true", "false", "none",
        "null", "empty", "new", "old", "use", "used", "uses", "using", "should", "must", "may", "can", "will", "would",
        "also", "only", "else", "otherwise", "sum", "total", "count", "first", "last", "result", "results", "get",
        "set", "make", "makes", "other", "same", "such", "there", "their", "them", "they", "these", "those", "our",
        "your", "you", "via", "per", "out", "off", "over", "under", "about", "above", "below", "between", "function",
        "method", "returns", "args", "arg", "param", "params", "type", "int", "str", "bool", "float", "self",
    ]
}
