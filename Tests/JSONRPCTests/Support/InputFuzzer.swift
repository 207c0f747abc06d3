import DocwrightCore
import JSON
import JSONRPC

/// Seeded generator of hostile protocol input: random bytes, random and nearly valid JSON-RPC
/// messages, and correct frames damaged in many small ways.
struct InputFuzzer {
    private var random: SplitMix64
    /// Lengths declared by damaged headers stay at or below this, or far above the framer cap.
    let smallLimit: Int

    init(seed: UInt64, smallLimit: Int) {
        random = SplitMix64(seed: seed)
        self.smallLimit = smallLimit
        resynchronisation = Self.makeResynchronisation(smallLimit: smallLimit)
    }

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }

    /// One hostile input.
    mutating func input() -> [UInt8] {
        var result: [UInt8] = []
        for _ in 0..<int(1..<4) {
            switch int(0..<6) {
            case 0: result += randomBytes()
            case 1: result += MessageFramer.frame(jsonRPCish().serializedBytes())
            case 2: result += damaged(MessageFramer.frame(jsonRPCish().serializedBytes()))
            case 3: result += header() + Array(jsonRPCish().serializedBytes().prefix(int(0..<80)))
            case 4: result += MessageFramer.frame(nested())
            default: result += damaged(randomBytes() + MessageFramer.frame(randomBytes()))
            }
        }
        return result
    }

    mutating func randomBytes() -> [UInt8] {
        let alphabet = Array("Content-Length: 0123456789\r\n{}[]\":,lengthCONTENTtype".utf8)
        return (0..<int(0..<200)).map { _ in chance(70) ? alphabet[int(0..<alphabet.count)] : UInt8(int(0..<256)) }
    }

    /// A header with a plausible, broken or absurd length.
    mutating func header() -> [UInt8] {
        let lengths = ["\(int(0..<smallLimit))", "-\(int(1..<99))", "\(Int.max)", "99999999999999999999999", "", "1e3",
                       "\(int(1_000_000..<Int(Int32.max)))", " \(int(0..<50)) ", "0x10"]
        let names = ["Content-Length", "content-length", "CONTENT-LENGTH", "Content-Lenght", "Content Length", ""]
        var text = "\(names[int(0..<names.count)]): \(lengths[int(0..<lengths.count)])\r\n"
        if chance(30) { text = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + text }
        if chance(20) { text += "X-Garbage \u{1}\r\n" }
        return Array(text.utf8) + (chance(80) ? Array("\r\n".utf8) : [])
    }

    /// A frame with a few random edits.
    mutating func damaged(_ frame: [UInt8]) -> [UInt8] {
        var bytes = frame
        for _ in 0..<int(1..<5) {
            guard !bytes.isEmpty else { break }
            let position = int(0..<bytes.count)
            switch int(0..<6) {
            case 0: bytes[position] ^= UInt8(1 << int(0..<8))
            case 1: bytes.removeSubrange(position..<min(bytes.count, position + int(1..<20)))
            case 2: bytes.insert(contentsOf: randomBytes().prefix(int(1..<10)), at: position)
            case 3: bytes = Array(bytes.prefix(position))
            case 4: bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + int(1..<30))], at: position)
            default: bytes = header() + bytes.drop { $0 != UInt8(ascii: "{") }
            }
        }
        return bytes
    }

    /// A JSON value shaped more or less like a JSON-RPC message.
    mutating func jsonRPCish() -> JSONValue {
        var message: [String: JSONValue] = [:]
        if chance(85) { message["jsonrpc"] = chance(90) ? "2.0" : value(depth: 1) }
        if chance(70) { message["id"] = chance(70) ? .int(int(-5..<1000)) : value(depth: 1) }
        if chance(80) {
            let methods: [JSONValue] = ["echo", "unknown/method", "$/cancelRequest", "$/setTrace", "", .int(3), "exit2"]
            message["method"] = methods[int(0..<methods.count)]
        }
        if chance(60) { message["params"] = chance(50) ? ["id": .int(int(-5..<1000))] : value(depth: 3) }
        if chance(15) { message["result"] = value(depth: 2) }
        if chance(15) { message["error"] = chance(50) ? ["code": .int(int(-33000..<0)), "message": "m"] : value(depth: 2) }
        return chance(5) ? .array([.object(message)]) : .object(message)
    }

    mutating func value(depth: Int) -> JSONValue {
        switch int(0..<(depth > 0 ? 9 : 6)) {
        case 0: return .null
        case 1: return .bool(chance(50))
        case 2: return .int(int(-1_000_000..<1_000_000))
        case 3: return .number(Double(int(-1000..<1000)) / 7)
        case 4, 5: return .string(String(decoding: randomBytes().prefix(12), as: UTF8.self))
        case 6: return .array((0..<int(0..<4)).map { _ in value(depth: depth - 1) })
        default:
            return .object(Dictionary((0..<int(0..<4)).map { ("k\($0)", value(depth: depth - 1)) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    /// Deeply nested or unbalanced brackets.
    mutating func nested() -> [UInt8] {
        let depth = int(1..<2000)
        let open = Array(repeating: chance(50) ? UInt8(ascii: "[") : UInt8(ascii: "{"), count: depth)
        return open + Array(repeating: UInt8(ascii: "]"), count: chance(50) ? depth : int(0..<depth))
    }

    /// Splits `bytes` into chunks of random sizes, as reads from a pipe would.
    mutating func chunks(of bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var offset = 0
        while offset < bytes.count {
            let size = chance(30) ? 1 : int(1..<512)
            result.append(Array(bytes[offset..<min(bytes.count, offset + size)]))
            offset += size
        }
        return result
    }

    /// Input that brings a framer in any state back to reading headers: blank-line terminators
    /// end any header block, and runs of spaces longer than `smallLimit` complete any pending
    /// body. Contains no header line, so it never starts a message of its own.
    let resynchronisation: [UInt8]

    private static func makeResynchronisation(smallLimit: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<6 {
            bytes += Array("\r\n\r\n".utf8)
            bytes += [UInt8](repeating: UInt8(ascii: " "), count: smallLimit + 1)
        }
        return bytes
    }
}
