import ArgumentParser
import DocwrightCore
import FoundationEssentials

/// `path:line[:column]` as given on the command line (1-based).
struct SourceLocation {
    var path: String
    var line: Int
    var column: Int?

    init(parsing target: String) throws {
        var parts = target.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var numbers: [Int] = []
        while let last = parts.last, let number = Int(last), numbers.count < 2, parts.count > 1 {
            numbers.insert(number, at: 0)
            parts.removeLast()
        }
        guard let line = numbers.first, line >= 1 else {
            throw ValidationError("expected FILE:LINE[:COL] with a 1-based LINE, got '\(target)'")
        }
        self.path = parts.joined(separator: ":")
        self.line = line
        self.column = numbers.count > 1 ? numbers[1] : nil
    }

    /// As given: `path:line[:column]`.
    var description: String { "\(path):\(line)" + (column.map { ":\($0)" } ?? "") }

    var absolutePath: String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    var directory: String {
        URL(fileURLWithPath: absolutePath).deletingLastPathComponent().path
    }

    func readText() throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path): no such file or not readable")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Column given → that character; otherwise the first non-blank character of the line.
    func sourcePosition(in text: String) -> SourcePosition {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        let index = min(line - 1, max(lines.count - 1, 0))
        let lineText = index < lines.count ? lines[index] : ""
        if let column {
            let characters = lineText.prefix(max(column - 1, 0))
            return SourcePosition(line: index, utf8Column: String(characters).utf8.count)
        }
        let blank = lineText.prefix { $0 == " " || $0 == "\t" }
        return SourcePosition(line: index, utf8Column: String(blank).utf8.count)
    }
}
