import DocwrightCore

/// The project context of a task (`GenerationTask.context`, ranked by the selector) as each prompt
/// shape carries it: within a character budget (whole snippets, the lowest ranked dropped first),
/// grouped into one file per path in the order given, and rendered as a comment block in the
/// current file's language (completion prompts, FIM preambles), as fenced files (chat), or as
/// files (llama.cpp `input_extra`, repo-level FIM templates).
enum ProjectContextRendering {
    /// The snippets kept: the longest run from the first (best ranked) whose comment block fits
    /// `budget` characters. A snippet is never cut; once one does not fit, it and every lower
    /// ranked one are dropped.
    static func kept(_ snippets: [ContextSnippet], budget: Int, traits: LanguageTraits) -> [ContextSnippet] {
        var kept: [ContextSnippet] = []
        for snippet in snippets {
            let candidate = kept + [snippet]
            guard commentBlock(files(candidate), traits: traits).count <= budget else { break }
            kept = candidate
        }
        return kept
    }

    /// One file per path, in the order paths first appear; a file's text is its snippets (trailing
    /// line breaks trimmed) separated by a blank line, ending with a line break.
    static func files(_ snippets: [ContextSnippet]) -> [PromptFile] {
        var order: [String] = []
        var texts: [String: [String]] = [:]
        for snippet in snippets {
            let text = snippet.text.trimmingTrailingNewlines()
            guard !text.isEmpty else { continue }
            if texts[snippet.path] == nil { order.append(snippet.path) }
            texts[snippet.path, default: []].append(text)
        }
        return order.map { PromptFile(filename: $0, text: (texts[$0] ?? []).joined(separator: "\n\n") + "\n") }
    }

    /// The files as comments of the current file's language, each under a
    /// `Context from PATH:` header, followed by a blank line (empty when there are no files):
    ///
    ///     # Context from billing/models.py:
    ///     # class Invoice:
    ///     #     lines: list[Line]
    ///
    /// A language with only block comments gets one block per file.
    static func commentBlock(_ files: [PromptFile], traits: LanguageTraits) -> String {
        guard !files.isEmpty else { return "" }
        var out = ""
        for file in files {
            let lines = file.text.trimmingTrailingNewlines()
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            if !traits.hasLineComment, let block = traits.blockComment {
                // The closing delimiter must not appear inside: it would end the comment early.
                let safe = { (line: String) in line.replacing(block.close, with: String(block.close.prefix(1)) + " " + block.close.dropFirst()) }
                out += block.open + " Context from \(safe(file.filename)):\n"
                out += lines.map { safe($0) + "\n" }.joined()
                out += block.close + "\n"
            } else {
                let marker = traits.lineComment
                out += marker + " Context from \(file.filename):\n"
                out += lines.map { $0.isEmpty ? marker + "\n" : marker + " " + $0 + "\n" }.joined()
            }
        }
        return out + "\n"
    }

    /// The chat section: a label, then per file its path as a heading and its text in a fence of
    /// the file's language (empty when there are no snippets).
    static func chatSection(_ snippets: [ContextSnippet]) -> String {
        let files = files(snippets)
        guard !files.isEmpty else { return "" }
        var language: [String: String] = [:]
        for snippet in snippets where language[snippet.path] == nil { language[snippet.path] = snippet.language }
        var out = "Definitions from other files of this project (use them; do not redefine them):\n\n"
        for file in files {
            let tag = LanguageTraits.of(language[file.filename] ?? "").fenceTag
            let fence = file.text.contains("```") ? "````" : "```"
            out += "### \(file.filename)\n\n\(fence)\(tag)\n\(file.text)\(fence)\n\n"
        }
        return out
    }
}
