import TestFixtures
import Foundation
import Privacy
import Testing

@Suite struct EnvFileTests {
    func workspace(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func valuesFromEnvFilesAreRedactedEverywhere() throws {
        let root = try workspace([
            ".env": SecretCorpus.envFile,
            ".env.local": "LOCAL_ONLY='single-quoted-Value9' # note\nMULTI=\"-----BEGIN X-----\nAAAABBBBCCCCDDDDEEEE\n-----END X-----\"\n",
            ".env.example": "PLACEHOLDER_VALUE=example-only-value\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let redactor = Redactor.loadingEnvFiles(workspaceRoot: root.absoluteString)
        let code = """
            salt = "pepper-Lake-Orchid-771"
            partner = 'partner_Zanzibar_Q4'
            other = "single-quoted-Value9"
            body = "AAAABBBBCCCCDDDDEEEE"
            mode = "development"
            example = "example-only-value"
            flag = true
            """
        let redaction = redactor.redact(code)
        for secret in SecretCorpus.envSecrets + ["single-quoted-Value9", "AAAABBBBCCCCDDDDEEEE"] {
            #expect(!redaction.text.contains(secret))
        }
        // Ordinary values and templates are not secrets.
        #expect(redaction.text.contains("\"development\""))
        #expect(redaction.text.contains("example-only-value"))
        #expect(redaction.findings.allSatisfy { $0.kind == "env-value" })
        #expect(redactor.extraSecrets.count >= 4)
    }

    @Test func missingRootOrFilesMeanNoExtraSecrets() throws {
        #expect(Redactor.loadingEnvFiles(workspaceRoot: nil).extraSecrets.isEmpty)
        #expect(Redactor.loadingEnvFiles(workspaceRoot: "/nonexistent/docwright").extraSecrets.isEmpty)
        let root = try workspace(["README.md": "PASSWORD=notAnEnvFile123\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Redactor.loadingEnvFiles(workspaceRoot: root.path).extraSecrets.isEmpty)
    }

    @Test func shortExtraSecretsAreIgnored() {
        let redactor = Redactor(extraSecrets: ["abc", "12345", "longer-secret"])
        #expect(redactor.extraSecrets == ["longer-secret"])
        #expect(redactor.redact("abc 12345 longer-secret").text == "abc 12345 <redacted:env-value>")
    }
}
