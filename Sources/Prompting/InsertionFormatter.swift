import DocwrightCore

/// Turns re-indented body lines into exactly the text that replaces `task.insertion`.
///
/// The convention (what `Intent` ranges and this formatter agree on):
/// - The text uses the file's line break (`\r\n` when the file has one, else `\n`).
/// - When the range starts mid-line (right after `{`, `)` or a docstring), the text starts with a
///   line break — for a C/C++ prototype it starts with ` {` and a line break, and ends with the closing `}`.
/// - When the range ends at column 0 (or at the end of the file), the text ends with a line break.
///   When it ends before code on the same line (`}` or `end` after `{`/`)`), the text ends with a
///   line break plus the closer's indentation, so the closer lands on its own line.
///   When it ends at the end of a line, the text ends without a line break.
/// - When the block's closer is missing (`closerPresent == false`, not a whole function), the text
///   brings it (`}` or `end`) at the signature's indentation.
enum InsertionFormatter {
    static func format(_ lines: [String], task: GenerationTask, traits: LanguageTraits) -> String {
        let lineBreak = detectLineBreak(task)
        var body = lines.joined(separator: lineBreak)
        let closerIndent = task.indentation.hasSuffix(task.indentUnit) && !task.indentUnit.isEmpty
            ? String(task.indentation.dropLast(task.indentUnit.count)) : ""
        let wholeFunction = task.shape == .function && task.signature.isEmpty
        if let closer = traits.closer, !task.closerPresent, !wholeFunction, task.shape != .nextLines {
            body += lineBreak + closerIndent + closer
        }

        var lead = ""
        if let last = task.prefix.unicodeScalars.last, last != "\n", last != "\r" {
            let prototype = traits.family == .braces && task.shape == .function && !task.closerPresent && !wholeFunction
            lead = (prototype ? " {" : "") + lineBreak
        }

        let tail: String
        if task.insertion.end.utf8Column == 0 || task.suffix.isEmpty {
            tail = lineBreak
        } else if let first = task.suffix.unicodeScalars.first, first == "\n" || first == "\r" {
            tail = ""
        } else {
            tail = lineBreak + closerIndent
        }
        return lead + body + tail
    }

    static func detectLineBreak(_ task: GenerationTask) -> String {
        for text in [task.prefix, task.suffix] {
            let scalars = Array(text.unicodeScalars)
            if let index = scalars.firstIndex(where: { $0 == "\n" || $0 == "\r" }) {
                if scalars[index] == "\n" { return "\n" }
                return index + 1 < scalars.count && scalars[index + 1] == "\n" ? "\r\n" : "\r"
            }
        }
        return "\n"
    }
}
