import Privacy
import Testing

/// One recognised format per line: the secret must go, and the placeholder must name its kind.
@Suite struct FormatTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var secret: String
        var kind: String
        var testDescription: String { kind + ": " + line.prefix(40) }
    }

    static let cases: [Case] = [
        Case(line: "aws_access_key_id=AKIAIOSFODNN7EXAMPLE", secret: "AKIAIOSFODNN7EXAMPLE", kind: "aws-key"),
        Case(line: "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
             secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", kind: "aws-secret"),
        Case(line: "  AWS_SECRET_ACCESS_KEY: \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"",
             secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", kind: "aws-secret"),
        Case(line: "git clone https://ghu_MOkIUpkDyr7OSJoRu1XXdo0cZuzren68K4Tu@github.com/o/r",
             secret: "ghu_MOkIUpkDyr7OSJoRu1XXdo0cZuzren68K4Tu", kind: "github-token"),
        Case(line: "token := \"ghr_nPFz46PDjqipVJIqVLB5LzxoiGFfWd3hjOkY\"", secret: "ghr_nPFz46PDjqipVJIqVLB5LzxoiGFfWd3hjOkY",
             kind: "github-token"),
        Case(line: "CI_TOKEN=glpat-xY9zK2mN4pQ7rS1tV3wZ", secret: "glpat-xY9zK2mN4pQ7rS1tV3wZ", kind: "gitlab-token"),
        Case(line: "OPENAI_API_KEY: sk-proj-gmhZRnFyy5r2xJ7Fj4mgblEv0-9BZhvWaXH6K2",
             secret: "sk-proj-gmhZRnFyy5r2xJ7Fj4mgblEv0-9BZhvWaXH6K2", kind: "openai-key"),
        Case(line: "key = 'sk-ant-api03-AOEHYqM6Ojb6mjBHqSiFVKu4MbMnrHont'", secret: "sk-ant-api03-AOEHYqM6Ojb6mjBHqSiFVKu4MbMnrHont",
             kind: "anthropic-key"),
        Case(line: "slack(\"xoxa-2-511111111-31111111111-3111111111111-e039d02840a0b9379c\")",
             secret: "xoxa-2-511111111-31111111111-3111111111111-e039d02840a0b9379c", kind: "slack-token"),
        Case(line: "url = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'",
             secret: "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", kind: "slack-webhook"),
        Case(line: "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
             secret: "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", kind: "jwt"),
        Case(line: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----",
             secret: "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", kind: "private-key"),
        Case(line: "k = \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n\"",
             secret: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", kind: "private-key"),
        Case(line: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nzZ8wggSjAgEAAoIBAQC7MIIEvQIBADANBgkqhkiG9w0\n-----END EC PRIVATE KEY-----",
             secret: "zZ8wggSjAgEAAoIBAQC7MIIEvQIBADANBgkqhkiG9w0", kind: "private-key"),
        Case(line: "password=hunter2x", secret: "hunter2x", kind: "password"),
        Case(line: "    passwd: 'opensesame'", secret: "opensesame", kind: "password"),
        Case(line: "db.password := \"Gopher-pw-77\"", secret: "Gopher-pw-77", kind: "password"),
        Case(line: "$secret = 'phpS3cretValue';", secret: "phpS3cretValue", kind: "secret"),
        Case(line: "config[:api_key] = 'rb_9f8e7d6c5b4a3928'", secret: "rb_9f8e7d6c5b4a3928", kind: "api-key"),
        Case(line: "{ \"apiKey\" => \"perl-ABCDEF123456\" }", secret: "perl-ABCDEF123456", kind: "api-key"),
        Case(line: "if user.password == \"letmein99\":", secret: "letmein99", kind: "password"),
        Case(line: "auth_token = \"7qYYOLQZ7mBhIoPj6r0jedkYtMV0\"", secret: "7qYYOLQZ7mBhIoPj6r0jedkYtMV0", kind: "token"),
        Case(line: "session_key: \"K6sChDStSz8rGIFCfMc4BVuMx9\"", secret: "K6sChDStSz8rGIFCfMc4BVuMx9", kind: "api-key"),
        Case(line: "cookie_signing_seed = 'a8F3kL9mQ2rT7vX1zB4nC6pD'", secret: "a8F3kL9mQ2rT7vX1zB4nC6pD", kind: "high-entropy"),
        Case(line: "amqp://guest:Rabbit-Pw-42@mq:5672/", secret: "Rabbit-Pw-42", kind: "connection-password"),
        Case(line: "mongodb+srv://admin:M0ngo%21pw@cluster0.example.net/db", secret: "M0ngo%21pw", kind: "connection-password"),
        Case(line: "<secret>Xml-Secret-Value-1</secret>", secret: "Xml-Secret-Value-1", kind: "secret"),
        Case(line: "docker login --password s3cr3tDockerPw", secret: "s3cr3tDockerPw", kind: "password"),
        Case(line: "val apiToken: String? = \"kt_Zx81Lm0Qp2Rs7Tu\"", secret: "kt_Zx81Lm0Qp2Rs7Tu", kind: "token"),
        Case(line: "Some(\"x\"); let pw = Password(\"Rusty-Pass-33\"); let password = Some(\"Rusty-Pass-44\")",
             secret: "Rusty-Pass-44", kind: "password"),
        Case(line: "google_maps: AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", secret: "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY",
             kind: "google-api-key"),
    ]

    @Test(arguments: cases)
    func formatIsRedacted(_ testCase: Case) {
        let redaction = Redactor().redact(testCase.line)
        #expect(!redaction.text.contains(testCase.secret), "\(redaction.text)")
        #expect(redaction.findings.map(\.kind).contains(testCase.kind), "\(redaction.findings.map(\.kind))")
    }

    @Test func highEntropyCanBeTurnedOff() {
        let line = "cookie_signing_seed = 'a8F3kL9mQ2rT7vX1zB4nC6pD'"
        #expect(Redactor(highEntropy: false).redact(line).count == 0)
        #expect(Redactor(highEntropy: true).redact(line).count == 1)
    }

    @Test func multiByteTextAroundSecretsStaysValid() {
        let line = "# 密码 🔑\npassword = \"ünïcødé-pässwörd-1\"  # ✓\nname = \"日本語\""
        let redaction = Redactor().redact(line)
        #expect(redaction.text == "# 密码 🔑\npassword = \"<redacted:password>\"  # ✓\nname = \"日本語\"")
    }
}
