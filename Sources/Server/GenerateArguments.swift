import JSON
import JSONRPC
import LSP

/// Arguments of `docwright.generate` / `docwright.applyCandidate` / `docwright.compareModels`
/// and the `data` of docwright's code actions: where to generate, and optionally with what.
struct GenerateArguments: Codable, Sendable {
    var uri: String
    var position: Position
    /// Document version the action was computed for.
    var version: Int?
    /// Model name overriding the route (`[models.NAME]`).
    var model: String?
    /// Models to compare (compareModels only).
    var models: [String]?
    /// Candidate index to apply (applyCandidate only; 0 = best).
    var index: Int?
    /// Marks code-action data as docwright's.
    var docwright: Bool?

    init(uri: String, position: Position, version: Int?, model: String? = nil, models: [String]? = nil, index: Int? = nil) {
        self.uri = uri
        self.position = position
        self.version = version
        self.model = model
        self.models = models
        self.index = index
        self.docwright = true
    }

    static func from(_ arguments: [JSONValue]?) throws -> GenerateArguments {
        guard let first = arguments?.first else {
            throw JSONRPCError(code: JSONRPCError.Code.invalidParams,
                               message: "expected arguments [{uri, position}]")
        }
        do {
            return try first.decode(GenerateArguments.self)
        } catch {
            throw JSONRPCError(code: JSONRPCError.Code.invalidParams,
                               message: "invalid command arguments: \(describe(error)); expected [{uri, position}]")
        }
    }
}
