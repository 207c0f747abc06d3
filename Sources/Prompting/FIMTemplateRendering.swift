import DocwrightCore

extension FIMTemplate {
    /// The one text a plain completion endpoint continues: prefix and suffix in the family's
    /// sentinels, with the project context as the family takes it. Qwen and StarCoder2 get their
    /// repo-level layout (the context files, then the current file's path); Codestral its
    /// `+++++ path` blocks; DeepSeek-Coder and Code Llama the commented `contextPreamble` in front of
    /// the prefix. With no context every family gets its plain file-level form.
    ///
    /// - Parameters:
    ///   - contextFiles: the project context, one entry per file.
    ///   - contextPreamble: the same context as a comment block (what families without a file
    ///     layout read).
    ///   - path: the current file's path (`untitled` when unknown).
    public func render(prefix: String, suffix: String, contextFiles: [PromptFile] = [], contextPreamble: String = "",
                       path: String? = nil, repositoryName: String = FIMTemplate.defaultRepositoryName) -> String {
        let current = path.flatMap { $0.isEmpty ? nil : $0 } ?? "untitled"
        let withBreak = { (text: String) in text.hasSuffix("\n") ? text : text + "\n" }
        switch self {
        case .qwen:
            let body = "<|fim_prefix|>" + prefix + "<|fim_suffix|>" + suffix + "<|fim_middle|>"
            guard !contextFiles.isEmpty else { return body }
            // <|repo_name|>{repo_name}\n<|file_sep|>{file_path1}\n{file_content1}\n…<|file_sep|>{file_path3}\n<|fim_prefix|>…
            var out = "<|repo_name|>" + repositoryName + "\n"
            for file in contextFiles { out += "<|file_sep|>" + file.filename + "\n" + withBreak(file.text) }
            return out + "<|file_sep|>" + current + "\n" + body
        case .starcoder:
            guard !contextFiles.isEmpty else { return "<fim_prefix>" + prefix + "<fim_suffix>" + suffix + "<fim_middle>" }
            // <repo_name>reponame<file_sep>filepath0\ncode0<file_sep><fim_prefix>filepath1\ncode1_pre<fim_suffix>code1_suf<fim_middle>
            var out = "<repo_name>" + repositoryName
            for file in contextFiles { out += "<file_sep>" + file.filename + "\n" + withBreak(file.text) }
            return out + "<file_sep><fim_prefix>" + current + "\n" + prefix + "<fim_suffix>" + suffix + "<fim_middle>"
        case .deepseek:
            return "<｜fim▁begin｜>" + contextPreamble + prefix + "<｜fim▁hole｜>" + suffix + "<｜fim▁end｜>"
        case .codellama:
            return "<PRE> " + contextPreamble + prefix + " <SUF>" + suffix + " <MID>"
        case .codestral:
            guard !contextFiles.isEmpty else { return "[SUFFIX]" + suffix + "[PREFIX]" + prefix }
            // +++++ path\ncontent blocks joined by a blank line, then +++++ current path and the prefix.
            let others = contextFiles.map { "+++++ " + $0.filename + "\n" + $0.text.trimmingTrailingNewlines() }
                .joined(separator: "\n\n")
            return "[SUFFIX]" + suffix + "[PREFIX]" + others + "\n\n+++++ " + current + "\n" + prefix
        }
    }
}
