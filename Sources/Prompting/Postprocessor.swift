import DocwrightCore
import Syntax

/// Turns a raw sample into the text to insert over `task.insertion`.
///
/// Steps, each narrowing a byte window over `sample.text`:
/// 1. cut at the first stop sequence of `plan.stops` (re-applied locally: not every backend honours them);
///    a sample cut by the token limit (`finishReason == .length`) loses its unfinished last line;
/// 2. for chat (`plan.extractCode`): keep the code of the first fenced block, or drop prose lines;
/// 3. drop a repeated signature (keeping its body) and a repeated docstring/doc comment;
/// 4. cut where the function ends (Python: first line indented less than the body; brace languages:
///    the `}` that closes the body; Ruby/Lua: the closing `end`); whole-function requests keep the closer;
///    next lines in front of existing code (fill-in-the-middle) stop where the sample rewrites that
///    code's first line (the suffix is context, not replaced);
/// 5. drop surrounding blank lines and trailing whitespace.
/// The window left is `keptUTF8Range`: Ranking averages exactly those tokens' log-probabilities.
/// A sample cut by the token limit whose code ended before the cut (a stop sequence the server
/// did not honour, the end of the body, a closing fence, followed by more text) is complete: it
/// keeps its unfinished last line's predecessors as any sample does, and its `sample.finishReason`
/// becomes `.stop`, so it is neither continued nor labelled incomplete.
/// The kept lines are then re-indented to `task.indentation`/`task.indentUnit`, and wrapped by the
/// insertion convention documented on `InsertionFormatter` (leading/trailing line breaks, the
/// closer when missing, the file's line-break style). Inserting `text` over `task.insertion` gives a
/// well-formed file.
public enum Postprocessor {
    /// nil when nothing usable remains (empty, only comments, or only a placeholder such as `pass`).
    public static func process(_ sample: Sample, plan: PromptPlan, task: GenerationTask) -> ProcessedSample? {
        let traits = LanguageTraits.of(task.language)
        let bytes = Array(sample.text.utf8)
        var sample = sample
        let stopped = trimAtStops(bytes, 0..<bytes.count, stops: plan.stops)
        let kept: Code
        if sample.finishReason == .length {
            if stopped.upperBound < bytes.count {
                sample.finishReason = .stop  // a stop sequence ended it before the limit
                kept = code(bytes, stopped, plan: plan, task: task, traits: traits)
            } else {
                // Where the code ends with the unfinished line in: before that line, with more text
                // after it, the code was complete before the cut.
                let whole = code(bytes, stopped, plan: plan, task: task, traits: traits)
                let unfinished = dropPartialLastLine(bytes, stopped)
                let lastLineStart = unfinished == stopped ? stopped.lowerBound : unfinished.upperBound + 1
                if whole.window.upperBound <= lastLineStart,
                   !ByteLines.isBlank(bytes, whole.window.upperBound..<stopped.upperBound) {
                    sample.finishReason = .stop
                    kept = whole
                } else {
                    kept = code(bytes, unfinished, plan: plan, task: task, traits: traits)
                }
            }
        } else {
            kept = code(bytes, stopped, plan: plan, task: task, traits: traits)
        }
        let window = ByteLines.trimTrailingWhitespace(bytes, kept.window)
        guard !window.isEmpty else { return nil }

        let lines = Reindenter.reindent(bytes, window, mask: kept.mask, indentation: task.indentation, unit: task.indentUnit)
        guard Placeholders.isUsable(lines, traits: traits) else { return nil }
        let text = InsertionFormatter.format(lines, task: task, traits: traits)
        return ProcessedSample(sample: sample, text: text, keptUTF8Range: window)
    }

    /// The code kept from a sample, and its comments and strings as the grammar lexes them there.
    private struct Code {
        var window: Range<Int>
        var mask: CodeMask
    }

    /// Steps 2–4: the code of `window` (extracted from a chat reply, without a repeated
    /// declaration, up to where the function or the requested lines end). Comments and strings
    /// are told from code by a parse of the extracted code after the task's prefix.
    private static func code(_ bytes: [UInt8], _ window: Range<Int>, plan: PromptPlan, task: GenerationTask,
                             traits: LanguageTraits) -> Code {
        var window = window
        if plan.extractCode { window = CodeExtraction.codeRegion(bytes, window, traits: traits) }
        let mask = CodeMask(window, map: LexicalMap(inserted: bytes, range: window, task: task))

        let wholeFunction = task.shape == .function && task.signature.isEmpty
        if !wholeFunction, task.shape != .nextLines {
            window = RepeatedDeclaration.skip(bytes, window, task: task, traits: traits, mask: mask,
                                              searchLines: plan.extractCode ? RepeatedDeclarationSearch.chat : RepeatedDeclarationSearch.continuation)
        } else {
            window = RepeatedDeclaration.skipRepeatedDoc(bytes, window, task: task, traits: traits)
        }
        window = ByteLines.skipLeadingBlankLines(bytes, window)
        window = BodyCutter.cut(bytes, window, mode: cutMode(task: task, traits: traits, wholeFunction: wholeFunction),
                                traits: traits, mask: mask)
        if task.shape == .nextLines { window = cutAtSuffixEcho(bytes, window, suffix: task.suffix) }
        return Code(window: window, mask: mask)
    }

    private enum RepeatedDeclarationSearch {
        static let chat = 12
        static let continuation = 1
    }

    private static func cutMode(task: GenerationTask, traits: LanguageTraits, wholeFunction: Bool) -> BodyCutter.Mode {
        // Next lines stop at the closer of the block they sit in (an unmatched `}`/`end`) or a dedent.
        switch traits.family {
        case .python: return wholeFunction ? .pythonFunction : .indented
        case .braces: return wholeFunction && task.shape != .nextLines ? .braceFunction : .braceBody
        case .endKeyword: return wholeFunction && task.shape != .nextLines ? .endFunction : .endBody
        }
    }

    /// The window cut before its first line equal (spaces aside) to the first non-blank line of
    /// `suffix`: a model that does not see the code after the insertion writes it again.
    static func cutAtSuffixEcho(_ bytes: [UInt8], _ window: Range<Int>, suffix: String) -> Range<Int> {
        guard let first = suffix.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .lazy.map({ String($0).trimmedSpaces() }).first(where: { !$0.isEmpty }) else { return window }
        for line in ByteLines.lines(bytes, window) where ByteLines.string(bytes, line).trimmedSpaces() == first {
            return window.lowerBound..<line.lowerBound
        }
        return window
    }

    /// A sample cut by the token limit ends mid-line: that line is dropped (when another remains).
    static func dropPartialLastLine(_ bytes: [UInt8], _ window: Range<Int>) -> Range<Int> {
        let trimmed = ByteLines.trimTrailingWhitespace(bytes, window)
        guard let lastBreak = bytes[trimmed].lastIndex(of: 0x0A) else { return window }
        guard !ByteLines.isBlank(bytes, window.lowerBound..<lastBreak) else { return window }
        return window.lowerBound..<lastBreak
    }

    /// The window cut at the earliest stop sequence.
    static func trimAtStops(_ bytes: [UInt8], _ window: Range<Int>, stops: [String]) -> Range<Int> {
        var end = window.upperBound
        for stop in stops where !stop.isEmpty {
            if let index = ByteLines.find(Array(stop.utf8), in: bytes, window.lowerBound..<end) { end = index }
        }
        return window.lowerBound..<end
    }
}
