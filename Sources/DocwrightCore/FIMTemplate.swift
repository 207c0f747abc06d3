/// A model family's own fill-in-the-middle format, for sending a FIM request to a plain completion
/// endpoint (`/completions`, Ollama's raw `/api/generate`) as one text with the family's sentinel
/// tokens. Servers with native FIM (llama.cpp `/infill`, Ollama's `suffix`) apply the model's
/// template themselves and get a template only when one is configured (`fim_template`).
///
/// `Prompting` renders it (`FIMTemplate.render`); `Config` resolves it per model (explicit
/// `fim_template`, else `detect(modelID:)` when the provider has no native FIM).
///
/// Tokens and stops, per family (checked against the sources named):
/// - `qwen`: Qwen2.5-Coder's `<|fim_prefix|>`, `<|fim_suffix|>`, `<|fim_middle|>`, with the
///   repo-level `<|repo_name|>` / `<|file_sep|>` layout of the Qwen2.5-Coder technical report
///   (arXiv 2409.12186, "Repo-Level FIM format") and README; stops as Continue's
///   `core/autocomplete/templating/AutocompleteTemplate.ts` (`qwenCoderFimTemplate`).
///   Qwen3-Coder keeps the same special tokens.
/// - `deepseek`: DeepSeek-Coder's `<｜fim▁begin｜>`, `<｜fim▁hole｜>`, `<｜fim▁end｜>` (full-width
///   bars U+FF5C and U+2581 "▁"; huggingface.co/deepseek-ai/deepseek-coder-1.3b-base, Continue's
///   `deepseekFimTemplate`); stops the three sentinels and `<｜end▁of▁sentence｜>`.
/// - `starcoder`: StarCoder2's `<fim_prefix>`, `<fim_suffix>`, `<fim_middle>`, with
///   `<repo_name>` / `<file_sep>` as in the StarCoder2 paper (arXiv 2402.19173, §5.1:
///   `<repo_name>reponame<file_sep>filepath0\ncode0<file_sep><fim_prefix>filepath1\ncode1_pre<fim_suffix>…`);
///   stops as Continue's `starcoder2FimTemplate`.
/// - `codellama`: Code Llama's `<PRE> {prefix} <SUF>{suffix} <MID>` (Continue's
///   `codeLlamaFimTemplate`), stops `<PRE>`, `<SUF>`, `<MID>`, `<EOT>`.
/// - `codestral`: Codestral's suffix-first `[SUFFIX]{suffix}[PREFIX]{prefix}`, other files as
///   `+++++ path` blocks before the prefix (Continue's `codestralMultifileFimTemplate`); stops
///   `[PREFIX]`, `[SUFFIX]`.
public enum FIMTemplate: String, Sendable, Hashable, Codable, CaseIterable {
    case qwen, deepseek, starcoder, codellama, codestral

    /// The configuration value that turns templates off for a model (`fim_template = "none"`).
    public static let noneName = "none"

    /// Every accepted configuration value: the families and `none`.
    public static var configurationNames: [String] { allCases.map(\.rawValue) + [noneName] }

    /// The repository name the repo-level layouts (Qwen, StarCoder2) carry: the one llama.cpp's
    /// `/infill` uses (`format_infill`: `[FIM_REP]myproject`), so both routes send the same text.
    public static let defaultRepositoryName = "myproject"

    /// The family of a model id, from case-insensitive substrings (`Qwen/Qwen2.5-Coder-7B`,
    /// `qwen2.5-coder:1.5b-base`, `deepseek-coder-v2-lite-base`, `bigcode/starcoder2-3b`,
    /// `codellama:7b-code`, `codestral-latest`); nil when none matches.
    public static func detect(modelID: String) -> FIMTemplate? {
        let id = String(modelID.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
        let table: [(FIMTemplate, [String])] = [
            (.qwen, ["qwen2.5-coder", "qwen-2.5-coder", "qwen2.5coder", "qwen3-coder", "qwen-3-coder"]),
            (.deepseek, ["deepseek-coder"]),
            (.starcoder, ["starcoder2", "starcoder-2"]),
            (.codellama, ["codellama", "code-llama"]),
            (.codestral, ["codestral"]),
        ]
        for (template, needles) in table where needles.contains(where: id.contains) { return template }
        return nil
    }

    /// Sentinels and end-of-text markers the model may write after the middle: sent as stops and
    /// applied again locally.
    public var stops: [String] {
        switch self {
        case .qwen:
            return ["<|endoftext|>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>", "<|fim_pad|>",
                    "<|repo_name|>", "<|file_sep|>", "<|im_start|>", "<|im_end|>"]
        case .deepseek:
            return ["<｜fim▁begin｜>", "<｜fim▁hole｜>", "<｜fim▁end｜>", "<｜end▁of▁sentence｜>"]
        case .starcoder:
            return ["<fim_prefix>", "<fim_suffix>", "<fim_middle>", "<file_sep>", "<|endoftext|>"]
        case .codellama:
            return ["<PRE>", "<SUF>", "<MID>", "<EOT>"]
        case .codestral:
            return ["[PREFIX]", "[SUFFIX]"]
        }
    }
}
