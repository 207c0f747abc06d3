import FoundationEssentials

/// Keeps secrets out of logs and messages.
enum Redaction {
    /// Header names whose values are credentials.
    static let secretHeaders: Set<String> = ["authorization", "x-api-key", "api-key", "proxy-authorization", "cookie"]

    /// Headers as `name: value` lines for a debug log, with credential values replaced.
    static func describe(_ headers: [(name: String, value: String)]) -> String {
        headers.map { header in
            secretHeaders.contains(header.name.lowercased()) ? "\(header.name): [redacted]" : "\(header.name): \(header.value)"
        }.joined(separator: ", ")
    }

    /// Removes the known key and anything shaped like an API key from text a server sent back.
    static func scrub(_ text: String, secret: String?) -> String {
        var result = text
        if let secret, secret.count >= 4 { result = result.replacing(secret, with: "[redacted]") }
        result.replace(#/sk-[A-Za-z0-9_\-\*\.]{3,}/#, with: "[redacted]")
        result.replace(#/(?i)bearer\s+[A-Za-z0-9_\-\.\*]+/#, with: "[redacted]")
        return result
    }

    /// A URL fit for messages: no user-info and no query string (either may carry a key).
    static func displayURL(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return withoutUserInfo(url) }
        components.user = nil
        components.password = nil
        components.query = nil
        return components.string ?? withoutUserInfo(url)
    }

    /// For text URLComponents cannot parse (a proxy password with a raw `#` or `/`): everything
    /// between `://` and the last `@` goes, and the query with it. Errs on removing too much.
    private static func withoutUserInfo(_ url: String) -> String {
        var text = url
        if let query = text.firstIndex(of: "?") { text = String(text[..<query]) }
        guard let at = text.lastIndex(of: "@") else { return text }
        let start = text.firstRange(of: "://").map(\.upperBound) ?? text.startIndex
        guard start <= at else { return text }
        return String(text[..<start]) + String(text[text.index(after: at)...])
    }
}
