/// A prompt ready for a backend: what `Prompting` produces and `Gateway` sends.
public enum Prompt: Sendable, Hashable, Codable {
    /// Plain text continued by a completions endpoint (HumanEval style).
    case completion(String)
    /// Chat messages for a chat endpoint.
    case chat([ChatMessage])
    /// Fill-in-the-middle: the model writes what goes between prefix and suffix.
    case fillInMiddle(prefix: String, suffix: String)

    /// Every byte of prompt text, for cache keys and size checks.
    public var allText: String {
        switch self {
        case .completion(let text): return text
        case .chat(let messages): return messages.map { "\($0.role.rawValue):\($0.content)" }.joined(separator: "\u{1}")
        case .fillInMiddle(let prefix, let suffix): return prefix + "\u{1}" + suffix
        }
    }
}

public struct ChatMessage: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable { case system, user, assistant }
    public var role: Role
    public var content: String
    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// A prompt plus how the reply must be post-processed (stops, code extraction).
public struct PromptPlan: Sendable, Hashable, Codable {
    public var prompt: Prompt
    /// Stop sequences sent to the model and applied again locally.
    public var stops: [String]
    /// Chat replies carry prose and fences: extract the code before ranking.
    public var extractCode: Bool
    /// For `.fillInMiddle` only: the project context as files, for endpoints that take them apart
    /// from the prefix (llama.cpp `/infill`'s `input_extra`). The prefix does not contain them.
    public var contextFiles: [PromptFile]
    /// For `.fillInMiddle` only: the same context rendered as a comment block, for FIM endpoints
    /// that take only a prefix and a suffix (they send `contextPreamble + prefix`).
    public var contextPreamble: String

    public init(prompt: Prompt, stops: [String], extractCode: Bool, contextFiles: [PromptFile] = [],
                contextPreamble: String = "") {
        self.prompt = prompt
        self.stops = stops
        self.extractCode = extractCode
        self.contextFiles = contextFiles
        self.contextPreamble = contextPreamble
    }
}
