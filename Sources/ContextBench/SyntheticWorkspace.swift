import DocwrightCore
import Foundation

/// A generated multi-language workspace of realistic shape: packages of modules that define
/// types with fields and methods, documented functions and constants, and import each other.
/// Seeded: the same size gives the same files.
struct SyntheticWorkspace {
    let root: String
    /// (relative path, 0-based line of a function's doc, the signature, the doc) for tasks.
    var targets: [(path: String, line: Int, language: String, signature: String, doc: String)] = []

    init(files count: Int, seed: UInt64 = 42) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-context-bench-\(count)").path
        try? FileManager.default.removeItem(atPath: root)
        var random = SplitMix64(seed: seed)
        try write("go.mod", "module example.com/bench\n\ngo 1.22\n")
        for number in 0..<count {
            switch number % 3 {
            case 0: try python(number, &random, count: count)
            case 1: try typescript(number, &random, count: count)
            default: try go(number, &random)
            }
        }
    }

    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    private func pick(_ random: inout SplitMix64, below bound: Int) -> Int { Int(random.next() % UInt64(max(bound, 1))) }

    private mutating func python(_ n: Int, _ random: inout SplitMix64, count: Int) throws {
        let package = "pkg\(n % 40)", path = "\(package)/mod\(n).py"
        var lines = [
            "\"\"\"Module \(n): records and helpers.\"\"\"", "from dataclasses import dataclass",
        ]
        for _ in 0..<3 {
            let other = pick(&random, below: count / 3) * 3
            lines.append("from pkg\(other % 40).mod\(other) import Record\(other)A, helper\(other)_0")
        }
        lines += ["", "LIMIT_\(n) = \(n % 97)", ""]
        for kind in ["A", "B", "C"] {
            lines += ["", "@dataclass", "class Record\(n)\(kind):", "    \"\"\"A record of kind \(kind).\"\"\"",
                      "    name: str", "    amount: float", "    parent: \"Record\(n)A | None\" = None", "",
                      "    def total(self) -> float:", "        \"\"\"The amount with its parent's.\"\"\"",
                      "        value = self.amount", "        if self.parent is not None:", "            value += self.parent.total()",
                      "        return value", "", "    def label(self) -> str:", "        return f\"{self.name}: {self.total():.2f}\""]
        }
        for function in 0..<5 {
            let signature = "def helper\(n)_\(function)(record: Record\(n)A, factor: float = 1.0) -> float:"
            targets.append((path, lines.count + 2, "python", signature, "Scale the record's total by factor."))
            lines += ["", "", signature, "    \"\"\"Scale the record's total by factor.\"\"\"",
                      "    result = record.total() * factor", "    for step in range(\(function + 1)):",
                      "        result = round(result + step * 0.5, 2)", "    return min(result, LIMIT_\(n))"]
        }
        try write(path, lines.joined(separator: "\n") + "\n")
        try? FileManager.default.createDirectory(atPath: root + "/" + package, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: root + "/\(package)/__init__.py") { try write("\(package)/__init__.py", "") }
    }

    private mutating func typescript(_ n: Int, _ random: inout SplitMix64, count: Int) throws {
        let path = "web/feature\(n % 30)/part\(n).ts"
        var lines: [String] = []
        for _ in 0..<3 {
            let other = pick(&random, below: count / 3) * 3 + 1
            lines.append("import { Order\(other), price\(other)_0 } from '../feature\(other % 30)/part\(other)';")
        }
        lines += ["", "export const MAX_\(n) = \(n % 89);", ""]
        for kind in ["", "Line", "Summary"] {
            lines += ["/** An order \(kind.lowercased()) record. */", "export interface Order\(n)\(kind) {",
                      "  id: string;", "  quantity: number;", "  unitPrice: number;", "  notes?: string[];", "}", ""]
        }
        lines += ["export class Cart\(n) {", "  private items: Order\(n)[] = [];", "",
                  "  add(order: Order\(n)): void {", "    this.items.push(order);", "  }", "",
                  "  total(): number {", "    return this.items.reduce((sum, o) => sum + o.quantity * o.unitPrice, 0);", "  }", "}", ""]
        for function in 0..<5 {
            let signature = "export function price\(n)_\(function)(order: Order\(n), discount: number): number {"
            lines += ["/** Price of the order after the discount. */"]
            targets.append((path, lines.count, "typescript", signature, "Price of the order after the discount."))
            lines += [signature, "  const base = order.quantity * order.unitPrice;",
                      "  const cut = Math.min(discount, MAX_\(n)) / 100;", "  return Math.round(base * (1 - cut) * 100) / 100;", "}", ""]
        }
        try write(path, lines.joined(separator: "\n"))
    }

    private mutating func go(_ n: Int, _ random: inout SplitMix64) throws {
        let package = "store\(n % 25)", path = "internal/\(package)/file\(n).go"
        var lines = ["package \(package)", "", "import (", "\t\"fmt\"", "\t\"strings\"", ")", "",
                     "// Limit\(n) bounds the stock.", "const Limit\(n) = \(n % 83)", ""]
        lines += ["// Item\(n) is a stocked item.", "type Item\(n) struct {", "\tName  string", "\tCount int",
                  "\tTags  []string", "}", "", "// Label describes the item.", "func (i *Item\(n)) Label() string {",
                  "\treturn fmt.Sprintf(\"%s (%d)\", strings.ToUpper(i.Name), i.Count)", "}", ""]
        for function in 0..<5 {
            let signature = "func Restock\(n)_\(function)(item *Item\(n), amount int) int {"
            lines.append("// Restock\(n)_\(function) adds amount up to the limit.")
            targets.append((path, lines.count, "go", signature, "Restock adds amount up to the limit."))
            lines += [signature, "\tif item.Count+amount > Limit\(n) {", "\t\titem.Count = Limit\(n)",
                      "\t} else {", "\t\titem.Count += amount", "\t}", "\treturn item.Count", "}", ""]
        }
        try write(path, lines.joined(separator: "\n"))
    }
}
