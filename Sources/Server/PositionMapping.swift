import DocwrightCore
import Documents
import JSONRPC
import LSP

/// Conversions between the client's positions (negotiated encoding) and the core's
/// `SourcePosition` (line + UTF-8 column). Only the Server crosses this line.
extension DocumentSnapshot {
    func sourcePosition(_ position: Position, _ encoding: PositionEncoding) throws -> SourcePosition {
        guard position.line >= 0, position.character >= 0 else {
            throw JSONRPCError(code: JSONRPCError.Code.invalidParams, message: "negative position \(position.line):\(position.character)")
        }
        guard position.line < max(lineCount, 1) else {
            throw JSONRPCError(code: JSONRPCError.Code.invalidParams,
                               message: "position \(position.line):\(position.character) is past the end of \(uri) (\(lineCount) lines)")
        }
        let column = utf8Column(line: position.line, character: position.character, encoding: encoding) ?? 0
        return SourcePosition(line: position.line, utf8Column: column)
    }

    func lspPosition(_ position: SourcePosition, _ encoding: PositionEncoding) -> Position {
        Position(line: position.line,
                 character: character(line: position.line, utf8Column: position.utf8Column, encoding: encoding))
    }

    func lspRange(_ range: SourceRange, _ encoding: PositionEncoding) -> LSP.Range {
        LSP.Range(start: lspPosition(range.start, encoding), end: lspPosition(range.end, encoding))
    }
}
