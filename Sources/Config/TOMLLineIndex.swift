/// Maps key paths of a TOML document to the one-based line that defines them.
///
/// TOMLKit does not expose node source positions, so this scans the text itself. It understands
/// table headers, arrays of tables (`[[routes]]` counts indices), dotted and quoted keys, and skips
/// multi-line strings and arrays. Keys inside inline tables resolve to the line of the enclosing key.
struct TOMLLineIndex: Sendable {
    private var lines: [ConfigKeyPath: Int] = [:]

    init(text: String) {
        var scanner = Scanner()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            scanner.scan(line: Substring(line), number: number + 1, into: &lines)
        }
    }

    /// The line of `path`, or of its nearest ancestor that has one.
    func line(for path: ConfigKeyPath) -> Int? {
        var current: ConfigKeyPath? = path
        while let p = current {
            if let line = lines[p] { return line }
            current = p.parent
        }
        return nil
    }

    private struct Scanner {
        var table = ConfigKeyPath()
        var arrayCounts: [ConfigKeyPath: Int] = [:]
        /// Open multi-line string delimiter (`"""` or `'''`), if inside one.
        var openString: String?
        /// Open brackets/braces of a value that continues on the next lines.
        var depth = 0

        mutating func scan(line: Substring, number: Int, into map: inout [ConfigKeyPath: Int]) {
            var rest = line[...]
            if let delimiter = openString {
                guard let end = rest.firstRange(of: delimiter) else { return }
                openString = nil
                rest = rest[end.upperBound...]
                skipValue(&rest)
                return
            }
            if depth > 0 {
                skipValue(&rest)
                return
            }
            rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            if rest.isEmpty || rest.first == "#" { return }
            if rest.hasPrefix("[[") {
                rest = rest.dropFirst(2)
                guard let keys = parseKey(&rest) else { return }
                let path = ConfigKeyPath(keys: keys)
                let index = arrayCounts[path, default: 0]
                arrayCounts[path] = index + 1
                table = path.appending(index: index)
                record(table, number, &map)
                record(path, number, &map)
            } else if rest.first == "[" {
                rest = rest.dropFirst()
                guard let keys = parseKey(&rest) else { return }
                table = ConfigKeyPath(keys: keys)
                record(table, number, &map)
            } else {
                guard let keys = parseKey(&rest) else { return }
                var path = table
                for key in keys {
                    path = path.appending(key)
                    record(path, number, &map)
                }
                rest = rest.drop(while: { $0 == " " || $0 == "\t" })
                if rest.first == "=" { rest = rest.dropFirst() }
                skipValue(&rest)
            }
        }

        private func record(_ path: ConfigKeyPath, _ line: Int, _ map: inout [ConfigKeyPath: Int]) {
            if map[path] == nil { map[path] = line }
        }

        /// Reads `a."b c".d` up to `=` or `]`; nil when the line is not a key.
        private func parseKey(_ rest: inout Substring) -> [String]? {
            var keys: [String] = []
            while true {
                rest = rest.drop(while: { $0 == " " || $0 == "\t" })
                guard let first = rest.first else { return nil }
                if first == "\"" || first == "'" {
                    rest = rest.dropFirst()
                    var key = ""
                    while let c = rest.first, c != first {
                        if c == "\\" && first == "\"" {
                            rest = rest.dropFirst()
                            if let escaped = rest.first { key.append(escaped) }
                        } else {
                            key.append(c)
                        }
                        rest = rest.dropFirst()
                    }
                    guard !rest.isEmpty else { return nil }
                    rest = rest.dropFirst()
                    keys.append(key)
                } else {
                    let bare = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
                    guard !bare.isEmpty else { return nil }
                    keys.append(String(bare))
                    rest = rest.dropFirst(bare.count)
                }
                rest = rest.drop(while: { $0 == " " || $0 == "\t" })
                if rest.first == "." {
                    rest = rest.dropFirst()
                    continue
                }
                return keys
            }
        }

        /// Skips a value, tracking strings and brackets so continuation lines are not read as keys.
        private mutating func skipValue(_ rest: inout Substring) {
            while let c = rest.first {
                switch c {
                case "#":
                    return
                case "[", "{":
                    depth += 1
                    rest = rest.dropFirst()
                case "]", "}":
                    depth = max(0, depth - 1)
                    rest = rest.dropFirst()
                case "\"", "'":
                    let triple = String(repeating: c, count: 3)
                    if rest.hasPrefix(triple) {
                        rest = rest.dropFirst(3)
                        if let end = rest.firstRange(of: triple) {
                            rest = rest[end.upperBound...]
                        } else {
                            openString = triple
                            return
                        }
                    } else {
                        rest = rest.dropFirst()
                        while let s = rest.first, s != c {
                            rest = rest.dropFirst(s == "\\" && c == "\"" ? 2 : 1)
                        }
                        rest = rest.dropFirst()
                    }
                default:
                    rest = rest.dropFirst()
                }
            }
        }
    }
}
