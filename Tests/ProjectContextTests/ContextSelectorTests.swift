import DocwrightCore
import Foundation
import Languages
@testable import ProjectContext
import Synchronization
import Testing

/// Selection over real files, parsed with the real grammars.
@Suite struct ContextSelectorTests {
    typealias TempWorkspace = WorkspaceIndexTests.TempWorkspace

    /// A task as Intent would find it at `line` (0-based) of `path`: prefix and suffix split there.
    func task(_ workspace: TempWorkspace, _ path: String, line: Int, language: String, signature: String,
              doc: String) throws -> GenerationTask {
        let text = try String(contentsOfFile: workspace.root + "/" + path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let prefix = lines.prefix(line).joined(separator: "\n") + "\n"
        let suffix = lines.dropFirst(line).joined(separator: "\n")
        let position = SourcePosition(line: line, utf8Column: 0)
        return GenerationTask(language: language, shape: .body, signature: signature, docText: doc, rawDoc: doc,
                              prefix: prefix, suffix: suffix, imports: [], insertion: SourceRange(start: position, end: position),
                              indentation: "    ", path: workspace.root + "/" + path)
    }

    static let python: [String: String] = [
        "billing/__init__.py": "",
        "billing/models.py": """
            from dataclasses import dataclass


            @dataclass
            class Line:
                amount: float
                tax_code: str


            @dataclass
            class Invoice:
                number: str
                lines: list[Line]
            """,
        "billing/tax.py": """
            RATES = {"std": 0.2}


            def tax_for(line) -> float:
                \"\"\"The tax owed on one line.\"\"\"
                return line.amount * RATES.get(line.tax_code, 0.0)
            """,
        "other/tax.py": """
            def tax_for(amount):
                return 0
            """,
        "billing/invoice.py": """
            import billing.tax as tx
            from billing.models import Invoice


            def invoice_total(invoice: Invoice) -> float:
                \"\"\"Sum of each line's amount plus tx.tax_for(line).\"\"\"
                pass
            """,
    ]

    @Test func pythonFollowsImportsAliasesAndOneHop() throws {
        let workspace = try TempWorkspace(Self.python)
        let index = WorkspaceIndex(root: workspace.root)
        index.buildNow()
        let task = try task(workspace, "billing/invoice.py", line: 6, language: "python",
                            signature: "def invoice_total(invoice: Invoice) -> float:",
                            doc: "Sum of each line's amount plus tx.tax_for(line).")
        let snippets = ContextSelector(index: index).select(for: task, budget: TokenBudget(maxTokens: 1000))
        let found = snippets.map { "\($0.path):\($0.symbols.joined())" }
        #expect(found.contains("billing/models.py:Invoice"))
        #expect(found.contains("billing/tax.py:tax_for"))
        // The alias decides which `tax_for`: never the unrelated one.
        #expect(!found.contains("other/tax.py:tax_for"))
        // One hop: Invoice's fields mention Line.
        #expect(found.contains("billing/models.py:Line"))
        #expect(snippets.first?.reason == .referenced)
        #expect(snippets.first { $0.symbols == ["Invoice"] }?.text.contains("lines: list[Line]") == true)
        // The same index and task give the same answer.
        #expect(ContextSelector(index: index).select(for: task, budget: TokenBudget(maxTokens: 1000)) == snippets)
    }

    @Test func theBudgetSkipsWhatDoesNotFitAndKeepsRankOrder() throws {
        let workspace = try TempWorkspace(Self.python)
        let index = WorkspaceIndex(root: workspace.root)
        index.buildNow()
        let task = try task(workspace, "billing/invoice.py", line: 6, language: "python",
                            signature: "def invoice_total(invoice: Invoice) -> float:", doc: "Sum with tx.tax_for.")
        let all = ContextSelector(index: index).select(for: task, budget: TokenBudget(maxTokens: 1000))
        let budget = TokenBudget(maxTokens: 40)
        let some = ContextSelector(index: index).select(for: task, budget: budget)
        #expect(some.count < all.count)
        #expect(some.reduce(0) { $0 + budget.tokens($1.text) + budget.tokens($1.path) + 4 } <= 40)
        #expect(ContextSelector(index: index).select(for: task, budget: TokenBudget(maxTokens: 0)).isEmpty)
    }

    @Test func aFileTheFilterRefusesLaterIsNeverSelected() throws {
        let workspace = try TempWorkspace(Self.python)
        let excluded = Mutex<Set<String>>([])
        let index = WorkspaceIndex(root: workspace.root) { path, _ in !excluded.withLock { $0.contains(path) } }
        index.buildNow()
        let task = try task(workspace, "billing/invoice.py", line: 6, language: "python",
                            signature: "def invoice_total(invoice: Invoice) -> float:", doc: "Use tx.tax_for.")
        #expect(ContextSelector(index: index).select(for: task, budget: TokenBudget(maxTokens: 1000))
            .contains { $0.path == "billing/tax.py" })
        // Excluded after the index was built (a configuration change): refused at selection.
        _ = excluded.withLock { $0.insert("billing/tax.py") }
        let after = ContextSelector(index: index).select(for: task, budget: TokenBudget(maxTokens: 1000))
        #expect(!after.contains { $0.path == "billing/tax.py" })
        #expect(after.contains { $0.path == "billing/models.py" })
    }

    @Test func anUnsavedDefinitionInAnOpenBufferIsSelected() throws {
        let workspace = try TempWorkspace(Self.python)
        let index = WorkspaceIndex(root: workspace.root)
        index.buildNow()
        index.documentChanged(path: "billing/tax.py", language: "python",
                              text: "def discount_for(line) -> float:\n    \"\"\"Unsaved helper.\"\"\"\n    return 0.0\n")
        let task = try task(workspace, "billing/invoice.py", line: 6, language: "python",
                            signature: "def invoice_total(invoice: Invoice) -> float:", doc: "Apply tx.discount_for to each line.")
        let snippets = ContextSelector(index: index).select(for: task, budget: TokenBudget(maxTokens: 1000))
        #expect(snippets.contains { $0.symbols == ["discount_for"] && $0.text.contains("Unsaved helper") })
        #expect(!snippets.contains { $0.symbols == ["tax_for"] && $0.path == "billing/tax.py" })
    }

    @Test func typeScriptAndGoFindDefinitionsInOtherFiles() throws {
        let workspace = try TempWorkspace([
            "web/src/types.ts": "export interface Order {\n  id: string;\n  items: Item[];\n}\n\nexport interface Item {\n  price: number;\n}\n",
            "web/src/money.ts": "export function round2(x: number): number {\n  return Math.round(x * 100) / 100;\n}\n",
            "web/src/total.ts": "import { Order } from './types';\nimport { round2 } from './money';\n\n/** Total of the order, rounded. */\nexport function orderTotal(order: Order): number {\n}\n",
            "go.mod": "module example.com/shop\n\ngo 1.22\n",
            "cart/cart.go": "package cart\n\n// Cart holds items.\ntype Cart struct {\n\tItems []Item\n}\n",
            "cart/item.go": "package cart\n\ntype Item struct {\n\tPrice int\n}\n",
            "cart/total.go": "package cart\n\n// Total sums the prices of the cart's items.\nfunc Total(c Cart) int {\n}\n",
        ])
        let index = WorkspaceIndex(root: workspace.root)
        index.buildNow()
        let ts = try task(workspace, "web/src/total.ts", line: 5, language: "typescript",
                          signature: "export function orderTotal(order: Order): number {", doc: "Total of the order, rounded.")
        let tsSnippets = ContextSelector(index: index).select(for: ts, budget: TokenBudget(maxTokens: 1000))
        let tsFound = tsSnippets.flatMap(\.symbols)
        #expect(tsFound.contains("Order"))
        #expect(tsFound.contains("round2"))
        // One hop, in the file beside Order — never Go's `Item` of the same name.
        #expect(tsSnippets.contains { $0.symbols == ["Item"] && $0.path == "web/src/types.ts" })
        #expect(!tsSnippets.contains { $0.path.hasSuffix(".go") })
        let go = try task(workspace, "cart/total.go", line: 4, language: "go",
                          signature: "func Total(c Cart) int {", doc: "Total sums the prices of the cart's items.")
        let goFound = ContextSelector(index: index).select(for: go, budget: TokenBudget(maxTokens: 1000)).flatMap(\.symbols)
        #expect(goFound.contains("Cart"))
        #expect(goFound.contains("Item"))
    }

    @Test func tokenEstimatesFollowTheModelFamily() {
        #expect(TokenBudget.charactersPerToken(modelID: "openai/gpt-4o-mini") == 4.0)
        #expect(TokenBudget.charactersPerToken(modelID: "Qwen2.5-Coder-7B") == 3.4)
        #expect(TokenBudget.charactersPerToken(modelID: "unknown") == 3.5)
        #expect(TokenBudget.defaultTokens(contextWindow: nil) == 1024)
        #expect(TokenBudget.defaultTokens(contextWindow: 4096) == 1024)
        #expect(TokenBudget.defaultTokens(contextWindow: 128_000) == 2048)
        #expect(TokenBudget(maxTokens: 10, charactersPerToken: 4).tokens("12345678") == 2)
    }
}
