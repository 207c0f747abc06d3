import JSON
import JSONRPC
import Testing

private let cap = 256

/// Shows bad input in a failure message.
private func printable(_ bytes: [UInt8]) -> String {
    String(bytes.prefix(600).map { $0 >= 0x20 && $0 < 0x7F ? Character(Unicode.Scalar($0)) : "·" })
}

@Suite struct FuzzTests {
    /// 10,000 hostile inputs through a bare framer: no crash, no spinning, bounded memory, and a
    /// well-formed message afterwards is still read.
    @Test func framerSurvivesHostileInputAndRecovers() {
        var fuzzer = InputFuzzer(seed: 0xD0C5_7215, smallLimit: cap)
        var unrecovered: [String] = []
        for index in 0..<10_000 {
            var framer = MessageFramer(maxMessageBytes: cap)
            let input = fuzzer.input()
            for chunk in fuzzer.chunks(of: input) {
                framer.append(chunk)
                var events = 0
                while framer.next() != nil {
                    events += 1
                    if events > input.count + 1 { break }  // every event consumes input
                }
                #expect(events <= input.count + 1, "framer spins on: \(printable(input))")
                #expect(framer.bufferedByteCount <= cap + MessageFramer.maxHeaderBytes + 512)
            }
            let probe = Array(#"{"probe":\#(index)}"#.utf8)
            framer.append(fuzzer.resynchronisation + MessageFramer.frame(probe) + fuzzer.resynchronisation)
            var recovered = false
            while let event = framer.next() {
                if case .success(let body) = event, body == probe { recovered = true }
            }
            if !recovered { unrecovered.append(printable(input)) }
        }
        #expect(unrecovered.isEmpty, "\(unrecovered.count) inputs left the framer unable to read: \(unrecovered.prefix(3))")
    }

    /// 5,000 hostile inputs through live connections (100 per connection): the server never
    /// crashes or hangs, and a valid request sent after each input is still answered.
    @Test func connectionKeepsAnsweringAfterHostileInput() async throws {
        var fuzzer = InputFuzzer(seed: 0xC0_22EC7, smallLimit: cap)
        let echo = TestHandler(onRequest: { request in
            guard request.method == "echo" else { throw JSONRPCError.methodNotFound(request.method) }
            return request.params ?? nil
        })
        var probes = 0
        for _ in 0..<50 {
            let server = TestServer(handler: echo, maxMessageBytes: cap)
            for _ in 0..<100 {
                let input = fuzzer.input()
                for chunk in fuzzer.chunks(of: input) { try await server.client.write(chunk) }
                probes += 1
                let id = JSONValue.string("probe-\(probes)")
                let request = JSONValue.request(id, "echo", ["n": .int(probes)])
                try await server.client.write(fuzzer.resynchronisation + MessageFramer.frame(request.serializedBytes()) + fuzzer.resynchronisation)
                do {
                    let reply = try await server.peer.response(to: id, .seconds(10))
                    #expect(reply["result"] == ["n": .int(probes)])
                } catch {
                    Issue.record("no answer after input: \(printable(input))")
                    return
                }
                _ = server.peer.drain()
            }
            server.client.closeWrite()
            try await server.finished()
        }
        #expect(probes == 5_000)
    }
}
