import DocwrightCore
import JSON
import JSONRPC
import Testing

@Suite struct ConnectionConcurrencyTests {
    @Test func slowRequestsOverlap() async throws {
        // Each request waits until both have started: run one at a time, the first would give up.
        let started = Box(0)
        let server = TestServer(handler: TestHandler(onRequest: { _ in
            started.update { $0 += 1 }
            let overlapped = await eventually(.seconds(3)) { started.value >= 2 }
            return .bool(overlapped)
        }))
        try await server.peer.send(.request(1, "slow"))
        try await server.peer.send(.request(2, "slow"))
        let first = try await server.peer.response(to: 1)
        let second = try await server.peer.response(to: 2)
        #expect(first["result"] == true)
        #expect(second["result"] == true)
    }

    @Test func notificationsRunInOrderAndBeforeLaterRequests() async throws {
        let log = Box<[Int]>([])
        let server = TestServer(handler: TestHandler(
            onRequest: { _ in .array(log.value.map(JSONValue.int)) },
            onNotification: { notification in
                guard let index = notification.params?["index"]?.intValue else { return }
                // Earlier notifications take longer, so any concurrency would reorder the log.
                try? await Task.sleep(for: .microseconds(max(0, 3000 - index * 100)))
                log.update { $0.append(index) }
            }
        ))
        for index in 0..<30 {
            try await server.peer.send(.notification("didChange", ["index": .int(index)]))
        }
        let reply = try await server.call(1, "snapshot")
        #expect(reply["result"] == .array((0..<30).map(JSONValue.int)))
    }

    @Test func cancelRequestAnswersMinus32800AndCancelsTheHandlerTask() async throws {
        let started = Box(false)
        let sawCancellation = Box(false)
        let returned = Box(false)
        let server = TestServer(handler: TestHandler(onRequest: { request in
            if request.method == "ping" { return "pong" }
            started.update { $0 = true }
            do {
                try await Task.sleep(for: .seconds(30))
            } catch {
                sawCancellation.update { $0 = Task.isCancelled && error is CancellationError }
            }
            defer { returned.update { $0 = true } }
            return "a value computed too late"  // must not be sent
        }))
        try await server.peer.send(.request(5, "generate"))
        #expect(await eventually { started.value })
        try await server.peer.send(.notification("$/cancelRequest", ["id": 5]))
        let reply = try await server.peer.response(to: 5)
        #expect(reply.errorCode == -32800)
        #expect(await eventually { returned.value })
        #expect(sawCancellation.value)
        // The late value is dropped: the next thing written is the answer to another request.
        let ping = try await server.call(6, "ping")
        #expect(ping["id"] == 6)
        await #expect(throws: TimedOut.self) { try await server.peer.next(.milliseconds(100)) }
    }

    @Test func cancellingAFinishedOrUnknownRequestIsHarmless() async throws {
        let server = TestServer(handler: TestHandler(onRequest: { _ in "done" }))
        let reply = try await server.call(1, "quick")
        #expect(reply["result"] == "done")
        try await server.peer.send(.notification("$/cancelRequest", ["id": 1]))
        try await server.peer.send(.notification("$/cancelRequest", ["id": "never-sent"]))
        try await server.peer.send(.notification("$/cancelRequest"))
        #expect(try await server.call(2, "quick")["result"] == "done")
        await #expect(throws: TimedOut.self) { try await server.peer.next(.milliseconds(100)) }
    }

    @Test func otherDollarNotificationsReachTheHandler() async throws {
        let seen = Box<[String]>([])
        let server = TestServer(handler: TestHandler(
            onRequest: { _ in .array(seen.value.map(JSONValue.string)) },
            onNotification: { seen.update { [method = $0.method] in $0.append(method) } }
        ))
        try await server.peer.send(.notification("$/setTrace", ["value": "off"]))
        try await server.peer.send(.notification("$/cancelRequest", ["id": 99]))
        try await server.peer.send(.notification("custom/unknown"))
        #expect(try await server.call(1, "seen")["result"] == ["$/setTrace", "custom/unknown"])
    }

    @Test func everyRequestIsAnsweredExactlyOnceUnderRandomCancellation() async throws {
        var generator = SplitMix64(seed: 42)
        let server = TestServer(handler: TestHandler(onRequest: { request in
            let id = request.id.description.hashValue
            try await Task.sleep(for: .microseconds(abs(id) % 20_000))
            if abs(id) % 7 == 0 { throw JSONRPCError.contentModified() }
            return .string("r\(request.id)")
        }))
        let count = 300
        for index in 0..<count {
            try await server.peer.send(.request(.int(index), "work"))
            if generator.next() % 3 == 0 {
                let target = Int(generator.next() % UInt64(index + 1))
                try await server.peer.send(.notification("$/cancelRequest", ["id": .int(target)]))
            }
        }
        var answers: [Int: Int] = [:]
        while answers.values.reduce(0, +) < count {
            let message = try #require(try await server.peer.next())
            let id = try #require(message["id"]?.intValue, "\(message)")
            answers[id, default: 0] += 1
            #expect(message["result"] == .string("r\(id)") || [-32800, -32801].contains(message.errorCode))
        }
        await #expect(throws: TimedOut.self) { try await server.peer.next(.milliseconds(200)) }
        #expect(answers.count == count)
        #expect(answers.values.allSatisfy { $0 == 1 })
    }

    @Test func endOfInputLetsRunningRequestsAnswerThenRunReturns() async throws {
        let server = TestServer(handler: TestHandler(onRequest: { _ in
            try await Task.sleep(for: .milliseconds(100))
            return "finished after EOF"
        }))
        try await server.peer.send(.request(1, "slow"))
        server.client.closeWrite()
        let reply = try await server.peer.response(to: 1)
        #expect(reply["result"] == "finished after EOF")
        try await server.finished()
        #expect(try await server.peer.next() == nil)  // the server closed its side
    }

    @Test func stopFromTheExitHandlerEndsRunAndCancelsWhatIsRunning() async throws {
        let connectionBox = Box<Connection?>(nil)
        let sawCancellation = Box(false)
        let methods = Box<[String]>([])
        let server = TestServer(handler: TestHandler(
            onRequest: { request in
                methods.update { $0.append(request.method) }
                do { try await Task.sleep(for: .seconds(30)) } catch { sawCancellation.update { $0 = true } }
                return "late"
            },
            onNotification: { notification in
                if notification.method == "exit" { connectionBox.value?.stop() }
            }
        ))
        connectionBox.update { $0 = server.connection }
        try await server.peer.send(.request(1, "forever"))
        try await server.peer.send(.notification("exit"))
        try await server.peer.send(.request(2, "afterExit"))  // must not be dispatched
        try await server.finished()
        let reply = try await server.peer.response(to: 1)
        #expect(reply.errorCode == -32800)
        #expect(await eventually { sawCancellation.value })
        // A request read before the stop took effect is answered -32800 too, never run.
        // Read to the end of the server's output (bounded by `next`'s timeout).
        while let message = try await server.peer.next() {
            #expect(message["id"] == 2 && message.errorCode == -32800, "\(message)")
        }
        #expect(methods.value == ["forever"])
    }
}

