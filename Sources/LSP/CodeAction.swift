import JSON
import JSONRPC

public struct CodeActionParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var range: Range
    public var context: CodeActionContext?

    public struct CodeActionContext: Codable, Sendable {
        public var only: [String]?
        /// 1 = invoked by the user, 2 = automatic (lightbulb).
        public var triggerKind: Int?
    }
}

public struct CodeAction: Codable, Sendable {
    public var title: String
    public var kind: String?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit?
    public var command: Command?
    public var data: JSONValue?
    public init(title: String, kind: String?, isPreferred: Bool? = nil, edit: WorkspaceEdit? = nil,
                command: Command? = nil, data: JSONValue? = nil) {
        self.title = title
        self.kind = kind
        self.isPreferred = isPreferred
        self.edit = edit
        self.command = command
        self.data = data
    }
}

public struct ExecuteCommandParams: Codable, Sendable {
    public var command: String
    public var arguments: [JSONValue]?
}

public struct ApplyWorkspaceEditParams: Codable, Sendable {
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
}
