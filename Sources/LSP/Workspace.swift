import JSON
import JSONRPC

/// `workspace/executeCommand`; the result is whatever the command returns.
public struct ExecuteCommandRequest: LSPRequest {
    public static let method = "workspace/executeCommand"
    public typealias Response = JSONValue

    public var command: String
    public var arguments: [JSONValue]?
    public init(command: String, arguments: [JSONValue]? = nil) {
        self.command = command
        self.arguments = arguments
    }
}

/// `workspace/applyEdit` (server → client).
public struct ApplyEditRequest: LSPRequest {
    public static let method = "workspace/applyEdit"
    public typealias Response = ApplyWorkspaceEditResult

    public var label: String?
    public var edit: WorkspaceEdit
    public init(label: String?, edit: WorkspaceEdit) {
        self.label = label
        self.edit = edit
    }
}

public struct ApplyWorkspaceEditResult: Codable, Sendable {
    public var applied: Bool
    public var failureReason: String?
    public init(applied: Bool, failureReason: String? = nil) {
        self.applied = applied
        self.failureReason = failureReason
    }
}

/// `workspace/configuration` (server → client): one settings value per item.
public struct WorkspaceConfigurationRequest: LSPRequest {
    public static let method = "workspace/configuration"
    public typealias Response = [JSONValue]

    public var items: [Item]
    public init(section: String) { self.items = [Item(section: section)] }
    public struct Item: Codable, Sendable {
        public var scopeUri: String?
        public var section: String?
    }
}

public struct DidChangeConfigurationNotification: LSPNotification {
    public static let method = "workspace/didChangeConfiguration"
    public var settings: JSONValue?
}

/// `workspace/didChangeWatchedFiles`: files the client watches changed on disk.
public struct DidChangeWatchedFilesNotification: LSPNotification {
    public static let method = "workspace/didChangeWatchedFiles"

    public struct FileEvent: Codable, Sendable {
        public var uri: String
        public var type: FileChangeType
        public init(uri: String, type: FileChangeType) {
            self.uri = uri
            self.type = type
        }
    }

    public var changes: [FileEvent]
    public init(changes: [FileEvent]) { self.changes = changes }
}

/// `client/registerCapability` (server → client).
public struct RegisterCapabilityRequest: LSPRequest {
    public static let method = "client/registerCapability"
    public typealias Response = VoidResponse

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
