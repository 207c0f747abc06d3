import DocwrightCore
import Providers
@testable import Gateway
import Testing

@Suite struct LogprobAlignmentTests {
    @Test func tokensCoveringTheTextAreAllKeptWithByteOffsets() {
        let tokens = ["    ", "result", " =", " a", " +", " b", "", "\n    ", "return", " result"].map {
            RawToken(text: $0, bytes: Array($0.utf8), logprob: -0.25)
        }
        let text = "    result = a + b\n    return result"
        let kept = LogprobAlignment.align(tokens, to: text)
        #expect(kept.count == 10)
        #expect(kept.map(\.textOffset) == [0, 4, 10, 12, 14, 16, 18, 18, 23, 29])
        let rebuilt = kept.map(\.token).joined()
        #expect(rebuilt == text)
    }

    @Test func joinedTokensThatArePrefixOfTextAreKept() {
        let tokens = ["    ", "return", " a"].map { RawToken(text: $0, logprob: -1) }
        let kept = LogprobAlignment.align(tokens, to: "    return a + b")
        #expect(kept.map(\.token) == ["    ", "return", " a"])
    }

    @Test func legacyTokensRunningPastTheStopStringAreCutByTextOffset() {
        // llama-cpp-python: text stops before "\n\n" but the arrays go on; offsets start after the prompt.
        let texts = ["    ", "return", " a", " +", " b", "\n\n", "def", " sub"]
        var offset = 15
        let tokens = texts.map { text -> RawToken in
            defer { offset += text.count }
            return RawToken(text: text, logprob: -0.1, reportedOffset: offset)
        }
        let kept = LogprobAlignment.align(tokens, to: "    return a + b")
        #expect(kept.map(\.token) == ["    ", "return", " a", " +", " b"])
        #expect(kept.map(\.textOffset) == [0, 4, 10, 12, 14])
    }

    @Test func characterOffsetsAreMappedToBytes() {
        // Python counts code points: "é" is one character but two UTF-8 bytes.
        let texts = ["é", " =", " 1", "\n"]
        let characterOffsets = [40, 41, 43, 45]
        let tokens = zip(texts, characterOffsets).map { RawToken(text: $0, logprob: -0.1, reportedOffset: $1) }
        let kept = LogprobAlignment.align(tokens, to: "é = 1")
        #expect(kept.map(\.token) == ["é", " =", " 1"])
        #expect(kept.map(\.textOffset) == [0, 2, 4])
    }

    @Test func sentinelsNullsAndNonFiniteValuesBecomeNil() {
        let tokens = [
            RawToken(text: "a", logprob: -9999), RawToken(text: "b", logprob: nil),
            RawToken(text: "c", logprob: -.infinity), RawToken(text: "d", logprob: -0.5),
        ]
        let kept = LogprobAlignment.align(tokens, to: "abcd")
        #expect(kept.map(\.logprob) == [nil, nil, nil, -0.5])
    }

    @Test func partialUTF8TokensCountTheirBytes() {
        // "→" is 3 bytes, split by the tokenizer into two tokens OpenAI writes as bytes:….
        let tokens = [RawToken(text: "bytes:\\xe2\\x86", logprob: -1), RawToken(text: "bytes:\\x92", logprob: -1),
                      RawToken(text: "x", logprob: -1), RawToken(text: "\n", logprob: -1)]
        let kept = LogprobAlignment.align(tokens, to: "→x")
        #expect(kept.map(\.textOffset) == [0, 2, 3])
    }

    @Test func emptyTextKeepsNoTokens() {
        #expect(LogprobAlignment.align([RawToken(text: "\n\n", logprob: -1)], to: "").isEmpty)
    }
}

@Suite struct EventStreamParserTests {
    @Test func splitsEventsAcrossChunksAndLineEndings() {
        var parser = EventStreamParser()
        var events = parser.feed(Array("data: {\"a\":1}\r\n\r\nevent: ping\ndata: x".utf8))
        events += parser.feed(Array("y\ndata: z\n\n: comment\n\ndata: [DONE]\n\n".utf8))
        #expect(events == [
            ServerSentEvent(event: nil, data: "{\"a\":1}"),
            ServerSentEvent(event: "ping", data: "xy\nz"),
            ServerSentEvent(event: nil, data: "[DONE]"),
        ])
    }

    @Test func flushesAnUnterminatedLastEvent() {
        var parser = EventStreamParser()
        #expect(parser.feed(Array("data: last".utf8)).isEmpty)
        #expect(parser.finish() == [ServerSentEvent(event: nil, data: "last")])
    }
}
