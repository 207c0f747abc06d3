import Languages
import ProjectContext
import Testing

@Suite struct ImportResolverGoTests {
    let files = [
        "cmd/shop/main.go", "billing/tax.go", "billing/invoice.go", "billing/tax_test.go", "billing/testdata/x.go",
        "internal/money/v2/money.go",
    ]
    let texts = [
        "go.mod": "// the shop\nmodule example.com/shop\n\ngo 1.22\n",
        "billing/tax.go": "// Package billing bills.\npackage billing\n",
        "internal/money/v2/money.go": "package money\n",
    ]

    @Test func moduleImportIsThePackagesNonTestFiles() {
        let resolved = resolveImport("import \"example.com/shop/billing\"", in: "cmd/shop/main.go", .go, files: files, texts: texts)
        #expect(resolved == [ResolvedImport(statement: "import \"example.com/shop/billing\"",
                                            files: ["billing/invoice.go", "billing/tax.go"], aliases: ["billing"])])
    }

    @Test func importBlockWithAliasesStdlibDotAndBlank() {
        let statement = """
            import (
            \t"fmt"
            \tb "example.com/shop/billing" // billing
            \t"example.com/shop/internal/money/v2"
            \t. "example.com/shop/billing"
            \t_ "net/http/pprof"
            \t"github.com/other/lib"
            )
            """
        let resolved = resolveImport(statement, in: "cmd/shop/main.go", .go, files: files, texts: texts)
        #expect(resolved.count == 6)
        #expect(resolved[0].files.isEmpty)
        #expect(resolved[0].aliases == ["fmt"])
        #expect(resolved[1].files == ["billing/invoice.go", "billing/tax.go"])
        #expect(resolved[1].aliases == ["b"])
        #expect(resolved[2].files == ["internal/money/v2/money.go"])
        #expect(resolved[2].aliases == ["money"])
        #expect(resolved[3].wildcard)
        #expect(resolved[3].aliases == [])
        #expect(resolved[4].files.isEmpty)
        #expect(resolved[4].aliases == [])
        #expect(resolved[5].files.isEmpty)
        #expect(resolved[5].aliases == ["lib"])
    }

    @Test func nestedModulesAreFoundByTheirGoMod() {
        let nested = ["services/api/go.mod", "services/api/handlers/h.go", "services/api/main.go", "tools/gen.go"]
        let nestedTexts = ["services/api/go.mod": "module github.com/acme/api\n", "tools/gen.go": "package main\n"]
        #expect(resolvedFiles("import \"github.com/acme/api/handlers\"", in: "services/api/main.go", .go, files: nested,
                              texts: nestedTexts) == ["services/api/handlers/h.go"])
        #expect(resolvedFiles("import \"github.com/acme/api/handlers\"", in: "tools/gen.go", .go, files: nested,
                              texts: nestedTexts) == ["services/api/handlers/h.go"])
    }

    @Test func withoutGoModNothingResolves() {
        #expect(resolvedFiles("import \"example.com/shop/billing\"", in: "main.go", .go, files: ["billing/tax.go"]).isEmpty)
    }

    @Test func implicitlyVisibleFilesAreThePackagesOtherNonTestFiles() {
        var all = Dictionary(uniqueKeysWithValues: files.map { ($0, "") })
        all.merge(texts) { _, text in text }
        let resolver = ImportResolver(files: InMemoryWorkspaceFiles(all))
        #expect(resolver.implicitlyVisibleFiles(of: "billing/tax.go", language: .go, package: "billing") == ["billing/invoice.go"])
        #expect(resolver.implicitlyVisibleFiles(of: "billing/tax_test.go", language: .go, package: "billing")
            == ["billing/invoice.go", "billing/tax.go"])
    }
}
