import DocwrightCore

/// Chat messages for a task: a system instruction, a worked example for body requests, and a user
/// message with the project's definitions from other files (when there are any), the surrounding
/// code (a marker where the code goes), the signature and the doc.
enum ChatPrompt {
    static let marker = "<<< write here"

    /// - Parameter definitions: the labelled section of other files' definitions, or "".
    static func messages(for task: GenerationTask, traits: LanguageTraits, budget: Int,
                         definitions: String = "") -> [ChatMessage] {
        let wholeFunction = task.shape == .function && task.signature.isEmpty
        let what: String
        switch task.shape {
        case .nextLines: what = "the lines that come right after the comment"
        case .function where wholeFunction: what = "the complete function (signature and body)"
        default: what = "the body of the function, without its signature and documentation"
        }
        let indentName = task.indentUnit == "\t" ? "tabs" : "\(task.indentUnit.count) spaces per level"
        let system = "You complete \(traits.displayName) code. Reply with only \(what), as \(traits.displayName) code "
            + "in a single ```\(traits.fenceTag) block, with no explanation before or after it. "
            + "Indent with \(indentName)."

        var messages = [ChatMessage(role: .system, content: system)]
        if task.shape == .body || (task.shape == .function && !wholeFunction) {
            let example = FewShotExample.forLanguage(traits.id)
            messages.append(ChatMessage(role: .user, content: request(signature: example.signature, doc: example.doc,
                                                                     context: nil, traits: traits)))
            messages.append(ChatMessage(role: .assistant, content: "```\(traits.fenceTag)\n\(example.body)\n```"))
        }
        let context = definitions + surroundingCode(task, traits: traits, budget: budget)
        let content: String
        switch task.shape {
        case .nextLines:
            content = context + "\nWrite the \(traits.displayName) code that goes where the marker is, right after the comment:\n\n"
                + quoted(task.docText) + "\n\nDo what the comment says, at the comment's indentation. "
                + "Reply with only those lines in one ```\(traits.fenceTag) block."
        case .function where wholeFunction:
            content = context + "\nWrite the complete \(traits.displayName) function that goes where the marker is, "
                + "described by this comment:\n\n" + quoted(task.docText)
                + "\n\nReply with only the function in one ```\(traits.fenceTag) block."
        default:
            content = request(signature: task.signature, doc: task.docText, context: context, traits: traits)
        }
        messages.append(ChatMessage(role: .user, content: content))
        return messages
    }

    private static func request(signature: String, doc: String, context: String?, traits: LanguageTraits) -> String {
        var text = context.map { $0 + "\n" } ?? ""
        text += "Write the body of this \(traits.displayName) function:\n\n```\(traits.fenceTag)\n\(signature)\n```\n\n"
        if !doc.isEmpty { text += "It must do what its documentation says:\n\n" + quoted(doc) + "\n\n" }
        text += "Reply with only the body's lines (not the signature, not the documentation) "
            + "in one ```\(traits.fenceTag) block."
        return text
    }

    /// The code around the insertion point (budgeted), with a marker comment where the code goes.
    private static func surroundingCode(_ task: GenerationTask, traits: LanguageTraits, budget: Int) -> String {
        let anchor = ContextBudget.anchor(in: task.prefix, signature: task.signature, rawDoc: task.rawDoc)
        var before = ContextBudget.trimPrefix(task.prefix, budget: budget * 2 / 3, imports: task.imports, keepFrom: anchor)
        let after = ContextBudget.trimSuffix(task.suffix, budget: budget / 3)
        if let last = before.last, last != "\n", last != "\r\n" { before += "\n" }
        let markerLine = task.indentation + traits.lineComment + " " + marker + "\n"
        let file = task.path.map { " (\($0))" } ?? ""
        return "Here is the code\(file); the marker line `\(traits.lineComment) \(marker)` shows where the new code goes:\n\n"
            + "```\(traits.fenceTag)\n" + before + markerLine + after.trimmingTrailingNewlines() + "\n```\n"
    }

    private static func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? ">" : "> " + $0 }
            .joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while let last = result.last, last == "\n" || last == "\r\n" || last == "\r" { result.removeLast() }
        return result
    }
}
