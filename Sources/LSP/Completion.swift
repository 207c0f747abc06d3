import JSON
import JSONRPC

/// `textDocument/completion`.
public struct CompletionRequest: LSPRequest {
    public static let method = "textDocument/completion"
    public typealias Response = CompletionList

    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: Context?
    public struct Context: Codable, Sendable {
        public var triggerKind: CompletionTriggerKind?
        public var triggerCharacter: String?
    }
}

public struct CompletionItem: Codable, Sendable {
    public var label: String
    public var kind: CompletionItemKind?
    public var detail: String?
    public var documentation: MarkupContent?
    public var sortText: String?
    public var filterText: String?
    public var insertTextFormat: InsertTextFormat?
    public var textEdit: TextEdit?
    public var additionalTextEdits: [TextEdit]?
    public var data: JSONValue?
    public init(label: String, kind: CompletionItemKind?, detail: String?, documentation: MarkupContent?, sortText: String?,
                filterText: String?, textEdit: TextEdit?, data: JSONValue? = nil) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.sortText = sortText
        self.filterText = filterText
        self.insertTextFormat = .plainText
        self.textEdit = textEdit
        self.data = data
    }
}

public struct MarkupContent: Codable, Sendable {
    public var kind: MarkupKind
    public var value: String
    public init(markdown: String) {
        self.kind = .markdown
        self.value = markdown
    }
}

public struct CompletionList: Codable, Sendable {
    public var isIncomplete: Bool
    public var items: [CompletionItem]
    public init(isIncomplete: Bool, items: [CompletionItem]) {
        self.isIncomplete = isIncomplete
        self.items = items
    }
}

/// LSP 3.18 `textDocument/inlineCompletion`.
public struct InlineCompletionRequest: LSPRequest {
    public static let method = "textDocument/inlineCompletion"
    public typealias Response = InlineCompletionList

    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: Context?
    public struct Context: Codable, Sendable {
        public var triggerKind: InlineCompletionTriggerKind?
    }
}

public struct InlineCompletionItem: Codable, Sendable {
    public var insertText: String
    public var filterText: String?
    public var range: Range?
    public var command: Command?
    public init(insertText: String, filterText: String? = nil, range: Range?, command: Command? = nil) {
        self.insertText = insertText
        self.filterText = filterText
        self.range = range
        self.command = command
    }
}

public struct InlineCompletionList: Codable, Sendable {
    public var items: [InlineCompletionItem]
    /// docwright's extension (clients ignore it): true when the items are a provisional ranking
    /// of the samples complete so far (an invoked request answered on the first acceptable
    /// candidate while the others stream); asking again gets the final ranked list. Omitted
    /// otherwise.
    public var provisional: Bool?
    public init(items: [InlineCompletionItem], provisional: Bool? = nil) {
        self.items = items
        self.provisional = provisional
    }
}
