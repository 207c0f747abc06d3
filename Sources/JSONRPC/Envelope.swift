import JSON

/// A decoded JSON-RPC 2.0 message, sorted by kind (internal to the connection).
enum Envelope: Sendable {
    case request(id: RequestID, method: String, params: JSONValue?)
    case notification(method: String, params: JSONValue?)
    case response(id: RequestID, result: Result<JSONValue, JSONRPCError>)
    /// An error response with a null id: the peer could not read something we sent.
    case orphanError(JSONRPCError)
    /// Not a valid request or notification; answered with -32600 (id null when unknown).
    case invalid(id: RequestID?, reason: String)
    /// A malformed response; never answered, so two peers cannot bounce errors forever.
    case invalidResponse(reason: String)

    /// Sorts `json` into a kind. Batches (JSON arrays) are not supported and come back `.invalid`.
    static func classify(_ json: JSONValue) -> Envelope {
        guard case .object(let message) = json else {
            if case .array = json { return .invalid(id: nil, reason: "batch messages are not supported") }
            return .invalid(id: nil, reason: "message is not a JSON object")
        }
        let rawID = message["id"]
        let id = rawID.flatMap(RequestID.init)
        let isResponse = message["method"] == nil && (message["result"] != nil || message["error"] != nil)

        guard message["jsonrpc"] == .string("2.0") else {
            let reason = "\"jsonrpc\" must be \"2.0\""
            return isResponse ? .invalidResponse(reason: reason) : .invalid(id: id, reason: reason)
        }
        if isResponse { return classifyResponse(message, rawID: rawID, id: id) }

        guard let methodValue = message["method"] else {
            return .invalid(id: id, reason: "message has no \"method\" and is not a response")
        }
        guard case .string(let method) = methodValue else {
            return .invalid(id: id, reason: "\"method\" must be a string")
        }
        let params: JSONValue?
        switch message["params"] {
        case nil, .null?: params = nil
        case .object?, .array?: params = message["params"]
        default: return .invalid(id: id, reason: "\"params\" must be an object or an array")
        }
        guard rawID != nil else { return .notification(method: method, params: params) }
        guard let id else { return .invalid(id: nil, reason: "\"id\" must be an integer or a string") }
        return .request(id: id, method: method, params: params)
    }

    private static func classifyResponse(_ message: [String: JSONValue], rawID: JSONValue?, id: RequestID?) -> Envelope {
        if message["result"] != nil && message["error"] != nil {
            return .invalidResponse(reason: "response has both \"result\" and \"error\"")
        }
        let outcome: Result<JSONValue, JSONRPCError>
        if let errorValue = message["error"] {
            outcome = .failure(errorObject(errorValue))
        } else {
            outcome = .success(message["result"] ?? .null)
        }
        if let id { return .response(id: id, result: outcome) }
        if rawID == nil || rawID == .null, case .failure(let error) = outcome { return .orphanError(error) }
        return .invalidResponse(reason: "response \"id\" must be an integer or a string")
    }

    private static func errorObject(_ value: JSONValue) -> JSONRPCError {
        guard let code = value["code"]?.intValue, let message = value["message"]?.stringValue else {
            return JSONRPCError(code: JSONRPCError.Code.internalError, message: "Malformed error response", data: value)
        }
        return JSONRPCError(code: code, message: message, data: value["data"])
    }
}

/// Builders for the outgoing message objects.
enum OutgoingMessage {
    static func request(id: RequestID, method: String, params: JSONValue?) -> JSONValue {
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "id": id.jsonValue, "method": .string(method)]
        if let params { message["params"] = params }
        return .object(message)
    }

    static func notification(method: String, params: JSONValue?) -> JSONValue {
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { message["params"] = params }
        return .object(message)
    }

    static func response(id: RequestID, result: JSONValue) -> JSONValue {
        .object(["jsonrpc": "2.0", "id": id.jsonValue, "result": result])
    }

    static func errorResponse(id: RequestID?, error: JSONRPCError) -> JSONValue {
        var errorObject: [String: JSONValue] = ["code": .int(error.code), "message": .string(error.message)]
        if let data = error.data { errorObject["data"] = data }
        return .object(["jsonrpc": "2.0", "id": id?.jsonValue ?? .null, "error": .object(errorObject)])
    }
}
