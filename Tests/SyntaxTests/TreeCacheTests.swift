import Foundation
import Syntax
import Testing

/// A document's tree kept by `SyntaxTreeCache` through a run of edits equals a fresh parse after
/// every one of them, and the cache re-parsed incrementally to get there.
@Suite("Per-document trees, re-parsed incrementally")
struct TreeCacheTests {
    /// (language, initial text, edits as (find, replace-with)) applied one after another.
    static let sessions: [(String, String, [(String, String)])] = [
        ("python", "def mean(xs):\n    \"\"\"Average — «ü».\"\"\"\n    return 0\n",
         [("return 0", "return sum(xs) / len(xs)"), ("\n    return", "\n    # drop empty values\n    xs = [x for x in xs if x]\n    return"),
          ("def mean", "def average"), ("«ü»", "漢字 🙂"), ("    xs = [x for x in xs if x]\n", "")]),
        ("javascript", "function add(a, b) {\r\n  return a + b;\r\n}\r\n",
         [("a + b", "a + b + 1"), ("return", "if (a) {\r\n    return a;\r\n  }\r\n  return"), ("{\r\n  if", "{\r\n  // 🙂\r\n  if"),
          ("}\r\n", "")]),
        ("go", "package main\n\nfunc f(a int) int {\n\treturn a\n}\n",
         [("\treturn a", "\tif a > 0 {\n\t\treturn a\n\t}\n\treturn -a"), ("f(a int)", "abs(a int)"), ("-a", "-a + ")]),
        ("rust", "fn f() -> i32 {\n    1\n}\n", [("1", "let x = 2;\n    x"), ("fn f", "pub fn f"), ("x\n}", "x\n")]),
    ]

    @Test("after every edit the kept tree equals a fresh parse", arguments: 0..<sessions.count)
    func editsMatchFreshParse(_ index: Int) throws {
        let (language, initial, edits) = Self.sessions[index]
        let cache = SyntaxTreeCache()
        var text = initial
        _ = try #require(cache.tree(for: "doc", text: text, language: language))
        for (find, replacement) in edits {
            let range = try #require(text.range(of: find), "\(find) in \(text)")
            text.replaceSubrange(range, with: replacement)
            let kept = try #require(cache.tree(for: "doc", text: text, language: language))
            let fresh = try SyntaxParser().parse(text: text, language: language)
            #expect(kept.sExpression == fresh.sExpression, "\(language) after \(find) → \(replacement)")
            #expect(kept.errorRanges == fresh.errorRanges)
            #expect(kept.utf8 == Array(text.utf8))
        }
        #expect(cache.parseCounts.incremental == edits.count)
        #expect(cache.parseCounts.fresh == 1)
        #expect(cache.tree(for: "doc", text: text, language: language) != nil)
        #expect(cache.parseCounts.incremental == edits.count, "the same text reuses the tree")
        cache.remove("doc")
        _ = cache.tree(for: "doc", text: text, language: language)
        #expect(cache.parseCounts.fresh == 2)
    }

    @Test("a language without a grammar has no tree")
    func unknownLanguage() {
        #expect(SyntaxTreeCache().tree(for: "doc", text: "x", language: "zig") == nil)
    }

    @Test("refresh parses in the background; the request after it parses nothing")
    func refreshAhead() throws {
        let cache = SyntaxTreeCache()
        let text = "def f(x):\n    return x\n"
        cache.refresh("doc", language: "python") { text }
        cache.settle()
        #expect(cache.parseCounts.fresh == 1)
        let tree = try #require(cache.tree(for: "doc", text: text, language: "python"))
        #expect(tree.utf8 == Array(text.utf8))
        #expect(cache.parseCounts.fresh == 1 && cache.parseCounts.incremental == 0, "already parsed")
    }

    @Test("a burst of refreshes ends with the latest text parsed, without parsing every one")
    func burstParsesTheLatest() {
        let cache = SyntaxTreeCache()
        var text = "x = 0\n"
        let large = String(repeating: "value = compute(value, 42)\n", count: 3_000)
        let first = large + text
        cache.refresh("doc", language: "python") { first }
        for step in 1...50 {
            text = "x = \(step)\n"
            let current = large + text
            cache.refresh("doc", language: "python") { current }
        }
        cache.settle()
        let final = large + text
        let parses = cache.parseCounts.fresh + cache.parseCounts.incremental
        #expect(parses < 51, "\(parses) parses for 51 refreshes")
        #expect(cache.tree(for: "doc", text: final, language: "python")?.utf8 == Array(final.utf8))
        #expect(cache.parseCounts.fresh + cache.parseCounts.incremental == parses, "the latest text was parsed already")
    }

    @Test("a document closed while its refresh runs keeps no tree")
    func removeAfterRefresh() {
        let cache = SyntaxTreeCache()
        let text = String(repeating: "value = compute(value, 42)\n", count: 5_000)
        cache.refresh("doc", language: "python") { text }
        cache.remove("doc")
        cache.settle()
        let before = cache.parseCounts.fresh
        _ = cache.tree(for: "doc", text: text, language: "python")
        #expect(cache.parseCounts.fresh == before + 1, "the closed document's tree was forgotten")
    }

    @Test("parsedTree (for the cooperative pool) returns the kept tree, parses a newer text once, and waits for a running refresh")
    func parsedTreeOffThePool() async throws {
        let cache = SyntaxTreeCache()
        let text = String(repeating: "value = compute(value, 42)\n", count: 5_000)
        // A refresh still parsing: the request waits for it instead of parsing the same text again.
        cache.refresh("doc", language: "python") { text }
        let first = try #require(await cache.parsedTree(for: "doc", text: text, language: "python"))
        #expect(first.utf8 == Array(text.utf8))
        #expect(cache.parseCounts.fresh == 1 && cache.parseCounts.incremental == 0)
        // Kept: the same tree, nothing parsed.
        let again = try #require(await cache.parsedTree(for: "doc", text: text, language: "python"))
        #expect(again.utf8 == first.utf8 && cache.parseCounts.fresh == 1 && cache.parseCounts.incremental == 0)
        // A newer text: one incremental re-parse, equal to a fresh parse.
        let edited = "x" + text
        let newer = try #require(await cache.parsedTree(for: "doc", text: edited, language: "python"))
        #expect(cache.parseCounts.incremental == 1)
        #expect(newer.sExpression == (try SyntaxParser().parse(text: edited, language: "python")).sExpression)
        #expect(await cache.parsedTree(for: "doc", text: text, language: "klingon") == nil)
    }
}
