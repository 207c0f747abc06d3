import Languages
import Synchronization
import Syntax

/// A file's outline from its syntax tree, with the language's registry queries
/// (`Language.Queries.outline` and `imports`, `Language.Outline`).
///
/// One pass of the outline query collects definitions, function bodies, the package and the
/// names signatures mention; the top-level definitions (those inside no other) become stubs,
/// built by slicing the tree's UTF-8 bytes and replacing each body's byte range by the
/// language's placeholder. Nothing here knows a language by name.
public enum OutlineExtractor {
    /// A stub longer than this is cut (its first lines kept, a comment noting the rest).
    public static let maxStubLines = 60
    public static let maxStubBytes = 3_000
    /// A constant's declaration longer than this shows `...` instead of its value.
    public static let maxInlineValueBytes = 80

    /// The outline of a parsed file (definitions in file order).
    public static func outline(of tree: SyntaxTree, path: String, language: Language) -> FileOutline {
        var outline = FileOutline(path: path, language: language.id)
        // One pass over the tree for both queries: the traversal is most of the time spent.
        guard let query = OutlineQueries.query(for: language, grammar: tree.language),
              let matches = try? tree.matches(of: query) else { return outline }
        var reader = OutlineReader(tree: tree, language: language)
        reader.read(matches, roles: query.captureNames.map(OutlineReader.Role.init))
        outline.package = reader.package
        outline.imports = reader.importStatements()
        outline.definitions = reader.definitions()
        return outline
    }
}

extension OutlineExtractor {
    /// Text without the line break and blanks some grammars end a node with (`#include`).
    static func trimmed(_ text: ArraySlice<UInt8>) -> String {
        var bytes = text
        while let last = bytes.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") || last == UInt8(ascii: " ")
            || last == UInt8(ascii: "\t") {
            bytes = bytes.dropLast()
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The compiled outline query of each language: its `imports` and `outline` queries as one
/// (compiled on first use; a failure is kept too: `LanguagesTests` and the outline tests catch
/// it, the extractor then finds nothing).
enum OutlineQueries {
    private struct Key: Hashable {
        let grammar: SyntaxLanguage
        let language: String
    }

    private static let cache = Mutex<[Key: SyntaxQuery?]>([:])

    static func query(for language: Language, grammar: SyntaxLanguage) -> SyntaxQuery? {
        let key = Key(grammar: grammar, language: language.id)
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let compiled = try? SyntaxQuery(language: grammar, source: language.queries.imports + "\n" + language.queries.outline)
        cache.withLock { $0[key] = compiled }
        return compiled
    }
}
