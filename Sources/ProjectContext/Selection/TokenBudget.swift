/// How many tokens of context a prompt may carry, and how text converts to tokens for the model
/// that will read it (an estimate: characters per token of code, by model family).
public struct TokenBudget: Sendable, Hashable {
    public var maxTokens: Int
    public var charactersPerToken: Double

    public init(maxTokens: Int, charactersPerToken: Double = 3.5) {
        self.maxTokens = max(0, maxTokens)
        self.charactersPerToken = max(1, charactersPerToken)
    }

    /// Estimated tokens of a text.
    public func tokens(_ text: String) -> Int {
        Int((Double(text.utf8.count) / charactersPerToken).rounded(.up))
    }

    /// Characters of code per token, measured roughly per tokenizer family (code tokenizes denser
    /// than prose; large-vocabulary tokenizers pack more per token).
    public static func charactersPerToken(modelID: String) -> Double {
        let id = modelID.lowercased()
        let table: [(String, Double)] = [
            ("gpt-4o", 4.0), ("gpt-4.1", 4.0), ("gpt-5", 4.0), ("o3", 4.0), ("o4", 4.0), ("gpt", 3.6),
            ("claude", 3.4), ("gemma", 3.6), ("gemini", 3.6), ("qwen", 3.4), ("deepseek", 3.4), ("llama", 3.5),
            ("codellama", 3.1), ("starcoder", 3.3), ("codestral", 3.3), ("mistral", 3.2),
        ]
        return table.first { id.contains($0.0) }?.1 ?? 3.5
    }

    /// The default context budget for a model: a quarter of its context window, at most 2,048
    /// tokens (the file itself, the doc and the answer need the rest); 1,024 when the window is
    /// unknown.
    public static func defaultTokens(contextWindow: Int?) -> Int {
        guard let contextWindow, contextWindow > 0 else { return 1024 }
        return min(2048, contextWindow / 4)
    }
}
