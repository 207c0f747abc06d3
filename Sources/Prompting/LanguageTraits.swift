import Languages

/// What prompting and post-processing need to know about a language: how blocks end, how it is
/// named and fenced, how comments look, and which lines start the next declaration.
struct LanguageTraits {
    enum Family { case python, braces, endKeyword }

    let id: String
    let family: Family
    let displayName: String
    let fenceTag: String
    let lineComment: String
    /// Line starts that begin the next top-level declaration (used as `"\n" + word` stops).
    let declarationWords: [String]
    /// Whether the language has a line comment (`lineComment` falls back to `//` when it has not).
    var hasLineComment: Bool = true
    /// Block comment delimiters, when the language has them.
    var blockComment: (open: String, close: String)? = ("/*", "*/")
    /// The registry entry; nil for a language docwright does not know.
    var entry: Language? = nil

    /// The traits of a registry language; unknown ids get brace-language defaults under their own name.
    static func of(_ language: String) -> LanguageTraits {
        guard let entry = Languages.named(language) else { return braces(language, language, language, []) }
        let family: Family
        switch entry.blockStyle {
        case .indentation: family = .python
        case .braces: family = .braces
        case .endKeyword: family = .endKeyword
        }
        return LanguageTraits(id: entry.id, family: family, displayName: entry.displayName,
                              fenceTag: entry.fenceTags.first ?? entry.id, lineComment: entry.lineComment,
                              declarationWords: entry.declarationStarts,
                              hasLineComment: !entry.lexical.lineComments.isEmpty,
                              blockComment: entry.lexical.blockOpen.flatMap { open in
                                  entry.lexical.blockClose.map { (open: open, close: $0) }
                              },
                              entry: entry)
    }

    private static func braces(
        _ id: String, _ name: String, _ tag: String, _ words: [String]
    ) -> LanguageTraits {
        LanguageTraits(id: id, family: .braces, displayName: name, fenceTag: tag, lineComment: "//",
                       declarationWords: words, entry: nil)
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
