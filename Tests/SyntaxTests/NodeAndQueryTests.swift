import Testing
@testable import Syntax

@Suite("Nodes and queries")
struct NodeAndQueryTests {
    static let python = """
    import os

    def load(path: str) -> str:
        \"\"\"Read the file — «ü».\"\"\"
        return open(path).read()

    def test_load():
        pass

    """

    @Test("Fields, children, parents and text")
    func nodeNavigation() throws {
        let tree = try parser().parse(text: Self.python, language: "python")
        let root = tree.root
        #expect(root.type == "module" && root.isNamed && root.parent == nil)
        let function = try #require(root.namedChild(1))
        #expect(function.type == "function_definition")
        #expect(function.child(field: "name")?.text == "load")
        #expect(function.child(field: "parameters")?.text == "(path: str)")
        #expect(function.child(field: "return_type")?.text == "str")
        #expect(function.child(field: "nonexistent") == nil)
        let body = try #require(function.child(field: "body"))
        #expect(body.parent == function)
        #expect(body.namedChildren.map(\.type) == ["expression_statement", "return_statement"])
        #expect(body.namedChild(0)?.text == "\"\"\"Read the file — «ü».\"\"\"")
        #expect(function.fields.compactMap(\.name) == ["name", "parameters", "return_type", "body"])
        #expect(function.children.first?.type == "def" && function.children.first?.isNamed == false)
        #expect(function.nextNamedSibling?.child(field: "name")?.text == "test_load")
        #expect(function.previousNamedSibling?.type == "import_statement")
        #expect(function.startPoint == SyntaxPoint(row: 2, column: 0))
        #expect(root.child(99) == nil && root.namedChild(-1) == nil)

        let offset = Array(Self.python.utf8).firstIndex(of: UInt8(ascii: "R"))!
        let atCursor = try #require(root.descendant(spanning: offset..<offset))
        #expect(atCursor.ancestors.map(\.type).contains("function_definition"))
    }

    @Test("A walk visits every node once, in document order, and can skip or stop")
    func walk() throws {
        let tree = try parser().parse(text: Self.python, language: "python")
        var starts: [Int] = []
        var functions = 0
        tree.root.walk { node, _ in
            starts.append(node.startByte)
            if node.type == "function_definition" { functions += 1; return .skipChildren }
            return .descend
        }
        #expect(functions == 2)
        #expect(starts == starts.sorted())
        var visited = 0
        tree.root.walk { _, _ in visited += 1; return visited == 3 ? .stop : .descend }
        #expect(visited == 3)
        let identifiers = tree.root.descendants { $0.type == "identifier" }.map(\.text)
        #expect(identifiers.prefix(3) == ["os", "load", "path"])
        // A walk from an inner node stays inside it.
        let function = try #require(tree.root.namedChild(1))
        #expect(function.descendants { _ in true }.allSatisfy { function.byteRange.contains($0.startByte) || $0.byteRange.isEmpty })
    }

    @Test("Errors are reported as unexpected text and missing tokens, in order")
    func errorKinds() throws {
        let missing = try parser().parse(text: "int f(void) {\n  return (1 + 2;\n}\n", language: "c")
        #expect(missing.hasErrors)
        #expect(missing.errors.contains { if case .missing(")") = $0.kind { true } else { false } })
        let missingParen = try parser().parse(text: "def f(:\n    return 1\n", language: "python")
        #expect(missingParen.errors.map(\.description) == ["missing ')' at 0:6"])
        let unexpected = try parser().parse(text: "def f(a, b)\n  a +\nend\n", language: "ruby")
        #expect(unexpected.errors.contains { $0.kind == .unexpected })
        #expect(unexpected.errors.map(\.byteRange.lowerBound) == unexpected.errors.map(\.byteRange.lowerBound).sorted())
    }

    @Test("Queries: captures, matches and text predicates")
    func queries() throws {
        let tree = try parser().parse(text: Self.python, language: "python")
        let query = try SyntaxQuery(language: tree.language, source: """
            (function_definition
              name: (identifier) @name
              body: (block . (expression_statement (string) @doc)?)) @function
            """)
        #expect(query.captureNames == ["name", "doc", "function"])
        let matches = try tree.matches(of: query)
        #expect(matches.map { $0["name"]?.text } == ["load", "test_load"])
        #expect(matches.first?["doc"]?.text.hasPrefix("\"\"\"Read") == true)
        #expect(matches.last?["doc"] == nil)

        let tests = try SyntaxQuery(language: tree.language, source: #"((function_definition name: (identifier) @name) (#match? @name "^test_"))"#)
        #expect(try tree.matches(of: tests).compactMap { $0["name"]?.text } == ["test_load"])
        let notTests = try SyntaxQuery(language: tree.language, source: #"((identifier) @id (#not-match? @id "^(test_|path|str|open|os)"))"#)
        #expect(try tree.captures(of: notTests).map(\.node.text) == ["load", "read"])
        let exact = try SyntaxQuery(language: tree.language, source: #"((identifier) @id (#eq? @id "path"))"#)
        #expect(try tree.captures(of: exact).count == 2)
        let anyOf = try SyntaxQuery(language: tree.language, source: #"((identifier) @id (#any-of? @id "os" "open") (#set! kind "builtin"))"#)
        #expect(try tree.captures(of: anyOf).map(\.node.text) == ["os", "open"])
        #expect(anyOf.directives(ofPattern: 0) == [SyntaxQueryDirective(name: "set!", arguments: ["kind", "builtin"])])

        let secondFunction = try #require(tree.root.namedChild(2))
        #expect(try tree.matches(of: query, in: secondFunction.byteRange).map { $0["name"]?.text } == ["test_load"])
        #expect(try tree.matches(of: query, under: secondFunction).count == 1)
    }

    @Test("A query that does not compile says where and why")
    func invalidQueries() throws {
        let python = try Grammars.shared.language("python")
        #expect(throws: SyntaxError.invalidQuery(language: "python", kind: "unknown node type", offset: 28, line: 3, column: 4, near: "functon_definition) @f)")) {
            try SyntaxQuery(language: python, source: "(module)\n  ((identifier)\n  (functon_definition) @f)")
        }
        #expect(throws: SyntaxError.self) { try SyntaxQuery(language: python, source: "(identifier") }
        #expect(throws: SyntaxError.self) { try SyntaxQuery(language: python, source: "(function_definition nme: (identifier))") }
        do {
            _ = try SyntaxQuery(language: python, source: #"((identifier) @id (#is-not? local))"#)
            Issue.record("expected unsupportedPredicate")
        } catch {
            #expect(error.description.contains("#is-not?"))
        }
        #expect(throws: SyntaxError.self) { try SyntaxQuery(language: python, source: #"((identifier) @id (#match? @id "("))"#) }

        let goTree = try parser().parse(text: "package main\n", language: "go")
        let pythonQuery = try SyntaxQuery(language: python, source: "(identifier) @id")
        #expect(throws: SyntaxError.queryLanguageMismatch(query: "python", tree: "go")) { try goTree.matches(of: pythonQuery) }
    }

    @Test("Trees and queries are shared across tasks")
    func sendable() async throws {
        let tree = try parser().parse(text: Self.python, language: "python")
        let query = try SyntaxQuery(language: tree.language, source: "(identifier) @id")
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try tree.captures(of: query).count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(counts).count == 1 && counts.first! > 5)
    }
}
