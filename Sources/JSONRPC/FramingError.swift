/// Why a stretch of input could not be read as a `Content-Length` framed message.
///
/// The framer reports one of these and resynchronises on its own; the connection answers
/// with an error reply and keeps serving.
public enum FramingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A header block without a `Content-Length` header.
    case missingContentLength
    /// A `Content-Length` whose value is not a non-negative decimal integer (value as received, shortened).
    case invalidContentLength(String)
    /// Two `Content-Length` headers that disagree.
    case conflictingContentLength
    /// A header line that is not `Name: value` (line as received, shortened).
    case malformedHeader(String)
    /// No blank line ending the header block within `limit` bytes.
    case headerTooLong(limit: Int)
    /// A message larger than the configured cap; its body is skipped.
    case messageTooLarge(declared: Int, limit: Int)
    /// The next header started inside a body: the message was shorter than its `Content-Length`.
    case truncatedMessage(declared: Int, received: Int)

    public var description: String {
        switch self {
        case .missingContentLength:
            return "header block has no Content-Length"
        case .invalidContentLength(let value):
            return "invalid Content-Length \"\(value)\""
        case .conflictingContentLength:
            return "conflicting Content-Length headers"
        case .malformedHeader(let line):
            return "malformed header line \"\(line)\""
        case .headerTooLong(let limit):
            return "header block longer than \(limit) bytes"
        case .messageTooLarge(let declared, let limit):
            return "message of \(declared) bytes exceeds the limit of \(limit) bytes"
        case .truncatedMessage(let declared, let received):
            return "message shorter than its Content-Length (\(received) of \(declared) bytes before the next header)"
        }
    }

    /// The JSON-RPC error sent back (with a null id) when this happens.
    var jsonRPCError: JSONRPCError {
        switch self {
        case .messageTooLarge, .truncatedMessage:
            return .invalidRequest("Invalid request: \(description)")
        default:
            return .parseError("Parse error: \(description)")
        }
    }
}
