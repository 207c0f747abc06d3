/// Incremental reader and writer of `Content-Length` framed messages (the LSP base protocol).
///
/// Feed it byte chunks of any size with `append(_:)`, then call `next()` until it returns nil.
/// Bad input yields a `FramingError` and the framer resynchronises by itself: it restarts at the
/// next `Content-Length: N\r\n` line it can find, and otherwise drops the broken header block.
/// Every call to `next()` either consumes input or returns nil, so a caller cannot spin.
public struct MessageFramer: Sendable {
    /// Default cap on one message body: 64 MiB.
    public static let defaultMaxMessageBytes = 64 << 20
    /// Longest header block accepted.
    public static let maxHeaderBytes = 8 * 1024

    /// Largest body accepted; larger messages are reported and skipped.
    public let maxMessageBytes: Int

    private enum State: Sendable {
        case header
        case body(length: Int)
        case skipping(remaining: Int)
    }

    private var buffer: [UInt8] = []
    private var start = 0  // bytes of `buffer` before this are consumed
    private var state = State.header
    private var headerSearchFrom = 0  // avoids rescanning a growing header block

    public init(maxMessageBytes: Int = MessageFramer.defaultMaxMessageBytes) {
        self.maxMessageBytes = max(0, maxMessageBytes)
    }

    /// Bytes held but not yet returned (bounded by the cap plus one chunk).
    public var bufferedByteCount: Int { buffer.count - start }

    /// Adds raw input.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message body, a framing error, or nil when more input is needed.
    public mutating func next() -> Result<[UInt8], FramingError>? {
        while true {
            switch state {
            case .header:
                return nextHeader()
            case .body(let length):
                return nextBody(length: length)
            case .skipping(let remaining):
                guard skip(remaining: remaining) else { return nil }
            }
        }
    }

    /// `Content-Length: N\r\n\r\n` followed by `body`.
    public static func frame(_ body: some Collection<UInt8>) -> [UInt8] {
        var output = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        output.append(contentsOf: body)
        return output
    }

    // MARK: - States

    private mutating func nextHeader() -> Result<[UInt8], FramingError>? {
        // Tolerate blank lines between messages.
        while start < buffer.count, buffer[start] == 0x0D || buffer[start] == 0x0A {
            start += 1
        }
        headerSearchFrom = max(headerSearchFrom, start)
        guard let terminator = findHeaderTerminator() else {
            if bufferedByteCount > Self.maxHeaderBytes {
                resync(after: start + 1, orDropTo: buffer.count)
                return .failure(.headerTooLong(limit: Self.maxHeaderBytes))
            }
            return nil
        }
        let blockEnd = terminator + 4
        switch HeaderBlock.contentLength(of: buffer[start..<terminator]) {
        case .failure(let error):
            resync(after: start + 1, orDropTo: blockEnd)
            return .failure(error)
        case .success(let length):
            setStart(blockEnd)
            if length > maxMessageBytes {
                state = .skipping(remaining: length)
                return .failure(.messageTooLarge(declared: length, limit: maxMessageBytes))
            }
            state = .body(length: length)
            return nextBody(length: length)
        }
    }

    private mutating func nextBody(length: Int) -> Result<[UInt8], FramingError>? {
        guard bufferedByteCount >= length else { return nil }
        let body = buffer[start..<(start + length)]
        state = .header
        // A header line cannot appear in valid JSON: if one does, the peer sent fewer bytes
        // than it announced and the rest of this "body" is the next message.
        if case .found(let index) = HeaderBlock.findResyncPoint(in: body) {
            setStart(index)
            return .failure(.truncatedMessage(declared: length, received: index - body.startIndex))
        }
        setStart(start + length)
        return .success(Array(body))
    }

    /// Discards the body of an oversized message, unless a header turns up first (the declared
    /// size may be garbage). Returns false when it needs more input.
    private mutating func skip(remaining: Int) -> Bool {
        let windowIsComplete = buffer.count - start >= remaining
        let window = buffer[start..<min(buffer.count, start + remaining)]
        switch HeaderBlock.findResyncPoint(in: window) {
        case .found(let index):
            setStart(index)
            state = .header
            return true
        case .partial(let index) where !windowIsComplete:
            state = .skipping(remaining: remaining - (index - start))
            setStart(index)
            return false
        case .partial, .none:
            let dropped = window.count
            setStart(start + dropped)
            if dropped == remaining {
                state = .header
                return true
            }
            state = .skipping(remaining: remaining - dropped)
            return false
        }
    }

    // MARK: - Helpers

    /// Restarts at the first plausible header starting in `from..<dropTo`; failing that, drops
    /// input up to `dropTo`. Only the dropped region is searched, so bad input costs linear time.
    private mutating func resync(after from: Int, orDropTo dropTo: Int) {
        state = .header
        let searchEnd = min(buffer.count, dropTo + HeaderBlock.maxHeaderLineLength)
        let from = min(from, searchEnd)
        switch HeaderBlock.findResyncPoint(in: buffer[from..<searchEnd]) {
        case .found(let index) where index < dropTo:
            setStart(index)
        case .partial(let index) where index < dropTo && searchEnd == buffer.count:
            setStart(index)
        default:
            setStart(dropTo)
        }
    }

    private mutating func findHeaderTerminator() -> Int? {
        var index = max(start, headerSearchFrom - 3)
        while index + 3 < buffer.count {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        headerSearchFrom = buffer.count
        return nil
    }

    private mutating func setStart(_ newStart: Int) {
        start = newStart
        headerSearchFrom = newStart
    }

    /// Drops consumed bytes once they dominate the buffer, keeping appends amortised O(1).
    private mutating func compact() {
        guard start > 0 else { return }
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
        } else if start >= 64 * 1024, start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)
        } else {
            return
        }
        headerSearchFrom -= start
        start = 0
    }
}
