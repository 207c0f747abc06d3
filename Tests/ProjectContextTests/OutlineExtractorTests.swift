import Languages
import ProjectContext
import Syntax
import Testing

/// Outlines of Python, JavaScript, TypeScript (and TSX), Go, Rust and Swift files: the
/// definitions' names, kinds and stubs (bodies elided, docs, fields and signatures kept),
/// mentions, package and imports.
@Suite struct OutlineExtractorTests {
    @Test func python() throws {
        let outline = try OutlineTesting.outline("python", """
            \"\"\"Billing helpers.\"\"\"
            from dataclasses import dataclass
            import decimal as dec

            TAX_RATE = 0.2
            DEFAULT_CURRENCY: str = "EUR"
            logger = make_logger(__name__)


            @dataclass
            class Invoice(BaseModel):
                \"\"\"An invoice.\"\"\"

                lines: list[Line]
                customer: Customer = None

                def total(self) -> Money:
                    \"\"\"Sum of the lines.\"\"\"
                    return sum(line.amount for line in self.lines)

                def _helper(self, x):
                    secret_step = x * 2
                    return secret_step


            # Computes the tax.
            def invoice_total(invoice: Invoice, rate: float = TAX_RATE) -> Money:
                \"\"\"Return the invoice's total with tax.\"\"\"
                subtotal = invoice.total()
                return subtotal * (1 + rate)
            """)
        #expect(outline.package == nil)
        #expect(outline.imports == [ImportStatement(text: "from dataclasses import dataclass", line: 1),
                                    ImportStatement(text: "import decimal as dec", line: 2)])
        #expect(outline.names == ["TAX_RATE", "DEFAULT_CURRENCY", "logger", "Invoice", "invoice_total"])
        #expect(outline.definitions.map(\.kind) == [.constant, .constant, .variable, .type, .function])
        #expect(outline.definition("TAX_RATE")?.stub == "TAX_RATE = 0.2")
        #expect(outline.definition("DEFAULT_CURRENCY")?.stub == "DEFAULT_CURRENCY: str = \"EUR\"")

        let function = try #require(outline.definition("invoice_total"))
        #expect(function.stub == """
            # Computes the tax.
            def invoice_total(invoice: Invoice, rate: float = TAX_RATE) -> Money:
                \"\"\"Return the invoice's total with tax.\"\"\"
                ...
            """)
        #expect(function.mentions == ["Invoice", "TAX_RATE", "Money"])
        #expect(function.line == 25)

        let invoice = try #require(outline.definition("Invoice"))
        #expect(invoice.line == 9)
        #expect(invoice.stub.hasPrefix("@dataclass\nclass Invoice(BaseModel):\n    \"\"\"An invoice.\"\"\""))
        for kept in ["lines: list[Line]", "customer: Customer = None", "def total(self) -> Money:\n        \"\"\"Sum of the lines.\"\"\"\n        ...",
                     "def _helper(self, x):\n        ..."] {
            #expect(invoice.stub.contains(kept), "\(kept)")
        }
        #expect(!invoice.stub.contains("secret_step") && !invoice.stub.contains("line.amount"))
        #expect(invoice.mentions == ["dataclass", "BaseModel", "Line", "Customer", "Money"])
    }

    @Test func javascript() throws {
        let outline = try OutlineTesting.outline("javascript", """
            const fs = require("fs");
            import { Line } from "./line.js";

            /** Max. */
            const MAX = 3;

            class Invoice extends Base {
              constructor(lines) {
                this.lines = lines;
              }
              /** Total. */
              total() {
                const sum = 0;
                return sum;
              }
            }

            /** Tax for an invoice. */
            function taxFor(invoice, rate = RATE) {
              const computed = invoice.total();
              return computed;
            }

            const helper = function (a) {
              return a + 1;
            };

            module.exports.fmt = (m) => {
              return String(m);
            };
            module.exports = { taxFor, Invoice };
            """)
        #expect(outline.imports.map(\.text) == ["const fs = require(\"fs\");", "import { Line } from \"./line.js\";"])
        #expect(outline.names == ["MAX", "Invoice", "taxFor", "helper", "fmt", "module.exports"])
        #expect(outline.definitions.map(\.kind) == [.constant, .type, .function, .function, .function, .variable])
        #expect(outline.definition("MAX")?.stub == "/** Max. */\nconst MAX = 3;")
        #expect(outline.definition("taxFor")?.stub == "/** Tax for an invoice. */\nfunction taxFor(invoice, rate = RATE) { ... }")
        #expect(outline.definition("taxFor")?.mentions == ["RATE"])
        #expect(outline.definition("helper")?.stub == "const helper = function (a) { ... };")
        #expect(outline.definition("fmt")?.stub == "module.exports.fmt = (m) => { ... };")
        let invoice = try #require(outline.definition("Invoice"))
        #expect(invoice.stub == """
            class Invoice extends Base {
              constructor(lines) { ... }
              /** Total. */
              total() { ... }
            }
            """)
        #expect(invoice.mentions == ["Base"])
    }

    static let typescript = """
        import { Line } from "./line";
        import type { Money } from "./money";

        /** Maximum lines. */
        export const MAX_LINES = 100;
        const DEFAULTS: Options = { currency: "EUR", locale: "fr-FR", rounding: "half-even", precision: 2 };

        /** An invoice. */
        export class Invoice extends Base implements Billable {
          lines: Line[] = [];
          private customer: Customer;

          /** Total of the lines. */
          total(): Money {
            const sum = this.lines.reduce((a, l) => a + l.amount, 0);
            return sum;
          }
        }

        export interface Billable {
          bill(to: Customer): Receipt;
        }

        export type Amount = number | Money;

        /** Tax for an invoice. */
        export function taxFor(invoice: Invoice, rate: number = TAX_RATE): Money {
          const computed = invoice.total();
          return computed * rate;
        }

        export const double = (x: number): number => x * 2;
        export const format = (m: Money): string => {
          const text = m.toString();
          return text;
        };
        export default class Main {}
        enum Color { Red, Green }
        """

    @Test func typescript() throws {
        let outline = try OutlineTesting.outline("typescript", Self.typescript)
        #expect(outline.imports.map(\.line) == [0, 1])
        #expect(outline.names == ["MAX_LINES", "DEFAULTS", "Invoice", "Billable", "Amount", "taxFor", "double", "format", "Main", "Color"])
        #expect(outline.definitions.map(\.kind) == [.constant, .constant, .type, .type, .type, .function, .function, .function, .type, .type])
        #expect(outline.definition("MAX_LINES")?.stub == "/** Maximum lines. */\nexport const MAX_LINES = 100;")
        #expect(outline.definition("MAX_LINES")?.line == 3)
        // Over 80 characters: the value is elided, the declared type stays.
        #expect(outline.definition("DEFAULTS")?.stub == "const DEFAULTS: Options = ...;")
        #expect(outline.definition("DEFAULTS")?.mentions == ["Options"])
        #expect(outline.definition("taxFor")?.stub
            == "/** Tax for an invoice. */\nexport function taxFor(invoice: Invoice, rate: number = TAX_RATE): Money { ... }")
        #expect(outline.definition("taxFor")?.mentions == ["Invoice", "TAX_RATE", "Money"])
        #expect(outline.definition("double")?.stub == "export const double = (x: number): number => x * 2;")
        #expect(outline.definition("format")?.stub == "export const format = (m: Money): string => { ... };")
        #expect(outline.definition("Billable")?.stub == "export interface Billable {\n  bill(to: Customer): Receipt;\n}")
        let invoice = try #require(outline.definition("Invoice"))
        #expect(invoice.stub == """
            /** An invoice. */
            export class Invoice extends Base implements Billable {
              lines: Line[] = [];
              private customer: Customer;

              /** Total of the lines. */
              total(): Money { ... }
            }
            """)
        #expect(invoice.mentions == ["Base", "Billable", "Line", "Customer", "Money"])
    }

    @Test func typescriptReact() throws {
        let outline = try OutlineTesting.outline("typescriptreact", """
            import React from "react";

            export interface Props { invoice: Invoice; onPay: (id: string) => void }

            /** Shows an invoice. */
            export function InvoiceView({ invoice, onPay }: Props): JSX.Element {
              const total = invoice.total();
              return <div onClick={() => onPay(invoice.id)}>{total}</div>;
            }

            export const Badge = ({ label }: BadgeProps) => <span className="badge">{label}</span>;
            """)
        #expect(outline.imports.map(\.text) == ["import React from \"react\";"])
        #expect(outline.names == ["Props", "InvoiceView", "Badge"])
        #expect(outline.definition("InvoiceView")?.stub
            == "/** Shows an invoice. */\nexport function InvoiceView({ invoice, onPay }: Props): JSX.Element { ... }")
        #expect(outline.definition("InvoiceView")?.mentions.contains("Props") == true)
        #expect(outline.definition("Props")?.mentions == ["Invoice"])
        #expect(outline.definition("Badge")?.kind == .function)
        #expect(outline.definition("Badge")?.mentions == ["BadgeProps"])
    }

    @Test func go() throws {
        let outline = try OutlineTesting.outline("go", """
            // Package billing computes invoices.
            package billing

            import (
            \t"fmt"
            \t"strings"
            )

            // MaxLines bounds an invoice.
            const MaxLines = 100

            const (
            \tStatusOpen Status = iota
            \tStatusClosed
            )

            var registry = map[string]Invoice{}

            // Invoice is a bill.
            type Invoice struct {
            \tLines    []Line
            \tCustomer *Customer
            }

            // Total sums the lines.
            func (i *Invoice) Total() Money {
            \tsum := Money(0)
            \treturn sum
            }

            // TaxFor returns the tax of an invoice.
            func TaxFor(inv Invoice, rate float64) (Money, error) {
            \tcomputed := inv.Total()
            \treturn computed, nil
            }
            """)
        #expect(outline.package == "billing")
        #expect(outline.imports == [ImportStatement(text: "import (\n\t\"fmt\"\n\t\"strings\"\n)", line: 3)])
        #expect(outline.names == ["MaxLines", "StatusOpen", "StatusClosed", "registry", "Invoice", "Total", "TaxFor"])
        #expect(outline.definitions.map(\.kind) == [.constant, .constant, .constant, .variable, .type, .method, .function])
        #expect(outline.definition("MaxLines")?.stub == "// MaxLines bounds an invoice.\nconst MaxLines = 100")
        #expect(outline.definition("StatusOpen")?.stub == "const StatusOpen Status = iota")
        #expect(outline.definition("StatusOpen")?.mentions == ["Status"])
        #expect(outline.definition("Invoice")?.stub == "// Invoice is a bill.\ntype Invoice struct {\n\tLines    []Line\n\tCustomer *Customer\n}")
        #expect(outline.definition("Invoice")?.mentions == ["Line", "Customer"])
        let total = try #require(outline.definition("Total"))
        #expect(total.container == "Invoice")
        #expect(total.stub == "// Total sums the lines.\nfunc (i *Invoice) Total() Money { ... }")
        #expect(total.mentions == ["Money"])
        #expect(total.line == 24)
        let taxFor = try #require(outline.definition("TaxFor"))
        #expect(taxFor.stub == "// TaxFor returns the tax of an invoice.\nfunc TaxFor(inv Invoice, rate float64) (Money, error) { ... }")
        #expect(taxFor.mentions == ["Invoice", "Money"])
    }

    @Test func rust() throws {
        let outline = try OutlineTesting.outline("rust", """
            //! Billing.
            use std::collections::HashMap;
            mod lines;
            pub mod tax;

            /// Maximum lines.
            pub const MAX_LINES: usize = 100;

            /// An invoice.
            #[derive(Debug, Clone)]
            pub struct Invoice {
                pub lines: Vec<Line>,
                customer: Customer,
            }

            impl Invoice {
                /// Total of the lines.
                pub fn total(&self) -> Money {
                    let sum = self.lines.iter().map(|l| l.amount).sum();
                    sum
                }
            }

            pub trait Taxable {
                fn tax(&self, rate: f64) -> Money;
            }

            /// Tax for an invoice.
            pub fn tax_for(invoice: &Invoice, rate: f64) -> Result<Money, TaxError> {
                let computed = invoice.total();
                Ok(computed)
            }
            """)
        #expect(outline.imports.map(\.text) == ["use std::collections::HashMap;", "mod lines;", "pub mod tax;"])
        #expect(outline.names == ["MAX_LINES", "Invoice", "total", "Taxable", "tax_for"])
        #expect(outline.definitions.map(\.kind) == [.constant, .type, .method, .type, .function])
        #expect(outline.definition("MAX_LINES")?.stub == "/// Maximum lines.\npub const MAX_LINES: usize = 100;")
        let invoice = try #require(outline.definition("Invoice"))
        #expect(invoice.stub == """
            /// An invoice.
            #[derive(Debug, Clone)]
            pub struct Invoice {
                pub lines: Vec<Line>,
                customer: Customer,
            }
            """)
        #expect(invoice.line == 8)
        #expect(invoice.mentions == ["Line", "Customer"])
        let total = try #require(outline.definition("total"))
        #expect(total.container == "Invoice")
        #expect(total.stub == "/// Total of the lines.\npub fn total(&self) -> Money { ... }")
        #expect(outline.definition("Taxable")?.stub == "pub trait Taxable {\n    fn tax(&self, rate: f64) -> Money;\n}")
        let taxFor = try #require(outline.definition("tax_for"))
        #expect(taxFor.stub == "/// Tax for an invoice.\npub fn tax_for(invoice: &Invoice, rate: f64) -> Result<Money, TaxError> { ... }")
        #expect(taxFor.mentions == ["Invoice", "Money", "TaxError"])
    }

    @Test func swift() throws {
        let outline = try OutlineTesting.outline("swift", """
            import Foundation

            /// Maximum lines.
            let maxLines = 100
            public var registry: [String: Invoice] = [:]

            /// An invoice.
            @MainActor
            public struct Invoice: Billable, Sendable {
                public var lines: [Line]
                let customer: Customer

                /// Total of the lines.
                public func total(in currency: Currency) -> Money {
                    let sum = lines.reduce(0) { $0 + $1.amount }
                    return Money(sum)
                }
            }

            extension Invoice {
                func describe() -> String { "x" }
            }

            protocol Billable { func bill(to: Customer) -> Receipt }

            /// Tax for an invoice.
            func taxFor(_ invoice: Invoice, rate: Double) -> Money {
                let computed = invoice.total()
                return computed
            }
            """)
        #expect(outline.imports.map(\.text) == ["import Foundation"])
        #expect(outline.names == ["maxLines", "registry", "Invoice", "describe", "Billable", "taxFor"])
        #expect(outline.definitions.map(\.kind) == [.constant, .variable, .type, .method, .type, .function])
        #expect(outline.definition("maxLines")?.stub == "/// Maximum lines.\nlet maxLines = 100")
        #expect(outline.definition("registry")?.mentions == ["Invoice"])
        let invoice = try #require(outline.definition("Invoice"))
        #expect(invoice.stub == """
            /// An invoice.
            @MainActor
            public struct Invoice: Billable, Sendable {
                public var lines: [Line]
                let customer: Customer

                /// Total of the lines.
                public func total(in currency: Currency) -> Money { ... }
            }
            """)
        #expect(invoice.mentions == ["MainActor", "Billable", "Line", "Customer", "Currency", "Money"])
        #expect(outline.definition("describe")?.container == "Invoice")
        #expect(outline.definition("describe")?.stub == "func describe() -> String { ... }")
        #expect(outline.definition("taxFor")?.stub == "/// Tax for an invoice.\nfunc taxFor(_ invoice: Invoice, rate: Double) -> Money { ... }")
        #expect(outline.definition("taxFor")?.mentions == ["Invoice", "Money"])
    }
}
