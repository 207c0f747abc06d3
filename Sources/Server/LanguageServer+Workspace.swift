import Documents
import Engine
import FoundationEssentials
import JSON
import JSONRPC
import LSP
import Logging
import ProjectContext
import Synchronization

/// The workspace index behind project context: opened after `initialized`, built in the
/// background, kept current from the documents and the client's file events.
extension LanguageServer {
    /// Opens the index for the workspace root and builds it off the request path; asks the client
    /// to report file changes when it can register watchers.
    func startWorkspaceIndex() {
        let (root, watches) = state.withLock {
            ($0.workspaceRoot, $0.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration ?? false)
        }
        guard let index = engine.openWorkspace(root: root) else { return }
        // Documents opened before the index existed count as open.
        for uri in documents.uris { indexDocument(uri: uri, editedLine: nil) }
        Task {
            await index.build()
            logger.info("workspace indexed", metadata: ["status": "\(index.status)"])
        }
        guard watches else { return }
        Task {
            let options: JSONValue = ["watchers": [["globPattern": "**/*"]]]
            let request = RegisterCapabilityRequest(registrations: [
                .init(id: "docwright-workspace-files", method: DidChangeWatchedFilesNotification.method, registerOptions: options),
            ])
            do {
                _ = try await connection.send(request)
            } catch {
                logger.debug("file watcher registration failed", metadata: ["error": "\(describe(error))"])
            }
        }
    }

    /// An opened or edited document: its unsaved text is what context sees of that file.
    func indexDocument(uri: String, editedLine: Int?) {
        guard let index = engine.workspace, let path = relativePath(uri, in: index),
              let snapshot = documents.snapshot(uri: uri) else { return }
        index.documentChanged(path: path, language: snapshot.languageId, text: snapshot.text, editedLine: editedLine)
    }

    func unindexDocument(uri: String) {
        guard let index = engine.workspace, let path = relativePath(uri, in: index) else { return }
        index.documentClosed(path: path)
    }

    func indexFileEvents(_ changes: [DidChangeWatchedFilesNotification.FileEvent]) {
        guard let index = engine.workspace else { return }
        let events: [WorkspaceIndex.FileEvent] = changes.compactMap { change in
            guard let path = relativePath(change.uri, in: index) else { return nil }
            switch change.type {
            case .created: return .created(path)
            case .deleted: return .deleted(path)
            default: return .changed(path)
            }
        }
        index.filesChanged(events)
    }

    private func relativePath(_ uri: String, in index: WorkspaceIndex) -> String? {
        filePath(fromURI: uri).flatMap(index.relativePath)
    }
}
