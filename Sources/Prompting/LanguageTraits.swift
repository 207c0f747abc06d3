/// What prompting and post-processing need to know about a language: how blocks end, how it is
/// named and fenced, how comments look, and which lines start the next declaration.
struct LanguageTraits {
    enum Family { case python, braces, endKeyword }
    enum SingleQuote { case string, char, none }

    let id: String
    let family: Family
    let displayName: String
    let fenceTag: String
    let lineComment: String
    /// Line starts that begin the next top-level declaration (used as `"\n" + word` stops).
    let declarationWords: [String]
    let singleQuote: SingleQuote
    let backtickStrings: Bool
    let tripleQuotes: Bool
    let blockComments: Bool

    // swiftlint:disable:next cyclomatic_complexity
    static func of(_ language: String) -> LanguageTraits {
        switch language.lowercased() {
        case "python":
            return LanguageTraits(id: "python", family: .python, displayName: "Python", fenceTag: "python", lineComment: "#",
                                  declarationWords: ["def ", "class "], singleQuote: .string, backtickStrings: false,
                                  tripleQuotes: true, blockComments: false)
        case "javascript", "javascriptreact":
            return braces(language, "JavaScript", language == "javascript" ? "javascript" : "jsx", ["function "], .string, backtick: true)
        case "typescript", "typescriptreact":
            return braces(language, "TypeScript", language == "typescript" ? "typescript" : "tsx", ["function "], .string, backtick: true)
        case "go": return braces("go", "Go", "go", ["func "], .char, backtick: true)
        case "rust": return braces("rust", "Rust", "rust", ["fn ", "pub fn "], .char)
        case "swift": return braces("swift", "Swift", "swift", ["func "], .none, triple: true)
        case "java": return braces("java", "Java", "java", [], .char, triple: true)
        case "kotlin": return braces("kotlin", "Kotlin", "kotlin", ["fun "], .char, triple: true)
        case "c": return braces("c", "C", "c", [], .char)
        case "cpp": return braces("cpp", "C++", "cpp", [], .char)
        case "csharp": return braces("csharp", "C#", "csharp", [], .char)
        case "ruby":
            return LanguageTraits(id: "ruby", family: .endKeyword, displayName: "Ruby", fenceTag: "ruby", lineComment: "#",
                                  declarationWords: ["def "], singleQuote: .string, backtickStrings: false,
                                  tripleQuotes: false, blockComments: false)
        case "lua":
            return LanguageTraits(id: "lua", family: .endKeyword, displayName: "Lua", fenceTag: "lua", lineComment: "--",
                                  declarationWords: ["function ", "local function "], singleQuote: .string,
                                  backtickStrings: false, tripleQuotes: false, blockComments: false)
        default:
            return braces(language, language, language, [], .string)
        }
    }

    private static func braces(
        _ id: String, _ name: String, _ tag: String, _ words: [String], _ singleQuote: SingleQuote,
        backtick: Bool = false, triple: Bool = false
    ) -> LanguageTraits {
        LanguageTraits(id: id, family: .braces, displayName: name, fenceTag: tag, lineComment: "//",
                       declarationWords: words, singleQuote: singleQuote, backtickStrings: backtick,
                       tripleQuotes: triple, blockComments: true)
    }

    /// The word that closes a block ("}" or "end"); nil for Python.
    var closer: String? {
        switch family {
        case .python: return nil
        case .braces: return "}"
        case .endKeyword: return "end"
        }
    }
}
