import CTreeSitter

/// A parse tree and the text it was parsed from. Immutable: editing goes through
/// `SyntaxParser.reparse`, which edits a private copy, so a tree can back a document snapshot for
/// as long as anyone holds it.
///
/// `@unchecked Sendable`: after `init` docwright only ever reads the tree (the runtime's node,
/// cursor and query functions do not write to it; `ts_tree_edit` is only ever applied to
/// copies), and the subtrees it shares with other trees are reference-counted atomically by
/// the runtime.
public final class SyntaxTree: @unchecked Sendable {
    let pointer: OpaquePointer
    public let language: SyntaxLanguage
    /// The parsed text, UTF-8.
    public let utf8: [UInt8]

    init(pointer: OpaquePointer, language: SyntaxLanguage, utf8: [UInt8]) {
        self.pointer = pointer
        self.language = language
        self.utf8 = utf8
    }

    deinit { docwright_ts_tree_delete(pointer) }

    public var text: String { String(decoding: utf8, as: UTF8.self) }

    public var root: SyntaxNode { SyntaxNode(docwright_ts_tree_root_node(pointer), in: self) }

    /// True when some part of the text did not parse (an ERROR node or a MISSING token).
    public var hasErrors: Bool { root.hasError }

    /// Where the text does not parse, in document order: each ERROR node (text the grammar could
    /// not place) and each MISSING node (a token the parser had to assume, zero-width); a MISSING
    /// token the grammar hides is reported as the visible node holding it. Empty exactly when
    /// `hasErrors` is false.
    public var errors: [SyntaxProblem] {
        var problems: [SyntaxProblem] = []
        root.walk { node, _ in
            guard node.hasError || node.isMissing else { return .skipChildren }
            if node.isError {
                problems.append(SyntaxProblem(kind: .unexpected, node: node))
                return .skipChildren
            }
            if node.isMissing {
                problems.append(SyntaxProblem(kind: .missing(node.type), node: node))
            } else if !node.children.contains(where: { $0.hasError || $0.isMissing }) {
                // The error is in tokens the grammar hides (C#'s `(identifier (MISSING
                // _identifier_token))`): no visible child shows it, the node stands for it.
                problems.append(SyntaxProblem(kind: .missing(node.type), node: node))
                return .skipChildren
            }
            return .descend
        }
        return problems
    }

    /// The byte ranges of `errors`.
    public var errorRanges: [Range<Int>] { errors.map(\.byteRange) }

    /// The whole tree as an S-expression (named nodes, with field names).
    public var sExpression: String { root.sExpression }
}

/// A place where the text does not parse.
public struct SyntaxProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Text the grammar could not place (an ERROR node).
        case unexpected
        /// A token the parser assumed to recover (a zero-width MISSING node), e.g. `)` or `}`.
        case missing(String)
    }

    public let kind: Kind
    public let byteRange: Range<Int>
    public let start: SyntaxPoint
    public let end: SyntaxPoint

    init(kind: Kind, node: SyntaxNode) {
        self.kind = kind
        self.byteRange = node.byteRange
        self.start = node.startPoint
        self.end = node.endPoint
    }

    public var description: String {
        switch kind {
        case .unexpected: return "unexpected text at \(start)–\(end)"
        case .missing(let type): return "missing '\(type)' at \(start)"
        }
    }
}
