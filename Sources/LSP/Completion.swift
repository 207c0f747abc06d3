import JSON
import JSONRPC

public struct CompletionParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: Context?
    public struct Context: Codable, Sendable {
        /// 1 invoked, 2 trigger character, 3 incomplete re-trigger.
        public var triggerKind: Int?
        public var triggerCharacter: String?
    }
}

public struct CompletionItem: Codable, Sendable {
    public var label: String
    /// 15 = Snippet, 1 = Text.
    public var kind: Int?
    public var detail: String?
    public var documentation: MarkupContent?
    public var sortText: String?
    public var filterText: String?
    /// 1 = plain text.
    public var insertTextFormat: Int?
    public var textEdit: TextEdit?
    public var additionalTextEdits: [TextEdit]?
    public var data: JSONValue?
    public init(label: String, kind: Int?, detail: String?, documentation: MarkupContent?, sortText: String?,
                filterText: String?, textEdit: TextEdit?, data: JSONValue? = nil) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.sortText = sortText
        self.filterText = filterText
        self.insertTextFormat = 1
        self.textEdit = textEdit
        self.data = data
    }
}

public struct MarkupContent: Codable, Sendable {
    public var kind: String
    public var value: String
    public init(markdown: String) {
        self.kind = "markdown"
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
public struct InlineCompletionParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: Context?
    public struct Context: Codable, Sendable {
        /// 1 = invoked, 2 = automatic.
        public var triggerKind: Int?
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
    public init(items: [InlineCompletionItem]) { self.items = items }
}
