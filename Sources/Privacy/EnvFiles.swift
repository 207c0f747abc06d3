import DocwrightCore
import FoundationEssentials

/// Values defined in the workspace's `.env` files: whatever a project keeps there is treated as
/// secret wherever it appears in code.
enum EnvFiles {
    /// Committed templates hold placeholders, not secrets.
    private static let templateSuffixes = [".example", ".sample", ".template", ".dist", ".defaults"]
    /// Values too common to be secrets; redacting them would blank ordinary code.
    private static let ordinaryValues: Set<String> = [
        "localhost", "127.0.0.1", "0.0.0.0", "development", "production", "staging", "testing", "debug",
        "release", "enabled", "disabled", "default", "warning", "postgres", "postgresql", "sqlite", "mysql",
        "redis", "utf-8", "console",
    ]
    private static let maximumFileBytes = 1 << 20
    private static let maximumValues = 2000

    /// Paths of `.env` and `.env.*` files directly under `root` (templates excepted).
    static func files(workspaceRoot root: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        return names.filter { name in
            (name == ".env" || name.hasPrefix(".env.")) && !templateSuffixes.contains { name.hasSuffix($0) }
        }.sorted().map { PathText.appending($0, to: root) }
    }

    static func secrets(workspaceRoot: String?) -> [String] {
        guard let root = workspaceRoot.map(plainPath), !root.isEmpty else { return [] }
        var values: [String] = []
        for path in files(workspaceRoot: root) {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  (attributes[.size] as? Int ?? 0) <= maximumFileBytes,
                  let data = FileManager.default.contents(atPath: path)
            else { continue }
            values += parse(String(decoding: data, as: UTF8.self))
            if values.count >= maximumValues { break }
        }
        return Array(values.prefix(maximumValues))
    }

    /// `KEY=value` lines (optionally `export`ed, quoted, with trailing comments); a quoted value
    /// may span lines (PEM keys), and then each of its long lines counts on its own too.
    static func parse(_ contents: String) -> [String] {
        var values: [String] = []
        var lines = contents.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)[...]
        while let raw = lines.popFirst() {
            var line = raw.trimmingHorizontalWhitespace()
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)) }
            guard !line.hasPrefix("#"), let separator = line.firstIndex(of: "=") else { continue }
            let key = line[..<separator].trimmingHorizontalWhitespace()
            guard !key.isEmpty, !key.contains(" ") else { continue }
            var value = line[line.index(after: separator)...].trimmingHorizontalWhitespace()
            if let quote = value.first, quote == "\"" || quote == "'" {
                value.removeFirst()
                if let close = value.firstIndex(of: quote) {
                    value = String(value[..<close])
                } else {
                    // Multi-line quoted value: read on to the closing quote.
                    var parts = [value]
                    while let next = lines.popFirst() {
                        if let close = next.firstIndex(of: quote) {
                            parts.append(String(next[..<close]))
                            break
                        }
                        parts.append(String(next))
                    }
                    values += parts.map { $0.trimmingHorizontalWhitespace() }.filter { $0.count >= 16 }
                    value = parts.joined(separator: "\n")
                }
            } else if let comment = value.firstRange(of: " #") {
                value = value[..<comment.lowerBound].trimmingHorizontalWhitespace()
            }
            if isSecretCandidate(value) { values.append(value) }
        }
        return values
    }

    private static func isSecretCandidate(_ value: String) -> Bool {
        guard value.utf8.count >= Redactor.minimumExtraSecretLength, !value.contains("${") else { return false }
        if ordinaryValues.contains(value.lowercased()) { return false }
        if value.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) { return false }
        return true
    }

    /// `file:///a/b` → `/a/b`; plain paths unchanged.
    static func plainPath(_ pathOrURI: String) -> String {
        guard pathOrURI.hasPrefix("file://") else { return pathOrURI }
        return URL(string: pathOrURI)?.path ?? String(pathOrURI.dropFirst(7))
    }
}
