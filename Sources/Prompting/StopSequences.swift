import DocwrightCore

/// Stop sequences per language and shape, most useful first (a backend that limits their number,
/// like OpenAI's 4, keeps the first ones; `Postprocessor` re-applies all of them locally).
enum StopSequences {
    static func forTask(_ task: GenerationTask, traits: LanguageTraits) -> [String] {
        let closerIndent = task.indentation.hasSuffix(task.indentUnit) && !task.indentUnit.isEmpty
            ? String(task.indentation.dropLast(task.indentUnit.count)) : ""
        let wholeFunction = task.shape == .function && task.signature.isEmpty
        if task.shape == .nextLines {
            return ["\n\n"] + traits.declarationWords.map { "\n" + $0 }
        }
        if wholeFunction {
            return ["\n\n\n"] + traits.declarationWords.map { "\n\n" + task.indentation + $0 }
        }
        switch traits.family {
        case .python:
            // The Codex stops, plus the next method of the same class for indented defs.
            let method = closerIndent.isEmpty ? [] : ["\n" + closerIndent + "def ", "\n" + closerIndent + "@"]
            return method + ["\ndef", "\nclass", "\nif", "\nprint", "\n#"]
        case .braces:
            return ["\n" + closerIndent + "}"] + traits.declarationWords.map { "\n" + $0 }
        case .endKeyword:
            return ["\n" + closerIndent + "end"] + traits.declarationWords.map { "\n" + closerIndent + $0 }
        }
    }
}
