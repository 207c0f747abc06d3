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
/// - `.fim`: prefix and suffix around the insertion, both budgeted (prefix ¾, suffix ¼). With a
///   `fimTemplate` (the model family's sentinels, for a plain completion endpoint) the plan is a
///   `.completion` of the rendered template, with the template's stops after the language's.
///
/// The project context (`task.context`, ranked) has its own budget, `projectContextBudget`
/// characters: whole snippets are kept from the best ranked while they fit, never cut. Completion
/// prompts start with it as a comment block in the file's language (`# Context from PATH:` and
/// the snippets' lines commented), before the file's own text; chat prompts get a labelled section
/// of fenced files before the code; FIM plans carry it apart from the prefix (`contextFiles`,
/// `contextPreamble`), since endpoints take it differently.
public struct PromptBuilder: Sendable {
    /// Characters of surrounding code allowed in a prompt (the signature and doc are always kept).
    public let contextBudget: Int
    /// Characters of project context (other files' definitions) allowed in a prompt, rendered. The
    /// selector has already applied its token budget: this is a guard.
    public let projectContextBudget: Int

    public init(contextBudget: Int = 6000, projectContextBudget: Int = 8000) {
        self.contextBudget = max(contextBudget, 0)
        self.projectContextBudget = max(projectContextBudget, 0)
    }

    /// - Parameter fimTemplate: for `.fim`, the family template to render into a completion
    ///   prompt (the endpoint's `fimTemplate`); nil sends a `.fillInMiddle` prompt.
    public func plan(for task: GenerationTask, api: APIStyle, fimTemplate: FIMTemplate? = nil) -> PromptPlan {
        let traits = LanguageTraits.of(task.language)
        let stops = StopSequences.forTask(task, traits: traits)
        let context = ProjectContextRendering.kept(task.context, budget: projectContextBudget, traits: traits)
        let files = ProjectContextRendering.files(context)
        let preamble = ProjectContextRendering.commentBlock(files, traits: traits)
        switch api {
        case .completions:
            return PromptPlan(prompt: .completion(preamble + completionPrefix(task, traits: traits, budget: contextBudget)),
                              stops: stops, extractCode: false)
        case .fim:
            let prefix = completionPrefix(task, traits: traits, budget: contextBudget * 3 / 4)
            let suffix = ContextBudget.trimSuffix(task.suffix, budget: contextBudget / 4)
            if let fimTemplate {
                let text = fimTemplate.render(prefix: prefix, suffix: suffix, contextFiles: files, contextPreamble: preamble,
                                              path: task.path)
                var seen = Set<String>()
                let all = (stops + fimTemplate.stops).filter { seen.insert($0).inserted }
                return PromptPlan(prompt: .completion(text), stops: all, extractCode: false)
            }
            return PromptPlan(prompt: .fillInMiddle(prefix: prefix, suffix: suffix), stops: stops, extractCode: false,
                              contextFiles: files, contextPreamble: preamble)
        case .chat:
            let messages = ChatPrompt.messages(for: task, traits: traits, budget: contextBudget,
                                               definitions: ProjectContextRendering.chatSection(context))
            return PromptPlan(prompt: .chat(messages), stops: [], extractCode: true)
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
