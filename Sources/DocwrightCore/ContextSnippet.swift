/// A piece of the project the prompt carries besides the file being edited: a definition from
/// another file (rendered as a stub: signature, doc, fields, method signatures), a same-file
/// definition outside the prompt's window, or a recently edited region. `ProjectContext`
/// selects them; `Prompting` renders them; `docwright prompt` lists them with their reasons.
public struct ContextSnippet: Sendable, Hashable, Codable {
    /// Why a snippet was chosen, strongest first (the order selection ranks by).
    public enum Reason: String, Sendable, Hashable, Codable, Comparable {
        /// A name the signature, doc or surrounding code uses is defined here.
        case referenced
        /// The file imports this definition by name (`from m import A`, `import {A} from './m'`).
        case imported
        /// A type that a chosen definition mentions (one hop further).
        case mentioned
        /// A definition of the same file outside the prompt's window.
        case sameFile
        /// A region the user edited recently (a small ring, as llama.vim keeps).
        case recentEdit
        /// Part of another open buffer.
        case openBuffer

        private var rank: Int {
            switch self {
            case .referenced: 0
            case .imported: 1
            case .mentioned: 2
            case .sameFile: 3
            case .recentEdit: 4
            case .openBuffer: 5
            }
        }

        public static func < (a: Reason, b: Reason) -> Bool { a.rank < b.rank }
    }

    /// Workspace-relative path with `/` separators (what prompts show and `input_extra` names).
    public var path: String
    /// The LSP language id of that file.
    public var language: String
    /// The text sent: a stub or a chunk of lines, without comment markers.
    public var text: String
    /// The definitions it holds (empty for a chunk of lines).
    public var symbols: [String]
    public var reason: Reason
    /// For people (`docwright prompt`): why, in words ("`Invoice` in the signature").
    public var detail: String
    /// 0-based first line of the snippet in its file.
    public var line: Int

    public init(path: String, language: String, text: String, symbols: [String], reason: Reason, detail: String, line: Int) {
        self.path = path
        self.language = language
        self.text = text
        self.symbols = symbols
        self.reason = reason
        self.detail = detail
        self.line = line
    }
}

/// One file's worth of context as a FIM endpoint takes it (llama.cpp `/infill`'s
/// `input_extra: [{filename, text}]`, the repo-level templates of Qwen2.5-Coder and StarCoder2).
public struct PromptFile: Sendable, Hashable, Codable {
    public var filename: String
    public var text: String

    public init(filename: String, text: String) {
        self.filename = filename
        self.text = text
    }
}
