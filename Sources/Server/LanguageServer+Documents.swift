import Config
import Documents
import JSONRPC
import LSP
import Syntax

extension LanguageServer {
    func didOpen(_ params: DidOpenTextDocumentNotification) throws {
        let item = params.textDocument
        let language = effectiveLanguageID(item.languageId, path: filePath(fromURI: item.uri))
        documents.open(uri: item.uri, languageId: language, version: item.version, text: item.text)
        refreshTree(uri: item.uri)
        indexDocument(uri: item.uri, editedLine: nil)
    }

    func didChange(_ params: DidChangeTextDocumentNotification) throws {
        let changes = params.contentChanges.map { change in
            DocumentChange(range: change.range.map(textRange), text: change.text)
        }
        _ = try documents.apply(
            uri: params.textDocument.uri, version: params.textDocument.version,
            changes: changes, encoding: encoding)
        refreshTree(uri: params.textDocument.uri)
        indexDocument(uri: params.textDocument.uri, editedLine: changes.first?.range?.start.line)
    }

    func didClose(_ params: DidCloseTextDocumentNotification) {
        documents.close(uri: params.textDocument.uri)
        trees.remove(params.textDocument.uri)
        unindexDocument(uri: params.textDocument.uri)
    }

    /// The document's syntax tree is brought up to date in the background now, so the request
    /// that follows an open or an edit finds it parsed (a large file's parse is not on its path).
    private func refreshTree(uri: String) {
        guard let language = documents.snapshot(uri: uri)?.languageId else { return }
        let documents = documents
        trees.refresh(uri, language: language) { documents.snapshot(uri: uri)?.text }
    }

    func textRange(_ range: LSP.Range) -> TextRange {
        TextRange(start: TextPosition(line: range.start.line, character: range.start.character),
                  end: TextPosition(line: range.end.line, character: range.end.character))
    }
}
