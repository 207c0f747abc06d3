#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Languages
import ProjectContext
import Syntax
import Testing

/// The outline's edge cases: every registry query compiles, broken files, huge types, wrappers
/// and groups, nesting, and the time it takes.
@Suite struct OutlineEdgeCaseTests {
    @Test("every language's outline query compiles against its grammar", arguments: Languages.all.map(\.id))
    func outlineQueryCompiles(_ id: String) throws {
        let language = try #require(Languages.named(id))
        #expect(!language.queries.outline.isEmpty)
        let query = try SyntaxQuery(language: Grammars.shared.language(id), source: language.queries.outline)
        let captures = Set(query.captureNames)
        #expect(captures.contains("name") && captures.contains("body"), "\(id): \(captures)")
    }

    @Test func aFileWithASyntaxErrorStillYieldsItsGoodDefinitions() throws {
        let python = try OutlineTesting.outline("python", """
            def good(invoice: Invoice) -> Money:
                return invoice.total

            def broken(:
                pass

            class Fine:
                rate: float = 0.2

                def apply(self, x: Money) -> Money:
                    return x * self.rate
            """)
        #expect(python.definition("good")?.stub == "def good(invoice: Invoice) -> Money:\n    ...")
        #expect(python.definition("Fine")?.stub.contains("def apply(self, x: Money) -> Money:\n        ...") == true)

        let typescript = try OutlineTesting.outline("typescript", """
            export function good(a: Invoice): Money {
              return a.total();
            }

            function broken(a: Invoice {
              return ;;
            }

            export interface Fine { rate: number }
            """)
        #expect(typescript.definition("good")?.stub == "export function good(a: Invoice): Money { ... }")
        #expect(typescript.definition("Fine") != nil)
    }

    @Test func aHugeTypeIsCappedWithItsFieldsFirstAndItsCloserKept() throws {
        var java = "public class Huge {\n    private int first;\n"
        for index in 0..<200 { java += "    /** Method \(index). */\n    public int method\(index)(int x) {\n        return x + \(index);\n    }\n" }
        java += "}\n"
        let huge = try #require(try OutlineTesting.outline("java", java).definition("Huge"))
        let lines = huge.stub.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= OutlineExtractor.maxStubLines)
        #expect(huge.stub.utf8.count <= OutlineExtractor.maxStubBytes)
        #expect(huge.stub.hasPrefix("public class Huge {\n    private int first;\n    /** Method 0. */\n    public int method0(int x) { ... }"))
        #expect(lines.last == "}")
        #expect(lines.dropLast().last?.hasPrefix("    // … ") == true && lines.dropLast().last?.hasSuffix("more lines not shown") == true)
        #expect(!huge.stub.contains("return x"))

        var python = "class Huge:\n"
        for index in 0..<100 { python += "    def method\(index)(self) -> int:\n        return \(index)\n\n" }
        let pythonHuge = try #require(try OutlineTesting.outline("python", python).definition("Huge"))
        #expect(pythonHuge.stub.split(separator: "\n").count <= OutlineExtractor.maxStubLines)
        #expect(pythonHuge.stub.split(separator: "\n").last?.hasPrefix("    # … ") == true)
    }

    @Test func decoratorsAttributesAndExportsStayWithTheirDefinition() throws {
        let python = try OutlineTesting.outline("python", """
            @app.route("/invoices")
            @login_required
            def list_invoices(request: Request) -> Response:
                return render(request)
            """)
        #expect(python.definition("list_invoices")?.stub
            == "@app.route(\"/invoices\")\n@login_required\ndef list_invoices(request: Request) -> Response:\n    ...")
        #expect(python.definition("list_invoices")?.line == 0)
        #expect(python.definition("list_invoices")?.mentions == ["login_required", "Request", "Response"])

        let typescript = try OutlineTesting.outline("typescript", """
            @Component({ selector: "app-invoice" })
            export class InvoiceComponent {
              @Input() invoice: Invoice;
              ngOnInit(): void {
                this.load();
              }
            }
            export default function main(): void { run(); }
            """)
        #expect(typescript.definition("InvoiceComponent")?.stub
            == "@Component({ selector: \"app-invoice\" })\nexport class InvoiceComponent {\n  @Input() invoice: Invoice;\n  ngOnInit(): void { ... }\n}")
        #expect(typescript.definition("main")?.stub == "export default function main(): void { ... }")
    }

    @Test func nestedDefinitionsAndLocalsAreNotTopLevel() throws {
        let python = try OutlineTesting.outline("python", """
            def outer(x):
                def inner(y):
                    return y
                local_value = 3
                return inner(x)

            LIMIT = 3  # a trailing comment is not a doc
            def one_liner(): return 1
            """)
        #expect(python.names == ["outer", "LIMIT", "one_liner"])
        #expect(python.definition("one_liner")?.line == 7)
        #expect(python.definition("outer")?.stub == "def outer(x):\n    ...")
        #expect(python.definition("one_liner")?.stub == "def one_liner(): ...")

        let go = try OutlineTesting.outline("go", """
            package billing

            type (
            \tID string
            \tLine struct {
            \t\tAmount Money
            \t}
            )

            var handler = func(w Writer) {
            \tw.Write(nil)
            }
            """)
        #expect(go.names == ["ID", "Line", "handler"])
        #expect(go.definition("ID")?.stub == "type ID string")
        #expect(go.definition("Line")?.stub == "type Line struct {\n\tAmount Money\n}")
        #expect(go.definition("Line")?.mentions == ["Money"])
        #expect(go.definition("handler")?.stub == "var handler = func(w Writer) { ... }")
    }

    @Test func aCHeaderKeepsItsPrototypesAndSkipsItsIncludeGuard() throws {
        let header = try OutlineTesting.outline("c", """
            #ifndef BILLING_H
            #define BILLING_H

            #include "line.h"

            #define MAX_LINES 100

            /** Total of an invoice. */
            Money invoice_total(const Invoice *invoice);
            extern int invoice_count;

            #endif
            """)
        #expect(header.imports.map(\.text) == ["#include \"line.h\""])
        #expect(header.names == ["MAX_LINES", "invoice_total", "invoice_count"])
        #expect(header.definition("invoice_total")?.stub == "/** Total of an invoice. */\nMoney invoice_total(const Invoice *invoice);")
        #expect(header.definition("invoice_total")?.mentions == ["Money", "Invoice"])
    }

    @Test func swiftComputedPropertiesAndRustTraitImplementations() throws {
        let swift = try OutlineTesting.outline("swift", """
            struct Invoice {
                var lines: [Line]
                var total: Money {
                    let sum = lines.count
                    return Money(sum)
                }
            }
            """)
        #expect(swift.definition("Invoice")?.stub == "struct Invoice {\n    var lines: [Line]\n    var total: Money { ... }\n}")

        let rust = try OutlineTesting.outline("rust", """
            impl fmt::Display for Invoice {
                fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    write!(f, "{}", self.total())
                }
            }
            impl<T: Clone> Ledger<T> {
                pub const LIMIT: usize = 3;
                pub fn new() -> Self { Ledger { items: vec![] } }
            }
            """)
        #expect(rust.definitions.map { "\($0.container ?? "-").\($0.name)" } == ["Invoice.fmt", "Ledger.LIMIT", "Ledger.new"])
        #expect(rust.definition("fmt")?.stub == "fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { ... }")
        #expect(rust.definition("LIMIT")?.kind == .constant)
    }

    @Test func aLongValueIsElidedAndAShortOneKept() throws {
        let python = try OutlineTesting.outline("python", """
            SHORT = {"a": 1}
            LONG = {"alpha": 1, "beta": 2, "gamma": 3, "delta": 4, "epsilon": 5, "zeta": 6, "eta": 7, "theta": 8}
            """)
        #expect(python.definition("SHORT")?.stub == "SHORT = {\"a\": 1}")
        #expect(python.definition("LONG")?.stub == "LONG = ...")
    }

    /// Thread CPU time, so that other processes on the machine do not count.
    private static func cpuMicroseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e6 + Double(time.tv_nsec) / 1e3
    }

    @Test("outline time beyond the parse on a 1,000-line file", arguments: ["python", "typescript", "go"])
    func timing(_ id: String) throws {
        var source = ""
        for index in 0..<50 {
            switch id {
            case "python":
                source += "class Model\(index)(Base):\n    \"\"\"Model.\"\"\"\n    name: str\n    size: int = 0\n\n"
                source += "    def total(self, other: Model\(index)) -> Money:\n        \"\"\"Total.\"\"\"\n        value = self.size + 1\n"
                source += "        for item in other.items:\n            value += item.amount\n        return Money(value)\n\n"
                source += "def helper\(index)(invoice: Invoice, rate: float = RATE) -> Money:\n    result = invoice.total()\n"
                source += "    if result > 10:\n        result = result * rate\n    return result\n\nLIMIT_\(index) = \(index)\n\n"
            case "typescript":
                source += "/** Model. */\nexport class Model\(index) extends Base {\n  name: string = \"\";\n  size: number = 0;\n\n"
                source += "  total(other: Model\(index)): Money {\n    let value = this.size + 1;\n    for (const item of other.items) {\n"
                source += "      value += item.amount;\n    }\n    return new Money(value);\n  }\n}\n\n"
                source += "export function helper\(index)(invoice: Invoice, rate: number): Money {\n  const result = invoice.total();\n"
                source += "  return result * rate;\n}\nexport const LIMIT_\(index) = \(index);\n\n"
            default:
                source += "// Model is a model.\ntype Model\(index) struct {\n\tName string\n\tSize int\n}\n\n"
                source += "func (m *Model\(index)) Total(other Model\(index)) Money {\n\tvalue := m.Size + 1\n"
                source += "\tfor _, item := range other.Items {\n\t\tvalue += item.Amount\n\t}\n\treturn Money(value)\n}\n\n"
                source += "func Helper\(index)(invoice Invoice, rate float64) Money {\n\tresult := invoice.Total()\n"
                source += "\treturn result * Money(rate)\n}\n\nconst Limit\(index) = \(index)\n\n"
            }
        }
        if id == "go" { source = "package billing\n\n" + source }
        let language = try #require(Languages.named(id))
        let tree = try SyntaxParser().parse(text: source, language: id)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).count
        var outline = OutlineExtractor.outline(of: tree, path: "big", language: language) // compiles the queries
        #expect(outline.definitions.count >= 150)
        let rounds = 20
        let parseStart = Self.cpuMicroseconds()
        for _ in 0..<rounds { _ = try SyntaxParser().parse(text: source, language: id) }
        let parse = (Self.cpuMicroseconds() - parseStart) / Double(rounds)
        let start = Self.cpuMicroseconds()
        for _ in 0..<rounds { outline = OutlineExtractor.outline(of: tree, path: "big", language: language) }
        let perFile = (Self.cpuMicroseconds() - start) / Double(rounds)
        print("outline \(id): \(lines) lines, \(outline.definitions.count) definitions: \(Int(perFile)) µs (parse \(Int(parse)) µs, debug build)")
        // Generous for a debug build on a shared machine; the figures are printed above.
        #expect(perFile < 200_000)
    }
}
