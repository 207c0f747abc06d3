import Foundation
import Languages
import Testing

/// `scripts/grammars` builds the libraries the registry's grammars live in; it is bash, so it
/// cannot read `Languages.all`: this keeps its lists equal to the registry (a language added with
/// a grammar the script does not provide fails here, not at a user's first parse).
@Suite("scripts/grammars provides every grammar the registry names")
struct GrammarScriptTests {
    static func script() throws -> String {
        try EditorListTests.read("scripts/grammars")
    }

    /// The words of a bash array assignment `NAME=(a b c)`.
    static func bashArray(_ name: String, in script: String) throws -> [String] {
        let start = try #require(script.range(of: "\n" + name + "=("))
        let end = try #require(script.range(of: ")", range: start.upperBound..<script.endIndex))
        return script[start.upperBound..<end.lowerBound].split(whereSeparator: \.isWhitespace).map(String.init)
    }

    @Test("LANGUAGE_SYMBOLS is the bundled grammars, in registry order")
    func bundledSymbols() throws {
        var bundled: [String] = []
        for language in Languages.all where language.grammar.library == Language.Grammar.bundledLibrary
            && !bundled.contains(language.grammar.name) {
            bundled.append(language.grammar.name)
        }
        #expect(try Self.bashArray("LANGUAGE_SYMBOLS", in: Self.script()) == bundled)
    }

    @Test("FILES holds every grammar library, and the script checks each own-library grammar's symbol")
    func libraries() throws {
        let script = try Self.script()
        let files = try Self.bashArray("FILES", in: script)
        let libraries = Set(Languages.all.map(\.grammar.library))
        #expect(libraries.isSubset(of: Set(files)), "missing from FILES: \(libraries.subtracting(files).sorted())")
        #expect(Set(files) == libraries.union(["libtree-sitter.so"]), "FILES lists a library no language uses")
        let own = try Self.bashArray("OWN_GRAMMARS", in: script)
        let ownInRegistry = Languages.all.map(\.grammar).filter { $0.library != Language.Grammar.bundledLibrary }
        #expect(Set(own) == Set(ownInRegistry.map(\.name)))
        for grammar in ownInRegistry { #expect(grammar.library == "tree-sitter-\(grammar.name).so") }
    }
}
