import Languages
import ProjectContext
import Testing

@Suite struct ImportResolverJVMTests {
    let files = [
        "src/main/java/com/acme/billing/Invoice.java", "src/main/java/com/acme/billing/Line.java",
        "src/main/java/com/acme/billing/Tax.java", "src/main/java/com/acme/app/App.java",
        "src/test/java/com/acme/billing/InvoiceTest.java", "lib/src/main/kotlin/com/acme/money/Money.kt",
        "lib/src/main/kotlin/com/acme/money/extensions.kt",
    ]
    let app = "src/main/java/com/acme/app/App.java"

    @Test func classImport() {
        let resolved = resolveImport("import com.acme.billing.Invoice;", in: app, .java, package: "com.acme.app", files: files)
        #expect(resolved == [ResolvedImport(statement: "import com.acme.billing.Invoice;",
                                            files: ["src/main/java/com/acme/billing/Invoice.java"], names: ["Invoice"])])
    }

    @Test func staticAndNestedImports() {
        let member = resolveImport("import static com.acme.billing.Tax.rate;", in: app, .java, package: "com.acme.app", files: files)
        #expect(member.first?.files == ["src/main/java/com/acme/billing/Tax.java"])
        #expect(member.first?.names == ["rate"])
        let nested = resolveImport("import com.acme.billing.Invoice.Status;", in: app, .java, package: "com.acme.app", files: files)
        #expect(nested.first?.files == ["src/main/java/com/acme/billing/Invoice.java"])
        #expect(nested.first?.names == ["Status"])
        let all = resolveImport("import static com.acme.billing.Tax.*;", in: app, .java, package: "com.acme.app", files: files)
        #expect(all.first?.files == ["src/main/java/com/acme/billing/Tax.java"])
        #expect(all.first?.wildcard == true)
    }

    @Test func wildcardImportIsThePackagesFiles() {
        let resolved = resolveImport("import com.acme.billing.*;", in: app, .java, package: "com.acme.app", files: files)
        #expect(resolved.first?.wildcard == true)
        #expect(resolved.first?.files.sorted() == [
            "src/main/java/com/acme/billing/Invoice.java", "src/main/java/com/acme/billing/Line.java",
            "src/main/java/com/acme/billing/Tax.java", "src/test/java/com/acme/billing/InvoiceTest.java",
        ])
    }

    @Test func kotlinRenamesTopLevelFunctionsAndOtherModules() {
        let renamed = resolveImport("import com.acme.money.Money as Cash", in: app, .kotlin, package: "com.acme.app", files: files)
        #expect(renamed.first?.files == ["lib/src/main/kotlin/com/acme/money/Money.kt"])
        #expect(renamed.first?.names == ["Money"])
        #expect(renamed.first?.localNames == ["Cash": "Money"])
        let function = resolveImport("import com.acme.money.toCents", in: app, .kotlin, package: "com.acme.app", files: files)
        #expect(function.first?.names == ["toCents"])
        #expect(function.first?.files.sorted() == ["lib/src/main/kotlin/com/acme/money/Money.kt",
                                                   "lib/src/main/kotlin/com/acme/money/extensions.kt"])
    }

    @Test func librariesHaveNoFiles() {
        #expect(resolvedFiles("import java.util.List;", in: app, .java, files: files).isEmpty)
        #expect(resolvedFiles("import org.junit.jupiter.api.*;", in: app, .java, files: files).isEmpty)
    }

    @Test func samePackageFilesAreImplicitlyVisible() {
        let resolver = ImportResolver(files: InMemoryWorkspaceFiles(Dictionary(uniqueKeysWithValues: files.map { ($0, "") })))
        let visible = resolver.implicitlyVisibleFiles(of: "src/test/java/com/acme/billing/InvoiceTest.java", language: .java,
                                                      package: "com.acme.billing")
        #expect(visible.sorted() == [
            "src/main/java/com/acme/billing/Invoice.java", "src/main/java/com/acme/billing/Line.java",
            "src/main/java/com/acme/billing/Tax.java",
        ])
        #expect(resolver.implicitlyVisibleFiles(of: app, language: .java, package: "com.acme.app").isEmpty)
        #expect(resolver.implicitlyVisibleFiles(of: "lib/src/main/kotlin/com/acme/money/Money.kt", language: .kotlin,
                                                package: nil) == ["lib/src/main/kotlin/com/acme/money/extensions.kt"])
    }
}
