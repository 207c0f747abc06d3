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

    /// `errors` lists something exactly when the tree has an error, for every cut and every
    /// one-byte deletion of every snippet: a MISSING token the grammar hides (C#'s identifier in
    /// `using System.Linq;` inside a method) was once listed nowhere, and a candidate holding one
    /// was judged to parse.
    @Test("Errors are listed exactly when the tree has one", arguments: LanguageCase.all)
    func errorsListedExactlyWhenPresent(_ example: LanguageCase) throws {
        let bytes = Array(example.valid.utf8)
        var variants = stride(from: 0, to: bytes.count, by: 3).map { Array(bytes[..<$0]) }
        variants += stride(from: 0, to: bytes.count, by: 2).map { Array(bytes[..<$0]) + Array(bytes[($0 + 1)...]) }
        for variant in variants {
            let tree = try parser().parse(utf8: variant, language: Grammars.shared.language(example.language))
            #expect(tree.errors.isEmpty == !tree.hasErrors, "\(String(decoding: variant, as: UTF8.self))\n\(tree.sExpression)")
        }
    }

    @Test("A MISSING token the grammar hides is listed as the node holding it")
    func hiddenMissingTokenIsListed() throws {
        let tree = try parser().parse(text: "class A {\n\tint F(int a) {\n\t\tusing System.Linq;\n\t\treturn a;\n\t}\n}\n",
                                      language: "csharp")
        #expect(tree.hasErrors && tree.errors.map(\.kind) == [.missing("identifier")], "\(tree.sExpression)")
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
