import Languages
import Testing
@testable import Syntax

@Suite("Parse verdicts per language")
struct ParseVerdictTests {
    @Test("A valid snippet parses without errors", arguments: LanguageCase.all)
    func validSnippetParses(_ example: LanguageCase) throws {
        let tree = try parser().parse(text: example.valid, language: example.language)
        #expect(!tree.hasErrors, "\(tree.errors) in \(tree.sExpression)")
        #expect(tree.errors.isEmpty)
        #expect(tree.root.byteRange.upperBound <= example.valid.utf8.count)
        #expect(tree.root.namedChildCount > 0)
    }

    @Test("A snippet cut mid-block has errors, located inside the text", arguments: LanguageCase.all)
    func brokenSnippetHasErrors(_ example: LanguageCase) throws {
        let tree = try parser().parse(text: example.broken, language: example.language)
        #expect(tree.hasErrors, "\(tree.sExpression)")
        #expect(!tree.errors.isEmpty)
        for range in tree.errorRanges {
            #expect(range.lowerBound >= 0 && range.upperBound <= example.broken.utf8.count)
        }
    }

    @Test("The CRLF, tab-indented variant parses like the LF one", arguments: LanguageCase.all)
    func crlfVariantParses(_ example: LanguageCase) throws {
        let tree = try parser().parse(text: example.editDocument, language: example.language)
        #expect(!tree.hasErrors, "\(tree.errors) in \(tree.sExpression)")
    }

    @Test("Every language id in the registry has its grammar installed")
    func everyGrammarIsFound() throws {
        let report = Grammars.shared.report()
        #expect(report.problem == nil && report.runtimeFound)
        #expect(report.versions["tree-sitter"] != nil, "the manifest names the runtime's version")
        for status in report.grammars {
            #expect(status.found, "\(status.grammar.library) missing for \(status.languageIDs)")
        }
        #expect(Set(Grammars.supportedLanguages).isSuperset(of: LanguageCase.all.map(\.language)))
        // One row per registry entry; `javascriptreact` shares JavaScript's grammar, so one case per grammar.
        #expect(Set(report.grammars.map(\.grammar)).count == LanguageCase.all.count)
    }

    @Test("Language ids that share a grammar, and unknown ids")
    func aliases() throws {
        #expect(Grammars.grammar(for: "javascriptreact")?.name == "javascript")
        #expect(Grammars.grammar(for: "typescriptreact")?.name == "tsx")
        #expect(Grammars.grammar(for: "csharp")?.symbol == "tree_sitter_c_sharp")
        #expect(Grammars.grammar(for: "swift")?.library == "tree-sitter-swift.so")
        #expect(throws: SyntaxError.unsupportedLanguage("cobol")) {
            try parser().parse(text: "x", language: "cobol")
        }
        let jsx = try parser().parse(text: "const a = <b>é</b>;\n", language: "javascriptreact")
        #expect(!jsx.hasErrors)
    }
}
