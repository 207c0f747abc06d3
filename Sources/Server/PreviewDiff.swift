/// A unified diff of one text replacement, for pickers that preview a candidate before it is
/// applied (editors show it as is; nothing re-renders it).
enum PreviewDiff {
    /// Lines of `text` are split on `\n` (a `\r` before it stays part of the line); `start` and
    /// `end` are (line, UTF-8 column) positions of the replaced range.
    static func unified(text: String, start: (line: Int, column: Int), end: (line: Int, column: Int),
                        replacement: String, path: String, context: Int = 2) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty, start.line < lines.count else { return "" }
        let endLine = min(max(end.line, start.line), lines.count - 1)
        let head = prefix(lines[start.line], utf8Count: start.column)
        let tail = suffix(lines[endLine], fromUTF8: endLine == end.line ? end.column : lines[endLine].utf8.count)
        var old = Array(lines[start.line...endLine])
        var new = (head + replacement + tail).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Lines the replacement leaves as they were are context, not change.
        var firstChanged = start.line
        while old.count > 0, new.count > 0, old.first == new.first {
            old.removeFirst(); new.removeFirst(); firstChanged += 1
        }
        var lastChanged = endLine
        while old.count > 0, new.count > 0, old.last == new.last {
            old.removeLast(); new.removeLast(); lastChanged -= 1
        }
        let before = Array(lines[max(0, firstChanged - context)..<firstChanged])
        let after = Array(lines[(lastChanged + 1)..<min(lines.count, lastChanged + 1 + context)])
        let firstLine = firstChanged - before.count + 1
        var out = ["--- a/\(path)", "+++ b/\(path)",
                   "@@ -\(firstLine),\(before.count + old.count + after.count) +\(firstLine),\(before.count + new.count + after.count) @@"]
        out += before.map { " " + $0 }
        out += old.map { "-" + $0 }
        out += new.map { "+" + $0 }
        out += after.map { " " + $0 }
        return out.joined(separator: "\n") + "\n"
    }

    private static func prefix(_ line: String, utf8Count: Int) -> String {
        let bytes = Array(line.utf8)
        return String(decoding: bytes[..<min(max(0, utf8Count), bytes.count)], as: UTF8.self)
    }

    private static func suffix(_ line: String, fromUTF8 offset: Int) -> String {
        let bytes = Array(line.utf8)
        return String(decoding: bytes[min(max(0, offset), bytes.count)...], as: UTF8.self)
    }
}
