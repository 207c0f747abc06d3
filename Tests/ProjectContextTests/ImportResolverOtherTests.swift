import Languages
import ProjectContext
import Testing

@Suite struct ImportResolverOtherTests {
    // MARK: C / C++

    @Test func quotedIncludesRelativeThenRootThenIncludeAndSrc() {
        let files = ["src/billing/tax.c", "src/billing/tax.h", "include/shop/money.h", "config.h", "src/util.h"]
        let relative = resolveImport("#include \"tax.h\"", in: "src/billing/tax.c", .c, files: files)
        #expect(relative == [ResolvedImport(statement: "#include \"tax.h\"", files: ["src/billing/tax.h"], wildcard: true)])
        #expect(resolvedFiles("#include \"config.h\"", in: "src/billing/tax.c", .c, files: files) == ["config.h"])
        #expect(resolvedFiles("#include \"shop/money.h\"", in: "src/billing/tax.c", .cpp, files: files) == ["include/shop/money.h"])
        #expect(resolvedFiles("#include \"util.h\"", in: "tests/t.c", .c, files: files) == ["src/util.h"])
        #expect(resolvedFiles("#include \"../util.h\"", in: "src/billing/tax.c", .c, files: files) == ["src/util.h"])
        #expect(resolvedFiles("#  include \"tax.h\" // comment", in: "src/billing/tax.c", .c, files: files) == ["src/billing/tax.h"])
    }

    @Test func angleIncludesAreLibraries() {
        #expect(resolvedFiles("#include <stdio.h>", in: "main.c", .c, files: ["stdio.h"]).isEmpty)
        #expect(resolvedFiles("#include \"missing.h\"", in: "main.c", .c, files: []).isEmpty)
    }

    // MARK: Swift

    @Test func swiftModulesAreSourcesTargets() {
        let files = ["Sources/Billing/Tax.swift", "Sources/Billing/Model/Invoice.swift", "Sources/App/main.swift",
                     "Sources/App/Views/Home.swift", "Tests/BillingTests/TaxTests.swift", "Package.swift"]
        let resolved = resolveImport("@testable import Billing", in: "Tests/BillingTests/TaxTests.swift", .swift, files: files)
        #expect(resolved.first?.files.sorted() == ["Sources/Billing/Model/Invoice.swift", "Sources/Billing/Tax.swift"])
        #expect(resolved.first?.wildcard == true)
        #expect(resolved.first?.aliases == ["Billing"])
        let kind = resolveImport("import struct Billing.Invoice", in: "Sources/App/main.swift", .swift, files: files)
        #expect(kind.first?.names == ["Invoice"])
        #expect(resolvedFiles("import Foundation", in: "Sources/App/main.swift", .swift, files: files).isEmpty)

        let resolver = ImportResolver(files: InMemoryWorkspaceFiles(Dictionary(uniqueKeysWithValues: files.map { ($0, "") })))
        #expect(resolver.implicitlyVisibleFiles(of: "Sources/App/main.swift", language: .swift, package: nil)
            == ["Sources/App/Views/Home.swift"])
        #expect(resolver.implicitlyVisibleFiles(of: "Sources/Billing/Model/Invoice.swift", language: .swift, package: nil)
            == ["Sources/Billing/Tax.swift"])
        #expect(resolver.implicitlyVisibleFiles(of: "Package.swift", language: .swift, package: nil).isEmpty)
    }

    @Test func swiftFilesOutsideAPackageSeeTheirDirectory() {
        let files = ["App/AppDelegate.swift", "App/Model.swift", "App/Views/Home.swift"]
        let resolver = ImportResolver(files: InMemoryWorkspaceFiles(Dictionary(uniqueKeysWithValues: files.map { ($0, "") })))
        #expect(resolver.implicitlyVisibleFiles(of: "App/Model.swift", language: .swift, package: nil) == ["App/AppDelegate.swift"])
    }

    // MARK: C#

    @Test func csharpNamespacesAreDirectories() {
        let files = ["src/Acme/Billing/Invoice.cs", "src/Acme/Billing/Tax.cs", "src/Acme/App/Program.cs",
                     "Acme.Money/Money.cs", "Shared/Reports/Report.cs"]
        let namespace = resolveImport("using Acme.Billing;", in: "src/Acme/App/Program.cs", .csharp, files: files)
        #expect(namespace.first?.files == ["src/Acme/Billing/Invoice.cs", "src/Acme/Billing/Tax.cs"])
        #expect(namespace.first?.wildcard == true)
        #expect(resolvedFiles("global using Acme.Money;", in: "src/Acme/App/Program.cs", .csharp, files: files)
            == ["Acme.Money/Money.cs"])
        #expect(resolvedFiles("using Contoso.Reports;", in: "src/Acme/App/Program.cs", .csharp, files: files)
            == ["Shared/Reports/Report.cs"])
        let type = resolveImport("using T = Acme.Billing.Tax;", in: "src/Acme/App/Program.cs", .csharp, files: files)
        #expect(type.first?.files == ["src/Acme/Billing/Tax.cs"])
        #expect(type.first?.localNames == ["T": "Tax"])
        let staticType = resolveImport("using static Acme.Billing.Tax;", in: "src/Acme/App/Program.cs", .csharp, files: files)
        #expect(staticType.first?.files == ["src/Acme/Billing/Tax.cs"])
        #expect(staticType.first?.wildcard == true)
        #expect(resolvedFiles("using System.Linq;", in: "src/Acme/App/Program.cs", .csharp, files: files).isEmpty)

        let resolver = ImportResolver(files: InMemoryWorkspaceFiles(Dictionary(uniqueKeysWithValues: files.map { ($0, "") })))
        #expect(resolver.implicitlyVisibleFiles(of: "src/Acme/Billing/Tax.cs", language: .csharp, package: "Acme.Billing")
            == ["src/Acme/Billing/Invoice.cs"])
    }

    // MARK: Ruby

    @Test func rubyRequires() {
        let files = ["lib/shop/tax.rb", "lib/shop.rb", "app/models/invoice.rb", "app/models/line.rb"]
        #expect(resolvedFiles("require_relative 'line'", in: "app/models/invoice.rb", .ruby, files: files) == ["app/models/line.rb"])
        #expect(resolvedFiles("require_relative \"../../lib/shop\"", in: "app/models/invoice.rb", .ruby, files: files)
            == ["lib/shop.rb"])
        #expect(resolvedFiles("require 'shop/tax'", in: "app/models/invoice.rb", .ruby, files: files) == ["lib/shop/tax.rb"])
        #expect(resolvedFiles("require 'json'", in: "app/models/invoice.rb", .ruby, files: files).isEmpty)
        #expect(resolvedFiles("require './lib/shop'", in: "app/models/invoice.rb", .ruby, files: files) == ["lib/shop.rb"])
        #expect(resolvedFiles("require(\"shop\")", in: "app/models/invoice.rb", .ruby, files: files) == ["lib/shop.rb"])
    }

    // MARK: Lua

    @Test func luaRequires() {
        let files = ["lua/shop/tax.lua", "lua/shop/init.lua", "util/strings.lua", "init.lua"]
        let resolved = resolveImport("local tax = require(\"shop.tax\")", in: "init.lua", .lua, files: files)
        #expect(resolved == [ResolvedImport(statement: "local tax = require(\"shop.tax\")", files: ["lua/shop/tax.lua"],
                                            aliases: ["tax"])])
        #expect(resolvedFiles("require 'shop'", in: "init.lua", .lua, files: files) == ["lua/shop/init.lua"])
        #expect(resolvedFiles("local s = require('util.strings')", in: "lua/shop/tax.lua", .lua, files: files)
            == ["util/strings.lua"])
        #expect(resolvedFiles("local json = require('cjson')", in: "init.lua", .lua, files: files).isEmpty)
    }
}
