import DocwrightCore
import Foundation


/// A JSON value with its own writer, so fuzz inputs can hold any shape (and then be corrupted
/// byte by byte).
indirect enum FuzzJSON {
    case null, bool(Bool), int(Int), double(Double), raw(String), string([UInt8])
    case array([FuzzJSON]), object([(String, FuzzJSON)])

    static func str(_ text: String) -> FuzzJSON { .string(Array(text.utf8)) }

    func write(into out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .int(let value): out += Array(String(value).utf8)
        case .double(let value): out += Array((value.isFinite ? "\(value)" : "1e999").utf8)
        case .raw(let text): out += Array(text.utf8)
        case .string(let bytes):
            out.append(UInt8(ascii: "\""))
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): out += [0x5C, 0x22]
                case UInt8(ascii: "\\"): out += [0x5C, 0x5C]
                case 0..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
                default: out.append(byte)  // invalid UTF-8 passes through on purpose
                }
            }
            out.append(UInt8(ascii: "\""))
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                FuzzJSON.str(key).write(into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }
}

/// One generated input: bytes for the server's stdin, and the largest `Content-Length` it
/// declares that the server will wait for (the recovery flush must be at least that long).
struct FuzzInput {
    var kind: String
    var bytes: [UInt8]
    var pendingBytes: Int
}

/// Generates hostile LSP input: broken framing, broken JSON, broken envelopes, and well-formed
/// requests and notifications for every handled method with parameters of the wrong shape.
struct FuzzGenerator {
    var rng: SplitMix64
    let uris: [String]

    /// Bodies above this are skipped by the server's framer (64 MiB): declaring more never
    /// makes it wait.
    static let serverLimit = 64 << 20

    static let requestMethods = [
        "initialize", "textDocument/codeAction", "codeAction/resolve", "textDocument/completion",
        "textDocument/inlineCompletion", "workspace/executeCommand", "textDocument/hover", "",
    ]
    static let notificationMethods = [
        "initialized", "textDocument/didOpen", "textDocument/didChange", "textDocument/didClose",
        "workspace/didChangeConfiguration", "$/cancelRequest", "$/setTrace", "workspace/didChangeWatchedFiles",
    ]

    init(seed: UInt64, uris: [String]) {
        rng = SplitMix64(seed: seed)
        self.uris = uris
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < probability }
    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    mutating func next() -> FuzzInput {
        switch int(0...99) {
        case 0..<30: return wellFramed(wrongTypes(), kind: "wrong-types")
        case 30..<40: return wellFramed(envelopeFault(), kind: "envelope")
        case 40..<52: return wellFramed(invalidJSON(), kind: "invalid-json")
        case 52..<58: return wellFramed(invalidUTF8(), kind: "invalid-utf8")
        case 58..<62: return wellFramed(deepNesting(), kind: "deep-nesting")
        case 62..<64: return wellFramed(hugeString(), kind: "huge-string")
        case 64..<80: return headerFault()
        case 80..<88: return lengthMismatch()
        case 88..<94: return mutatedFrame()
        default: return garbage()
        }
    }

    // MARK: Framing

    func wellFramed(_ body: [UInt8], kind: String) -> FuzzInput {
        FuzzInput(kind: kind, bytes: Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body, pendingBytes: 0)
    }

    mutating func headerFault() -> FuzzInput {
        let body = wrongTypes()
        let n = body.count
        let header: String
        var pending = 0
        switch int(0...15) {
        case 0: header = "Content-Length: -\(int(1...1_000_000))\r\n\r\n"
        case 1: header = "Content-Length: \(pick(["99999999999999999999999", "9223372036854775807", "9223372036854775808", "18446744073709551616", "-9223372036854775808"]))\r\n\r\n"
        case 2:
            header = "Content-Length: \(Self.serverLimit + int(1...1_000_000_000))\r\n\r\n"  // skipped, never awaited
        case 3: header = "Content-Length: \(pick(["abc", "", " ", "1e3", "0x10", "+\(n)", "\(n) \(n)", "\(n).0", "٣"]))\r\n\r\n"
        case 4: header = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"  // no Content-Length
        case 5:
            header = "Content-Length: \(n)\r\nContent-Length: \(n + int(1...9))\r\n\r\n"
            pending = n + 9
        case 6:
            header = "Content-Length: \(n)\r\n"  // no blank line
            pending = n
        case 7:
            header = "Content-Length: \(n)\n\n"  // LF only
            pending = n
        case 8: header = "X-Junk: \(String(repeating: "j", count: int(8_000...20_000)))\r\nContent-Length: \(n)\r\n\r\n"
        case 9:
            header = "content-length: \(n)\r\n\r\n"
            pending = n
        case 10:
            header = "Content-Length:\(n)\r\n\r\n"
            pending = n
        case 11:
            header = "Content-Length: \(n)\r\nContent-Type: text/plain\r\nX-Other: \(String(repeating: "x", count: int(0...200)))\r\n\r\n"
            pending = n
        case 12: header = "\r\n\r\n\r\n"
        case 13: header = "Content-Length: 0\r\n\r\n"
        case 14:
            header = "Content-Length: \(n)\r\n\r\n\r\n"
            pending = n
        default: header = "Content-Length \(n)\r\n\r\n"
        }
        return FuzzInput(kind: "header", bytes: Array(header.utf8) + body, pendingBytes: pending)
    }

    /// A declared length a little longer or shorter than the body that follows.
    mutating func lengthMismatch() -> FuzzInput {
        let body = wrongTypes()
        let declared = chance(0.5) ? body.count + int(1...64) : max(0, body.count - int(1...min(64, max(1, body.count))))
        let lie = chance(0.05) ? int(1_000...200_000) : declared  // a big lie the flush must cover
        return FuzzInput(kind: "length-mismatch", bytes: Array("Content-Length: \(lie)\r\n\r\n".utf8) + body,
                         pendingBytes: lie)
    }

    /// A valid frame with bytes flipped, dropped or inserted (header included).
    mutating func mutatedFrame() -> FuzzInput {
        var input = wellFramed(wrongTypes(), kind: "mutated")
        for _ in 0..<int(1...4) where !input.bytes.isEmpty {
            let index = int(0...(input.bytes.count - 1))
            switch int(0...2) {
            case 0: input.bytes[index] = UInt8.random(in: 0...255, using: &rng)
            case 1: input.bytes.remove(at: index)
            default: input.bytes.insert(UInt8.random(in: 0...255, using: &rng), at: index)
            }
        }
        // A mutated digit can raise the declared length: cover every number in the header.
        input.pendingBytes = Self.declaredLengths(in: Array(input.bytes.prefix(48))).filter { $0 < Self.serverLimit }.max() ?? 0
        return input
    }

    mutating func garbage() -> FuzzInput {
        let count = int(0...2_000)
        var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
        if chance(0.3) { bytes += Array("Content-Length: ".utf8) }
        return FuzzInput(kind: "garbage", bytes: bytes, pendingBytes: 0)
    }

    /// Every run of decimal digits in `bytes`, as numbers (saturating).
    static func declaredLengths(in bytes: [UInt8]) -> [Int] {
        var numbers: [Int] = []
        var current: Int?
        for byte in bytes + [0] {
            if byte >= 0x30, byte <= 0x39 {
                let (times, overflow1) = (current ?? 0).multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int(byte - 0x30))
                current = overflow1 || overflow2 ? Int.max : sum
            } else if let value = current {
                numbers.append(value)
                current = nil
            }
        }
        return numbers
    }

    // MARK: Bodies

    /// A well-formed request or notification for a handled method whose params are mutated.
    mutating func wrongTypes() -> [UInt8] {
        let isRequest = chance(0.6)
        let method = isRequest ? pick(Self.requestMethods) : pick(Self.notificationMethods)
        var params = template(for: method)
        for _ in 0..<int(0...3) { params = mutate(params, depth: 0) }
        var members: [(String, FuzzJSON)] = [("jsonrpc", .str("2.0")), ("method", .str(method))]
        if isRequest { members.append(("id", requestID())) }
        if !chance(0.05) { members.append(("params", params)) }
        return FuzzJSON.object(members).bytes
    }

    mutating func requestID() -> FuzzJSON {
        switch int(0...5) {
        case 0: return .str("fuzz-\(int(0...1_000_000))")
        case 1: return .int(-int(0...1_000_000))
        default: return .int(1_000_000 + int(0...1_000_000_000))
        }
    }

    mutating func position() -> FuzzJSON {
        .object([("line", .int(pick([0, 1, 2, 3, -1, int(0...50), Int(Int32.max), Int.max]))),
                 ("character", .int(pick([0, 4, 8, -3, int(0...200), Int.max])))])
    }

    mutating func template(for method: String) -> FuzzJSON {
        let uri = FuzzJSON.str(pick(uris + ["file:///never/opened.py", "", "not a uri", "file:///%%%"]))
        let document = FuzzJSON.object([("uri", uri)])
        switch method {
        case "initialize":
            return .object([("processId", .null), ("rootUri", .null),
                            ("capabilities", .object([("general", .object([("positionEncodings", .array([.str("utf-8")]))]))]))])
        case "textDocument/codeAction":
            let at = position()
            return .object([("textDocument", document), ("range", .object([("start", at), ("end", at)])),
                            ("context", .object([("diagnostics", .array([])), ("triggerKind", .int(2))]))])
        case "codeAction/resolve":
            return .object([("title", .str("docwright: Generate implementation")), ("kind", .str("refactor.rewrite")),
                            ("data", .object([("uri", uri), ("position", position()), ("docwright", .bool(true))]))])
        case "workspace/executeCommand":
            return .object([("command", .str(pick(["docwright.generate", "docwright.applyCandidate", "docwright.compareModels", "x"]))),
                            ("arguments", .array([.object([("uri", uri), ("position", position()), ("index", .int(int(-2...9))),
                                                           ("models", .array([.str("local")]))])]))])
        case "textDocument/didOpen":
            return .object([("textDocument", .object([("uri", uri), ("languageId", .str(pick(["python", "go", "rust", "x"]))),
                                                      ("version", .int(int(0...9))), ("text", .str(sampleText()))]))])
        case "textDocument/didChange":
            let at = position()
            return .object([("textDocument", .object([("uri", uri), ("version", .int(int(-1...99)))])),
                            ("contentChanges", .array([.object([("range", .object([("start", at), ("end", position())])),
                                                                ("text", .str(sampleText()))])]))])
        case "textDocument/didClose":
            return .object([("textDocument", document)])
        case "workspace/didChangeConfiguration":
            return .object([("settings", .object([("docwright", .object([
                (pick(["n", "max_tokens", "temperature", "enabled", "log_level", "verify", "unknown"]), randomValue(depth: 2)),
            ]))]))])
        case "$/cancelRequest":
            return .object([("id", randomValue(depth: 1))])
        default:
            return .object([("textDocument", document), ("position", position()), ("context", .object([("triggerKind", .int(int(0...3)))]))])
        }
    }

    mutating func sampleText() -> String {
        pick([
            "def f(x):\n    \"\"\"Return x doubled.\"\"\"\n    pass\n", "", "\u{1F600}\u{6F22}\u{5B57}\n\n", "x = 1\n",
            "// Add two numbers.\nfunc add(a, b int) int {\n}\n", String(repeating: "a", count: int(0...5_000)),
        ])
    }

    /// Replaces a random part of `value` with a random value (or drops / adds a member).
    mutating func mutate(_ value: FuzzJSON, depth: Int) -> FuzzJSON {
        switch value {
        case .object(var members) where !members.isEmpty && depth < 6:
            let index = int(0...(members.count - 1))
            switch int(0...3) {
            case 0: members.remove(at: index)
            case 1: members.append((pick(["uri", "position", "line", "text", "id", "", "\u{0}"]), randomValue(depth: 2)))
            case 2: members[index].1 = randomValue(depth: 2)
            default: members[index].1 = mutate(members[index].1, depth: depth + 1)
            }
            return .object(members)
        case .array(var values) where !values.isEmpty && depth < 6:
            let index = int(0...(values.count - 1))
            values[index] = chance(0.5) ? randomValue(depth: 2) : mutate(values[index], depth: depth + 1)
            return .array(values)
        default:
            return randomValue(depth: 2)
        }
    }

    mutating func randomValue(depth: Int) -> FuzzJSON {
        switch int(0...(depth > 0 ? 11 : 8)) {
        case 0: return .null
        case 1: return .bool(chance(0.5))
        case 2: return .int(pick([0, -1, 1, Int.max, Int.min, int(-1_000...1_000)]))
        case 3: return .double(pick([0.5, -0.0, 1e308, -1e-308, .infinity]))
        case 4: return .raw(pick(["1e999999", "-0", "123456789012345678901234567890", "0.0000000000000000001e-999"]))
        case 5: return .str(pick(["", "file:///a.py", "\u{0}\u{1}", "\u{FEFF}", "\u{D7FF}\u{E000}", "\\ud800"]))
        case 6: return .string([0xED, 0xA0, 0x80, 0xFF, 0xC0, 0xAF])
        case 7: return .str(String(repeating: "z", count: int(0...300)))
        case 8: return .raw("\"\\ud800\\udc00\\udfff\\u0000\"")
        case 9: return .array((0..<int(0...4)).map { _ in randomValue(depth: depth - 1) })
        default:
            return .object((0..<int(0...4)).map { _ in (pick(["line", "uri", "a", ""]), randomValue(depth: depth - 1)) })
        }
    }

    /// Envelopes that are not valid JSON-RPC: wrong version, id or method types, batches, responses.
    mutating func envelopeFault() -> [UInt8] {
        let method = FuzzJSON.str(pick(Self.requestMethods))
        let shapes: [FuzzJSON] = [
            .object([("id", .int(int(1_000...9_999))), ("method", method)]),
            .object([("jsonrpc", .str("1.0")), ("id", .int(5)), ("method", method)]),
            .object([("jsonrpc", .str("2.0")), ("id", .object([("a", .int(1))])), ("method", method)]),
            .object([("jsonrpc", .str("2.0")), ("id", .array([])), ("method", method)]),
            .object([("jsonrpc", .str("2.0")), ("id", .double(1.5)), ("method", method)]),
            .object([("jsonrpc", .str("2.0")), ("id", .bool(true)), ("method", method)]),
            .object([("jsonrpc", .str("2.0")), ("id", .int(7)), ("method", .int(42))]),
            .object([("jsonrpc", .str("2.0")), ("id", .int(8)), ("method", method), ("params", .str("text"))]),
            .object([("jsonrpc", .str("2.0")), ("id", .int(9_999_999)), ("result", .null)]),
            .object([("jsonrpc", .str("2.0")), ("id", .null), ("error", .object([("code", .int(-1)), ("message", .str("x"))]))]),
            .array([]),
            .array([.object([("jsonrpc", .str("2.0")), ("method", .str("initialized"))])]),
            .object([]),
            randomValue(depth: 2),
        ]
        return pick(shapes).bytes
    }

    mutating func invalidJSON() -> [UInt8] {
        let valid = wrongTypes()
        switch int(0...7) {
        case 0: return Array(valid.prefix(int(0...valid.count)))  // truncated
        case 1: return valid + Array(",".utf8)
        case 2: return Array("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"x\",}".utf8)
        case 3: return Array("{'jsonrpc': '2.0'}".utf8)
        case 4: return Array("{\"a\": NaN, \"b\": Infinity, \"c\": undefined}".utf8)
        case 5: return Array("/* comment */ {}".utf8)
        case 6: return Array("{\"method\": \"a\tb\n\"}".utf8)  // raw control characters in a string
        default: return Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"a\":1}}{\"b\":2}".utf8)
        }
    }

    mutating func invalidUTF8() -> [UInt8] {
        let bad: [[UInt8]] = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80]]
        var body = Array("{\"jsonrpc\":\"2.0\",\"id\":\(1_000_000 + int(0...1_000)),\"method\":\"".utf8)
        body += pick(["textDocument/completion", "textDocument/didOpen", "x"]).utf8
        body += pick(bad)
        body += Array("\",\"params\":{\"textDocument\":{\"uri\":\"file:///a".utf8) + pick(bad) + Array(".py\"}}}".utf8)
        if chance(0.3) { body.insert(contentsOf: pick(bad), at: int(0...(body.count - 1))) }
        return body
    }

    mutating func deepNesting() -> [UInt8] {
        let depth = pick([511, 512, 513, 1_000, 10_000, 100_000])
        let open = pick(["[", "{\"a\":"])
        let close = open == "[" ? "]" : "}"
        var body = Array("{\"jsonrpc\":\"2.0\",\"id\":\(int(1...1_000_000)),\"method\":\"textDocument/completion\",\"params\":".utf8)
        body += Array(String(repeating: open, count: depth).utf8)
        body += Array("1".utf8)
        if chance(0.8) { body += Array(String(repeating: close, count: depth).utf8) }
        body += Array("}".utf8)
        return chance(0.5) ? body : Array(String(repeating: open, count: depth).utf8)
    }

    mutating func hugeString() -> [UInt8] {
        let size = pick([100_000, 1_000_000, 2_000_000])
        let filler = String(repeating: pick(["a", "\\u00e9", "\u{1F600}", "\\\""]), count: size / 4)
        switch int(0...2) {
        case 0:
            return Array("{\"jsonrpc\":\"2.0\",\"id\":\(int(1...1_000_000)),\"method\":\"\(filler)\"}".utf8)
        case 1:
            return Array("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"file:///fuzz/huge.py\",\"languageId\":\"python\",\"version\":1,\"text\":\"\(filler)\"}}}".utf8)
        default:
            return Array("{\"jsonrpc\":\"2.0\",\"id\":\(int(1...1_000_000)),\"method\":\"textDocument/completion\",\"params\":{\"textDocument\":{\"uri\":\"\(filler)\"},\"position\":{\"line\":0,\"character\":0}}}".utf8)
        }
    }
}
