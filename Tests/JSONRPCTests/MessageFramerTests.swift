import JSONRPC
import Testing

/// Feeds `input` in chunks of `chunkSize` and collects every event.
private func events(of input: [UInt8], chunkSize: Int = .max, cap: Int = MessageFramer.defaultMaxMessageBytes)
    -> [Result<[UInt8], FramingError>]
{
    var framer = MessageFramer(maxMessageBytes: cap)
    var results: [Result<[UInt8], FramingError>] = []
    var offset = 0
    while offset < input.count {
        let end = min(input.count, offset + max(1, min(chunkSize, input.count)))
        framer.append(input[offset..<end])
        offset = end
        while let event = framer.next() { results.append(event) }
    }
    return results
}

private func bodies(_ events: [Result<[UInt8], FramingError>]) -> [String] {
    events.compactMap { try? $0.get() }.map { String(decoding: $0, as: UTF8.self) }
}

private func errors(_ events: [Result<[UInt8], FramingError>]) -> [FramingError] {
    events.compactMap { if case .failure(let error) = $0 { return error } else { return nil } }
}

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

@Suite struct MessageFramerTests {
    let first = #"{"jsonrpc":"2.0","id":1,"method":"a"}"#
    let second = #"{"jsonrpc":"2.0","method":"b","params":{"text":"é😀\r\n"}}"#

    @Test func encodesContentLengthInBytesNotCharacters() {
        let framed = MessageFramer.frame(bytes("é"))
        #expect(framed == bytes("Content-Length: 2\r\n\r\né"))
    }

    @Test func framesSplitByteByByte() {
        let input = MessageFramer.frame(bytes(first)) + MessageFramer.frame(bytes(second))
        let result = events(of: input, chunkSize: 1)
        #expect(bodies(result) == [first, second])
        #expect(errors(result).isEmpty)
    }

    @Test(arguments: [2, 3, 7, 16, 50])
    func framesSplitAtEveryChunkSize(chunkSize: Int) {
        let input = MessageFramer.frame(bytes(first)) + MessageFramer.frame(bytes(second)) + MessageFramer.frame(bytes(first))
        #expect(bodies(events(of: input, chunkSize: chunkSize)) == [first, second, first])
    }

    @Test func severalFramesInOneChunk() {
        let input = (0..<50).flatMap { index in MessageFramer.frame(bytes(#"{"n":\#(index)}"#)) }
        let result = events(of: input)
        #expect(bodies(result) == (0..<50).map { #"{"n":\#($0)}"# })
    }

    @Test func acceptsContentTypeAndAnyHeaderCase() {
        let input = bytes("content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:\(first.utf8.count)\r\n\r\n\(first)")
            + bytes("Content-Length: \(second.utf8.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf8\r\n\r\n\(second)")
        let result = events(of: input, chunkSize: 5)
        #expect(bodies(result) == [first, second])
        #expect(errors(result).isEmpty)
    }

    @Test func toleratesBlankLinesBetweenMessages() {
        let input = bytes("\r\n") + MessageFramer.frame(bytes(first)) + bytes("\r\n\r\n") + MessageFramer.frame(bytes(second))
        #expect(bodies(events(of: input)) == [first, second])
    }

    @Test func missingContentLengthIsReportedAndNextMessageStillRead() {
        let input = bytes("Content-Type: x\r\n\r\n") + MessageFramer.frame(bytes(first))
        let result = events(of: input)
        #expect(errors(result) == [.missingContentLength])
        #expect(bodies(result) == [first])
    }

    @Test(arguments: ["-5", "abc", "12x", "", "+3", "99999999999999999999999", "1.5"])
    func invalidContentLengthIsReported(value: String) {
        let input = bytes("Content-Length: \(value)\r\n\r\n") + MessageFramer.frame(bytes(first))
        let result = events(of: input, chunkSize: 3)
        #expect(errors(result).first == .invalidContentLength(value))
        #expect(bodies(result) == [first])
    }

    @Test func conflictingLengthsAreReported() {
        let input = bytes("Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd") + MessageFramer.frame(bytes(first))
        let result = events(of: input)
        #expect(errors(result) == [.conflictingContentLength])
        // Resynchronising at the second header line reads "abcd"; what matters is that the
        // error is reported and the following message is intact.
        #expect(bodies(result).last == first)
    }

    @Test func garbageBeforeAHeaderIsSkipped() {
        let input = bytes("hello there! {\"not\": \"framed\"}") + MessageFramer.frame(bytes(first)) + MessageFramer.frame(bytes(second))
        let result = events(of: input, chunkSize: 4)
        #expect(errors(result).count == 1)
        #expect(bodies(result) == [first, second])
    }

    @Test func malformedHeaderLineIsReported() {
        let input = bytes("this is not a header\r\n\r\n") + MessageFramer.frame(bytes(first))
        let result = events(of: input)
        #expect(errors(result) == [.malformedHeader("this is not a header")])
        #expect(bodies(result) == [first])
    }

    @Test func endlessHeaderIsCutOffWithoutUnboundedBuffering() {
        var framer = MessageFramer()
        var reported: [FramingError] = []
        for _ in 0..<100 {
            framer.append(bytes(String(repeating: "x", count: 1000)))
            while let event = framer.next() {
                if case .failure(let error) = event { reported.append(error) }
            }
            #expect(framer.bufferedByteCount <= MessageFramer.maxHeaderBytes + 1000)
        }
        #expect(reported.contains(.headerTooLong(limit: MessageFramer.maxHeaderBytes)))
        framer.append(MessageFramer.frame(bytes(first)))
        var recovered: [String] = []
        while let event = framer.next() {
            if case .success(let body) = event { recovered.append(String(decoding: body, as: UTF8.self)) }
        }
        #expect(recovered == [first])
    }

    @Test func messageOverTheCapIsSkippedAndReported() {
        let big = String(repeating: "a", count: 300)
        let input = MessageFramer.frame(bytes(#"{"x":"\#(big)"}"#)) + MessageFramer.frame(bytes(first))
        let result = events(of: input, chunkSize: 16, cap: 100)
        #expect(errors(result) == [.messageTooLarge(declared: big.utf8.count + 8, limit: 100)])
        #expect(bodies(result) == [first])
    }

    @Test func skippingAnOversizedBodyDoesNotBufferIt() {
        var framer = MessageFramer(maxMessageBytes: 1000)
        framer.append(bytes("Content-Length: 1000000\r\n\r\n"))
        #expect(framer.next() == .failure(.messageTooLarge(declared: 1_000_000, limit: 1000)))
        for _ in 0..<100 {
            framer.append([UInt8](repeating: UInt8(ascii: "z"), count: 10_000))
            #expect(framer.next() == nil)
            #expect(framer.bufferedByteCount < 100)
        }
        framer.append(MessageFramer.frame(bytes(first)))
        #expect(framer.next() == .success(bytes(first)))
    }

    @Test func absurdLengthResynchronisesOnTheNextHeader() {
        // A declared size far beyond anything real must not swallow the rest of the session.
        let input = bytes("Content-Length: 900000000000\r\n\r\n{\"partial\":") + MessageFramer.frame(bytes(first))
        let result = events(of: input, chunkSize: 7, cap: 1 << 20)
        #expect(errors(result) == [.messageTooLarge(declared: 900_000_000_000, limit: 1 << 20)])
        #expect(bodies(result) == [first])
    }

    @Test func shortBodyFollowedByAHeaderIsReportedAsTruncated() {
        // Content-Length says 60 but only 11 bytes of body came before the next frame.
        let input = bytes("Content-Length: 60\r\n\r\n{\"cut\":\"of") + MessageFramer.frame(bytes(first)) + bytes(String(repeating: " ", count: 60))
        let result = events(of: input, chunkSize: 9)
        #expect(errors(result).first == .truncatedMessage(declared: 60, received: 10))
        #expect(bodies(result).first == first)
    }

    @Test func zeroLengthBodyIsAnEmptyMessage() {
        let result = events(of: bytes("Content-Length: 0\r\n\r\n") + MessageFramer.frame(bytes(first)))
        #expect(bodies(result) == ["", first])
    }

    @Test func textThatMentionsContentLengthInsideJSONIsNotMistakenForAHeader() {
        let tricky = #"{"text":"Content-Length: 12\r\n\r\nnot a header"}"#
        let result = events(of: MessageFramer.frame(bytes(tricky)) + MessageFramer.frame(bytes(first)), chunkSize: 6)
        #expect(bodies(result) == [tricky, first])
        #expect(errors(result).isEmpty)
    }
}
