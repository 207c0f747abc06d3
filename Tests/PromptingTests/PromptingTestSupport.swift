import DocwrightCore
import Foundation
import Prompting
import Testing

/// Builds a task from a file in which `[[` and `]]` mark the insertion range (as `Intent` would
/// produce it); the range's positions are computed here with UTF-8 columns.
func makeTask(
    _ language: String, _ marked: String, shape: GenerationTask.Shape = .body, signature: String,
    doc: String, rawDoc: String? = nil, indentation: String, unit: String = "    ", closerPresent: Bool = true,
    imports: [String] = [], path: String? = nil
) -> GenerationTask {
    let parts = marked.components(separatedBy: "[[")
    let prefix = parts.first ?? ""
    let rest = parts.dropFirst().joined(separator: "[[").components(separatedBy: "]]")
    let replaced = rest.first ?? ""
    let suffix = rest.dropFirst().joined(separator: "]]")
    let start = position(after: prefix)
    let end = position(after: prefix + replaced)
    return GenerationTask(
        language: language, shape: shape, signature: signature, docText: doc, rawDoc: rawDoc ?? doc,
        prefix: prefix, suffix: suffix, imports: imports, insertion: SourceRange(start: start, end: end),
        indentation: indentation, indentUnit: unit, closerPresent: closerPresent, path: path)
}

/// Position at the end of `text` (line breaks `\n`, `\r\n`, `\r`; UTF-8 columns).
func position(after text: String) -> SourcePosition {
    var line = 0
    var column = 0
    var previous: Unicode.Scalar = " "
    for scalar in text.unicodeScalars {
        if scalar == "\n" {
            if previous != "\r" { line += 1 }
            column = 0
        } else if scalar == "\r" {
            line += 1
            column = 0
        } else {
            column += String(scalar).utf8.count
        }
        previous = scalar
    }
    return SourcePosition(line: line, utf8Column: column)
}

func sample(_ text: String, finish: FinishReason = .stop) -> Sample {
    Sample(text: text, tokens: nil, finishReason: finish)
}

/// The file after inserting `text` over the task's range.
func applied(_ text: String, to task: GenerationTask) -> String { task.prefix + text + task.suffix }

/// The kept bytes of the sample, as a string.
func keptText(_ processed: ProcessedSample) -> String {
    String(decoding: Array(processed.sample.text.utf8)[processed.keptUTF8Range], as: UTF8.self)
}

/// Lines with leading/trailing whitespace removed and blank lines dropped: what re-indentation preserves.
func contentLines(_ text: String) -> [String] {
    text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// Processes a sample, recording an issue when nothing usable comes back.
/// `checkKept` compares the kept bytes with the output line by line (off when the output adds a closer).
func processed(_ text: String, _ plan: PromptPlan, _ task: GenerationTask, checkKept: Bool = true,
               sourceLocation: SourceLocation = #_sourceLocation) -> ProcessedSample? {
    let result = Postprocessor.process(sample(text), plan: plan, task: task)
    if result == nil { Issue.record("no usable text from \(text.debugDescription)", sourceLocation: sourceLocation) }
    if let result, checkKept {
        // The kept bytes are the output's lines before re-indentation.
        #expect(contentLines(keptText(result)) == contentLines(result.text), sourceLocation: sourceLocation)
    }
    return result
}
