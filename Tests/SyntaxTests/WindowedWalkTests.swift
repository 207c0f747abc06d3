import DocwrightCore
import Testing
@testable import Syntax

/// `walk(within:)` skips what lies outside a window without visiting it; what it visits inside
/// must be exactly what a whole-tree walk that prunes the same way visits.
@Suite("Walking a window of the tree")
struct WindowedWalkTests {
    /// Many top-level statements (the case the window exists for), nested blocks, comments,
    /// strings, and a multi-byte character.
    static let source: String = (0..<400).map { index in
        index % 7 == 0
            ? "def f\(index)(x):\n    # step «\(index)»\n    return \"s\(index)\" + x\n"
            : "value\(index) = compute(\(index))  # note\n"
    }.joined()

    /// The nodes meeting `window` that a pruning walk visits: (type, range) in visit order.
    static func visited(_ tree: SyntaxTree, _ window: Range<Int>, windowed: Bool) -> [String] {
        var seen: [String] = []
        let visit = { (node: SyntaxNode) -> SyntaxWalkStep in
            let range = node.byteRange
            guard range.upperBound > window.lowerBound, range.lowerBound < window.upperBound else { return .skipChildren }
            seen.append("\(node.type)@\(range)")
            return .descend
        }
        if windowed { tree.root.walk(within: window, visit) } else { tree.root.walk { node, _ in visit(node) } }
        return seen
    }

    @Test("visits exactly the nodes a whole-tree walk finds in the window")
    func sameNodesAsAFullWalk() throws {
        let tree = try SyntaxParser().parse(text: Self.source, language: "python")
        let size = tree.utf8.count
        var generator = SplitMix64(seed: 7)
        var windows = [0..<0, 0..<size, size..<size, 0..<1, (size - 1)..<size, 100..<100]
        for _ in 0..<60 {
            let start = Int(generator.next() % UInt64(size))
            windows.append(start..<min(size, start + Int(generator.next() % 3_000)))
        }
        for window in windows {
            let full = Self.visited(tree, window, windowed: false)
            let windowed = Self.visited(tree, window, windowed: true)
            #expect(windowed == full, "window \(window)")
        }
    }

    @Test("a window at the end of a flat file visits a small part of the tree")
    func skipsWhatComesBefore() throws {
        let tree = try SyntaxParser().parse(text: Self.source, language: "python")
        var visits = 0
        let window = (tree.utf8.count - 200)..<tree.utf8.count
        tree.root.walk(within: window) { _ in
            visits += 1
            return .descend
        }
        var all = 0
        tree.root.walk { _, _ in
            all += 1
            return .descend
        }
        #expect(visits > 0 && visits * 20 < all, "\(visits) of \(all) nodes visited")
    }
}
