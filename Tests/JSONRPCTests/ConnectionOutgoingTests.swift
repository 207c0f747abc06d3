import JSON
import JSONRPC
import Logging
import Testing

private struct ApplyEditParams: Codable {
    var label: String
    var delayMilliseconds: Int
}

private struct ApplyEditResult: Codable, Equatable {
    var applied: Bool
    var label: String
}

/// A server and a client, both `Connection`s over one in-memory pipe: the setup a Server test uses.
private struct Pair {
    let server: Connection
    let client: Connection
    let serverRun: Task<Void, Never>
    let clientRun: Task<Void, Never>

    init(server serverHandler: some MessageHandler, client clientHandler: some MessageHandler) {
        let (clientSide, serverSide) = InMemoryTransport.pair()
        let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let server = Connection(transport: serverSide, logger: quiet)
        let client = Connection(transport: clientSide, logger: quiet)
        self.server = server
        self.client = client
        serverRun = Task { await server.run(handler: serverHandler) }
        clientRun = Task { await client.run(handler: clientHandler) }
    }
}

/// An editor stand-in: answers workspace/applyEdit after the requested delay, fails
/// workspace/configuration, and records notifications.
private struct FakeEditor: MessageHandler {
    let notifications = Box<[String]>([])

    func handle(request: IncomingRequest) async throws -> JSONValue {
        switch request.method {
        case "workspace/applyEdit":
            let params = try request.decodeParams(ApplyEditParams.self)
            try await Task.sleep(for: .milliseconds(params.delayMilliseconds))
            return try JSONValue(encoding: ApplyEditResult(applied: true, label: params.label))
        case "workspace/configuration":
            throw JSONRPCError(code: -32099, message: "no configuration here", data: ["section": "docwright"])
        case "window/workDoneProgress/create":
            return nil
        case "never/answered":
            try await Task.sleep(for: .seconds(30))
            return nil
        default:
            throw JSONRPCError.methodNotFound(request.method)
        }
    }

    func handle(notification: IncomingNotification) async {
        notifications.update { $0.append(notification.method) }
    }
}

@Suite struct ConnectionOutgoingTests {
    @Test func repliesAreMatchedToTheirRequestsWhateverTheOrder() async throws {
        let editor = FakeEditor()
        let pair = Pair(server: TestHandler(), client: editor)
        let server = pair.server
        // Later requests are answered sooner, so replies arrive in reverse order.
        let results = try await within(.seconds(10)) {
            try await withThrowingTaskGroup(of: ApplyEditResult.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await server.request("workspace/applyEdit",
                                                 params: ApplyEditParams(label: "edit-\(index)", delayMilliseconds: (8 - index) * 15),
                                                 as: ApplyEditResult.self)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        #expect(Set(results.map(\.label)) == Set((0..<8).map { "edit-\($0)" }))
        #expect(results.allSatisfy { $0.applied })
    }

    @Test func errorRepliesAreThrownAsJSONRPCError() async throws {
        let pair = Pair(server: TestHandler(), client: FakeEditor())
        let server = pair.server
        let error = await #expect(throws: JSONRPCError.self) {
            try await within(.seconds(5)) {
                try await server.request("workspace/configuration", params: ["items": [["section": "docwright"]]], as: JSONValue.self)
            }
        }
        #expect(error == JSONRPCError(code: -32099, message: "no configuration here", data: ["section": "docwright"]))
        let unknown = await #expect(throws: JSONRPCError.self) {
            try await within(.seconds(5)) { try await server.request("client/unknown", as: JSONValue.self) }
        }
        #expect(unknown?.code == -32601)
    }

    @Test func nullResultsAndNotificationsFlowBothWays() async throws {
        let editor = FakeEditor()
        let pair = Pair(server: TestHandler(onRequest: { request in
            request.method == "initialize" ? ["capabilities": ["codeActionProvider": true]] : nil
        }), client: editor)
        let server = pair.server
        let client = pair.client
        let created = try await within(.seconds(5)) {
            try await server.request("window/workDoneProgress/create", params: ["token": "t1"], as: JSONValue.self)
        }
        #expect(created == .null)
        await server.notify("window/showMessage", params: ["type": 3, "message": "hello"])
        await server.notify("$/progress")
        #expect(await eventually { editor.notifications.value == ["window/showMessage", "$/progress"] })
        let initialized = try await within(.seconds(5)) {
            try await client.request("initialize", params: ["processId": nil], as: JSONValue.self)
        }
        #expect(initialized["capabilities"]?["codeActionProvider"] == true)
    }

    @Test func aResultOfTheWrongShapeIsAnInvalidResponse() async throws {
        let pair = Pair(server: TestHandler(), client: FakeEditor())
        let server = pair.server
        await #expect(throws: ConnectionError.self) {
            try await within(.seconds(5)) {
                try await server.request("window/workDoneProgress/create", params: ["token": "t"], as: ApplyEditResult.self)
            }
        }
    }

    @Test func cancellingTheCallerSendsCancelRequestToThePeer() async throws {
        let (clientSide, serverSide) = InMemoryTransport.pair()
        let server = Connection(transport: serverSide, logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        let peer = RawPeer(clientSide)
        Task { await server.run(handler: TestHandler()) }
        let caller = Task { try await server.request("never/answered", params: ["x": 1], as: JSONValue.self) }
        let request = try #require(try await peer.next())
        #expect(request["method"] == "never/answered")
        #expect(request["id"]?.stringValue?.hasPrefix("dw-") == true)
        caller.cancel()
        let cancel = try #require(try await peer.next())
        #expect(cancel == ["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": request["id"] ?? nil]])
        await #expect(throws: CancellationError.self) { try await caller.value }
        // A late response for the abandoned id is ignored.
        try await peer.send(["jsonrpc": "2.0", "id": request["id"] ?? nil, "result": 1])
    }

    @Test func pendingRequestsFailWhenTheConnectionCloses() async throws {
        let (clientSide, serverSide) = InMemoryTransport.pair()
        let server = Connection(transport: serverSide, logger: Logger(label: "t", factory: { _ in SwiftLogNoOpLogHandler() }))
        let peer = RawPeer(clientSide)
        let running = Task { await server.run(handler: TestHandler()) }
        let caller = Task { try await server.request("workspace/applyEdit", params: ["edit": [:]], as: JSONValue.self) }
        _ = try await peer.next()  // the request reached the client, which never answers
        clientSide.closeWrite()
        await #expect(throws: ConnectionError.closed) { try await within(.seconds(5)) { try await caller.value } }
        try await within(.seconds(5)) { await running.value }
        // After the end, requests fail at once.
        await #expect(throws: ConnectionError.closed) { try await server.request("late", as: JSONValue.self) }
    }
}

@Suite struct NotificationHandlerAwaitingPeerTests {
    @Test func aNotificationHandlerCanAwaitAResponseFromThePeer() async throws {
        // Like LSP's `initialized`, whose handler asks the client for its configuration.
        let serverBox = Box<Connection?>(nil)
        let configuration = Box<JSONValue?>(nil)
        let pair = Pair(
            server: TestHandler(
                onRequest: { _ in configuration.value ?? "none yet" },
                onNotification: { notification in
                    guard notification.method == "initialized", let server = serverBox.value else { return }
                    let answer = try? await server.request("workspace/configuration", params: ["items": [["section": "x"]]], as: JSONValue.self)
                    configuration.update { $0 = answer }
                }
            ),
            client: TestHandler(onRequest: { request in
                request.method == "workspace/configuration" ? [["model": "gemma"]] : nil
            })
        )
        serverBox.update { $0 = pair.server }
        let client = pair.client
        await client.notify("initialized", params: [String: Int]())
        // This request is dispatched only after the notification handler got its answer.
        let seen = try await within(.seconds(5), "a reply after the notification") {
            try await client.request("read", as: JSONValue.self)
        }
        #expect(seen == [["model": "gemma"]])
    }

    @Test func aRequestQueuedBehindASlowNotificationCanBeCancelledBeforeItStarts() async throws {
        let release = Box(false)
        let started = Box<[String]>([])
        let server = TestServer(handler: TestHandler(
            onRequest: { request in
                started.update { $0.append(request.method) }
                return "ran"
            },
            onNotification: { _ in _ = await eventually(.seconds(5)) { release.value } }
        ))
        try await server.peer.send(.notification("didChange"))
        try await server.peer.send(.request(1, "queued"))
        try await server.peer.send(.notification("$/cancelRequest", ["id": 1]))
        // Answered while the notification is still being handled.
        let reply = try await server.peer.response(to: 1)
        #expect(reply.errorCode == -32800)
        release.update { $0 = true }
        #expect(try await server.call(2, "after")["result"] == "ran")
        #expect(started.value == ["after"])
    }
}
