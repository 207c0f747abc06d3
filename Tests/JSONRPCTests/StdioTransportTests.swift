import JSON
import Foundation
@testable import JSONRPC
import Logging
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private struct Pipe {
    let read: Int32
    let write: Int32

    init() throws {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw TransportError.systemCallFailed(call: "pipe", errno: errno) }
        read = descriptors[0]
        write = descriptors[1]
    }
}

/// Writes all of `bytes` with blocking write(2); only for small test inputs.
private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written > 0 else { return }
        offset += written
    }
}

/// Reads until end of input.
private func readToEnd(_ descriptor: Int32) -> [UInt8] {
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return result }
        result.append(contentsOf: buffer[0..<count])
    }
}

private let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

@Suite struct StdioTransportTests {
    @Test func twoConnectionsTalkOverRealPipes() async throws {
        let toServer = try Pipe()
        let toClient = try Pipe()
        let server = Connection(transport: StdioTransport(input: toServer.read, output: toClient.write, ownsDescriptors: true), logger: quiet)
        let client = Connection(transport: StdioTransport(input: toClient.read, output: toServer.write, ownsDescriptors: true), logger: quiet)
        let serverRun = Task { await server.run(handler: TestHandler(onRequest: { request in
            if request.method == "askBack" {
                return try await server.request("client/question", params: request.params ?? nil, as: JSONValue.self)
            }
            return ["echo": request.params ?? nil]
        })) }
        let clientRun = Task { await client.run(handler: TestHandler(onRequest: { request in
            ["answer": request.params?["q"] ?? nil]
        })) }

        let big = String(repeating: "é😀", count: 50_000)  // several read chunks
        let echoed = try await within(.seconds(10)) { try await client.request("echo", params: ["text": .string(big)], as: JSONValue.self) }
        #expect(echoed["echo"]?["text"]?.stringValue == big)
        let answered = try await within(.seconds(10)) { try await client.request("askBack", params: ["q": 42], as: JSONValue.self) }
        #expect(answered == ["answer": 42])

        server.stop()
        try await within(.seconds(5), "server run") { await serverRun.value }
        // The server closed its output, so the client reads end of input and finishes too.
        try await within(.seconds(5), "client run") { await clientRun.value }
    }

    @Test func aClientThatStopsReadingDoesNotStallTheReader() async throws {
        let toServer = try Pipe()
        let toClient = try Pipe()
        let marked = Box(false)
        let payload = String(repeating: "x", count: 100_000)
        let server = Connection(transport: StdioTransport(input: toServer.read, output: toClient.write, ownsDescriptors: true), logger: quiet)
        let serverRun = Task { await server.run(handler: TestHandler(
            onRequest: { _ in .string(payload) },
            onNotification: { if $0.method == "mark" { marked.update { $0 = true } } }
        )) }
        // 30 replies of 100 kB each: far more than a pipe holds while nobody reads.
        for index in 0..<30 {
            writeAll(toServer.write, MessageFramer.frame(JSONValue.request(.int(index), "big").serializedBytes()))
        }
        writeAll(toServer.write, MessageFramer.frame(JSONValue.notification("mark").serializedBytes()))
        #expect(await eventually(.seconds(5)) { marked.value }, "the reader stalled behind blocked writes")

        // Now read: every reply arrives, whole.
        let clientTransport = StdioTransport(input: toClient.read, output: toServer.write, ownsDescriptors: true)
        let peer = RawPeer(clientTransport)
        for index in 0..<30 {
            let reply = try await peer.response(to: .int(index), .seconds(10))
            #expect(reply["result"]?.stringValue?.count == payload.count)
        }
        clientTransport.close()  // closes our write end: the server reads end of input
        try await within(.seconds(5), "server run") { await serverRun.value }
    }

    @Test func stdoutGuardSendsStrayOutputToStderr() throws {
        let fakeStdout = try Pipe()
        let fakeStderr = try Pipe()
        let protocolOutput = try StdoutGuard.redirect(standardOutput: fakeStdout.write, standardError: fakeStderr.write)
        #expect(fcntl(protocolOutput, F_GETFD) & FD_CLOEXEC != 0)
        writeAll(protocolOutput, Array("protocol bytes".utf8))
        writeAll(fakeStdout.write, Array("stray print".utf8))  // "fd 1" now points at "stderr"
        for descriptor in [protocolOutput, fakeStdout.write, fakeStderr.write] { close(descriptor) }
        #expect(String(decoding: readToEnd(fakeStdout.read), as: UTF8.self) == "protocol bytes")
        #expect(String(decoding: readToEnd(fakeStderr.read), as: UTF8.self) == "stray print")
        close(fakeStdout.read)
        close(fakeStderr.read)
    }

    @Test func writesAfterCloseFailAndAVanishedPeerIsAWriteError() async throws {
        let channel = try Pipe()
        let input = try Pipe()
        let transport = StdioTransport(input: input.read, output: channel.write, ownsDescriptors: true)
        try await transport.write(Array("hello".utf8))
        close(channel.read)  // the peer goes away: EPIPE, not SIGPIPE
        await #expect(throws: TransportError.self) {
            for _ in 0..<10 { try await transport.write(Array(repeating: 1, count: 100_000)) }
        }
        transport.close()
        await #expect(throws: TransportError.closed) { try await transport.write([1]) }
        close(input.write)
    }
}
