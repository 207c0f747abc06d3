import Languages
import Syntax

/// Reads one file's outline query matches and renders its top-level definitions as stubs.
struct OutlineReader {
    /// A definition the query found (top-level or not).
    private struct Candidate {
        var kind: Definition.Kind
        var node: SyntaxNode
        var name: String
        var container: String?
        var value: Range<Int>?
        var group: SyntaxNode?
        var pattern: Int
    }

    /// A body to replace: `range` by the placeholder, keeping `range.lowerBound..<keep` (a docstring).
    private struct Elision {
        var range: Range<Int>
        var keep: Int?
    }

    private struct Mention {
        var range: Range<Int>
    }

    let tree: SyntaxTree
    let language: Language
    private let bytes: [UInt8]
    private(set) var package: String?
    private var candidates: [Candidate] = []
    private var elisions: [Elision] = []
    private var mentions: [Mention] = []
    private var imports: [SyntaxNode] = []

    init(tree: SyntaxTree, language: Language) {
        self.tree = tree
        self.language = language
        self.bytes = tree.utf8
    }

    // MARK: Reading matches

    /// What a capture of the outline query means.
    enum Role {
        case definition(Definition.Kind), name, container, value, group, body, doc, package, mention, importStatement, other

        init(_ captureName: String) {
            switch captureName {
            case "name": self = .name
            case "container": self = .container
            case "value": self = .value
            case "group": self = .group
            case "body": self = .body
            case "doc": self = .doc
            case "package": self = .package
            case "mention": self = .mention
            case "import": self = .importStatement
            default: self = Definition.Kind(rawValue: captureName).map { .definition($0) } ?? .other
            }
        }
    }

    /// `roles[i]`: the role of the query's capture `i` (`SyntaxQuery.captureNames`).
    mutating func read(_ matches: [SyntaxQueryMatch], roles: [Role]) {
        for match in matches {
            var kind: Definition.Kind?
            var node: SyntaxNode?
            var name: SyntaxNode?
            var container: SyntaxNode?
            var value: SyntaxNode?
            var group: SyntaxNode?
            var body: SyntaxNode?
            var doc: SyntaxNode?
            for capture in match.captures where capture.index < roles.count {
                switch roles[capture.index] {
                case .definition(let definitionKind): (kind, node) = (definitionKind, capture.node)
                case .name: name = capture.node
                case .container: container = capture.node
                case .value: value = capture.node
                case .group: group = capture.node
                case .body: body = capture.node
                case .doc: doc = capture.node
                case .package: if package == nil { package = capture.node.text }
                case .mention: mentions.append(Mention(range: capture.node.byteRange))
                case .importStatement: imports.append(capture.node)
                case .other: break
                }
            }
            if let body, !body.byteRange.isEmpty {
                elisions.append(Elision(range: body.byteRange, keep: doc.map(\.endByte)))
            }
            if let kind, let node, let name {
                let text = name.text
                guard !text.isEmpty else { continue }
                candidates.append(Candidate(kind: kind, node: node, name: text, container: container?.text,
                                            value: value?.byteRange, group: group, pattern: match.patternIndex))
            }
        }
    }

    /// The import statements (the registry's `imports` patterns), once each, in file order.
    func importStatements() -> [ImportStatement] {
        let nodes = imports.sorted { $0.startByte < $1.startByte || ($0.startByte == $1.startByte && $0.endByte > $1.endByte) }
        var statements: [ImportStatement] = []
        var end = -1
        for node in nodes where node.startByte >= end {
            end = node.endByte
            // Comments are not part of what a statement says: the grammar's comments inside it
            // become spaces (and one it ends the statement with, as Kotlin's `import_header` takes
            // the doc comment of the declaration below, goes with them).
            let text = tree.codeText(of: node.byteRange)
            statements.append(ImportStatement(text: OutlineExtractor.trimmed(text[...]), line: node.startPoint.row))
        }
        return statements
    }

    // MARK: Top-level definitions

    /// The definitions inside no other definition, as stubs, in file order.
    mutating func definitions() -> [Definition] {
        normaliseElisions()
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
        candidates.sort {
            if $0.node.startByte != $1.node.startByte { return $0.node.startByte < $1.node.startByte }
            if $0.node.endByte != $1.node.endByte { return $0.node.endByte > $1.node.endByte }
            return $0.pattern < $1.pattern
        }
        // How many distinct definitions each group holds (a group of one is the stub itself).
        var groupSizes: [Range<Int>: Int] = [:]
        var previous: Range<Int>?
        for candidate in candidates {
            guard let group = candidate.group, candidate.node.byteRange != previous else { continue }
            groupSizes[group.byteRange, default: 0] += 1
            previous = candidate.node.byteRange
        }

        var definitions: [Definition] = []
        var last: (node: Range<Int>, extentEnd: Int, pattern: Int, name: String)?
        for candidate in candidates {
            let range = candidate.node.byteRange
            if let last {
                if range == last.node {
                    // The same node again: another name of one declaration (`var a, b int`) is kept;
                    // a later pattern on the node is not.
                    guard candidate.pattern == last.pattern, candidate.name != last.name else { continue }
                } else if range.lowerBound < last.extentEnd {
                    continue // nested in a kept definition: part of its stub
                }
            }
            let single = candidate.group.map { groupSizes[$0.byteRange] == 1 } ?? false
            let extent = extent(of: candidate, wholeGroup: single)
            definitions.append(render(candidate, extent: extent, wholeGroup: single))
            last = (range, max(extent.range.upperBound, range.upperBound), candidate.pattern, candidate.name)
        }
        return definitions
    }

    /// Sorted, one per body (a docstring kept when a pattern found one), outermost only.
    private mutating func normaliseElisions() {
        elisions.sort {
            if $0.range.lowerBound != $1.range.lowerBound { return $0.range.lowerBound < $1.range.lowerBound }
            if $0.range.upperBound != $1.range.upperBound { return $0.range.upperBound > $1.range.upperBound }
            return ($0.keep ?? -1) > ($1.keep ?? -1)
        }
        var kept: [Elision] = []
        kept.reserveCapacity(elisions.count)
        for elision in elisions {
            if let last = kept.last, elision.range.lowerBound < last.range.upperBound { continue }
            kept.append(elision)
        }
        elisions = kept
    }

    /// Where a definition's stub starts and ends: its node (or its group, or the wrappers around
    /// it, `export`, decorators), with the comments and attributes right above it.
    private func extent(of candidate: Candidate, wholeGroup: Bool) -> (range: Range<Int>, line: Int) {
        var top = wholeGroup ? candidate.group ?? candidate.node : candidate.node
        let wrappers = language.outline.wrappers
        if !wrappers.isEmpty {
            while let parent = top.parent, wrappers.contains(parent.type) { top = parent }
        }
        var first = top
        let attached = language.outline.attached
        if !attached.isEmpty {
            var cursor = top
            while true {
                guard let previous = cursor.previousSibling else {
                    // The first thing in a body (Ruby's `body_statement`): look above the body.
                    guard let parent = cursor.parent, parent.parent != nil, parent.startByte == cursor.startByte else { break }
                    cursor = parent
                    continue
                }
                guard attached.contains(previous.type) else {
                    // A comment the grammar ended the previous node with (Kotlin's `import_list`).
                    var tail = previous
                    for _ in 0..<3 {
                        guard let last = tail.namedChild(tail.namedChildCount - 1), last.endByte == tail.endByte else { break }
                        if attached.contains(last.type) {
                            if last.startByte > previous.startByte, last.endPoint.row + 1 >= first.startPoint.row,
                               startsLine(last.startByte) {
                                first = last
                            }
                            break
                        }
                        tail = last
                    }
                    break
                }
                guard previous.endPoint.row + 1 >= first.startPoint.row, startsLine(previous.startByte) else { break }
                first = previous
                cursor = previous
            }
        }
        return (first.startByte..<max(first.startByte, top.endByte), first.startPoint.row)
    }

    /// Whether only blanks precede `offset` on its line (a comment of its own, not one ending a
    /// line of code).
    private func startsLine(_ offset: Int) -> Bool {
        var index = offset
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == UInt8(ascii: "\n") { return true }
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else { return false }
            index -= 1
        }
        return true
    }

    // MARK: Stubs

    private func render(_ candidate: Candidate, extent: (range: Range<Int>, line: Int), wholeGroup: Bool) -> Definition {
        let range = extent.range
        // Start at the line's start when only indentation precedes, and dedent by it.
        var start = range.lowerBound
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
        let indent: Int
        if start == 0 || bytes[start - 1] == UInt8(ascii: "\n") {
            indent = range.lowerBound - start
        } else {
            start = range.lowerBound
            indent = 0
        }
        let end = range.upperBound

        // A long constant shows `...` for its value.
        var valueElision: Range<Int>?
        if candidate.kind == .constant || candidate.kind == .variable, let value = candidate.value,
           candidate.node.endByte - candidate.node.startByte > OutlineExtractor.maxInlineValueBytes,
           value.lowerBound >= start, value.upperBound <= end {
            valueElision = value
        }
        // A member of a group of several: the group's first word (`const`, `var`) before it.
        var prefix: (at: Int, text: [UInt8])?
        if !wholeGroup, let group = candidate.group, let keyword = group.child(0), keyword.endByte <= candidate.node.startByte {
            prefix = (candidate.node.startByte, Array(keyword.utf8) + [UInt8(ascii: " ")])
        }

        var out: [UInt8] = []
        out.reserveCapacity(min(end - start, OutlineExtractor.maxStubBytes) + 64)
        var skipped: [Range<Int>] = []
        var position = start
        func copy(upTo limit: Int) {
            if let pending = prefix, pending.at >= position, pending.at <= limit {
                out.append(contentsOf: bytes[position..<pending.at])
                out.append(contentsOf: pending.text)
                position = pending.at
                prefix = nil
            }
            if limit > position { out.append(contentsOf: bytes[position..<limit]) }
            position = max(position, limit)
        }
        let placeholder = Array(language.bodyPlaceholder.utf8)
        var index = firstElision(atOrAfter: start)
        while index < elisions.count, elisions[index].range.lowerBound < end {
            let elision = elisions[index]
            index += 1
            guard elision.range.upperBound <= end else { break }
            if let value = valueElision, value.lowerBound <= elision.range.lowerBound { break }
            if let keep = elision.keep, keep > elision.range.lowerBound, keep <= elision.range.upperBound {
                copy(upTo: keep)
                out.append(UInt8(ascii: "\n"))
                out.append(contentsOf: indentation(before: elision.range.lowerBound))
                out.append(contentsOf: placeholder)
            } else {
                copy(upTo: elision.range.lowerBound)
                out.append(contentsOf: placeholder)
            }
            skipped.append(elision.range)
            position = elision.range.upperBound
        }
        if let value = valueElision, value.lowerBound >= position {
            copy(upTo: value.lowerBound)
            out.append(contentsOf: Array("...".utf8))
            skipped.append(value)
            position = value.upperBound
        }
        copy(upTo: end)

        let stub = capped(dedented(out, by: indent))
        return Definition(name: candidate.name, kind: candidate.kind, container: candidate.container,
                          stub: String(decoding: stub, as: UTF8.self),
                          mentions: mentionedNames(in: start..<end, skipping: skipped, of: candidate),
                          line: extent.line)
    }

    /// The first elision starting at or after `offset` (binary search).
    private func firstElision(atOrAfter offset: Int) -> Int {
        var low = 0, high = elisions.count
        while low < high {
            let mid = (low + high) / 2
            if elisions[mid].range.lowerBound < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The whitespace between the start of `offset`'s line and `offset`.
    private func indentation(before offset: Int) -> ArraySlice<UInt8> {
        var start = offset
        while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
        return bytes[start..<offset]
    }

    /// Removes up to `indent` leading blanks from every line; trims trailing whitespace.
    private func dedented(_ text: [UInt8], by indent: Int) -> [UInt8] {
        var out: [UInt8]
        if indent == 0 {
            out = text
        } else {
            out = []
            out.reserveCapacity(text.count)
            var atLineStart = true
            var removed = 0
            for byte in text {
                if atLineStart, removed < indent, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    removed += 1
                    continue
                }
                atLineStart = byte == UInt8(ascii: "\n")
                removed = 0
                out.append(byte)
            }
        }
        while let last = out.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t")
            || last == UInt8(ascii: "\r") {
            out.removeLast()
        }
        return out
    }

    /// At most `maxStubLines` lines and `maxStubBytes` bytes: the first lines, a comment saying
    /// how many were left out, and the closing line (`}`, `end`) when there is one.
    private func capped(_ text: [UInt8]) -> [UInt8] {
        let newlines = text.withUnsafeBufferPointer { buffer in
            var count = 0
            for byte in buffer where byte == UInt8(ascii: "\n") { count += 1 }
            return count
        }
        guard text.count > OutlineExtractor.maxStubBytes || newlines + 1 > OutlineExtractor.maxStubLines else { return text }
        var lineStarts = [0]
        lineStarts.reserveCapacity(newlines + 1)
        for offset in text.indices where text[offset] == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        func line(_ index: Int) -> ArraySlice<UInt8> {
            let lineEnd = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : text.count
            return text[lineStarts[index]..<lineEnd]
        }
        let lastLine = line(lineStarts.count - 1)
        let trimmed = String(decoding: lastLine, as: UTF8.self).trimmingBlanks
        let closer: ArraySlice<UInt8>? = lineStarts.count > 1 && ["}", "};", "end", "end;"].contains(trimmed) ? lastLine : nil
        let budgetLines = OutlineExtractor.maxStubLines - 2
        let budgetBytes = OutlineExtractor.maxStubBytes - 200
        var out: [UInt8] = []
        var keptLines = 0
        let available = lineStarts.count - (closer == nil ? 0 : 1)
        while keptLines < available, keptLines < budgetLines {
            let next = line(keptLines)
            guard out.count + next.count + 1 <= budgetBytes else { break }
            out.append(contentsOf: next)
            out.append(UInt8(ascii: "\n"))
            keptLines += 1
        }
        if keptLines == 0 {
            // One enormous line (minified code): its first bytes, cut at a character boundary.
            var cut = min(budgetBytes, text.count)
            while cut > 0, cut < text.count, text[cut] & 0xC0 == 0x80 { cut -= 1 }
            out.append(contentsOf: text[..<cut])
            out.append(UInt8(ascii: "\n"))
        }
        let omitted = max(available - max(keptLines, 1), 0)
        let note = language.indentUnit + language.lineComment + " … \(omitted) more line\(omitted == 1 ? "" : "s") not shown\n"
        out.append(contentsOf: Array(note.utf8))
        if let closer { out.append(contentsOf: closer) }
        while out.last == UInt8(ascii: "\n") { out.removeLast() }
        return out
    }

    /// The names the stub mentions (outside elided bodies and values), once each, in order;
    /// not its own name or container, not built-in names.
    private func mentionedNames(in range: Range<Int>, skipping skipped: [Range<Int>], of candidate: Candidate) -> [String] {
        var low = 0, high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].range.lowerBound < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var names: [String] = []
        var seen: Set<String> = []
        var skip = 0
        let builtins = language.outline.builtins
        var index = low
        while index < mentions.count, mentions[index].range.lowerBound < range.upperBound {
            let mention = mentions[index].range
            index += 1
            while skip < skipped.count, skipped[skip].upperBound <= mention.lowerBound { skip += 1 }
            if skip < skipped.count, skipped[skip].lowerBound <= mention.lowerBound { continue }
            guard mention.count > 1, mention.upperBound <= range.upperBound else { continue }
            let name = String(decoding: bytes[mention], as: UTF8.self)
            guard name != candidate.name, name != candidate.container, !builtins.contains(name), seen.insert(name).inserted else { continue }
            names.append(name)
        }
        return names
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    fileprivate var trimmingBlanks: String {
        let blanks: Set<Character> = [" ", "\t", "\n", "\r"]
        var text = Substring(self)
        while let first = text.first, blanks.contains(first) { text = text.dropFirst() }
        while let last = text.last, blanks.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
