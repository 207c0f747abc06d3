import Languages
import Syntax

/// A function declaration as the syntax tree reads it (the registry's `functions` query): where
/// its body opens and closes, or where a declaration without a body ends. Code being typed — a
/// signature and its `{` with no `}` yet, which the grammar cannot place in the document — is
/// read from a parse of the declaration's lines alone, closed: the grammar, never a hand-written
/// scanner, says where a signature ends and a body opens.
enum TreeDeclaration: Equatable {
    /// A `{ … }` body; `close` is nil when the `}` is not typed yet.
    case braces(open: Int, close: Int?)
    /// A declaration without a body, ending at `end`; `semicolon` when a `;` ends it there.
    case prototype(end: Int, semicolon: Bool)
    /// An expression body (C#'s `=> expr;`, Kotlin's `= expr`): the signature ends at
    /// `signatureEnd` (before the `=>`), the declaration at `end` (after a `;`), and `value` is
    /// the expression.
    /// `typed`: a block can take its place without changing the function's type — false for
    /// Kotlin's `fun f() = …` with no declared return type (a block would return `Unit`).
    case expression(signatureEnd: Int, end: Int, value: Range<Int>, typed: Bool)

    /// Where the signature ends at the latest: the body's `{`, the prototype's end, the `=>`.
    var signatureBound: Int {
        switch self {
        case .braces(let open, _): return open
        case .prototype(let end, _): return end
        case .expression(let signatureEnd, _, _, _): return signatureEnd
        }
    }

    /// Lines of a signature being typed that `typed` parses at most.
    static let maximumSignatureLines = 30

    /// The declaration starting on `line` or on the attribute lines just above it, below
    /// `docLine` (the documentation's last line); nil when there is none there or its body is
    /// not a braced block.
    static func at(line: Int, below docLine: Int, in source: AnalyzedSource) -> TreeDeclaration? {
        let declaration = function(startingBy: line, below: docLine, in: source.tree, text: source.text,
                                   query: source.spec.entry.queries.functions)
        let read = declaration.flatMap { reading($0, bytes: source.text.bytes) }
        switch read {
        case .braces(let open, let close?)?:
            if let declaration, declaration.body?.hasError == true,
               outdentedCode(between: open, and: close, function: declaration.function, in: source) {
                // Unbalanced: the grammar closed this body with a later function's `}`.
                return .braces(open: open, close: nil)
            }
            return read
        case .braces?, .prototype(_, semicolon: true)?, .expression?: return read
        case .prototype(_, semicolon: false)?, nil: break
        }
        // Perhaps being typed (Go's grammar reads `func f() {` with no `}` as a declaration
        // without a body, then an error): a function whose `{` is in the typed text and whose
        // `}` is not (the document's tree would have read a function closed there).
        let open = typed(line: line, in: source) { function, body, typedCount -> Int? in
            guard case .braces(let open, let close)? = reading((function, body), bytes: function.tree.utf8),
                  open < typedCount, (close ?? typedCount) >= typedCount else { return nil }
            return open
        }
        return open.map { .braces(open: $0, close: nil) } ?? read
    }

    /// Whether a line between a body's braces starts with code at the function's own indentation
    /// or less: a `{ … }` the grammar paired across a declaration that follows.
    private static func outdentedCode(between open: Int, and close: Int, function: SyntaxNode, in source: AnalyzedSource) -> Bool {
        let text = source.text
        let indent = text.indentationWidth(function.startPoint.row)
        let first = text.line(ofOffset: open) + 1
        let last = text.line(ofOffset: close) - 1
        guard first <= last else { return false }
        return (first...last).contains { line in
            !text.isBlank(line) && source.startsInCode(line) && !source.isCommentLine(line) && text.indentationWidth(line) <= indent
        }
    }

    /// Offset just after a declaration's signature as the tree reads it: Python's `:` (the offset
    /// of the colon itself), the end of the parameter list elsewhere (Ruby, Lua).
    static func signatureEnd(line: Int, in source: AnalyzedSource) -> Int? {
        if let declaration = function(startingBy: line, below: line - 1, in: source.tree, text: source.text,
                                      query: source.spec.entry.queries.functions) {
            return signatureEnd(of: declaration.function, body: declaration.body, python: source.spec.family == .python)
        }
        return typed(line: line, in: source) { function, body, typedCount in
            signatureEnd(of: function, body: body, python: false).flatMap { $0 <= typedCount ? $0 : nil }
        }
    }

    private static func signatureEnd(of function: SyntaxNode, body: SyntaxNode?, python: Bool) -> Int? {
        if python {
            let colon = function.children.first { $0.type == ":" && !$0.isMissing }
            return colon.flatMap { $0.startByte < (body?.startByte ?? .max) ? $0.startByte : nil }
        }
        guard let parameters = function.child(field: "parameters"), !parameters.isMissing, !parameters.hasError else { return nil }
        // Some grammars (Lua's) leave the parentheses outside the parameter list.
        let closing = function.children.first { $0.type == ")" && !$0.isMissing && $0.startByte >= parameters.endByte }
        return closing?.endByte ?? parameters.endByte
    }

    private static func reading(_ declaration: (function: SyntaxNode, body: SyntaxNode?), bytes: [UInt8]) -> TreeDeclaration? {
        guard let body = declaration.body else {
            // The `;` ends the node in most grammars; TypeScript's interfaces leave it after.
            var end = declaration.function.endByte
            if end > 0, end <= bytes.count, bytes[end - 1] == 0x3B { return .prototype(end: end - 1, semicolon: true) }
            while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
            let semicolon = end < bytes.count && bytes[end] == 0x3B
            return .prototype(end: semicolon ? end : declaration.function.endByte, semicolon: semicolon)
        }
        guard let block = bracedBlock(ending: body, bytes: bytes) else {
            return expressionBody(declaration.function, body: body, bytes: bytes)
        }
        guard let last = block.child(block.childCount - 1) else { return nil }
        let closed = last.type == "}" && !last.isMissing && last.startByte < bytes.count && bytes[last.startByte] == 0x7D
        return .braces(open: block.startByte, close: closed ? last.startByte : nil)
    }

    /// A body that is `=>` or `=` and an expression (C#'s arrow clause, Kotlin's function body).
    private static func expressionBody(_ function: SyntaxNode, body: SyntaxNode, bytes: [UInt8]) -> TreeDeclaration? {
        guard !body.hasError, body.endByte <= bytes.count, body.childCount >= 2, let arrow = body.child(0),
              arrow.type == "=>" || arrow.type == "=", let value = body.child(1) else { return nil }
        var signatureEnd = body.startByte
        while signatureEnd > function.startByte, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[signatureEnd - 1]) { signatureEnd -= 1 }
        var end = min(max(function.endByte, body.endByte), bytes.count)
        if bytes[end - 1] != 0x3B, end < bytes.count, bytes[end] == 0x3B { end += 1 }
        let typed = arrow.type == "=>" || function.child(field: "return_type") != nil
        return .expression(signatureEnd: signatureEnd, end: end, value: value.startByte..<body.endByte, typed: typed)
    }

    /// The body itself when it is a `{ … }` block; else the block an expression body ends with
    /// (Kotlin's `fun f() = run { }`), found down the chain of last children.
    private static func bracedBlock(ending body: SyntaxNode, bytes: [UInt8]) -> SyntaxNode? {
        var node = body
        for _ in 0..<32 {
            if node.startByte < bytes.count, bytes[node.startByte] == 0x7B, node.child(0)?.type == "{" { return node }
            guard node.childCount > 0, let last = node.child(node.childCount - 1), last.endByte == body.endByte,
                  last.startByte > node.startByte || node.childCount == 1 else { return nil }
            node = last
        }
        return nil
    }

    /// A declaration being typed, which the grammar cannot place in the document: its lines,
    /// parsed alone and closed (`}`, `end`), until `offset` reads an offset from the function the
    /// fragment starts with (given how many of its bytes were typed); that offset, in the
    /// document. In brace languages the fragment ends
    /// with the first line holding a `{` outside comments and strings (one parse); in `end`
    /// languages it grows a line at a time. At most `maximumSignatureLines`, and only when the
    /// document's tree has no function at the line.
    private static func typed(line: Int, in source: AnalyzedSource,
                              offset: (SyntaxNode, SyntaxNode?, Int) -> Int?) -> Int? {
        let text = source.text
        guard text.isValidLine(line) else { return nil }
        let lastLine = min(line + maximumSignatureLines - 1, text.lineCount - 1)
        let closer: String
        let lines: ClosedRange<Int>
        switch source.spec.entry.blockStyle {
        case .braces:
            closer = "\n}\n"
            var brace: Int?
            source.map(covering: text.lineStarts[line]..<text.lineEnds[lastLine])
                .scanCode(from: text.lineStarts[line], to: text.lineEnds[lastLine]) { index in
                if text.bytes[index] == 0x7B { brace = index }
                return brace == nil
            }
            guard let brace else { return nil }
            lines = text.line(ofOffset: brace)...text.line(ofOffset: brace)
        case .endKeyword:
            closer = "\nend\n"
            lines = line...lastLine
        case .indentation:
            return nil
        }
        let start = text.lineStarts[line]
        let parser = SyntaxParser()
        for last in lines {
            // A lone `\r` read as `\n`, as for the document's tree (the offsets stay).
            let typed = (start..<text.lineEnds[last]).map { text.isLoneCarriageReturn(at: $0) ? 0x0A : text.bytes[$0] }
            guard let tree = try? parser.parse(utf8: typed + Array(closer.utf8), language: source.tree.language) else { return nil }
            let fragment = SourceText(String(decoding: tree.utf8, as: UTF8.self))
            if let declaration = function(startingBy: 0, below: -1, in: tree, text: fragment, query: source.spec.entry.queries.functions),
               let found = offset(declaration.function, declaration.body, typed.count) {
                return start + found
            }
            // Complete code that is no function: more lines will not make one start here.
            if !tree.hasErrors { return nil }
        }
        return nil
    }

    /// Whether a function's name (the `functions` query's `@name`) is on `line`: an attribute
    /// there (`@Test func f() {`, `#[test] fn t() {`) shares its line with the signature.
    static func namesFunction(onLine line: Int, in source: AnalyzedSource) -> Bool {
        let text = source.text
        guard text.isValidLine(line),
              let query = try? SyntaxQuery.cached(language: source.tree.language, source: source.spec.entry.queries.functions),
              let matches = try? source.tree.matches(of: query, in: text.lineStarts[line]..<max(text.lineEnds[line], text.lineStarts[line] + 1))
        else { return false }
        return matches.contains { $0["name"].map { text.line(ofOffset: $0.startByte) == line } ?? false }
    }

    /// The innermost function (the `functions` query) starting on `line` or on the attribute
    /// lines just above it, below `docLine`.
    private static func function(startingBy line: Int, below docLine: Int, in tree: SyntaxTree, text: SourceText,
                                 query source: String) -> (function: SyntaxNode, body: SyntaxNode?)? {
        guard text.isValidLine(line), let query = try? SyntaxQuery.cached(language: tree.language, source: source) else { return nil }
        let lineRange = text.lineStarts[line]..<max(text.lineEnds[line], text.lineStarts[line] + 1)
        guard let matches = try? tree.matches(of: query, in: lineRange) else { return nil }
        let declarations = matches.compactMap { match -> (function: SyntaxNode, body: SyntaxNode?)? in
            guard let function = match["function"], !function.isError,
                  function.startPoint.row > docLine, function.startPoint.row <= line else { return nil }
            return (function, match["body"])
        }
        // A local function starts after the function around it.
        return declarations.max { $0.function.startByte < $1.function.startByte }
    }
}
