import CTreeSitter

/// A compiled tree-sitter query (S-expression patterns with `@captures`) for one language.
///
/// Text predicates are evaluated by docwright (the runtime leaves them to the caller):
/// `#eq?`, `#not-eq?`, `#match?`, `#not-match?`, `#any-of?`, `#not-any-of?`; with several nodes
/// in a capture, every node must pass. Any other `?` predicate is refused when the query is
/// made, so a query never silently matches more than it says. Directives (`#set!`,
/// `#strip!`, `#select-adjacent!`, …) are kept, unapplied, in `directives(ofPattern:)`.
///
/// `@unchecked Sendable`: the runtime's query is immutable once made (docwright never disables
/// its patterns or captures) and is read by many cursors at once, as tree-sitter allows; the
/// Swift properties are constants.
public final class SyntaxQuery: @unchecked Sendable {
    public let language: SyntaxLanguage
    public let source: String
    /// Capture names, indexed by the runtime's capture ids (without the `@`).
    public let captureNames: [String]
    let pointer: OpaquePointer
    private let filters: [[QueryFilter]]
    private let patternDirectives: [[SyntaxQueryDirective]]

    /// Compiles `source`; throws `SyntaxError.invalidQuery` (with line and column) or
    /// `.unsupportedPredicate`.
    public init(language: SyntaxLanguage, source: String) throws(SyntaxError) {
        let bytes = Array(source.utf8)
        var errorOffset: UInt32 = 0
        var errorType = TSQueryErrorNone
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                docwright_ts_query_new(language.pointer, $0.baseAddress, UInt32($0.count), &errorOffset, &errorType)
            }
        }
        guard let compiled else {
            throw Self.compileError(language: language, source: bytes, offset: Int(errorOffset), type: errorType)
        }
        let captureCount = docwright_ts_query_capture_count(compiled)
        let captureNames = (0..<captureCount).map { id in
            var length: UInt32 = 0
            let name = docwright_ts_query_capture_name_for_id(compiled, id, &length)
            return Self.string(name, length: length)
        }
        var filters: [[QueryFilter]] = []
        var directives: [[SyntaxQueryDirective]] = []
        do {
            for pattern in 0..<docwright_ts_query_pattern_count(compiled) {
                let parsed = try Self.predicates(of: compiled, pattern: pattern, captureNames: captureNames, language: language)
                filters.append(parsed.filters)
                directives.append(parsed.directives)
            }
        } catch {
            docwright_ts_query_delete(compiled)
            throw error
        }
        self.language = language
        self.source = source
        self.captureNames = captureNames
        self.pointer = compiled
        self.filters = filters
        self.patternDirectives = directives
    }

    deinit { docwright_ts_query_delete(pointer) }

    public var patternCount: Int { filters.count }

    /// The directives (`#set!` …) of pattern `index`, in source order.
    public func directives(ofPattern index: Int) -> [SyntaxQueryDirective] {
        patternDirectives.indices.contains(index) ? patternDirectives[index] : []
    }

    /// Whether a match of pattern `index` with `captures` passes the pattern's text predicates.
    func accepts(pattern index: Int, captures: [SyntaxCapture]) -> Bool {
        guard filters.indices.contains(index) else { return true }
        return filters[index].allSatisfy { $0.accepts(captures) }
    }

    // MARK: Building

    private static func compileError(language: SyntaxLanguage, source: [UInt8], offset: Int, type: TSQueryError) -> SyntaxError {
        let kind = switch type {
        case TSQueryErrorSyntax: "syntax"
        case TSQueryErrorNodeType: "unknown node type"
        case TSQueryErrorField: "unknown field"
        case TSQueryErrorCapture: "unknown capture"
        case TSQueryErrorStructure: "impossible pattern"
        case TSQueryErrorLanguage: "incompatible language"
        default: "unknown"
        }
        let clamped = min(max(offset, 0), source.count)
        let point = SyntaxPoint.of(byteOffset: clamped, in: source)
        let near = String(decoding: source[clamped...].prefix(24), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return .invalidQuery(language: language.name, kind: kind, offset: clamped, line: point.row + 1,
                             column: point.column + 1, near: near)
    }

    private static func predicates(of query: OpaquePointer, pattern: UInt32, captureNames: [String],
                                   language: SyntaxLanguage) throws(SyntaxError) -> (filters: [QueryFilter], directives: [SyntaxQueryDirective]) {
        var count: UInt32 = 0
        guard let steps = docwright_ts_query_predicates_for_pattern(query, pattern, &count), count > 0 else { return ([], []) }
        var filters: [QueryFilter] = []
        var directives: [SyntaxQueryDirective] = []
        var current: [QueryArgument] = []
        for step in UnsafeBufferPointer(start: steps, count: Int(count)) {
            switch step.type {
            case TSQueryPredicateStepTypeCapture:
                current.append(.capture(Int(step.value_id)))
            case TSQueryPredicateStepTypeString:
                var length: UInt32 = 0
                let value = docwright_ts_query_string_value_for_id(query, step.value_id, &length)
                current.append(.string(string(value, length: length)))
            default: // Done: one predicate complete
                guard case .string(let name)? = current.first else {
                    throw .unsupportedPredicate(language: language.name, predicate: "?", reason: "has no name")
                }
                let arguments = Array(current.dropFirst())
                if name.hasSuffix("!") {
                    directives.append(SyntaxQueryDirective(name: name, arguments: arguments.map { $0.text(captureNames) }))
                } else {
                    filters.append(try QueryFilter(name: name, arguments: arguments, language: language))
                }
                current = []
            }
        }
        return (filters, directives)
    }

    static func string(_ pointer: UnsafePointer<CChar>?, length: UInt32) -> String {
        guard let pointer else { return "" }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
        }
    }
}

/// A directive of a query pattern (`#set! kind "function"`): its name with the `!` and its
/// arguments (captures as `@name`).
public struct SyntaxQueryDirective: Sendable, Hashable {
    public let name: String
    public let arguments: [String]
}
