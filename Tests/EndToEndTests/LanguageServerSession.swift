import Foundation
import Testing

/// `docwright lsp` over real pipes, rooted at a `HostileWorkspace`'s repository, with the
/// workspace's environment (planted secrets included).
final class LanguageServerSession {
    let client: BinaryClient
    let workspace: HostileWorkspace
    private var opened: Set<String> = []

    private init(_ workspace: HostileWorkspace) throws {
        self.workspace = workspace
        client = try BinaryClient(environment: workspace.environment)
    }

    static func start(_ workspace: HostileWorkspace) async throws -> LanguageServerSession {
        let session = try LanguageServerSession(workspace)
        _ = try await session.client.request("initialize", [
            "processId": NSNull(), "rootUri": URL(fileURLWithPath: workspace.repo).absoluteString,
            "capabilities": ["workspace": ["applyEdit": true]],
        ] as [String: Any])
        try session.client.notify("initialized", [:])
        return session
    }

    func uri(_ relativePath: String) -> String { URL(fileURLWithPath: workspace.repo + "/" + relativePath).absoluteString }

    /// Runs `docwright.generate` at `line` (0-based) of the file, opening it first; returns the reply.
    func generate(_ relativePath: String, line: Int) async throws -> [String: Any] {
        let uri = uri(relativePath)
        if !opened.contains(uri) {
            let text = try String(contentsOfFile: workspace.repo + "/" + relativePath, encoding: .utf8)
            try client.notify("textDocument/didOpen", ["textDocument": [
                "uri": uri, "languageId": "python", "version": 1, "text": text,
            ]])
            opened.insert(uri)
        }
        return try await client.request("workspace/executeCommand", [
            "command": "docwright.generate",
            "arguments": [["uri": uri, "position": ["line": line, "character": 4]]],
        ] as [String: Any])
    }

    /// The first `window/showMessage` text satisfying `predicate` (already received or arriving).
    func waitForMessage(_ predicate: @escaping (String) -> Bool) async throws -> String {
        let message = try await client.waitFor(timeout: .seconds(20)) { message in
            guard message["method"] as? String == "window/showMessage",
                  let text = (message["params"] as? [String: Any])?["message"] as? String else { return false }
            return predicate(text)
        }
        return ((message["params"] as? [String: Any])?["message"] as? String) ?? ""
    }

    func close() async {
        _ = try? await client.request("shutdown", NSNull(), timeout: .seconds(10))
        try? client.notify("exit", [:])
        _ = await client.waitForExit()
    }
}
