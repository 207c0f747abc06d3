import CTreeSitter

/// What `SyntaxNode.walk` does after visiting a node.
public enum SyntaxWalkStep: Sendable {
    /// Visit the node's children next.
    case descend
    /// Go on with the node's next sibling (or its parent's).
    case skipChildren
    /// End the walk.
    case stop
}

extension SyntaxNode {
    /// Visits this node and its descendants in document order (pre-order), each with its field
    /// name in its parent (`body`, `name`, …; nil outside fields and for this node). Uses a tree
    /// cursor: no per-node allocation beyond the `SyntaxNode` values handed to `visit`.
    public func walk(_ visit: (SyntaxNode, _ field: String?) throws -> SyntaxWalkStep) rethrows {
        try walk(within: nil, fieldNames: true, visit)
    }

    /// Visits, in document order, this node and the descendants that meet `window` (bytes; an
    /// empty node at its edge counts). Children wholly before the window are skipped without being
    /// visited (tree-sitter finds the first one that reaches it), and the walk leaves a node at
    /// its first child starting after it: on a file with thousands of top-level statements this
    /// costs the window, not the file. No field names (each would be a new String).
    public func walk(within window: Range<Int>, _ visit: (SyntaxNode) throws -> SyntaxWalkStep) rethrows {
        try walk(within: window, fieldNames: false) { node, _ in try visit(node) }
    }

    private func walk(within window: Range<Int>?, fieldNames: Bool,
                      _ visit: (SyntaxNode, _ field: String?) throws -> SyntaxWalkStep) rethrows {
        var cursor = docwright_ts_tree_cursor_new(raw)
        defer { docwright_ts_tree_cursor_delete(&cursor) }
        let start = UInt32(clamping: window?.lowerBound ?? 0)
        let end = window?.upperBound ?? Int.max
        func firstChild() -> Bool {
            guard window != nil else { return docwright_ts_tree_cursor_goto_first_child(&cursor) }
            guard docwright_ts_tree_cursor_goto_first_child_for_byte(&cursor, start) >= 0 else { return false }
            if currentStartsBeforeEnd() { return true }
            _ = docwright_ts_tree_cursor_goto_parent(&cursor)
            return false
        }
        func currentStartsBeforeEnd() -> Bool {
            Int(docwright_ts_node_start_byte(docwright_ts_tree_cursor_current_node(&cursor))) <= end
        }
        var depth = 0
        while true {
            let node = SyntaxNode(docwright_ts_tree_cursor_current_node(&cursor), in: tree)
            let field = depth == 0 || !fieldNames
                ? nil : docwright_ts_tree_cursor_current_field_name(&cursor).map { String(cString: $0) }
            let step = try visit(node, field)
            if step == .stop { return }
            if step == .descend, firstChild() {
                depth += 1
                continue
            }
            // Next sibling (within the window), else climb until an ancestor has one; done when back at this node.
            while !(docwright_ts_tree_cursor_goto_next_sibling(&cursor) && (window == nil || currentStartsBeforeEnd())) {
                guard depth > 0, docwright_ts_tree_cursor_goto_parent(&cursor) else { return }
                depth -= 1
                if depth == 0 { return }
            }
            if depth == 0 { return }
        }
    }

    /// Every descendant (this node included) for which `predicate` holds, in document order.
    public func descendants(where predicate: (SyntaxNode) throws -> Bool) rethrows -> [SyntaxNode] {
        var found: [SyntaxNode] = []
        try walk { node, _ in
            if try predicate(node) { found.append(node) }
            return .descend
        }
        return found
    }
}
