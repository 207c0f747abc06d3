/// Splits a byte stream into lines (`\n` or `\r\n`), keeping an unfinished last line for later.
struct LineSplitter: Sendable {
    private var pending: [UInt8] = []

    mutating func feed(_ bytes: [UInt8]) -> [String] {
        pending.append(contentsOf: bytes)
        var lines: [String] = []
        var start = 0
        for index in pending.indices where pending[index] == 10 {
            var end = index
            if end > start, pending[end - 1] == 13 { end -= 1 }
            lines.append(String(decoding: pending[start..<end], as: UTF8.self))
            start = index + 1
        }
        pending.removeFirst(start)
        return lines
    }

    /// The unfinished last line, if any (a stream may end without a final newline).
    mutating func finish() -> String? {
        defer { pending.removeAll() }
        guard !pending.isEmpty else { return nil }
        if pending.last == 13 { pending.removeLast() }
        return String(decoding: pending, as: UTF8.self)
    }
}

/// One server-sent event.
struct ServerSentEvent: Sendable, Hashable {
    var event: String?
    var data: String
}

/// Incremental parser for `text/event-stream` (the subset model APIs use: `event:` and `data:`).
struct EventStreamParser: Sendable {
    private var lines = LineSplitter()
    private var event: String?
    private var data: [String] = []

    mutating func feed(_ bytes: [UInt8]) -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        for line in lines.feed(bytes) {
            if let event = take(line) { events.append(event) }
        }
        return events
    }

    /// Events still pending when the stream ended without a blank line.
    mutating func finish() -> [ServerSentEvent] {
        var events: [ServerSentEvent] = []
        if let line = lines.finish(), let event = take(line) { events.append(event) }
        if let event = take("") { events.append(event) }
        return events
    }

    private mutating func take(_ line: String) -> ServerSentEvent? {
        if line.isEmpty {
            defer {
                event = nil
                data.removeAll()
            }
            guard !data.isEmpty else { return nil }
            return ServerSentEvent(event: event, data: data.joined(separator: "\n"))
        }
        if line.hasPrefix(":") { return nil }  // comment / keep-alive
        let field: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
        } else {
            field = Substring(line)
            value = ""
        }
        switch field {
        case "data": data.append(String(value))
        case "event": event = String(value)
        default: break
        }
        return nil
    }
}
