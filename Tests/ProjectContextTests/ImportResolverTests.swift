import Languages
import ProjectContext
import Syntax
import Testing

/// Resolves one statement of `path` in an in-memory workspace of empty files (or the given texts).
func resolveImport(_ statement: String, in path: String, _ language: Language, package: String? = nil,
                   files: [String], texts: [String: String] = [:]) -> [ResolvedImport] {
    var all = Dictionary(uniqueKeysWithValues: files.map { ($0, "") })
    all[path] = all[path] ?? ""
    all.merge(texts) { _, text in text }
    let resolver = ImportResolver(files: InMemoryWorkspaceFiles(all))
    return resolver.resolve(importStatements(statement, language), of: path, language: language, package: package)
}

/// The statement as the index hands it to resolvers: read from the file's outline (comments
/// inside it taken out by the grammar); as written when the imports query does not match it alone.
func importStatements(_ statement: String, _ language: Language) -> [ImportStatement] {
    guard let tree = try? SyntaxParser().parse(text: statement, language: language.id) else {
        return [ImportStatement(text: statement, line: 0)]
    }
    let found = OutlineExtractor.outline(of: tree, path: "x", language: language).imports
    return found.isEmpty ? [ImportStatement(text: statement, line: 0)] : found
}

/// The files of the single value a statement resolves to.
func resolvedFiles(_ statement: String, in path: String, _ language: Language, files: [String],
                   texts: [String: String] = [:]) -> [String] {
    resolveImport(statement, in: path, language, files: files, texts: texts).flatMap(\.files)
}

@Suite struct ImportResolverTests {
    @Test func everyFormResolvesNothingForAnEmptyWorkspaceWithoutCrashing() {
        let statements = [
            "import os", "from ....... import x", "from . import", "from", "import", "import {", "import x from",
            "use ;", "use crate::{", "use super::super::super::x;", "mod ;", "#include", "#include \"", "#include <",
            "import \"", "import ( ", "using ;", "using = ;", "require", "require_relative ''", "require(\"\")",
            "import .", "import a..b", "", "   ", "use {a, {b, {c}}};", "import static ;",
        ]
        let resolver = ImportResolver(files: InMemoryWorkspaceFiles(["a/b.x": ""]))
        for language in Languages.all {
            for statement in statements {
                let resolved = resolver.resolve([ImportStatement(text: statement, line: 1)], of: "a/b.x",
                                                language: language, package: nil)
                #expect(resolved.allSatisfy { $0.files.isEmpty }, "\(language.id): \(statement)")
            }
            #expect(resolver.implicitlyVisibleFiles(of: "a/b.x", language: language, package: nil).isEmpty)
        }
    }

    @Test func hostileRelativePathsNeverClimbAboveTheRoot() {
        let files = ["etc/passwd", "passwd", "a/b/c.py", "x.py", "x/__init__.py"]
        #expect(resolvedFiles("from ....... import x", in: "a/b/c.py", .python, files: files).isEmpty)
        #expect(resolvedFiles("from .... import x", in: "a/b/c.py", .python, files: files).isEmpty)
        #expect(resolvedFiles("#include \"../../../../etc/passwd\"", in: "src/main.c", .c, files: files).isEmpty)
        #expect(resolvedFiles("import x from '../../../../passwd'", in: "src/a.ts", .typescript, files: files).isEmpty)
        #expect(resolvedFiles("require_relative '../../../passwd'", in: "lib/a.rb", .ruby, files: files).isEmpty)
        #expect(resolvedFiles("use super::super::super::super::x;", in: "src/a.rs", .rust,
                              files: files + ["Cargo.toml", "src/lib.rs", "src/x.rs"]).isEmpty)
    }

    @Test func severalStatementsResolveInOrder() {
        let files = InMemoryWorkspaceFiles(["app/main.py": "", "app/models.py": "", "app/__init__.py": ""])
        let resolver = ImportResolver(files: files)
        let resolved = resolver.resolve([ImportStatement(text: "import os", line: 1),
                                         ImportStatement(text: "from app.models import Invoice", line: 2)],
                                        of: "app/main.py", language: .python, package: nil)
        #expect(resolved.map(\.files) == [[], ["app/models.py"]])
        #expect(resolved[1].names == ["Invoice"])
    }

    @Test func theCacheIsClearedOnRequest() {
        let files = InMemoryWorkspaceFiles(["go.mod": "module example.com/shop\n", "main.go": "package main\n"])
        let resolver = ImportResolver(files: files)
        let statement = [ImportStatement(text: "import \"example.com/shop/billing\"", line: 1)]
        #expect(resolver.resolve(statement, of: "main.go", language: .go, package: "main")[0].files.isEmpty)
        files.set("billing/tax.go", "package billing\n")
        resolver.clearCache()
        #expect(resolver.resolve(statement, of: "main.go", language: .go, package: "main")[0].files == ["billing/tax.go"])
    }
}
