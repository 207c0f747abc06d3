/// The one follow-up request that continues a sample cut by the token limit, and how its reply
/// joins the cut text. A provider decides the request (`Provider.continuation`): a completion or
/// fill-in-the-middle prompt grows by the cut text; a chat gets the cut text as the assistant's
/// message, which the model continues (prefill) or is asked to continue.
public struct Continuation: Sendable, Hashable {
    /// What is sent.
    public var plan: PromptPlan
    /// The part of the cut text the reply continues (all of it, unless the API refuses some of
    /// it, as Anthropic refuses a prefill ending in whitespace); the joined text starts with it.
    public var continues: String
    /// Whether a reply starting with a code fence line (a chat model asked to continue that
    /// opens a new block) loses that line when joined.
    public var dropsOpeningFence: Bool

    public init(plan: PromptPlan, continues: String, dropsOpeningFence: Bool = false) {
        self.plan = plan
        self.continues = continues
        self.dropsOpeningFence = dropsOpeningFence
    }

    /// What a chat model that cannot be prefilled is told after its cut reply.
    public static let chatInstruction = "Your reply was cut off by the length limit. Continue it exactly where it "
        + "stopped, from the next character: reply with only the rest, without repeating anything and without "
        + "starting a new code block."

    /// The usual continuation of `plan`: the prompt plus the cut text (completion, fill-in-the-middle),
    /// or the conversation with the cut text as the assistant's message, followed — when the API
    /// cannot continue an assistant message (`prefill` false) — by a request to continue.
    public static func standard(of plan: PromptPlan, partial: String, prefill: Bool) -> Continuation {
        var next = plan
        switch plan.prompt {
        case .completion(let text):
            next.prompt = .completion(text + partial)
        case .fillInMiddle(let prefix, let suffix):
            next.prompt = .fillInMiddle(prefix: prefix + partial, suffix: suffix)
        case .chat(var messages):
            messages.append(ChatMessage(role: .assistant, content: partial))
            if !prefill { messages.append(ChatMessage(role: .user, content: chatInstruction)) }
            next.prompt = .chat(messages)
            return Continuation(plan: next, continues: partial, dropsOpeningFence: !prefill)
        }
        return Continuation(plan: next, continues: partial)
    }

    /// The cut sample followed by the reply: its text is `continues` plus the reply's (less an
    /// opening fence line when `dropsOpeningFence`), its tokens those of both that fall in the
    /// joined text (byte offsets into it), so a mean over them is a mean over all tokens; its
    /// finish reason the reply's.
    public func join(_ cut: Sample, _ reply: Sample) -> Sample {
        let head = continues.utf8.count
        var more = Array(reply.text.utf8)
        var dropped = 0
        if dropsOpeningFence {
            var start = 0
            while start < more.count, more[start] == 0x20 || more[start] == 0x0A || more[start] == 0x0D { start += 1 }
            if more[start...].starts(with: Array("```".utf8)) {
                let lineEnd = more[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? more.count
                dropped = lineEnd
                more.removeSubrange(0..<lineEnd)
            }
        }
        let first = Self.placed(cut.tokens, shift: 0).filter { $0.textOffset! < head }
        let second = Self.placed(reply.tokens, shift: head - dropped).filter { $0.textOffset! >= head }
        let tokens: [TokenLogprob]? = cut.tokens == nil && reply.tokens == nil ? nil : first + second
        return Sample(text: continues + String(decoding: more, as: UTF8.self), tokens: tokens,
                      finishReason: reply.finishReason)
    }

    /// Tokens with explicit byte offsets (accumulated where the backend gave none), moved by `shift`.
    private static func placed(_ tokens: [TokenLogprob]?, shift: Int) -> [TokenLogprob] {
        var cursor = 0
        return (tokens ?? []).map { token in
            let start = token.textOffset ?? cursor
            cursor = start + token.token.utf8.count
            return TokenLogprob(token: token.token, logprob: token.logprob, textOffset: start + shift)
        }
    }
}
