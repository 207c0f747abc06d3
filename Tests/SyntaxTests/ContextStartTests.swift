import DocwrightCore
import Testing
@testable import Syntax

/// Code not yet in a document (a model's reply) is lexed in place: parsed after the code before
/// its insertion, from `SyntaxTree.contextStart`.
@Suite("Reading a fragment in place")
struct ContextStartTests {
    static let python: String = (0..<300).map { index in
        index % 5 == 0
            ? "class C\(index):\n    \"\"\"A class.\n    # not a comment\n    \"\"\"\n\n    def m(self, x):\n        # step\n        return x  # «\(index)»\n"
            : "def f\(index)(x):\n    s = '''\n}\n'''\n    return s + x\n\n"
    }.joined()

    func find(_ needle: String, in bytes: [UInt8], from start: Int = 0) -> Int? {
        let needle = Array(needle.utf8)
        guard bytes.count >= needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test("inside a function: the function's start")
    func insideAFunction() throws {
        let tree = try SyntaxParser().parse(text: Self.python, language: "python")
        let bytes = Array(Self.python.utf8)
        let def = try #require(find("def f123(x):", in: bytes))
        let body = try #require(find("    return s + x", in: bytes, from: def))
        #expect(tree.contextStart(before: body) == def)
        // At the top level, after a blank line: the function just before (only whitespace between).
        let next = try #require(find("def f124(x):", in: bytes))
        #expect(tree.contextStart(before: next) == def)
        #expect(tree.contextStart(before: 0) == 0)
    }

    @Test("a declaration longer than the limit: a member or statement inside it")
    func longDeclarations() throws {
        let members = (0..<400).map { "    def m\($0)(self):\n        return \"}\" + '''\n#\n'''\n\n" }.joined()
        let text = "class Big:\n" + members
        let tree = try SyntaxParser().parse(text: text, language: "python")
        let bytes = Array(text.utf8)
        let target = try #require(find("    def m350(self):", in: bytes))
        let offset = try #require(find("        return", in: bytes, from: target))
        let start = tree.contextStart(before: offset, limit: 4_096)
        #expect(start == target + 4)
    }

    @Test("every start is in step with the file: never inside a comment or a string, within the limit")
    func startsAreInStep() throws {
        for (language, text) in [("python", Self.python),
                                 ("rust", String(repeating: "/// Doc.\nfn f() -> &'static str {\n    /* a /* b */ c */\n    r#\"}\"#\n}\n", count: 200))] {
            let tree = try SyntaxParser().parse(text: text, language: language)
            let map = LexicalMap(tree: tree, window: 0..<tree.utf8.count)
            var generator = SplitMix64(seed: 11)
            for _ in 0..<300 {
                let offset = Int(generator.next() % UInt64(tree.utf8.count + 1))
                let start = tree.contextStart(before: offset, limit: 2_048)
                #expect(start <= offset && start >= offset - 2_048)
                #expect(map.continuesSpan(at: start) == nil, "\(language) \(offset) → \(start)")
            }
        }
    }

    @Test("a fragment's comments and strings, in its own offsets")
    func fragmentSpans() throws {
        let fragment = Array("xx    s = '#'  # c\n    t = '''\n}\n'''\nyy".utf8)
        let map = try #require(LexicalMap(fragment: fragment, range: 2..<(fragment.count - 2),
                                          after: Array("def f():\n".utf8), language: "python"))
        let text = String(decoding: fragment, as: UTF8.self)
        let kinds = map.spans.map { "\($0.kind):" + String(decoding: fragment[$0.range], as: UTF8.self) }
        #expect(kinds == ["string:'#'", "comment:# c", "string:'''\n}\n'''"], "\(text)")
        #expect(LexicalMap(fragment: fragment, range: 0..<2, after: [], language: "no-such-language") == nil)
    }
}

/// A `LexicalMap` grown window by window (`cover`) lists exactly the spans of one read of the
/// whole range: spans across a boundary once, none lost.
@Suite("Growing a lexical map")
struct LexicalMapGrowthTests {
    @Test func grownEqualsReadAtOnce() throws {
        let text = (0..<400).map { index in
            index % 3 == 0 ? "/* block \(index)\n spans { lines } */\nint a\(index) = 1; // c \(index)\n"
                : "const char *s\(index) = \"x { \(index) }\"; char c\(index) = '}';\n"
        }.joined()
        let tree = try SyntaxParser().parse(text: text, language: "c")
        let size = tree.utf8.count
        var generator = SplitMix64(seed: 5)
        for _ in 0..<40 {
            let start = Int(generator.next() % UInt64(size))
            var map = LexicalMap(tree: tree, window: start..<min(size, start + Int(generator.next() % 500)))
            for _ in 0..<4 {
                let a = Int(generator.next() % UInt64(size))
                map.cover(a..<min(size, a + Int(generator.next() % 3_000)), of: tree)
            }
            let whole = LexicalMap(tree: tree, window: map.covered)
            #expect(map.spans == whole.spans, "covered \(map.covered)")
        }
    }
}

/// A statement's code without its comments, as the grammar reads them: a `//` inside a string
/// stays, a comment between the parts of a multi-line import goes.
@Suite("Code text of a statement")
struct CodeTextTests {
    @Test func commentsGoStringsStay() throws {
        let js = "import x from \"https://cdn.example//x.js\"; /* a */\nimport {\n  a, // first\n  b /* second */,\n} from './y';\n"
        let tree = try SyntaxParser().parse(text: js, language: "javascript")
        let statements = tree.root.namedChildren.filter { $0.type == "import_statement" }
        try #require(statements.count == 2)
        #expect(String(decoding: tree.codeText(of: statements[0].byteRange), as: UTF8.self)
            == "import x from \"https://cdn.example//x.js\";")
        #expect(String(decoding: tree.codeText(of: statements[1].byteRange), as: UTF8.self)
            == "import {\n  a,  \n  b  ,\n} from './y';")
        let python = try SyntaxParser().parse(text: "from a import (b,  # '#' c\n    d)\n", language: "python")
        #expect(String(decoding: python.codeText(of: python.root.byteRange), as: UTF8.self) == "from a import (b,   \n    d)\n")
    }
}
