import DocwrightCore
import Testing
@testable import Prompting

/// The budgeted trims read a large file's text only as far as the budget reaches; what they keep
/// must equal the straightforward split-every-line reading, on texts of every shape.
@Suite("Context budget")
struct ContextBudgetTests {
    /// The reading the trims must keep matching (whole text split into lines).
    static func referencePrefix(_ prefix: String, budget: Int, imports: [String], keepFrom anchor: String.Index?) -> String {
        guard prefix.count > budget else { return prefix }
        var kept = String(anchor.map { prefix[$0...] } ?? prefix[prefix.endIndex...])
        var used = kept.count
        let head = prefix[..<(anchor ?? prefix.endIndex)]
        let importBlock = imports.joined(separator: "\n")
        let importCost = importBlock.isEmpty ? 0 : importBlock.count + 2
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        var taken: [Substring] = []
        while let line = lines.last, used + importCost + line.count + 1 <= budget {
            taken.append(line)
            used += line.count + 1
            lines.removeLast()
        }
        kept = taken.reversed().map { $0 + "\n" }.joined() + kept
        guard !lines.isEmpty else { return kept }
        let missing = imports.filter { !kept.contains($0) }
        return missing.isEmpty ? kept : missing.joined(separator: "\n") + "\n\n" + kept
    }

    static func referenceSuffix(_ suffix: String, budget: Int) -> String {
        guard suffix.count > budget else { return suffix }
        var result = ""
        for line in suffix.split(separator: "\n", omittingEmptySubsequences: false) {
            guard result.count + line.count + 1 <= budget else { break }
            result += line + "\n"
        }
        return result
    }

    /// Random texts from pieces that matter: empty lines, CRLF, multi-byte characters, long lines.
    static func text(_ generator: inout SplitMix64) -> String {
        let pieces = ["import os", "", "x = 1", "\r\n", "é漢😀", String(repeating: "y", count: 40), "\n", "\n\n", "# c"]
        return (0..<Int(generator.next() % 30)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
            .joined(separator: generator.next() % 2 == 0 ? "\n" : "")
    }

    @Test("trimPrefix and trimSuffix equal the whole-text reading")
    func equalTheReference() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<3_000 {
            let text = Self.text(&generator)
            let budget = Int(generator.next() % 80) - 2
            let imports = generator.next() % 2 == 0 ? [] : ["import os"]
            let anchorOffset = Int(generator.next() % UInt64(text.count + 1))
            let anchor = generator.next() % 3 == 0 ? nil : text.index(text.startIndex, offsetBy: anchorOffset)
            #expect(ContextBudget.trimPrefix(text, budget: budget, imports: imports, keepFrom: anchor)
                == Self.referencePrefix(text, budget: budget, imports: imports, keepFrom: anchor),
                "\(text.debugDescription) budget \(budget) anchor \(anchorOffset)")
            #expect(ContextBudget.trimSuffix(text, budget: budget) == Self.referenceSuffix(text, budget: budget),
                    "\(text.debugDescription) budget \(budget)")
        }
    }
}
