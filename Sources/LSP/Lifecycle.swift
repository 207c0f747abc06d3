import JSON
import JSONRPC

/// `initialize`: the parts of its params docwright reads; everything else is ignored.
public struct InitializeRequest: LSPRequest {
    public static let method = "initialize"
    public typealias Response = InitializeResult

    public var processId: Int?
    public var rootUri: String?
    public var rootPath: String?
    public var workspaceFolders: [WorkspaceFolder]?
    public var initializationOptions: JSONValue?
    public var capabilities: ClientCapabilities?
    public var clientInfo: ClientInfo?

    public struct ClientInfo: Codable, Sendable {
        public var name: String
        public var version: String?
    }
}

public struct InitializedNotification: LSPNotification, ParameterlessMessage {
    public static let method = "initialized"
    public init() {}
}

public struct ShutdownRequest: LSPRequest, ParameterlessMessage {
    public static let method = "shutdown"
    public typealias Response = VoidResponse
    public init() {}
}

public struct ExitNotification: LSPNotification, ParameterlessMessage {
    public static let method = "exit"
    public init() {}
}

public struct WorkspaceFolder: Codable, Sendable, Hashable {
    public var uri: String
    public var name: String
}

/// Client capabilities docwright adapts to. Decoding is lenient: every field optional.
public struct ClientCapabilities: Codable, Sendable {
    public var general: General?
    public var workspace: Workspace?
    public var window: Window?
    public var textDocument: TextDocument?

    public struct General: Codable, Sendable {
        public var positionEncodings: [PositionEncodingKind]?
    }
    public struct Workspace: Codable, Sendable {
        public var applyEdit: Bool?
        public var configuration: Bool?
        public var didChangeWatchedFiles: DynamicRegistration?
    }
    public struct DynamicRegistration: Codable, Sendable {
        public var dynamicRegistration: Bool?
    }
    public struct Window: Codable, Sendable {
        public var workDoneProgress: Bool?
        public var showDocument: ShowDocument?
        public struct ShowDocument: Codable, Sendable { public var support: Bool? }
    }
    public struct TextDocument: Codable, Sendable {
        public var codeAction: CodeActionCaps?
        public var inlineCompletion: JSONValue?
        public struct CodeActionCaps: Codable, Sendable {
            public var resolveSupport: ResolveSupport?
            public var dataSupport: Bool?
            public struct ResolveSupport: Codable, Sendable { public var properties: [String]? }
        }
    }
}

public struct InitializeResult: Codable, Sendable {
    public var capabilities: ServerCapabilities
    public var serverInfo: ServerInfo
    public init(capabilities: ServerCapabilities, serverInfo: ServerInfo) {
        self.capabilities = capabilities
        self.serverInfo = serverInfo
    }
    public struct ServerInfo: Codable, Sendable {
        public var name: String
        public var version: String
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }
}

public struct ServerCapabilities: Codable, Sendable {
    public var positionEncoding: PositionEncodingKind
    public var textDocumentSync: TextDocumentSyncOptions
    public var codeActionProvider: CodeActionOptions
    public var completionProvider: CompletionOptions
    public var inlineCompletionProvider: Bool
    public var executeCommandProvider: ExecuteCommandOptions

    public init(positionEncoding: PositionEncodingKind, commands: [String]) {
        self.positionEncoding = positionEncoding
        self.textDocumentSync = TextDocumentSyncOptions()
        self.codeActionProvider = CodeActionOptions()
        self.completionProvider = CompletionOptions()
        self.inlineCompletionProvider = true
        self.executeCommandProvider = ExecuteCommandOptions(commands: commands)
    }

    public struct TextDocumentSyncOptions: Codable, Sendable {
        public var openClose = true
        public var change = TextDocumentSyncKind.incremental
        public init() {}
    }
    public struct CodeActionOptions: Codable, Sendable {
        public var codeActionKinds: [CodeActionKind] = [.refactorRewrite, .quickFix]
        public var resolveProvider = true
        public init() {}
    }
    public struct CompletionOptions: Codable, Sendable {
        public var triggerCharacters: [String] = []
        public var resolveProvider = false
        public init() {}
    }
    public struct ExecuteCommandOptions: Codable, Sendable {
        public var commands: [String]
    }
}
