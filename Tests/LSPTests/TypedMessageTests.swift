import JSON
import JSONRPC
import LSP
import Testing

/// Each request and notification type names the method it always had on the wire.
@Suite struct MethodNameTests {
    @Test func requestMethods() {
        let methods: [(String, String)] = [
            (InitializeRequest.method, "initialize"),
            (ShutdownRequest.method, "shutdown"),
            (CodeActionRequest.method, "textDocument/codeAction"),
            (CodeActionResolveRequest.method, "codeAction/resolve"),
            (CompletionRequest.method, "textDocument/completion"),
            (InlineCompletionRequest.method, "textDocument/inlineCompletion"),
            (ExecuteCommandRequest.method, "workspace/executeCommand"),
            (WorkspaceConfigurationRequest.method, "workspace/configuration"),
            (RegisterCapabilityRequest.method, "client/registerCapability"),
            (ApplyEditRequest.method, "workspace/applyEdit"),
            (ShowDocumentRequest.method, "window/showDocument"),
            (CreateWorkDoneProgressRequest.method, "window/workDoneProgress/create"),
        ]
        for (method, expected) in methods { #expect(method == expected) }
    }

    @Test func notificationMethods() {
        let methods: [(String, String)] = [
            (InitializedNotification.method, "initialized"),
            (ExitNotification.method, "exit"),
            (DidOpenTextDocumentNotification.method, "textDocument/didOpen"),
            (DidChangeTextDocumentNotification.method, "textDocument/didChange"),
            (DidCloseTextDocumentNotification.method, "textDocument/didClose"),
            (DidSaveTextDocumentNotification.method, "textDocument/didSave"),
            (DidChangeConfigurationNotification.method, "workspace/didChangeConfiguration"),
            (DidChangeWatchedFilesNotification.method, "workspace/didChangeWatchedFiles"),
            (ShowMessageNotification.method, "window/showMessage"),
            (ProgressNotification.method, "$/progress"),
            (WorkDoneProgressCancelNotification.method, "window/workDoneProgress/cancel"),
            (CancelRequestNotification.method, "$/cancelRequest"),
        ]
        for (method, expected) in methods { #expect(method == expected) }
    }
}

/// Named kinds encode as the bare integers and strings the wire always carried.
@Suite struct NamedKindTests {
    @Test func integersOnTheWire() throws {
        #expect(try JSONValue(encoding: MessageType.error) == 1)
        #expect(try JSONValue(encoding: MessageType.warning) == 2)
        #expect(try JSONValue(encoding: MessageType.info) == 3)
        #expect(try JSONValue(encoding: MessageType.log) == 4)
        #expect(try JSONValue(encoding: CompletionItemKind.text) == 1)
        #expect(try JSONValue(encoding: CompletionItemKind.snippet) == 15)
        #expect(try JSONValue(encoding: InsertTextFormat.plainText) == 1)
        #expect(try JSONValue(encoding: TextDocumentSyncKind.incremental) == 2)
        #expect(try JSONValue(encoding: FileChangeType.created) == 1)
        #expect(try JSONValue(encoding: FileChangeType.changed) == 2)
        #expect(try JSONValue(encoding: FileChangeType.deleted) == 3)
        #expect(try JSONValue(encoding: CompletionTriggerKind.invoked) == 1)
        #expect(try JSONValue(encoding: InlineCompletionTriggerKind.automatic) == 2)
    }

    @Test func stringsOnTheWire() throws {
        #expect(try JSONValue(encoding: CodeActionKind.refactorRewrite) == "refactor.rewrite")
        #expect(try JSONValue(encoding: CodeActionKind.quickFix) == "quickfix")
        #expect(try JSONValue(encoding: MarkupKind.markdown) == "markdown")
        #expect(try JSONValue(encoding: WorkDoneProgressKind.begin) == "begin")
        #expect(try JSONValue(encoding: PositionEncodingKind.utf8) == "utf-8")
    }

    @Test func shapesUnchanged() throws {
        let item = CompletionItem(label: "x", kind: .snippet, detail: nil, documentation: MarkupContent(markdown: "m"),
                                  sortText: nil, filterText: nil, textEdit: nil)
        let encoded = try JSONValue(encoding: item)
        #expect(encoded["kind"] == 15)
        #expect(encoded["insertTextFormat"] == 1)
        #expect(encoded["documentation"] == ["kind": "markdown", "value": "m"])
        let capabilities = try JSONValue(encoding: ServerCapabilities(positionEncoding: .utf16, commands: []))
        #expect(capabilities["positionEncoding"] == "utf-16")
        #expect(capabilities["textDocumentSync"] == ["openClose": true, "change": 2])
        #expect(capabilities["codeActionProvider"]?["codeActionKinds"] == ["refactor.rewrite", "quickfix"])
        #expect(try JSONValue(encoding: ShowMessageNotification(type: .warning, message: "m")) == ["type": 2, "message": "m"])
    }

    @Test func unknownValuesDecode() throws {
        let raw: JSONValue = ["uri": "file:///a", "type": 7]
        let event = try raw.decode(DidChangeWatchedFilesNotification.FileEvent.self)
        #expect(event.type == FileChangeType(rawValue: 7))
        let kind = try JSONValue.string("source.fixAll").decode(CodeActionKind.self)
        #expect(kind.rawValue == "source.fixAll")
    }

    @Test func parameterlessMessagesSendNoParams() throws {
        #expect(try JSONValue(encoding: ShutdownRequest()) == .null)
        #expect(try JSONValue(encoding: VoidResponse()) == .null)
        _ = try JSONValue.null.decode(ExitNotification.self)
        let object: JSONValue = ["anything": 1]
        _ = try object.decode(InitializedNotification.self)
        _ = try object.decode(VoidResponse.self)
    }
}

/// A typed request and notification through two real connections over an in-memory pipe.
@Suite struct TypedConnectionTests {
    final class Peer: MessageHandler, Sendable {
        let shown = AsyncStream<String>.makeStream()

        func handle(request: IncomingRequest) async throws -> JSONValue {
            switch request.method {
            case ShowDocumentRequest.method:
                let params = try request.decodeParams(ShowDocumentRequest.self)
                return try JSONValue(encoding: ShowDocumentResult(success: params.uri.hasPrefix("file:")))
            case ApplyEditRequest.method:
                let params = try request.decodeParams(ApplyEditRequest.self)
                return try JSONValue(encoding: ApplyWorkspaceEditResult(applied: false, failureReason: params.label))
            case CreateWorkDoneProgressRequest.method:
                return .null
            default:
                throw JSONRPCError.methodNotFound(request.method)
            }
        }

        func handle(notification: IncomingNotification) async {
            guard notification.method == ShowMessageNotification.method,
                  let params = try? notification.decodeParams(ShowMessageNotification.self) else { return }
            shown.continuation.yield("\(params.type.rawValue): \(params.message)")
        }
    }

    @Test func roundTrip() async throws {
        let (clientEnd, serverEnd) = InMemoryTransport.pair()
        let peer = Peer()
        let peerConnection = Connection(transport: serverEnd)
        let connection = Connection(transport: clientEnd)
        let peerTask = Task { await peerConnection.run(handler: peer) }
        let clientTask = Task { await connection.run(handler: Peer()) }

        let shown = try await connection.send(ShowDocumentRequest(uri: "file:///tmp/report.md"))
        #expect(shown.success)
        let applied = try await connection.send(ApplyEditRequest(label: "why", edit: WorkspaceEdit(changes: [:])))
        #expect(!applied.applied)
        #expect(applied.failureReason == "why")
        _ = try await connection.send(CreateWorkDoneProgressRequest(token: "t"))
        await connection.notify(ShowMessageNotification(type: .info, message: "hello"))
        var messages = peer.shown.stream.makeAsyncIterator()
        let first = await messages.next()
        #expect(first == "3: hello")

        connection.stop()
        peerConnection.stop()
        await clientTask.value
        await peerTask.value
    }
}
