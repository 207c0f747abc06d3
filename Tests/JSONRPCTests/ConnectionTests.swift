import JSON
import JSONRPC
import Logging
import Testing

private struct Greeting: Codable {
    var name: String
    var times: Int
}

private struct UserVisible: Error, JSONRPCErrorConvertible {
    var jsonRPCError: JSONRPCError { .requestFailed("The model at 127.0.0.1 did not answer") }
}

private struct Opaque: Error, CustomStringConvertible {
    var description: String { "disk on fire" }
}

private struct Mappable: Error {}

/// Answers a few methods the way a real server would.
private let greeter = TestHandler(onRequest: { request in
    switch request.method {
    case "greet":
        let greeting = try request.decodeParams(Greeting.self)
        return .string(Array(repeating: "hello \(greeting.name)", count: greeting.times).joined(separator: " "))
    case "echo": return request.params ?? nil
    case "fail/rpc": throw JSONRPCError(code: 12345, message: "custom", data: ["why": "because"])
    case "fail/convertible": throw UserVisible()
    case "fail/opaque": throw Opaque()
    case "fail/mapped": throw Mappable()
    case "fail/cancellation": throw CancellationError()
    default: throw JSONRPCError.methodNotFound(request.method)
    }
})

@Suite struct ConnectionTests {
    @Test func answersWithTheHandlersResultEchoingIntAndStringIDs() async throws {
        let server = TestServer(handler: greeter)
        let first = try await server.call(1, "greet", ["name": "Ada", "times": 2])
        #expect(first == ["jsonrpc": "2.0", "id": 1, "result": "hello Ada hello Ada"])
        let second = try await server.call("abc", "echo", [1, "two"])
        #expect(second == ["jsonrpc": "2.0", "id": "abc", "result": [1, "two"]])
        let nullResult = try await server.call(3, "echo")
        #expect(nullResult["result"] == .null)
    }

    @Test func invalidParamsNameWhatIsWrong() async throws {
        let server = TestServer(handler: greeter)
        let reply = try await server.call(1, "greet", ["name": "Ada", "times": "two"])
        #expect(reply.errorCode == JSONRPCError.Code.invalidParams)
        let message = try #require(reply["error"]?["message"]?.stringValue)
        #expect(message.contains("greet") && message.contains("times"))
        let missing = try await server.call(2, "greet")
        #expect(missing.errorCode == JSONRPCError.Code.invalidParams)
    }

    @Test func unknownMethodIsMethodNotFound() async throws {
        let server = TestServer(handler: greeter)
        let reply = try await server.call(1, "textDocument/unheardOf")
        #expect(reply.errorCode == -32601)
        // The default handler implementation says the same.
        struct Nothing: MessageHandler {}
        let bare = TestServer(handler: Nothing())
        #expect(try await bare.call(1, "anything").errorCode == -32601)
    }

    @Test func thrownErrorsBecomeTheRightReplies() async throws {
        let server = TestServer(handler: greeter, errorMapper: { error in
            error is Mappable ? .requestFailed("mapped") : nil
        })
        let rpc = try await server.call(1, "fail/rpc")
        #expect(rpc["error"] == ["code": 12345, "message": "custom", "data": ["why": "because"]])
        let convertible = try await server.call(2, "fail/convertible")
        #expect(convertible.errorCode == -32803)
        #expect(convertible["error"]?["message"] == "The model at 127.0.0.1 did not answer")
        let opaque = try await server.call(3, "fail/opaque")
        #expect(opaque.errorCode == -32603)
        #expect(opaque["error"]?["message"]?.stringValue?.contains("disk on fire") == true)
        let mapped = try await server.call(4, "fail/mapped")
        #expect(mapped["error"] == ["code": -32803, "message": "mapped"])
        let cancelled = try await server.call(5, "fail/cancellation")
        #expect(cancelled.errorCode == -32800)
    }

    @Test func parseErrorIsAnsweredWithNullID() async throws {
        let server = TestServer(handler: greeter)
        try await server.peer.sendFramed(#"{"jsonrpc":"2.0","id":1,"method":"echo""#)
        let reply = try #require(try await server.peer.next())
        #expect(reply.errorCode == -32700)
        #expect(reply["id"] == .null)
    }

    @Test(arguments: [
        (#"42"#, JSONValue.null),
        (#"[{"jsonrpc":"2.0","id":1,"method":"echo"}]"#, .null),
        (#"[]"#, .null),
        (#"{"id":1,"method":"echo"}"#, 1),
        (#"{"jsonrpc":"1.0","id":"x","method":"echo"}"#, "x"),
        (#"{"jsonrpc":"2.0","id":2,"method":7}"#, 2),
        (#"{"jsonrpc":"2.0","id":1.5,"method":"echo"}"#, .null),
        (#"{"jsonrpc":"2.0","id":{"a":1},"method":"echo"}"#, .null),
        (#"{"jsonrpc":"2.0","id":null,"method":"echo"}"#, .null),
        (#"{"jsonrpc":"2.0","id":3,"method":"echo","params":"text"}"#, 3),
        (#"{"jsonrpc":"2.0","id":4}"#, 4),
        (#"{"jsonrpc":"2.0","method":"note","params":5}"#, .null),
    ])
    func invalidRequestsAreAnsweredWithInvalidRequest(text: String, expectedID: JSONValue) async throws {
        let server = TestServer(handler: greeter)
        try await server.peer.sendFramed(text)
        let reply = try #require(try await server.peer.next())
        #expect(reply.errorCode == -32600, "\(text) → \(reply)")
        #expect(reply["id"] == expectedID)
    }

    @Test func responsesAreNeverAnsweredEvenWhenMalformed() async throws {
        let server = TestServer(handler: greeter)
        // A response to an id we never used, an orphan error, and a malformed response.
        try await server.peer.sendFramed(#"{"jsonrpc":"2.0","id":"dw-999","result":1}"#)
        try await server.peer.sendFramed(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}"#)
        try await server.peer.sendFramed(#"{"jsonrpc":"2.0","id":5,"result":1,"error":{"code":1,"message":"x"}}"#)
        let reply = try await server.call(9, "echo", ["still": "here"])
        #expect(reply["result"] == ["still": "here"])
        // Nothing else was written: the next read times out.
        await #expect(throws: TimedOut.self) { try await server.peer.next(.milliseconds(100)) }
    }

    @Test func keepsServingAfterEveryKindOfBadInput() async throws {
        let server = TestServer(handler: greeter, maxMessageBytes: 1000)
        try await server.peer.sendRaw(Array("complete nonsense\r\n\r\n".utf8))
        try await server.peer.sendRaw(Array("Content-Length: -4\r\n\r\n".utf8))
        try await server.peer.sendRaw(Array("Content-Length: 5000\r\n\r\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 5000))
        try await server.peer.sendRaw(Array("Content-Length: 40\r\n\r\n{\"jsonrpc\":".utf8))
        try await server.peer.sendFramed("{not json")
        try await server.peer.sendRaw([0xFF, 0xFE, 0x00, 0x0D, 0x0A, 0x0D, 0x0A])
        try await server.peer.send(.request(77, "echo", ["ok": true]))
        let reply = try await server.peer.response(to: 77)
        #expect(reply["result"] == ["ok": true])
        let errors = server.peer.drain()
        #expect(errors.count >= 5)
        #expect(errors.allSatisfy { $0["id"] == .null && [-32700, -32600].contains($0.errorCode) })
    }

    @Test func paramsNeverReachLogsAboveTrace() async throws {
        let secret = "sk-live-DO-NOT-LOG"
        func entries(at level: Logger.Level) async throws -> [CapturingLogHandler.Entry] {
            let captured = Box<[CapturingLogHandler.Entry]>([])
            let logger = Logger(label: "capture", factory: { _ in CapturingLogHandler(entries: captured, logLevel: level) })
            let server = TestServer(handler: greeter, logger: logger)
            _ = try await server.call(1, "echo", ["apiKey": .string(secret)])
            try await server.peer.send(.notification("note", ["apiKey": .string(secret)]))
            _ = try await server.call(2, "greet", ["name": .string(secret), "times": "x"])
            return captured.value
        }
        let debugEntries = try await entries(at: .debug)
        #expect(!debugEntries.isEmpty)
        #expect(debugEntries.allSatisfy { !$0.text.contains(secret) })
        #expect(debugEntries.contains { $0.text.contains("jsonrpc.method") && $0.text.contains("echo") })
        // At trace level params are logged, which shows the check above can fail.
        #expect(try await entries(at: .trace).contains { $0.text.contains(secret) })
    }
}
