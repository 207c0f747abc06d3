import Languages
import ProjectContext
import Syntax
import Testing

/// Outlines of Java, Kotlin, C#, C, C++, Ruby and Lua files.
@Suite struct OutlineExtractorMoreTests {
    @Test func java() throws {
        let outline = try OutlineTesting.outline("java", """
            package com.acme.billing;

            import java.util.List;

            /** An invoice. */
            @Entity
            public class Invoice extends Base implements Billable {
                public static final int MAX_LINES = 100;
                private List<Line> lines;

                /** Total of the lines. */
                @Override
                public Money total(Customer c) {
                    int secretSum = 0;
                    return new Money(secretSum);
                }

                public Invoice(Customer c) { this.c = c; }
            }

            interface Billable { Receipt bill(Customer to); }
            enum Status { OPEN, CLOSED }
            """)
        #expect(outline.package == "com.acme.billing")
        #expect(outline.imports == [ImportStatement(text: "import java.util.List;", line: 2)])
        #expect(outline.names == ["Invoice", "Billable", "Status"])
        #expect(outline.definitions.allSatisfy { $0.kind == .type })
        let invoice = try #require(outline.definition("Invoice"))
        #expect(invoice.stub == """
            /** An invoice. */
            @Entity
            public class Invoice extends Base implements Billable {
                public static final int MAX_LINES = 100;
                private List<Line> lines;

                /** Total of the lines. */
                @Override
                public Money total(Customer c) { ... }

                public Invoice(Customer c) { ... }
            }
            """)
        #expect(invoice.line == 4)
        #expect(invoice.mentions == ["Entity", "Base", "Billable", "Line", "Money", "Customer"]
            || invoice.mentions == ["Base", "Billable", "Line", "Money", "Customer"])
        #expect(outline.definition("Billable")?.mentions == ["Receipt", "Customer"])
    }

    @Test func kotlin() throws {
        let outline = try OutlineTesting.outline("kotlin", """
            package com.acme.billing

            import kotlin.math.max

            /** Maximum lines. */
            const val MAX_LINES = 100

            /** An invoice. */
            data class Invoice(val lines: List<Line>, val customer: Customer) : Base(), Billable {
                var note: String = ""

                /** Total of the lines. */
                fun total(): Money {
                    val secretSum = lines.sumOf { it.amount }
                    return Money(secretSum)
                }
            }

            /** Tax for an invoice. */
            fun taxFor(invoice: Invoice, rate: Double): Money {
                val computed = invoice.total()
                return computed * rate
            }

            fun Invoice.describe(): String = "x"
            """)
        #expect(outline.package == "com.acme.billing")
        #expect(outline.imports.map(\.text) == ["import kotlin.math.max"])
        #expect(outline.names == ["MAX_LINES", "Invoice", "taxFor", "describe"])
        #expect(outline.definitions.map(\.kind) == [.constant, .type, .function, .method])
        // The grammar puts that doc comment inside the import header; it still belongs to MAX_LINES.
        #expect(outline.definition("MAX_LINES")?.stub == "/** Maximum lines. */\nconst val MAX_LINES = 100")
        #expect(outline.definition("MAX_LINES")?.line == 4)
        let invoice = try #require(outline.definition("Invoice"))
        #expect(invoice.stub == """
            /** An invoice. */
            data class Invoice(val lines: List<Line>, val customer: Customer) : Base(), Billable {
                var note: String = ""

                /** Total of the lines. */
                fun total(): Money { ... }
            }
            """)
        #expect(invoice.mentions == ["Line", "Customer", "Base", "Billable", "Money"])
        #expect(outline.definition("taxFor")?.stub == "/** Tax for an invoice. */\nfun taxFor(invoice: Invoice, rate: Double): Money { ... }")
        #expect(outline.definition("taxFor")?.mentions == ["Invoice", "Money"])
        #expect(outline.definition("describe")?.container == "Invoice")
    }

    @Test func csharp() throws {
        let outline = try OutlineTesting.outline("csharp", """
            using System.Collections.Generic;

            namespace Acme.Billing;

            /// <summary>An invoice.</summary>
            [Serializable]
            public class Invoice : Base, IBillable
            {
                public const int MaxLines = 100;
                private List<Line> lines;
                public Customer Customer { get; set; }

                /// <summary>Total of the lines.</summary>
                public Money Total(Customer c)
                {
                    var secretSum = 0;
                    return new Money(secretSum);
                }
            }

            public interface IBillable { Receipt Bill(Customer to); }
            """)
        #expect(outline.package == "Acme.Billing")
        #expect(outline.imports == [ImportStatement(text: "using System.Collections.Generic;", line: 0)])
        #expect(outline.names == ["Invoice", "IBillable"])
        let invoice = try #require(outline.definition("Invoice", .type))
        #expect(invoice.stub.hasPrefix("/// <summary>An invoice.</summary>\n[Serializable]\npublic class Invoice : Base, IBillable"))
        for kept in ["public const int MaxLines = 100;", "private List<Line> lines;", "public Customer Customer { get; set; }",
                     "/// <summary>Total of the lines.</summary>", "public Money Total(Customer c)\n    { ... }"] {
            #expect(invoice.stub.contains(kept), "\(kept)")
        }
        #expect(!invoice.stub.contains("secretSum"))
        #expect(invoice.mentions == ["Base", "IBillable", "Line", "Customer", "Money"])

        let block = try OutlineTesting.outline("csharp", """
            namespace Acme.Billing
            {
                public static class Tax
                {
                    public static Money For(Invoice i) { return i.Total(); }
                }
            }
            """)
        #expect(block.package == "Acme.Billing")
        #expect(block.definition("Tax")?.stub == "public static class Tax\n{\n    public static Money For(Invoice i) { ... }\n}")
        #expect(block.definition("Tax")?.mentions == ["Money", "Invoice"])
    }

    @Test func c() throws {
        let outline = try OutlineTesting.outline("c", """
            #include <stdio.h>
            #include "line.h"

            #define MAX_LINES 100
            static const double TAX_RATE = 0.2;

            /* An invoice. */
            typedef struct {
                Line *lines;
                Customer customer;
            } Invoice;

            /** Total of the lines. */
            Money invoice_total(const Invoice *invoice, double rate);

            /** Tax for an invoice. */
            static Money *tax_for(Invoice *invoice, double rate) {
                Money computed = invoice_total(invoice, rate);
                return &computed;
            }
            """)
        #expect(outline.package == nil)
        #expect(outline.imports == [ImportStatement(text: "#include <stdio.h>", line: 0), ImportStatement(text: "#include \"line.h\"", line: 1)])
        #expect(outline.names == ["MAX_LINES", "TAX_RATE", "Invoice", "invoice_total", "tax_for"])
        #expect(outline.definitions.map(\.kind) == [.constant, .constant, .type, .function, .function])
        #expect(outline.definition("MAX_LINES")?.stub == "#define MAX_LINES 100")
        #expect(outline.definition("TAX_RATE")?.stub == "static const double TAX_RATE = 0.2;")
        #expect(outline.definition("Invoice")?.stub == "/* An invoice. */\ntypedef struct {\n    Line *lines;\n    Customer customer;\n} Invoice;")
        #expect(outline.definition("Invoice")?.mentions == ["Line", "Customer"])
        // A prototype is already a stub.
        #expect(outline.definition("invoice_total")?.stub == "/** Total of the lines. */\nMoney invoice_total(const Invoice *invoice, double rate);")
        #expect(outline.definition("tax_for")?.stub == "/** Tax for an invoice. */\nstatic Money *tax_for(Invoice *invoice, double rate) { ... }")
        #expect(outline.definition("tax_for")?.mentions == ["Money", "Invoice"])
    }

    @Test func cpp() throws {
        let outline = try OutlineTesting.outline("cpp", """
            #include <vector>

            namespace billing {

            constexpr int kMaxLines = 100;

            /// An invoice.
            class Invoice : public Base {
            public:
                std::vector<Line> lines;
                /// Total of the lines.
                Money total(const Customer& c) const {
                    int secretSum = 0;
                    return Money(secretSum);
                }
                void add(Line line);
            private:
                Customer customer_;
            };

            template <typename T>
            T clamp(T v) { return v; }

            void Invoice::add(Line line) {
                lines.push_back(line);
            }

            }  // namespace billing
            """)
        #expect(outline.imports.map(\.text) == ["#include <vector>"])
        #expect(outline.names == ["kMaxLines", "Invoice", "clamp", "add"])
        #expect(outline.definitions.map(\.kind) == [.constant, .type, .function, .method])
        let invoice = try #require(outline.definition("Invoice"))
        #expect(invoice.stub == """
            /// An invoice.
            class Invoice : public Base {
            public:
                std::vector<Line> lines;
                /// Total of the lines.
                Money total(const Customer& c) const { ... }
                void add(Line line);
            private:
                Customer customer_;
            }
            """)
        #expect(invoice.mentions == ["Base", "Line", "Money", "Customer"])
        #expect(outline.definition("clamp")?.stub == "template <typename T>\nT clamp(T v) { ... }")
        #expect(outline.definition("add")?.container == "Invoice")
        #expect(outline.definition("add")?.stub == "void Invoice::add(Line line) { ... }")
    }

    @Test func ruby() throws {
        let outline = try OutlineTesting.outline("ruby", """
            require "json"
            require_relative "line"

            MAX_LINES = 100

            module Billing
              # An invoice.
              class Invoice < Base
                include Comparable
                attr_reader :lines, :customer

                # Total of the lines.
                def total(currency = DEFAULT)
                  secret_sum = lines.sum(&:amount)
                  Money.new(secret_sum)
                end
              end

              # Tax for an invoice.
              def self.tax_for(invoice, rate)
                computed = invoice.total
                computed * rate
              end
            end
            """)
        #expect(outline.imports.map(\.text) == ["require \"json\"", "require_relative \"line\""])
        #expect(outline.names == ["MAX_LINES", "Invoice", "tax_for"])
        #expect(outline.definitions.map(\.kind) == [.constant, .type, .function])
        let invoice = try #require(outline.definition("Invoice"))
        #expect(invoice.stub == """
            # An invoice.
            class Invoice < Base
              include Comparable
              attr_reader :lines, :customer

              # Total of the lines.
              def total(currency = DEFAULT)
                # ...
              end
            end
            """)
        #expect(invoice.line == 6)
        #expect(invoice.mentions == ["Base", "Comparable", "DEFAULT"].filter { $0 != "Comparable" })
        let taxFor = try #require(outline.definition("tax_for"))
        #expect(taxFor.container == "Billing")
        #expect(taxFor.stub == "# Tax for an invoice.\ndef self.tax_for(invoice, rate)\n  # ...\nend")
    }

    @Test func lua() throws {
        let outline = try OutlineTesting.outline("lua", """
            -- Billing module.

            local json = require("cjson")
            local M = {}

            --- Maximum lines.
            M.MAX_LINES = 100
            local TAX_RATE = 0.2

            --- Total of the lines.
            function M.total(invoice)
              local secret_sum = 0
              return secret_sum
            end

            function M:describe()
              return "x"
            end

            --- Tax for an invoice.
            local function tax_for(invoice, rate)
              local computed = M.total(invoice)
              return computed * rate
            end

            return M
            """)
        // The whole declaration: the resolver learns the local name (`json`).
        #expect(outline.imports == [ImportStatement(text: "local json = require(\"cjson\")", line: 2)])
        #expect(outline.names == ["M", "MAX_LINES", "TAX_RATE", "total", "describe", "tax_for"])
        #expect(outline.definitions.map(\.kind) == [.variable, .constant, .constant, .function, .method, .function])
        #expect(outline.definition("MAX_LINES")?.container == "M")
        #expect(outline.definition("MAX_LINES")?.stub == "--- Maximum lines.\nM.MAX_LINES = 100")
        let total = try #require(outline.definition("total"))
        #expect(total.container == "M")
        #expect(total.stub == "--- Total of the lines.\nfunction M.total(invoice)\n  -- ...\nend")
        #expect(total.line == 9)
        #expect(outline.definition("describe")?.container == "M")
        #expect(outline.definition("tax_for")?.stub == "--- Tax for an invoice.\nlocal function tax_for(invoice, rate)\n  -- ...\nend")
    }
}
