import Languages
import ProjectContext
import Syntax
import Testing

/// Outlines of real parses (the grammars in `$DOCWRIGHT_GRAMMARS`), for the outline tests.
enum OutlineTesting {
    static func outline(_ id: String, _ source: String, path: String = "src/file") throws -> FileOutline {
        let language = try #require(Languages.named(id))
        let tree = try SyntaxParser().parse(text: source, language: id)
        return OutlineExtractor.outline(of: tree, path: path, language: language)
    }
}

extension FileOutline {
    /// The first definition named `name` (and of `kind`, when given).
    func definition(_ name: String, _ kind: Definition.Kind? = nil) -> Definition? {
        definitions.first { $0.name == name && (kind == nil || $0.kind == kind) }
    }

    var names: [String] { definitions.map(\.name) }
}
