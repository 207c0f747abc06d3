import JSON
import JSONRPC

public struct DidOpenTextDocumentParams: Codable, Sendable {
    public var textDocument: TextDocumentItem
}

public struct TextDocumentContentChangeEvent: Codable, Sendable {
    public var range: Range?
    public var rangeLength: Int?
    public var text: String
    public init(range: Range?, text: String) {
        self.range = range
        self.text = text
    }
}

public struct DidChangeTextDocumentParams: Codable, Sendable {
    public var textDocument: VersionedTextDocumentIdentifier
    public var contentChanges: [TextDocumentContentChangeEvent]
}

public struct DidCloseTextDocumentParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

public struct DidSaveTextDocumentParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

public struct DidChangeConfigurationParams: Codable, Sendable {
    public var settings: JSONValue?
}

public struct CancelParams: Codable, Sendable {
    public var id: RequestID
}

/// `workspace/didChangeWatchedFiles`: files the client watches changed on disk.
public struct DidChangeWatchedFilesParams: Codable, Sendable {
    public struct FileEvent: Codable, Sendable {
        public var uri: String
        /// 1 created, 2 changed, 3 deleted.
        public var type: Int
    }

    public var changes: [FileEvent]
}

/// `client/registerCapability` params (server → client).
public struct RegistrationParams: Codable, Sendable {
    public struct Registration: Codable, Sendable {
        public var id: String
        public var method: String
        public var registerOptions: JSONValue?
        public init(id: String, method: String, registerOptions: JSONValue?) {
            self.id = id
            self.method = method
            self.registerOptions = registerOptions
        }
    }

    public var registrations: [Registration]
    public init(registrations: [Registration]) { self.registrations = registrations }
}
