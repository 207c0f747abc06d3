import Languages
import Syntax

/// A function declaration as the syntax tree reads it (the registry's `functions` query): where
/// its body opens and closes, or the `;` ending a prototype. The tree is the authority for code
/// that parses; code being typed (a body not yet closed, a signature the grammar cannot place)
/// falls back to reading the code bytes around it.
enum TreeDeclaration: Equatable {
    /// A `{ … }` body; `close` is nil when the grammar had to supply the `}` (not typed yet).
    case braces(open: Int, close: Int?)
    /// A declaration without a body, ending with the `;` at this offset.
    case prototype(semicolon: Int)

    /// The declaration starting on `line` or on the attribute lines just above it, below
    /// `docLine` (the documentation's last line); nil when the tree has none there or its body
    /// is not a braced block (an expression body).
    static func at(line: Int, below docLine: Int, in source: AnalyzedSource) -> TreeDeclaration? {
        guard let declaration = function(startingBy: line, below: docLine, in: source) else { return nil }
        let bytes = source.text.bytes
        guard let body = declaration.body else {
            let end = declaration.function.endByte
            return end > 0 && end <= bytes.count && bytes[end - 1] == 0x3B ? .prototype(semicolon: end - 1) : nil
        }
        guard body.startByte < bytes.count, bytes[body.startByte] == 0x7B, let last = body.child(body.childCount - 1)
        else { return nil }
        let closed = last.type == "}" && !last.isMissing && last.startByte < bytes.count && bytes[last.startByte] == 0x7D
        return .braces(open: body.startByte, close: closed ? last.startByte : nil)
    }

    /// Offset just after a declaration's signature as the tree reads it: Python's `:` (the offset
    /// of the colon itself), the end of the parameter list elsewhere (Ruby, Lua).
    static func signatureEnd(line: Int, in source: AnalyzedSource) -> Int? {
        guard let declaration = function(startingBy: line, below: line - 1, in: source) else { return nil }
        if source.spec.family == .python {
            let colon = declaration.function.children.first { $0.type == ":" && !$0.isMissing }
            return colon.flatMap { $0.startByte < (declaration.body?.startByte ?? .max) ? $0.startByte : nil }
        }
        guard let parameters = declaration.function.child(field: "parameters"), !parameters.isMissing,
              !parameters.hasError else { return nil }
        // Some grammars (Lua's) leave the parentheses outside the parameter list.
        let closing = declaration.function.children.first { $0.type == ")" && !$0.isMissing && $0.startByte >= parameters.endByte }
        return closing?.endByte ?? parameters.endByte
    }

    /// The innermost function (the registry's `functions` query) starting on `line` or on the
    /// attribute lines just above it, below `docLine`.
    private static func function(startingBy line: Int, below docLine: Int,
                                 in source: AnalyzedSource) -> (function: SyntaxNode, body: SyntaxNode?)? {
        let text = source.text
        guard text.isValidLine(line),
              let query = try? SyntaxQuery.cached(language: source.tree.language, source: source.spec.entry.queries.functions)
        else { return nil }
        let lineRange = text.lineStarts[line]..<max(text.lineEnds[line], text.lineStarts[line] + 1)
        guard let matches = try? source.tree.matches(of: query, in: lineRange) else { return nil }
        let declarations = matches.compactMap { match -> (function: SyntaxNode, body: SyntaxNode?)? in
            guard let function = match["function"], !function.isError,
                  function.startPoint.row > docLine, function.startPoint.row <= line else { return nil }
            return (function, match["body"])
        }
        // A local function starts after the function around it.
        return declarations.max { $0.function.startByte < $1.function.startByte }
    }
}
