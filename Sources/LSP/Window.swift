import JSON
import JSONRPC

public struct ShowMessageNotification: LSPNotification {
    public static let method = "window/showMessage"
    public var type: MessageType
    public var message: String
    public init(type: MessageType, message: String) {
        self.type = type
        self.message = message
    }
}

/// `window/showDocument` (server → client).
public struct ShowDocumentRequest: LSPRequest {
    public static let method = "window/showDocument"
    public typealias Response = ShowDocumentResult

    public var uri: String
    public var external: Bool?
    public var takeFocus: Bool?
    public init(uri: String, takeFocus: Bool = true) {
        self.uri = uri
        self.external = false
        self.takeFocus = takeFocus
    }
}

public struct ShowDocumentResult: Codable, Sendable {
    public var success: Bool
    public init(success: Bool) { self.success = success }
}

/// `window/workDoneProgress/create` (server → client).
public struct CreateWorkDoneProgressRequest: LSPRequest {
    public static let method = "window/workDoneProgress/create"
    public typealias Response = VoidResponse

    public var token: String
    public init(token: String) { self.token = token }
}

/// `$/progress` with a work-done value (begin / report / end share one shape here).
public struct ProgressNotification: LSPNotification {
    public static let method = "$/progress"
    public var token: String
    public var value: WorkDoneProgress
    public init(token: String, value: WorkDoneProgress) {
        self.token = token
        self.value = value
    }
}

public struct WorkDoneProgress: Codable, Sendable {
    public var kind: WorkDoneProgressKind
    public var title: String?
    public var message: String?
    public var percentage: Int?
    public var cancellable: Bool?
    public static func begin(_ title: String, message: String? = nil, cancellable: Bool = false) -> WorkDoneProgress {
        WorkDoneProgress(kind: .begin, title: title, message: message, percentage: 0, cancellable: cancellable)
    }
    public static func report(_ message: String, percentage: Int? = nil) -> WorkDoneProgress {
        WorkDoneProgress(kind: .report, title: nil, message: message, percentage: percentage, cancellable: nil)
    }
    public static func end(_ message: String? = nil) -> WorkDoneProgress {
        WorkDoneProgress(kind: .end, title: nil, message: message, percentage: nil, cancellable: nil)
    }
}

/// `window/workDoneProgress/cancel`: the user cancelled from the progress UI. The token stays
/// raw JSON: LSP allows integers, which docwright never hands out.
public struct WorkDoneProgressCancelNotification: LSPNotification {
    public static let method = "window/workDoneProgress/cancel"
    public var token: JSONValue?
    public init(token: JSONValue?) { self.token = token }
    /// Lenient: a malformed cancel is ignored, not an error.
    public init(from decoder: any Decoder) throws {
        let container = try? decoder.container(keyedBy: CodingKeys.self)
        token = (try? container?.decodeIfPresent(JSONValue.self, forKey: .token)) ?? nil
    }
}
