import Foundation
import Testing

/// One case of `Tests/fixtures/context-corpus`: a small workspace and its `case.json` (see the
/// corpus README): the stub to generate at, the definitions from other files its prompt needs,
/// and the strings that must never reach the request.
struct ContextCorpusCase: Decodable, CustomTestStringConvertible {
    /// The case's directory name.
    var name = ""
    /// `rel/path.ext:LINE` (1-based line of the docstring or doc comment).
    var target: String
    var language: String
    /// Names of definitions from other files the implementation needs.
    var needs: [String]
    /// Strings of the workspace (excluded files, planted secrets) that must appear nowhere in
    /// what `docwright prompt` prints: a leak.
    var forbidden: [String]
    /// Needed names that exist in several files: the file they must come from.
    var needsFrom: [String: String]?
    /// Strings of the wrong same-named definition: choosing it is a wrong pick (not a leak).
    var wrong: [String]?
    /// The file holding a planted secret, and the names whose values are secrets: where context
    /// shows such a definition's value, it shows `<redacted:…>`.
    var secretFile: String?
    var secretSymbols: [String]?
    /// Files `.docwright.toml` excludes: never in context.
    var excluded: [String]?
    var notes: String

    enum CodingKeys: String, CodingKey {
        case target, language, needs, forbidden, wrong, excluded, notes
        case needsFrom = "needs_from", secretFile = "secret_file", secretSymbols = "secret_symbols"
    }

    var testDescription: String { name }

    var targetPath: String { String(target[..<(target.lastIndex(of: ":") ?? target.endIndex)]) }

    /// The corpus directory in this checkout.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/context-corpus")

    /// Every case, by name.
    static func all() throws -> [ContextCorpusCase] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        return try names.compactMap { name in
            let file = directory.appendingPathComponent(name).appendingPathComponent("case.json")
            guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
            var decoded = try JSONDecoder().decode(ContextCorpusCase.self, from: data)
            decoded.name = name
            return decoded
        }
    }

    /// A copy of the case's workspace (without `case.json`) in a fresh temporary directory, so
    /// its root holds only the workspace.
    func copyWorkspace() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-corpus-\(name)-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.directory.appendingPathComponent(name), to: copy)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("case.json"))
        return copy
    }
}

/// What `docwright prompt TARGET --json` showed for one case, scored.
struct ContextCorpusOutcome {
    var corpusCase: ContextCorpusCase
    var exited: Int32?
    var stderr: String
    /// Needed names that reached the request.
    var found: [String] = []
    var missing: [String] = []
    /// Forbidden strings present in the output.
    var leaks: [String] = []
    /// Strings of a wrong same-named definition present in the output, or a needed name taken
    /// from another file than `needs_from` says.
    var wrongPicks: [String] = []
    /// Context pieces as `path:symbols`.
    var pieces: [String] = []
    /// Context pieces from excluded files (a leak even if no forbidden string shows).
    var excludedPieces: [String] = []
    /// Lines of context from the secret's file that define a secret name with a literal value
    /// shown, and those of them that show it as `<redacted:…>`.
    var secretLines: [String] = []
    var redactedSecretLines: [String] = []

    init(_ corpusCase: ContextCorpusCase, exited: Int32?, stdout: String, stderr: String, targetText: String) {
        self.corpusCase = corpusCase
        self.exited = exited
        self.stderr = stderr
        let json = (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:]
        let context = json["context"] as? [[String: Any]] ?? []
        // Every string of the output decoded (JSON escapes cannot hide one), plus the raw output.
        var strings = [stdout]
        Self.collect(json, into: &strings)
        let searchable = strings.joined(separator: "\n")
        leaks = corpusCase.forbidden.filter { searchable.contains($0) }
        wrongPicks = (corpusCase.wrong ?? []).filter { searchable.contains($0) }

        var bodyStrings: [String] = []
        Self.collect(json["body"] ?? NSNull(), into: &bodyStrings)
        let body = bodyStrings.joined(separator: "\n")
        for piece in context {
            let path = piece["path"] as? String ?? ""
            let symbols = piece["symbols"] as? [String] ?? []
            pieces.append(path + (symbols.isEmpty ? "" : ":" + symbols.joined(separator: ",")))
            if corpusCase.excluded?.contains(path) == true { excludedPieces.append(path) }
            if path == corpusCase.secretFile {
                let text = piece["text"] as? String ?? ""
                for line in text.split(separator: "\n").map(String.init)
                where (corpusCase.secretSymbols ?? []).contains(where: { Self.containsWord(line, $0) })
                    && (line.contains("\"") || line.contains("'") || line.contains("<redacted:")) {
                    secretLines.append(line)
                    if line.contains("<redacted:") { redactedSecretLines.append(line) }
                }
            }
        }
        for name in corpusCase.needs {
            let source = corpusCase.needsFrom?[name]
            // Pieces naming the definition, or whose stub holds it (a method inside its class).
            let naming = context.filter { piece in
                (piece["symbols"] as? [String] ?? []).contains(name) || Self.containsWord(piece["text"] as? String ?? "", name)
            }
            let fromRightFile = naming.filter { source == nil || ($0["path"] as? String) == source }
            // A wrong pick defines the name elsewhere (another file's stub merely using it is fine).
            let definingElsewhere = context.filter { piece in
                (piece["symbols"] as? [String] ?? []).contains(name) && source != nil && (piece["path"] as? String) != source
            }
            if !definingElsewhere.isEmpty {
                wrongPicks.append("\(name) from " + definingElsewhere.compactMap { $0["path"] as? String }.joined(separator: ","))
            }
            // The body carries its definition beyond what the edited file itself shows.
            let definedInBody = source == nil
                && Self.definitions(of: name, in: body) > Self.definitions(of: name, in: targetText)
            if !fromRightFile.isEmpty || definedInBody { found.append(name) } else { missing.append(name) }
        }
    }

    var recall: Double { corpusCase.needs.isEmpty ? 1 : Double(found.count) / Double(corpusCase.needs.count) }

    static func collect(_ value: Any, into strings: inout [String]) {
        if let string = value as? String {
            strings.append(string)
        } else if let array = value as? [Any] {
            for element in array { collect(element, into: &strings) }
        } else if let object = value as? [String: Any] {
            for (key, element) in object {
                strings.append(key)
                collect(element, into: &strings)
            }
        }
    }

    static func containsWord(_ text: String, _ word: String) -> Bool {
        text.range(of: "(?<![A-Za-z0-9_])\(NSRegularExpression.escapedPattern(for: word))(?![A-Za-z0-9_])",
                   options: .regularExpression) != nil
    }

    /// Places that define `name` in some language's form: after a definition keyword (a Go
    /// receiver allowed), a Java/TS member signature `Type name(`, or `name =` / `name:` at the
    /// start of a line (constants, fields).
    static func definitions(of name: String, in text: String) -> Int {
        let word = NSRegularExpression.escapedPattern(for: name)
        let patterns = [
            "\\b(def|class|fn|func|struct|interface|type|enum|trait|const|let|var|record|static|mod)\\s+(\\([^)]*\\)\\s*)?\(word)\\b",
            "(?m)^\\s*(export\\s+)?(pub\\s+)?\(word)\\s*(=|:)",
            "\\b[A-Za-z_][A-Za-z0-9_<>\\[\\]]*\\s+\(word)\\s*\\([^)]*\\)\\s*(\\{|throws)",
        ]
        return patterns.reduce(0) { count, pattern in
            count + ((try? NSRegularExpression(pattern: pattern))?
                .numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)) ?? 0)
        }
    }
}

/// The per-case table and the totals, printed whatever the verdict so a failure reads at once.
struct ContextCorpusReport {
    var outcomes: [ContextCorpusOutcome]

    var needed: Int { outcomes.reduce(0) { $0 + $1.corpusCase.needs.count } }
    var found: Int { outcomes.reduce(0) { $0 + $1.found.count } }
    var recall: Double { needed == 0 ? 1 : Double(found) / Double(needed) }
    var leaks: Int { outcomes.reduce(0) { $0 + $1.leaks.count + $1.excludedPieces.count } }
    var wrongPicks: Int { outcomes.reduce(0) { $0 + $1.wrongPicks.count } }

    var table: String {
        var lines = ["context corpus: \(outcomes.count) cases, recall \(found)/\(needed) = "
                     + String(format: "%.2f", recall) + ", leaks \(leaks), wrong picks \(wrongPicks)",
                     "| case | language | found/needed | missing | leaks | wrong | context pieces |",
                     "| --- | --- | --- | --- | --- | --- | --- |"]
        for outcome in outcomes {
            let c = outcome.corpusCase
            let lastError = String(String(outcome.stderr.split(separator: "\n").last ?? "").prefix(100))
            let status = outcome.exited == 0 ? "" : " (exit \(outcome.exited.map { String($0) } ?? "signal"): \(lastError))"
            lines.append("| \(c.name)\(status) | \(c.language) | \(outcome.found.count)/\(c.needs.count) | "
                         + "\(outcome.missing.joined(separator: ", ")) | "
                         + "\((outcome.leaks + outcome.excludedPieces.map { "file " + $0 }).joined(separator: ", ")) | "
                         + "\(outcome.wrongPicks.joined(separator: ", ")) | \(outcome.pieces.joined(separator: " "))")
        }
        return lines.joined(separator: "\n")
    }
}
