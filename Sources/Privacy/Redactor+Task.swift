import DocwrightCore

extension Redactor {
    /// The task with every field that can reach a prompt redacted (prefix, suffix, signature,
    /// docstring as text and as written, imports, the project context's text), and how many secrets
    /// were replaced.
    /// Fields only used locally (insertion range, indentation, path) are kept.
    public func redact(_ task: GenerationTask) -> (task: GenerationTask, count: Int) {
        var redacted = task
        var count = 0
        func clean(_ text: String) -> String {
            let result = redact(text)
            count += result.count
            return result.text
        }
        redacted.prefix = clean(task.prefix)
        redacted.suffix = clean(task.suffix)
        redacted.signature = clean(task.signature)
        redacted.docText = clean(task.docText)
        redacted.rawDoc = clean(task.rawDoc)
        redacted.imports = task.imports.map(clean)
        redacted.context = task.context.map { snippet in
            var snippet = snippet
            snippet.text = clean(snippet.text)
            return snippet
        }
        return (redacted, count)
    }
}
