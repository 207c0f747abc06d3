import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides whether the value of an assignment to a secret-sounding name is a secret. The rules
/// lean towards redacting literals (a missed secret leaves the machine; an extra placeholder
/// only costs the model a little context) but leave code alone: references, calls, types,
/// placeholders, labels and short strings pass unchanged.
struct ValuePolicy: Sendable {
    var highEntropy: Bool

    /// Minimum length of a literal redacted because of its name alone.
    static let minimumLength = 6

    func kind(of assignment: Assignment, keyClass: KeyClass, in text: ByteText) -> String? {
        let value = text.slice(assignment.value)
        guard !value.isEmpty, !Self.isPlaceholder(value) else { return nil }
        let stats = ValueStats(value)
        if assignment.quoted {
            let needsOpaque = keyClass.opaque || assignment.op == .call || assignment.op == .pair
            if keyClass.strong, value.count >= Self.minimumLength, stats.spaces < 2,
               !Self.isLabel(value, keyClass, stats), !needsOpaque || stats.looksOpaque {
                return keyClass.kind
            }
            return highEntropy && Entropy.isHighEntropy(value, stats) ? "high-entropy" : nil
        }
        guard Self.isBareLiteralCandidate(value, stats) else { return nil }
        if keyClass.strong, value.count >= Self.minimumLength, !Self.isLabel(value, keyClass, stats) {
            if isLiteralContext(assignment) {
                let typeLike = assignment.op == .colon && Self.isTypeName(value, stats)
                if !typeLike, !(stats.dotted && !stats.hasDigit), !keyClass.opaque || stats.looksOpaque {
                    return keyClass.kind
                }
            } else if assignment.op == .assign, assignment.keyStartsLine, assignment.endsLine, !stats.dotted,
                      (stats.hasDigit && stats.hasLetter) || stats.hasPasswordSymbol {
                // `password = hunter2` at the start of a line (ini files, Makefiles): not a name a program would use.
                return keyClass.kind
            }
        }
        // Bare words in code are usually references: only clearly random ones count.
        if highEntropy, stats.hasDigit, (stats.hasUpper && stats.hasLower) || stats.hexOnly,
           !stats.dotted, Entropy.isHighEntropy(value, stats) {
            return "high-entropy"
        }
        return nil
    }

    /// Shapes where a bare word is a literal rather than a reference: YAML `name: value`, shell
    /// and .env `NAME=value` at a line start, `--name value`, `<name>value</name>`.
    private func isLiteralContext(_ assignment: Assignment) -> Bool {
        if assignment.literalPosition { return true }
        switch assignment.op {
        case .colon: return !assignment.keyQuoted
        case .flag, .xml: return true
        case .assign: return assignment.keyStartsLine && assignment.tight
        default: return false
        }
    }

    /// Type names after `name:` (TypeScript fields, Python annotations, Swift/Rust parameters)
    /// are not values.
    private static let typeNames: Set<String> = [
        "string", "number", "boolean", "bool", "bytes", "object", "unknown", "any", "never", "buffer", "integer",
        "optional", "secretstr", "str", "uint64", "uint32", "uint16", "uint8", "int64", "int32", "int16", "int8",
        "float32", "float64", "u8", "u16", "u32", "u64", "u128", "usize", "i32", "i64", "uint8array",
    ]

    /// `String`, `Token?`, `UInt64`, `string`: a capitalised identifier without digits, or a known type.
    private static func isTypeName(_ value: UnsafeBufferPointer<UInt8>, _ stats: ValueStats) -> Bool {
        var name = value
        while let last = name.last, last == UInt8(ascii: "?") || last == UInt8(ascii: "!") || last == UInt8(ascii: "*") {
            name = UnsafeBufferPointer(rebasing: name.dropLast())
        }
        guard !name.isEmpty, name.allSatisfy(ByteClass.isWord) else { return false }
        if typeNames.contains(String(decoding: name, as: UTF8.self).lowercased()) { return true }
        return ByteClass.isUpper(name[0]) && !name.contains(where: ByteClass.isDigit)
    }

    private static let keywords: Set<String> = [
        "none", "null", "nil", "undefined", "true", "false", "yes", "no", "on", "off", "self", "this", "super",
        "new", "await", "return", "function", "lambda", "require", "import",
    ]

    /// A bare word that could be a literal: not a call, index, block, reference or keyword.
    private static func isBareLiteralCandidate(_ value: UnsafeBufferPointer<UInt8>, _ stats: ValueStats) -> Bool {
        let first = value[0]
        if "$%{<!&*|>@(#?+-/".utf8.contains(first) { return false }
        if value.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "{") }) {
            return false
        }
        if let last = value.last, last == UInt8(ascii: ":") || last == UInt8(ascii: "\\") { return false }
        return !keywords.contains(String(decoding: value, as: UTF8.self).lowercased())
    }

    /// `${VAR}`, `{{ var }}`, `<your-key>`, `%s`, `****`, `xxxxxx`, `...`, and earlier placeholders.
    static func isPlaceholder(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = value[0]
        if first == UInt8(ascii: "<") || (first == UInt8(ascii: "$") && value.count > 1 && value[1] == UInt8(ascii: "{")) {
            return true
        }
        if first == UInt8(ascii: "{"), value.count > 1, value[1] == UInt8(ascii: "{") { return true }
        if first == UInt8(ascii: "%"), value.count <= 4 { return true }
        let lowered = ByteClass.lower(first)
        if value.allSatisfy({ ByteClass.lower($0) == lowered }) { return true }
        let text = ByteText(bytes: value)
        return text.find("<redacted:", from: 0) != nil || isTemplate(text)
    }

    /// String interpolation builds the value at run time: `"\(count)"`, `"${TOKEN}"`, `"#{key}"`,
    /// `f"{secret}"`. The template itself is not a secret.
    private static func isTemplate(_ text: ByteText) -> Bool {
        if text.find("\\(", from: 0) != nil || text.find("${", from: 0) != nil || text.find("#{", from: 0) != nil {
            return true
        }
        var index = 0
        while let open = text.find("{", from: index) {
            let end = text.runEnd(from: open + 1, limit: 64) { ByteClass.isWord($0) || $0 == UInt8(ascii: ".") }
            if end > open + 1, text.at(end) == UInt8(ascii: "}") { return true }
            index = open + 1
        }
        return false
    }

    /// A value mentioning its own name and no digit is a label or placeholder: "Password",
    /// "Enter your token", "YOUR_API_KEY".
    private static func isLabel(_ value: UnsafeBufferPointer<UInt8>, _ keyClass: KeyClass, _ stats: ValueStats) -> Bool {
        guard !stats.hasDigit else { return false }
        let text = ByteText(bytes: value)
        for label in keyClass.labels {
            let needle = Array(label.utf8)
            var index = 0
            while index + needle.count <= value.count {
                if (0..<needle.count).allSatisfy({ ByteClass.lower(text[index + $0]) == needle[$0] }) { return true }
                index += 1
            }
        }
        if text.hasCaseless("your", at: 0) || text.hasCaseless("enter", at: 0) || text.hasCaseless("example", at: 0) {
            return true
        }
        return false
    }
}

/// Character classes of a candidate value, computed once.
struct ValueStats: Sendable {
    var hasDigit = false
    var hasUpper = false
    var hasLower = false
    var hasSymbol = false
    /// Characters common in passwords and impossible in identifiers.
    var hasPasswordSymbol = false
    var spaces = 0
    var dotted = false
    var identifierLike = true
    var hexOnly = true

    var hasLetter: Bool { hasUpper || hasLower }
    /// Looks like a generated token rather than a word.
    var looksOpaque: Bool {
        spaces == 0 && (length >= 16 || (hasDigit && hasLetter) || (hasUpper && hasLower && hasSymbol))
    }
    var length = 0

    init(_ value: UnsafeBufferPointer<UInt8>) {
        length = value.count
        for (offset, b) in value.enumerated() {
            if ByteClass.isDigit(b) {
                hasDigit = true
            } else if ByteClass.isUpper(b) {
                hasUpper = true
            } else if ByteClass.isLower(b) {
                hasLower = true
            } else if ByteClass.isWhitespace(b) {
                spaces += 1
            } else if b < 0x80 {
                hasSymbol = true
                if "!@#$%^&*~+=?/|".utf8.contains(b) { hasPasswordSymbol = true }
                if b == UInt8(ascii: ".") { dotted = true }
            }
            let identifierByte = ByteClass.isWord(b) || b == UInt8(ascii: ".")
            if !identifierByte || (offset == 0 && ByteClass.isDigit(b)) { identifierLike = false }
            let hex = ByteClass.isDigit(b) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46)
            if !hex { hexOnly = false }
        }
    }
}

/// Shannon entropy of a value, and the rule for "random enough to be a key".
enum Entropy {
    /// Bits per byte of the value's byte distribution.
    static func bitsPerByte(_ value: UnsafeBufferPointer<UInt8>) -> Double {
        guard !value.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for b in value { counts[Int(b)] += 1 }
        let total = Double(value.count)
        var bits = 0.0
        for count in counts where count > 0 {
            let p = Double(count) / total
            bits -= p * log2(p)
        }
        return bits
    }

    /// At least 20 bytes, no spaces, not a URL or path, at least two of upper/lower/digit, and
    /// ≥ 3.5 bits per byte (≥ 3.0 for hex of ≥ 32 digits, whose alphabet caps it at 4).
    static func isHighEntropy(_ value: UnsafeBufferPointer<UInt8>, _ stats: ValueStats) -> Bool {
        guard value.count >= 20, stats.spaces == 0 else { return false }
        let text = ByteText(bytes: value)
        if text.find("://", from: 0) != nil || value[0] == UInt8(ascii: "/") || value[0] == UInt8(ascii: ".") { return false }
        let classes = (stats.hasDigit ? 1 : 0) + (stats.hasUpper ? 1 : 0) + (stats.hasLower ? 1 : 0)
        guard classes >= 2 else { return false }
        let bits = bitsPerByte(value)
        if stats.hexOnly, value.count >= 32 { return bits >= 3.0 }
        return bits >= 3.5
    }
}
