import Languages
import ProjectContext
import Testing

@Suite struct ImportResolverRustTests {
    let files = [
        "Cargo.toml", "src/lib.rs", "src/main.rs", "src/billing/mod.rs", "src/billing/tax.rs", "src/billing/tax/rates.rs",
        "src/billing/invoice.rs", "src/util.rs", "src/util/strings.rs", "crates/money/Cargo.toml", "crates/money/src/lib.rs",
        "crates/money/src/cents.rs",
    ]
    let texts = ["Cargo.toml": "[package]\nname = \"shop\"\n", "crates/money/Cargo.toml": "[package]\nname = \"acme-money\"\nversion = \"0.1.0\"\n"]

    func resolve(_ statement: String, in path: String) -> [ResolvedImport] {
        resolveImport(statement, in: path, .rust, files: files, texts: texts)
    }

    @Test func modDeclarations() {
        #expect(resolve("mod billing;", in: "src/lib.rs").first?.files == ["src/billing/mod.rs"])
        #expect(resolve("pub mod tax;", in: "src/billing/mod.rs").first?.files == ["src/billing/tax.rs"])
        #expect(resolve("mod rates;", in: "src/billing/tax.rs").first?.files == ["src/billing/tax/rates.rs"])
        #expect(resolve("mod strings;", in: "src/util.rs").first?.aliases == ["strings"])
        #expect(resolve("mod strings;", in: "src/util.rs").first?.files == ["src/util/strings.rs"])
        #expect(resolve("mod tests { }", in: "src/util.rs").isEmpty)
    }

    @Test func useCratePathToAnItem() {
        let resolved = resolve("use crate::billing::tax::tax_for;", in: "src/billing/invoice.rs")
        #expect(resolved == [ResolvedImport(statement: "use crate::billing::tax::tax_for;", files: ["src/billing/tax.rs"],
                                            names: ["tax_for"])])
        let module = resolve("use crate::billing::tax;", in: "src/main.rs")
        #expect(module.first?.files == ["src/billing/tax.rs"])
        #expect(module.first?.aliases == ["tax"])
        #expect(module.first?.names == [])
        let rootItem = resolve("use crate::Config;", in: "src/billing/tax.rs")
        #expect(rootItem.first?.files == ["src/lib.rs"])
        #expect(rootItem.first?.names == ["Config"])
        #expect(resolve("use crate::run;", in: "src/util.rs").first?.files == ["src/lib.rs"])
        let variant = resolve("use crate::billing::invoice::Status::Paid;", in: "src/main.rs")
        #expect(variant.first?.files == ["src/billing/invoice.rs"])
        #expect(variant.first?.names == ["Status"])
    }

    @Test func superSelfAndRenames() {
        let up = resolve("use super::invoice::Invoice as Bill;", in: "src/billing/tax.rs")
        #expect(up.first?.files == ["src/billing/invoice.rs"])
        #expect(up.first?.names == ["Invoice"])
        #expect(up.first?.localNames == ["Bill": "Invoice"])
        #expect(resolve("use super::Money;", in: "src/billing/tax/rates.rs").first?.files == ["src/billing/tax.rs"])
        #expect(resolve("use super::super::util::trim;", in: "src/billing/tax.rs").first?.files == ["src/util.rs"])
        #expect(resolve("use super::util::trim;", in: "src/billing/mod.rs").first?.files == ["src/util.rs"])
        #expect(resolve("use self::tax::tax_for;", in: "src/billing/mod.rs").first?.files == ["src/billing/tax.rs"])
        #expect(resolve("use tax::tax_for;", in: "src/billing/mod.rs").first?.files == ["src/billing/tax.rs"])
        #expect(resolve("use crate::util as u;", in: "src/main.rs").first?.aliases == ["u"])
    }

    @Test func groupsGlobsAndNesting() {
        let statement = "use crate::billing::{\n    tax::{self, tax_for, rates::Rate},\n    invoice::*,\n    Money as M,\n};"
        let resolved = resolve(statement, in: "src/main.rs")
        let byFile = Dictionary(uniqueKeysWithValues: resolved.map { ($0.files.first ?? "", $0) })
        #expect(byFile["src/billing/tax.rs"]?.names == ["tax_for"])
        #expect(byFile["src/billing/tax.rs"]?.aliases == ["tax"])
        #expect(byFile["src/billing/tax/rates.rs"]?.names == ["Rate"])
        #expect(byFile["src/billing/invoice.rs"]?.wildcard == true)
        #expect(byFile["src/billing/mod.rs"]?.localNames == ["M": "Money"])
        #expect(resolved.count == 4)
    }

    @Test func workspaceCratesAndExternalCrates() {
        let resolved = resolve("use acme_money::cents::Cents;", in: "src/main.rs")
        #expect(resolved.first?.files == ["crates/money/src/cents.rs"])
        #expect(resolved.first?.names == ["Cents"])
        #expect(resolve("extern crate acme_money;", in: "src/main.rs").first?.files == ["crates/money/src/lib.rs"])
        #expect(resolve("use serde::{Serialize, Deserialize};", in: "src/main.rs").allSatisfy { $0.files.isEmpty })
        #expect(resolve("use std::collections::HashMap;", in: "src/main.rs").first?.files == [])
        #expect(resolve("use crate::money::Cents;", in: "crates/money/src/cents.rs").first?.files == ["crates/money/src/lib.rs"])
    }

    @Test func attributesAndVisibilityAreSkipped() {
        #expect(resolve("#[cfg(test)]\npub(crate) use crate::billing::tax::tax_for;", in: "src/main.rs").first?.files
            == ["src/billing/tax.rs"])
    }
}
