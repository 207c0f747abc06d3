import DocwrightCore

/// Builds the prompt for a task and an API style.
///
/// - `.completions`: HumanEval style — the file before the insertion point (trimmed from the top to
///   the budget, imports kept), ending exactly where the body starts (after the docstring line's line
///   break; after `{` plus a line break; for a C/C++ prototype, after ` {` plus a line break). The model
///   writes the body's indentation itself. Stops per language (Python: the Codex stops `\ndef`,
///   `\nclass`, `\nif`, `\nprint`, `\n#`; brace languages: the function's closing brace line).
/// - `.chat`: a system instruction, a worked example (for bodies), and the surrounding code with a
///   marker line, the signature and the doc; `extractCode` is true.
/// - `.fim`: prefix and suffix around the insertion, both budgeted (prefix ¾, suffix ¼).
public struct PromptBuilder: Sendable {
    /// Characters of surrounding code allowed in a prompt (the signature and doc are always kept).
    public let contextBudget: Int

    public init(contextBudget: Int = 6000) {
        self.contextBudget = max(contextBudget, 0)
    }

    public func plan(for task: GenerationTask, api: APIStyle) -> PromptPlan {
        let traits = LanguageTraits.of(task.language)
        let stops = StopSequences.forTask(task, traits: traits)
        switch api {
        case .completions:
            return PromptPlan(prompt: .completion(completionPrefix(task, traits: traits, budget: contextBudget)),
                              stops: stops, extractCode: false)
        case .fim:
            let prefix = completionPrefix(task, traits: traits, budget: contextBudget * 3 / 4)
            let suffix = ContextBudget.trimSuffix(task.suffix, budget: contextBudget / 4)
            return PromptPlan(prompt: .fillInMiddle(prefix: prefix, suffix: suffix), stops: stops, extractCode: false)
        case .chat:
            return PromptPlan(prompt: .chat(ChatPrompt.messages(for: task, traits: traits, budget: contextBudget)),
                              stops: [], extractCode: true)
        }
    }

    /// The budgeted prefix, opened so the model starts on the body's first line.
    private func completionPrefix(_ task: GenerationTask, traits: LanguageTraits, budget: Int) -> String {
        let anchor = ContextBudget.anchor(in: task.prefix, signature: task.signature, rawDoc: task.rawDoc)
        var prefix = ContextBudget.trimPrefix(task.prefix, budget: budget, imports: task.imports, keepFrom: anchor)
        if let last = prefix.unicodeScalars.last, last != "\n", last != "\r" {
            let wholeFunction = task.shape == .function && task.signature.isEmpty
            let prototype = traits.family == .braces && task.shape == .function && !task.closerPresent && !wholeFunction
            prefix += (prototype ? " {" : "") + InsertionFormatter.detectLineBreak(task)
        }
        return prefix
    }
}
