import DocwrightCore
import Engine
import FoundationEssentials
import JSON
import JSONRPC
import LSP
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `workspace/executeCommand`: generate (and apply), apply a given candidate, compare models.
extension LanguageServer {
    func executeCommand(_ params: ExecuteCommandRequest) async throws -> JSONValue {
        switch params.command {
        case Commands.generate:
            return try await generateAndApply(try GenerateArguments.from(params.arguments))
        case Commands.applyCandidate:
            return try await generateAndApply(try GenerateArguments.from(params.arguments))
        case Commands.compareModels:
            return try await compareModels(try GenerateArguments.from(params.arguments))
        case Commands.candidates:
            return try await candidates(try GenerateArguments.from(params.arguments))
        case Commands.inlineAccepted:
            logger.debug("inline candidate accepted", metadata: ["label": "\(params.arguments ?? [])"])
            return .null
        default:
            throw JSONRPCError(code: JSONRPCError.Code.invalidParams,
                               message: "unknown command '\(params.command)'; docwright knows \(Self.commands.joined(separator: ", "))")
        }
    }

    /// Same task to several models in parallel; the report opens as a document where the
    /// client can show one, else it is sent as a message. Returns the report either way.
    func compareModels(_ args: GenerateArguments) async throws -> JSONValue {
        guard case .found(let located) = try await locate(uri: args.uri, position: args.position) else {
            await showMessage(.info, "docwright: nothing to compare here — no docstring or comment at the cursor")
            return .null
        }
        let models = args.models ?? []
        let token = await beginProgress("docwright: comparing models", message: models.joined(separator: ", "))
        let comparison = await engine.compare(task: located.task, models: models)
        await endProgress(token, "done")
        let markdown = comparison.markdown(uri: args.uri, position: "\(args.position.line &+ 1):\(min(args.position.character, Int(Int32.max)) + 1)")
        let canShow = state.withLock { $0.capabilities?.window?.showDocument?.support ?? false }
        if canShow, let url = writeReport(markdown) {
            let shown = try? await connection.send(ShowDocumentRequest(uri: url))
            if shown?.success != true { await showMessage(.info, comparison.summary) }
        } else {
            await showMessage(.info, comparison.summary)
        }
        var reply = try JSONValue(encoding: comparison)
        if case .object(var fields) = reply {
            // Every client can show the same report, whether or not it opens documents.
            fields["markdown"] = .string(markdown)
            reply = .object(fields)
        }
        return reply
    }

    private func writeReport(_ markdown: String) -> String? {
        let number = state.withLock { state -> Int in
            state.reportCounter += 1
            return state.reportCounter
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("compare-\(number).md")
        do {
            try markdown.write(to: file, atomically: true, encoding: .utf8)
            return file.absoluteString
        } catch {
            return nil
        }
    }
}
