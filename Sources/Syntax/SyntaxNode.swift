import CTreeSitter

/// A node of a `SyntaxTree`. A value that keeps its tree alive, so it is always safe to use.
///
/// `@unchecked Sendable`: `TSNode` is a plain value (offsets and pointers into the tree) and the
/// tree it points into is immutable and kept alive by `tree`.
public struct SyntaxNode: @unchecked Sendable, Hashable, CustomStringConvertible {
    let raw: TSNode
    public let tree: SyntaxTree

    init(_ raw: TSNode, in tree: SyntaxTree) {
        self.raw = raw
        self.tree = tree
    }

    /// nil for tree-sitter's null node (no such child, no parent).
    init?(orNil raw: TSNode, in tree: SyntaxTree) {
        guard !docwright_ts_node_is_null(raw) else { return nil }
        self.init(raw, in: tree)
    }

    // MARK: What it is

    /// The grammar's name for the node (`function_definition`, `identifier`, `(` for anonymous
    /// tokens, `ERROR`).
    public var type: String { String(cString: docwright_ts_node_type(raw)) }
    /// The grammar's numeric id for `type` (fast comparisons within one language).
    public var symbol: UInt16 { docwright_ts_node_symbol(raw) }
    /// Named nodes are the grammar's rules; anonymous ones are literal tokens like `(` or `def`.
    public var isNamed: Bool { docwright_ts_node_is_named(raw) }
    /// Comments and other tokens that may appear anywhere.
    public var isExtra: Bool { docwright_ts_node_is_extra(raw) }
    /// An ERROR node: text the grammar could not place.
    public var isError: Bool { docwright_ts_node_is_error(raw) }
    /// A zero-width token the parser assumed in order to recover.
    public var isMissing: Bool { docwright_ts_node_is_missing(raw) }
    /// This node is or contains an ERROR or MISSING node.
    public var hasError: Bool { docwright_ts_node_has_error(raw) }

    // MARK: Where it is

    public var startByte: Int { Int(docwright_ts_node_start_byte(raw)) }
    public var endByte: Int { Int(docwright_ts_node_end_byte(raw)) }
    public var byteRange: Range<Int> { startByte..<max(startByte, endByte) }
    public var startPoint: SyntaxPoint { SyntaxPoint(docwright_ts_node_start_point(raw)) }
    public var endPoint: SyntaxPoint { SyntaxPoint(docwright_ts_node_end_point(raw)) }

    /// The node's text (its bytes in the tree's text, decoded as UTF-8).
    public var text: String {
        let range = byteRange.clamped(to: 0..<tree.utf8.count)
        return String(decoding: tree.utf8[range], as: UTF8.self)
    }

    /// The node's bytes, without copying.
    public var utf8: ArraySlice<UInt8> { tree.utf8[byteRange.clamped(to: 0..<tree.utf8.count)] }

    // MARK: Children

    public var childCount: Int { Int(docwright_ts_node_child_count(raw)) }
    public func child(_ index: Int) -> SyntaxNode? {
        guard index >= 0, index < childCount else { return nil }
        return SyntaxNode(orNil: docwright_ts_node_child(raw, UInt32(index)), in: tree)
    }
    public var children: [SyntaxNode] { (0..<childCount).compactMap(child) }

    public var namedChildCount: Int { Int(docwright_ts_node_named_child_count(raw)) }
    public func namedChild(_ index: Int) -> SyntaxNode? {
        guard index >= 0, index < namedChildCount else { return nil }
        return SyntaxNode(orNil: docwright_ts_node_named_child(raw, UInt32(index)), in: tree)
    }
    public var namedChildren: [SyntaxNode] { (0..<namedChildCount).compactMap(namedChild) }

    /// The child in field `name` (`name`, `body`, `parameters`, … as the grammar defines them).
    public func child(field name: String) -> SyntaxNode? {
        let utf8 = Array(name.utf8)
        return utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { name in
                SyntaxNode(orNil: docwright_ts_node_child_by_field_name(raw, name.baseAddress, UInt32(name.count)), in: tree)
            }
        }
    }

    /// The field name of child `index`, nil when it has none.
    public func fieldName(ofChild index: Int) -> String? {
        guard index >= 0, index < childCount, let name = docwright_ts_node_field_name_for_child(raw, UInt32(index)) else { return nil }
        return String(cString: name)
    }

    /// Every child with its field name (nil for children outside any field).
    public var fields: [(name: String?, node: SyntaxNode)] {
        (0..<childCount).compactMap { index in child(index).map { (fieldName(ofChild: index), $0) } }
    }

    // MARK: Relatives

    public var parent: SyntaxNode? { SyntaxNode(orNil: docwright_ts_node_parent(raw), in: tree) }
    public var nextSibling: SyntaxNode? { SyntaxNode(orNil: docwright_ts_node_next_sibling(raw), in: tree) }
    public var previousSibling: SyntaxNode? { SyntaxNode(orNil: docwright_ts_node_prev_sibling(raw), in: tree) }
    public var nextNamedSibling: SyntaxNode? { SyntaxNode(orNil: docwright_ts_node_next_named_sibling(raw), in: tree) }
    public var previousNamedSibling: SyntaxNode? { SyntaxNode(orNil: docwright_ts_node_prev_named_sibling(raw), in: tree) }

    /// The smallest node (named only, by default) spanning `range`, e.g. the node at a cursor
    /// (`offset..<offset`).
    public func descendant(spanning range: Range<Int>, namedOnly: Bool = true) -> SyntaxNode? {
        let start = UInt32(clamping: range.lowerBound), end = UInt32(clamping: range.upperBound)
        let found = namedOnly ? docwright_ts_node_named_descendant_for_byte_range(raw, start, end)
            : docwright_ts_node_descendant_for_byte_range(raw, start, end)
        return SyntaxNode(orNil: found, in: tree)
    }

    /// Innermost first: the node, its parent, …, the root.
    public var ancestors: some Sequence<SyntaxNode> {
        sequence(first: self) { $0.parent }
    }

    // MARK: Identity and printing

    public static func == (lhs: SyntaxNode, rhs: SyntaxNode) -> Bool {
        lhs.tree === rhs.tree && docwright_ts_node_eq(lhs.raw, rhs.raw)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(tree))
        hasher.combine(raw.id)
        hasher.combine(startByte)
    }

    /// tree-sitter's S-expression: named nodes with field names, e.g.
    /// `(module (function_definition name: (identifier) …))`.
    public var sExpression: String {
        guard let string = docwright_ts_node_string(raw) else { return "" }
        defer { docwright_ts_free(string) }
        return String(cString: string)
    }

    public var description: String { "\(type) \(startPoint)–\(endPoint)" }
}
