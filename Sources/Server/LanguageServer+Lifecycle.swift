import Engine
import JSON
import DocwrightCore
import Documents
import FoundationEssentials
import JSONRPC
import LSP
import Logging
import Synchronization

extension LanguageServer {
    func initialize(_ params: InitializeRequest) async -> InitializeResult {
        let negotiated = PositionEncoding.negotiate(clientOffers: params.capabilities?.general?.positionEncodings?.map(\.rawValue))
        let root = Self.workspaceRoot(params)
        state.withLock {
            $0.phase = .running
            $0.encoding = negotiated
            $0.capabilities = params.capabilities
            $0.workspaceRoot = root
        }
        let options = params.initializationOptions.flatMap { try? JSONEncoder().encode($0) }
        let diagnostics = engine.configure(workspaceRoot: root, initializationOptions: options)
        logger.info("initialized", metadata: [
            "client": "\(params.clientInfo?.name ?? "unknown")",
            "encoding": "\(negotiated.lspName)", "root": "\(root ?? "none")",
        ])
        announce(diagnostics)
        return InitializeResult(
            capabilities: ServerCapabilities(positionEncoding: PositionEncodingKind(rawValue: negotiated.lspName), commands: Self.commands),
            serverInfo: .init(name: "docwright", version: DocwrightVersion.string)
        )
    }

    /// After `initialized`, pull `workspace/configuration` when the client supports it.
    func didInitialize() async {
        startWorkspaceIndex()
        let pulls = state.withLock { $0.capabilities?.workspace?.configuration ?? false }
        guard pulls else { return }
        Task {
            do {
                let settings = try await connection.send(WorkspaceConfigurationRequest(section: "docwright"))
                if let first = settings.first, first != .null {
                    await applyClientSettings(first)
                }
            } catch {
                logger.debug("workspace/configuration pull failed", metadata: ["error": "\(describe(error))"])
            }
        }
    }

    func didChangeConfiguration(_ params: DidChangeConfigurationNotification) async {
        guard let settings = params.settings, settings != .null else { return }
        // Clients send either {docwright: {...}} or the section itself.
        let section = settings["docwright"] ?? settings
        await applyClientSettings(section)
    }

    func applyClientSettings(_ settings: JSONValue) async {
        guard let data = try? JSONEncoder().encode(settings) else { return }
        let diagnostics = engine.updateClientSettings(data)
        if !diagnostics.isEmpty {
            await showMessage(.warning, "docwright configuration: " + diagnostics.joined(separator: "\n"))
        }
    }

    /// A saved or watched configuration file: re-read the layers (and so the trust list).
    func configurationFileChanged(uris: [String]) {
        let names = [".docwright.toml", "config.toml", "trusted.json"]
        guard uris.contains(where: { uri in names.contains { uri.hasSuffix("/" + $0) } }) else { return }
        announce(engine.reloadConfiguration())
    }

    /// Shows configuration messages (each once) without making the caller wait for the client.
    func announce(_ messages: [String]) {
        guard !messages.isEmpty else { return }
        let text = messages.joined(separator: "\n")
        Task { await self.showMessage(.warning, "docwright configuration: \(text)") }
    }

    static func workspaceRoot(_ params: InitializeRequest) -> String? {
        if let folder = params.workspaceFolders?.first, let path = filePath(fromURI: folder.uri) { return path }
        if let uri = params.rootUri, let path = filePath(fromURI: uri) { return path }
        return params.rootPath
    }
}

/// `file:///a/b%20c.py` → `/a/b c.py`; nil for other schemes.
func filePath(fromURI uri: String) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    return url.path
}
