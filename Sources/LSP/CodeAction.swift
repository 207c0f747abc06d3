import JSON
import JSONRPC

/// `textDocument/codeAction`.
public struct CodeActionRequest: LSPRequest {
    public static let method = "textDocument/codeAction"
    public typealias Response = [CodeAction]

    public var textDocument: TextDocumentIdentifier
    public var range: Range
    public var context: CodeActionContext?

    public struct CodeActionContext: Codable, Sendable {
        public var only: [CodeActionKind]?
        public var triggerKind: CodeActionTriggerKind?
    }
}

/// `codeAction/resolve`: the params are the action itself, and so is the result.
public struct CodeActionResolveRequest: LSPRequest {
    public static let method = "codeAction/resolve"
    public typealias Response = CodeAction

    public var codeAction: CodeAction
    public init(codeAction: CodeAction) { self.codeAction = codeAction }
    public init(from decoder: any Decoder) throws { codeAction = try CodeAction(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try codeAction.encode(to: encoder) }
}

public struct CodeAction: Codable, Sendable {
    public var title: String
    public var kind: CodeActionKind?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit?
    public var command: Command?
    public var data: JSONValue?
    public init(title: String, kind: CodeActionKind?, isPreferred: Bool? = nil, edit: WorkspaceEdit? = nil,
                command: Command? = nil, data: JSONValue? = nil) {
        self.title = title
        self.kind = kind
        self.isPreferred = isPreferred
        self.edit = edit
        self.command = command
        self.data = data
    }
}
