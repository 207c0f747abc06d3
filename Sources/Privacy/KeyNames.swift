/// Which variable / key names announce a secret. Names are split into lower-case components at
/// `_`, `-`, `.` and camelCase humps (`awsSecretAccessKey` → aws, secret, access, key); the last
/// component decides.
struct KeyClass: Sendable {
    /// Placeholder kind for values redacted because of the name.
    var kind: String
    /// The name alone is enough (`password`, `api_key`); otherwise only a high-entropy value counts.
    var strong: Bool
    /// Token-like names (`token`, `*_key`): the value must also look opaque, since lexers and
    /// parsers assign words such as "identifier" to variables named `token`.
    var opaque: Bool
    /// Values containing one of these (and no digit) are labels or placeholders ("Password",
    /// "YOUR_API_KEY"), not secrets.
    var labels: [String]
}

enum KeyNames {
    private static let passwordWords: Set<String> = ["password", "passwd", "pwd", "passphrase", "passcode"]
    private static let secretWords: Set<String> = ["secret", "secrets", "credential", "credentials", "creds"]
    private static let tokenWords: Set<String> = ["token", "authorization", "bearer", "pat"]
    private static let joinedKeys: Set<String> = [
        "apikey", "accesskey", "secretkey", "privatekey", "authkey", "signingkey", "masterkey", "encryptionkey",
    ]
    /// `<qualifier>_key` names that hold secrets (`api_key`, `secret_access_key`, `signing_key`).
    private static let keyQualifiers: Set<String> = [
        "api", "access", "secret", "private", "auth", "signing", "sign", "encryption", "encrypt", "master",
        "client", "app", "application", "license", "service", "account", "subscription", "webhook", "session",
        "consumer", "admin", "deploy", "server", "shared", "hmac", "jwt", "crypto", "cipher", "aes", "stripe",
        "openai", "anthropic", "github", "slack", "sendgrid", "twilio", "mailgun", "google", "aws", "azure",
    ]

    /// The class of the name at `range`, or nil when the name says nothing about secrets.
    static func classify(_ text: ByteText, _ range: Range<Int>) -> KeyClass? {
        guard range.count >= 3, range.count <= 128, mentionsSecret(text, range) else { return nil }
        let parts = components(text, range)
        guard let last = parts.last else { return nil }
        let previous = parts.count >= 2 ? parts[parts.count - 2] : ""
        let aws = parts.contains("aws")
        if passwordWords.contains(last) || last.hasSuffix("password") || (last == "pass" && parts.count >= 2) {
            return KeyClass(kind: "password", strong: true, opaque: false, labels: ["pass", "pwd"])
        }
        if secretWords.contains(last) || last.hasSuffix("secret") {
            return KeyClass(kind: aws ? "aws-secret" : "secret", strong: true, opaque: false, labels: ["secret", "cred"])
        }
        if tokenWords.contains(last) || last.hasSuffix("token") {
            return KeyClass(kind: "token", strong: true, opaque: true, labels: ["token", "bearer"])
        }
        if joinedKeys.contains(last) || (last == "key" && keyQualifiers.contains(previous)) {
            let kind = aws || parts.contains("secret") && parts.contains("access") ? "aws-secret" : "api-key"
            return KeyClass(kind: kind, strong: true, opaque: true, labels: ["key"])
        }
        return KeyClass(kind: "high-entropy", strong: false, opaque: true, labels: [])
    }

    /// Cheap pre-filter (no allocation): does the name contain a word hinting at a secret?
    private static func mentionsSecret(_ text: ByteText, _ range: Range<Int>) -> Bool {
        for index in range {
            switch ByteClass.lower(text[index]) {
            case UInt8(ascii: "p"):
                if text.hasCaseless("pass", at: index) || text.hasCaseless("pwd", at: index)
                    || text.hasCaseless("private", at: index) || text.hasCaseless("pat", at: index) { return true }
            case UInt8(ascii: "s"):
                if text.hasCaseless("secret", at: index) || text.hasCaseless("salt", at: index)
                    || text.hasCaseless("sig", at: index) || text.hasCaseless("session", at: index)
                    || text.hasCaseless("seed", at: index) { return true }
            case UInt8(ascii: "t"):
                if text.hasCaseless("token", at: index) { return true }
            case UInt8(ascii: "k"):
                if text.hasCaseless("key", at: index) { return true }
            case UInt8(ascii: "c"):
                if text.hasCaseless("cred", at: index) || text.hasCaseless("cookie", at: index)
                    || text.hasCaseless("cert", at: index) { return true }
            case UInt8(ascii: "a"):
                if text.hasCaseless("auth", at: index) { return true }
            case UInt8(ascii: "d"):
                if text.hasCaseless("dsn", at: index) { return true }
            case UInt8(ascii: "h"):
                if text.hasCaseless("hmac", at: index) { return true }
            case UInt8(ascii: "b"):
                if text.hasCaseless("bearer", at: index) { return true }
            default:
                break
            }
        }
        return false
    }

    /// Lower-case name components split at separators and camelCase humps.
    static func components(_ text: ByteText, _ range: Range<Int>) -> [String] {
        var parts: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty { parts.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for index in range {
            let b = text[index]
            guard ByteClass.isAlnum(b) else {
                flush()
                continue
            }
            if ByteClass.isUpper(b), !current.isEmpty {
                // `apiKey` → api|key; `APIKey` → api|key (an upper-case run ends before its last
                // letter when a lower-case letter follows).
                let previous = text[index - 1]
                if ByteClass.isLower(previous) || ByteClass.isDigit(previous) {
                    flush()
                } else if ByteClass.isUpper(previous), index + 1 < range.upperBound, ByteClass.isLower(text[index + 1]) {
                    flush()
                }
            }
            current.append(ByteClass.lower(b))
        }
        flush()
        return parts
    }
}
