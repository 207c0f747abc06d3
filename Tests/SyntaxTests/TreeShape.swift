@testable import Syntax

/// Everything a tree says about the text, node by node (anonymous ones too): type, field, byte
/// range, points, error flags. Two trees with equal shapes are the same parse.
func shape(of tree: SyntaxTree) -> [String] {
    var lines: [String] = []
    tree.root.walk { node, field in
        let flags = (node.isError ? " ERROR" : "") + (node.isMissing ? " MISSING" : "") + (node.isExtra ? " extra" : "")
        lines.append("\(field.map { $0 + ": " } ?? "")\(node.type) \(node.byteRange) \(node.startPoint)-\(node.endPoint)\(flags)")
        return .descend
    }
    return lines
}

/// The grammars the way the binary finds them ($DOCWRIGHT_GRAMMARS, else the checkout's
/// .build-grammars beside .build); scripts/test installs them first.
func parser() -> SyntaxParser { SyntaxParser(grammars: .shared) }
