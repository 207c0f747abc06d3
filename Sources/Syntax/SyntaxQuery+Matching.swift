import CTreeSitter

/// One captured node of a query match.
public struct SyntaxCapture: Sendable, Hashable {
    /// The capture's name without `@` (`function.name`).
    public let name: String
    /// The capture's id in its query (`SyntaxQuery.captureNames[index] == name`).
    public let index: Int
    public let node: SyntaxNode
}

/// One match of one pattern: its captures in pattern order.
public struct SyntaxQueryMatch: Sendable, Hashable {
    public let patternIndex: Int
    public let captures: [SyntaxCapture]

    /// The first node captured as `name`.
    public subscript(_ name: String) -> SyntaxNode? { captures.first { $0.name == name }?.node }

    /// Every node captured as `name` (several with quantifiers such as `+` and `*`).
    public func nodes(_ name: String) -> [SyntaxNode] { captures.filter { $0.name == name }.map(\.node) }
}

extension SyntaxTree {
    /// The matches of `query` under `node` (default: the root) that pass its predicates, in the
    /// order tree-sitter finds them (by start position), optionally only those intersecting
    /// bytes `range`.
    public func matches(of query: SyntaxQuery, in range: Range<Int>? = nil, under node: SyntaxNode? = nil) throws(SyntaxError) -> [SyntaxQueryMatch] {
        var results: [SyntaxQueryMatch] = []
        try run(query, range: range, node: node) { cursor in
            var match = TSQueryMatch()
            while docwright_ts_query_cursor_next_match(cursor, &match) {
                let captures = self.captures(of: match, in: query)
                guard query.accepts(pattern: Int(match.pattern_index), captures: captures) else { continue }
                results.append(SyntaxQueryMatch(patternIndex: Int(match.pattern_index), captures: captures))
            }
        }
        return results
    }

    /// Every capture of `query`'s matches that pass its predicates, in document order (what
    /// highlighting-style queries want).
    public func captures(of query: SyntaxQuery, in range: Range<Int>? = nil, under node: SyntaxNode? = nil) throws(SyntaxError) -> [SyntaxCapture] {
        var results: [SyntaxCapture] = []
        try run(query, range: range, node: node) { cursor in
            var match = TSQueryMatch()
            var captureIndex: UInt32 = 0
            while docwright_ts_query_cursor_next_capture(cursor, &match, &captureIndex) {
                let captures = self.captures(of: match, in: query)
                guard query.accepts(pattern: Int(match.pattern_index), captures: captures),
                      captures.indices.contains(Int(captureIndex)) else { continue }
                results.append(captures[Int(captureIndex)])
            }
        }
        return results
    }

    private func run(_ query: SyntaxQuery, range: Range<Int>?, node: SyntaxNode?, _ body: (OpaquePointer) -> Void) throws(SyntaxError) {
        guard query.language == language else {
            throw .queryLanguageMismatch(query: query.language.name, tree: language.name)
        }
        if let node, node.tree !== self {
            throw .queryLanguageMismatch(query: "a node of another tree", tree: language.name)
        }
        guard let cursor = docwright_ts_query_cursor_new() else { return }
        defer { docwright_ts_query_cursor_delete(cursor) }
        if let range {
            _ = docwright_ts_query_cursor_set_byte_range(cursor, UInt32(clamping: range.lowerBound), UInt32(clamping: range.upperBound))
        }
        docwright_ts_query_cursor_exec(cursor, query.pointer, (node ?? root).raw)
        body(cursor)
    }

    private func captures(of match: TSQueryMatch, in query: SyntaxQuery) -> [SyntaxCapture] {
        guard let captures = match.captures else { return [] }
        return UnsafeBufferPointer(start: captures, count: Int(match.capture_count)).map { capture in
            let index = Int(capture.index)
            return SyntaxCapture(name: query.captureNames.indices.contains(index) ? query.captureNames[index] : "",
                                 index: index, node: SyntaxNode(capture.node, in: self))
        }
    }
}

/// An argument of a query predicate.
enum QueryArgument {
    case capture(Int)
    case string(String)

    func text(_ captureNames: [String]) -> String {
        switch self {
        case .capture(let index): "@" + (captureNames.indices.contains(index) ? captureNames[index] : "?")
        case .string(let value): value
        }
    }
}

/// A text predicate of a query pattern, checked against a match's captures.
struct QueryFilter {
    enum Test {
        case equal(QueryArgument)
        case regex(Regex<AnyRegexOutput>)
        case oneOf(Set<String>)
    }

    let capture: Int
    let test: Test
    let negated: Bool

    init(name: String, arguments: [QueryArgument], language: SyntaxLanguage) throws(SyntaxError) {
        func refuse(_ reason: String) -> SyntaxError {
            .unsupportedPredicate(language: language.name, predicate: name, reason: reason)
        }
        guard case .capture(let capture)? = arguments.first else { throw refuse("needs a capture as its first argument") }
        self.capture = capture
        self.negated = name.hasPrefix("not-")
        switch name {
        case "eq?", "not-eq?":
            guard arguments.count == 2 else { throw refuse("takes a capture and one capture or string") }
            test = .equal(arguments[1])
        case "match?", "not-match?":
            guard arguments.count == 2, case .string(let pattern) = arguments[1] else { throw refuse("takes a capture and a regular expression") }
            do {
                test = .regex(try Regex(pattern))
            } catch {
                throw refuse("has an invalid regular expression \(pattern)")
            }
        case "any-of?", "not-any-of?":
            let values = arguments.dropFirst().compactMap { argument -> String? in
                if case .string(let value) = argument { value } else { nil }
            }
            guard values.count == arguments.count - 1, !values.isEmpty else { throw refuse("takes a capture and strings") }
            test = .oneOf(Set(values))
        default:
            throw refuse("is not supported (docwright evaluates eq?, match?, any-of? and their not- forms)")
        }
    }

    /// A capture absent from the match (an optional one) passes, as in tree-sitter's bindings.
    func accepts(_ captures: [SyntaxCapture]) -> Bool {
        let nodes = captures.filter { $0.index == capture }.map(\.node)
        return nodes.allSatisfy { passes($0, captures) != negated }
    }

    private func passes(_ node: SyntaxNode, _ captures: [SyntaxCapture]) -> Bool {
        switch test {
        case .equal(.string(let value)):
            return node.utf8.elementsEqual(value.utf8)
        case .equal(.capture(let other)):
            guard let otherNode = captures.first(where: { $0.index == other })?.node else { return true }
            return node.utf8.elementsEqual(otherNode.utf8)
        case .regex(let regex):
            return node.text.contains(regex)
        case .oneOf(let values):
            return values.contains(node.text)
        }
    }
}
