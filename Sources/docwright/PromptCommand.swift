import ArgumentParser
import Config
import DocwrightCore
import Engine
import FoundationEssentials
import JSON
import ProjectContext
import Providers

/// `docwright prompt FILE:LINE`: the request `generate` would make there — model, URL, body after
/// redaction — and every piece of project context in it, with where it came from and why.
/// Contacts no model.
struct PromptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompt",
        abstract: "Show exactly what generate would send for FILE:LINE[:COL], and why each piece of context is in it.",
        discussion: "Nothing is sent. Secrets are shown redacted, as they would be sent; API keys never appear.")

    @Argument(help: "FILE:LINE[:COL]")
    var target: String

    @OptionGroup var choice: ModelOptions

    @Flag(help: "Print one JSON object: the route, the HTTP request, the context pieces.")
    var json = false

    @OptionGroup var options: EngineOptions

    func run() async throws {
        try await options.withTask("prompt", at: target, verb: "generate") { targeted in
            let engine = targeted.engine
            let preview = try await userFacing { try engine.preview(task: targeted.task, model: choice.model, n: choice.n) }
            let report = PromptReport(preview, index: engine.workspace?.status)
            print(json ? try jsonString(report) : report.text)
        }
    }
}

/// The preview as people and scripts read it.
struct PromptReport: Encodable {
    struct Piece: Encodable {
        var path: String
        var line: Int
        var symbols: [String]
        var reason: String
        var why: String
        var tokens: Int
        var text: String
    }

    var model: String
    var modelID: String
    var provider: String
    var route: String
    var url: String
    /// Requests per generation (n samples in one request, or one request per sample).
    var requests: Int
    /// Header names sent (values are not shown: they may carry credentials).
    var headers: [String]
    var body: JSONValue
    var context: [Piece]
    var contextTokens: Int
    var index: String
    var cacheKey: String
    var cached: Bool

    init(_ preview: RequestPreview, index: WorkspaceIndex.Status?) {
        let endpoint = preview.route.endpoint
        model = endpoint.name
        modelID = endpoint.model
        provider = endpoint.provider.rawValue
        route = preview.route.rule.description
        let provider = ProviderRegistry.provider(for: endpoint.provider)
        let perRequest = provider?.acceptsN(for: preview.plan) == true ? preview.params.n : 1
        requests = (preview.params.n + perRequest - 1) / perRequest
        if let provider, let request = try? provider.request(for: preview.plan, params: preview.params, count: perRequest,
                                                                 seed: preview.params.seed, stream: false, endpoint: endpoint) {
            url = request.url
            body = request.body
            headers = (provider.presetHeaders.map(\.name) + request.headers.map(\.name) + endpoint.headers.keys.sorted()
                + (endpoint.apiKeyEnv != nil || endpoint.apiKeyFile != nil ? [provider.keyHeader.field(for: "").name] : []))
        } else {
            url = endpoint.baseURL
            body = .null
            headers = []
        }
        let estimate = TokenBudget(maxTokens: 0, charactersPerToken: TokenBudget.charactersPerToken(modelID: endpoint.model))
        context = preview.context.map {
            Piece(path: $0.path, line: $0.line + 1, symbols: $0.symbols, reason: $0.reason.rawValue, why: $0.detail,
                  tokens: estimate.tokens($0.text), text: $0.text)
        }
        contextTokens = context.reduce(0) { $0 + $1.tokens }
        self.index = index.map(Self.describe) ?? "none (--no-context, context.enabled = false, or no workspace)"
        cacheKey = String(preview.cacheKey.prefix(16))
        cached = preview.cached
    }

    var text: String {
        var lines = ["model: \(model) [\(modelID)] via \(provider) — \(route)",
                     "request: POST \(url)" + (requests > 1 ? " (×\(requests), one per sample)" : ""),
                     "headers: " + (headers.isEmpty ? "(none)" : headers.joined(separator: ", ") + " (values not shown)"),
                     "cache: \(cacheKey)\(cached ? " (cached: generate answers without a model call)" : "")",
                     "index: \(index)",
                     "",
                     "context: \(context.count) pieces, ~\(contextTokens) tokens"]
        for (number, piece) in context.enumerated() {
            let symbols = piece.symbols.isEmpty ? "" : " " + piece.symbols.joined(separator: ", ")
            lines.append("  \(number + 1). \(piece.path):\(piece.line)\(symbols) — \(piece.reason): \(piece.why) (~\(piece.tokens) tokens)")
        }
        lines.append("")
        lines.append("body:")
        lines.append((try? jsonString(body)) ?? "\(body)")
        return lines.joined(separator: "\n")
    }

    static func describe(_ status: WorkspaceIndex.Status) -> String {
        switch status {
        case .empty: return "not built"
        case .building: return "building"
        case .ready(let files, let outlines, let truncated, let seconds):
            return "\(outlines) source files outlined of \(files) files in \(String(cFormat: "%.2f", seconds)) s"
                + (truncated ? " (stopped at context.max_files)" : "")
        }
    }
}
