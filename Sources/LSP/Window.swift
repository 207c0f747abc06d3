import JSONRPC

public struct ShowMessageParams: Codable, Sendable {
    public var type: MessageType
    public var message: String
    public init(type: MessageType, message: String) {
        self.type = type
        self.message = message
    }
}

public struct ShowDocumentParams: Codable, Sendable {
    public var uri: String
    public var external: Bool?
    public var takeFocus: Bool?
    public init(uri: String, takeFocus: Bool = true) {
        self.uri = uri
        self.external = false
        self.takeFocus = takeFocus
    }
}

public struct ShowDocumentResult: Codable, Sendable {
    public var success: Bool
}

public struct WorkDoneProgressCreateParams: Codable, Sendable {
    public var token: String
    public init(token: String) { self.token = token }
}

/// `$/progress` with a work-done value (begin / report / end share one shape here).
public struct ProgressParams: Codable, Sendable {
    public var token: String
    public var value: WorkDoneProgress
    public init(token: String, value: WorkDoneProgress) {
        self.token = token
        self.value = value
    }
}

public struct WorkDoneProgress: Codable, Sendable {
    public var kind: String
    public var title: String?
    public var message: String?
    public var percentage: Int?
    public var cancellable: Bool?
    public static func begin(_ title: String, message: String? = nil, cancellable: Bool = false) -> WorkDoneProgress {
        WorkDoneProgress(kind: "begin", title: title, message: message, percentage: 0, cancellable: cancellable)
    }
    public static func report(_ message: String, percentage: Int? = nil) -> WorkDoneProgress {
        WorkDoneProgress(kind: "report", title: nil, message: message, percentage: percentage, cancellable: nil)
    }
    public static func end(_ message: String? = nil) -> WorkDoneProgress {
        WorkDoneProgress(kind: "end", title: nil, message: message, percentage: nil, cancellable: nil)
    }
}

public struct ConfigurationParams: Codable, Sendable {
    public var items: [Item]
    public init(section: String) { self.items = [Item(section: section)] }
    public struct Item: Codable, Sendable {
        public var scopeUri: String?
        public var section: String?
    }
}

/// Method names in one place.
public enum Method {
    public static let initialize = "initialize"
    public static let initialized = "initialized"
    public static let shutdown = "shutdown"
    public static let exit = "exit"
    public static let didOpen = "textDocument/didOpen"
    public static let didChange = "textDocument/didChange"
    public static let didClose = "textDocument/didClose"
    public static let didSave = "textDocument/didSave"
    public static let codeAction = "textDocument/codeAction"
    public static let codeActionResolve = "codeAction/resolve"
    public static let completion = "textDocument/completion"
    public static let inlineCompletion = "textDocument/inlineCompletion"
    public static let executeCommand = "workspace/executeCommand"
    public static let didChangeConfiguration = "workspace/didChangeConfiguration"
    public static let didChangeWatchedFiles = "workspace/didChangeWatchedFiles"
    public static let configuration = "workspace/configuration"
    public static let registerCapability = "client/registerCapability"
    public static let applyEdit = "workspace/applyEdit"
    public static let showMessage = "window/showMessage"
    public static let logMessage = "window/logMessage"
    public static let showDocument = "window/showDocument"
    public static let progressCreate = "window/workDoneProgress/create"
    public static let progressCancel = "window/workDoneProgress/cancel"
    public static let progress = "$/progress"
    public static let cancelRequest = "$/cancelRequest"
}
