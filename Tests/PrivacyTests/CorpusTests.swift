import TestFixtures
import DocwrightCore
import Foundation
import Privacy
import Testing

@Suite struct CorpusTests {
    static let redactor = Redactor(extraSecrets: SecretCorpus.envSecrets)

    @Test func corpusHasAtLeastFiftySecrets() {
        #expect(SecretCorpus.secretCount >= 50)
    }

    @Test(arguments: SecretCorpus.all.map(\.name))
    func everyPlantedSecretIsRedacted(name: String) throws {
        let document = try #require(SecretCorpus.all.first { $0.name == name })
        let redaction = Self.redactor.redact(document.text)
        for secret in document.secrets {
            #expect(!redaction.text.contains(secret), "\(name): \(secret) survived")
        }
        // One finding may cover several listed secrets (a PEM block, a JWT's segments).
        #expect(redaction.count >= document.secrets.count / 2, "\(name): \(redaction.findings.map(\.kind))")
        // The documented stub survives, so generation still has something to work with.
        #expect(redaction.text.contains(document.docPhrase))
    }

    @Test func placeholdersKeepQuotesAndLines() throws {
        let text = "API_TOKEN = \"ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr\"\npassword: 'correcthorse42'\n"
        let redaction = Self.redactor.redact(text)
        #expect(redaction.text == "API_TOKEN = \"<redacted:github-token>\"\npassword: '<redacted:password>'\n")
        #expect(redaction.findings.map(\.line) == [1, 2])
        #expect(redaction.findings.map(\.kind) == ["github-token", "password"])
        let first = try #require(redaction.findings.first)
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[first.range], as: UTF8.self) == "ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr")
    }

    @Test func redactionIsIdempotent() {
        for document in SecretCorpus.all {
            let once = Self.redactor.redact(document.text).text
            let twice = Self.redactor.redact(once)
            #expect(twice.text == once, "\(document.name): \(twice.findings.map(\.kind))")
        }
    }

    @Test func taskFieldsAreRedacted() {
        let task = GenerationTask(
            language: "python", shape: .body, signature: "def f(token='ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr'):",
            docText: "Use key AKIAI3LDQYUN3UVYR0QF.", rawDoc: "\"\"\"Use key AKIAI3LDQYUN3UVYR0QF.\"\"\"",
            prefix: "password = \"correcthorse42\"\n", suffix: "x = 'partner_Zanzibar_Q4'\n",
            imports: ["from vault import hvs_token  # sk-bLJoLoaeTOdoe5c3veGprQFnIiU74KKEpYEZAmggQBwBAD3U"],
            insertion: SourceRange(start: SourcePosition(line: 1, utf8Column: 4), end: SourcePosition(line: 1, utf8Column: 8)),
            indentation: "    ", path: "/tmp/x.py")
        let (redacted, count) = Self.redactor.redact(task)
        #expect(count == 6)
        let fields = [redacted.signature, redacted.docText, redacted.rawDoc, redacted.prefix, redacted.suffix] + redacted.imports
        for secret in ["ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr", "AKIAI3LDQYUN3UVYR0QF", "correcthorse42",
                       "partner_Zanzibar_Q4", "sk-bLJoLoaeTOdoe5c3veGprQFnIiU74KKEpYEZAmggQBwBAD3U"] {
            #expect(!fields.contains { $0.contains(secret) }, "\(secret) survived")
        }
        #expect(redacted.insertion == task.insertion)
        #expect(redacted.path == task.path)
    }

    @Test func projectContextTextIsRedacted() {
        var task = GenerationTask(
            language: "python", shape: .body, signature: "def f():", docText: "Doc.", rawDoc: "\"\"\"Doc.\"\"\"",
            prefix: "", suffix: "", imports: [], insertion: SourceRange(at: SourcePosition(line: 0, utf8Column: 0)),
            indentation: "    ")
        task.context = [ContextSnippet(path: "settings.py", language: "python", text: "API_TOKEN = \"ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr\"",
                                       symbols: ["API_TOKEN"], reason: .referenced, detail: "", line: 3)]
        let (redacted, count) = Self.redactor.redact(task)
        #expect(count == 1)
        #expect(!(redacted.context.first?.text.contains("ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr") ?? true))
        #expect(redacted.context.first?.path == "settings.py" && redacted.context.first?.symbols == ["API_TOKEN"])
    }
}
