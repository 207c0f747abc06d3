import DocwrightCore
import Intent
import Syntax
import Testing

/// The cursor in test sources; removed before the text reaches `IntentFinder`.
let cursorMark = "¦"

/// One row of an intent table. `source` holds the cursor mark. For tasks, `marked` is the
/// source (cursor mark removed) with `[[` and `]]` written at the insertion range's start and end,
/// which shows the range exactly, byte for byte.
struct IntentCase: Sendable, CustomTestStringConvertible {
    enum Expected: Sendable {
        case task(shape: GenerationTask.Shape, marked: String, indentation: String, signature: String,
                  docText: String, closerPresent: Bool)
        case nothing(containing: String)
    }

    let name: String
    let language: String
    let source: String
    let expected: Expected

    var testDescription: String { "\(language): \(name)" }

    static func task(
        _ name: String, _ language: String, _ source: String, shape: GenerationTask.Shape = .body,
        marked: String, indentation: String, signature: String, doc: String, closerPresent: Bool = true
    ) -> IntentCase {
        IntentCase(name: name, language: language, source: source,
                   expected: .task(shape: shape, marked: marked, indentation: indentation, signature: signature,
                                   docText: doc, closerPresent: closerPresent))
    }

    static func nothing(_ name: String, _ language: String, _ source: String, reason: String) -> IntentCase {
        IntentCase(name: name, language: language, source: source, expected: .nothing(containing: reason))
    }
}

/// Splits a test source into text and cursor position (UTF-8 column), independently of `Intent`.
func locateCursor(_ source: String) -> (text: String, position: SourcePosition) {
    var line = 0
    var column = 0
    var text = ""
    var found = SourcePosition(line: 0, utf8Column: 0)
    var previousWasCR = false
    for scalar in source.unicodeScalars {
        if String(scalar) == cursorMark {
            found = SourcePosition(line: line, utf8Column: column)
            continue
        }
        text.unicodeScalars.append(scalar)
        if scalar == "\n" {
            if !previousWasCR { line += 1 }
            column = 0
        } else if scalar == "\r" {
            line += 1
            column = 0
        } else {
            column += String(scalar).utf8.count
        }
        previousWasCR = scalar == "\r"
    }
    return (text, found)
}

/// Writes `[[` and `]]` at a range's ends (line breaks: `\n`, `\r\n`, `\r`).
func mark(_ range: SourceRange, in text: String) -> String {
    let bytes = Array(text.utf8)
    var lineStarts = [0]
    var index = 0
    while index < bytes.count {
        if bytes[index] == 0x0A || bytes[index] == 0x0D {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            lineStarts.append(index + 1)
        }
        index += 1
    }
    func offset(_ position: SourcePosition) -> Int {
        min(lineStarts[min(position.line, lineStarts.count - 1)] + position.utf8Column, bytes.count)
    }
    let start = offset(range.start)
    let end = offset(range.end)
    return String(decoding: bytes[..<start], as: UTF8.self) + "[[" + String(decoding: bytes[start..<end], as: UTF8.self)
        + "]]" + String(decoding: bytes[end...], as: UTF8.self)
}

func check(_ row: IntentCase, sourceLocation: SourceLocation = #_sourceLocation) {
    let (text, position) = locateCursor(row.source)
    let result = IntentFinder.find(in: text, language: row.language, position: position, path: "t",
                                   tree: { try? SyntaxParser().parse(text: text, language: row.language) })
    switch (row.expected, result) {
    case let (.task(shape, marked, indentation, signature, docText, closerPresent), .task(task)):
        #expect(task.shape == shape, sourceLocation: sourceLocation)
        #expect(mark(task.insertion, in: text) == marked, sourceLocation: sourceLocation)
        #expect(task.indentation == indentation, sourceLocation: sourceLocation)
        #expect(task.signature == signature, sourceLocation: sourceLocation)
        #expect(task.docText == docText, sourceLocation: sourceLocation)
        #expect(task.closerPresent == closerPresent, sourceLocation: sourceLocation)
        #expect(task.language == row.language, sourceLocation: sourceLocation)
        #expect(task.prefix + String(decoding: Array(text.utf8)[byteRange(task, text)], as: UTF8.self) + task.suffix == text,
                sourceLocation: sourceLocation)
    case let (.nothing(expectedReason), .nothing(reason)):
        #expect(reason.contains(expectedReason), "reason: \(reason)", sourceLocation: sourceLocation)
    case let (.task, .nothing(reason)):
        Issue.record("expected a task, got nothing: \(reason)", sourceLocation: sourceLocation)
    case let (.nothing(expectedReason), .task(task)):
        Issue.record("expected nothing (\(expectedReason)), got \(task.shape) at \(task.insertion): \(mark(task.insertion, in: text))",
                     sourceLocation: sourceLocation)
    }
}

/// The insertion range as bytes of `text` (prefix.utf8.count ..< text count - suffix count).
func byteRange(_ task: GenerationTask, _ text: String) -> Range<Int> {
    let total = text.utf8.count
    return task.prefix.utf8.count..<max(total - task.suffix.utf8.count, task.prefix.utf8.count)
}

/// Unwraps a task or records why there is none.
func requireTask(_ text: String, _ language: String, _ position: SourcePosition,
                 sourceLocation: SourceLocation = #_sourceLocation) -> GenerationTask? {
    switch IntentFinder.find(in: text, language: language, position: position) {
    case .task(let task): return task
    case .nothing(let reason):
        Issue.record("expected a task: \(reason)", sourceLocation: sourceLocation)
        return nil
    }
}
