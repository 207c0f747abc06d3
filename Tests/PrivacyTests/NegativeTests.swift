import Foundation
import Privacy
import Testing

/// Ordinary code must pass unchanged: references, calls, types, labels, short strings, URLs
/// without credentials, placeholders.
@Suite struct NegativeTests {
    static let ordinary: [String] = [
        "token = next_token()",
        "for token in tokens:",
        "password = request.form[\"password\"]",
        "api_key = os.environ[\"API_KEY\"]",
        "api_key = os.getenv(\"OPENAI_API_KEY\")",
        "password = getpass.getpass(\"Password: \")",
        "if token == \"(\":",
        "token = \"identifier\"",
        "TOKEN_KIND = \"keyword\"",
        "key = \"name\"",
        "self.password = password",
        "def login(username: str, password: str) -> bool:",
        "PASSWORD_MIN_LENGTH = 12",
        "keyboard_layout = \"qwertyuiopasdfghjklzxcv\"",
        "password_label = \"Password\"",
        "\"password\": \"Password\",",
        "\"forgot_password\": \"Forgot your password?\",",
        "token_url = \"https://auth.example.com/oauth/token\"",
        "expected = \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"",
        "url = \"https://example.com/path?q=1&page=2\"",
        "REDIS = \"redis://localhost:6379/0\"",
        "DB = \"postgres://user@host/db\"",
        "DB = \"postgres://user:${DB_PASSWORD}@host/db\"",
        "token := lexer.Next()",
        "let token: Token = Token::new(kind);",
        "  password: string;",
        "interface Creds { token: string; apiKey?: string }",
        "String password = args[0];",
        "private final TokenService tokenService;",
        "password: ${DB_PASSWORD}",
        "api_key: !vault |",
        "secret_name = \"prod/db\"",
        "export GITHUB_TOKEN=$(cat ~/.token)",
        "export API_KEY=\"${API_KEY:-}\"",
        "password = \"****\"",
        "api_key = \"YOUR_API_KEY\"",
        "api_key = \"<your-api-key>\"",
        "token = \"\"",
        "secret = None",
        "const { token } = useAuth();",
        "headers[\"Authorization\"] = f\"Bearer {token}\"",
        "tokenizer = AutoTokenizer.from_pretrained(\"gpt2\")",
        "max_tokens: 48",
        "keys = sorted(d.keys())",
        "hotkey = \"ctrl+shift+p\"",
        "private_key_path = \"~/.ssh/id_ed25519\"",
        "-----BEGIN CERTIFICATE-----",
        "monkey = \"bananas\"",
        "sk-learn is not a key; ghp_ alone neither; AKIA alone neither",
        "let passwordField = UITextField()",
        "session.auth = (user, password)",
        "signature = inspect.signature(func)",
        "x = a-b-c-d-e",
        "print(\"----- report -----\")",
        "logger.debug(\"x\", metadata: [\"secrets\": \"\\(count)\"])",
        "password = f\"{prefix}{suffix}\"",
        "token = `${header}.${payload}`",
        "secret = \"#{vault_secret_name}\"",
    ]

    @Test(arguments: ordinary)
    func ordinaryCodeIsUnchanged(_ line: String) {
        let redaction = Redactor().redact(line)
        #expect(redaction.text == line, "\(redaction.findings.map(\.kind))")
    }

    /// The project's own sources are ordinary code in several styles: nothing to redact there
    /// (the redactor's own files excepted: they describe formats, but hold no full token).
    @Test func projectSourcesAreUnchanged() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
        var files = 0
        var bytes = 0
        var findings: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") || relative.hasSuffix(".h") else { continue }
            let text = try String(contentsOfFile: root.appendingPathComponent(relative).path, encoding: .utf8)
            files += 1
            bytes += text.utf8.count
            let redaction = Redactor().redact(text)
            findings += redaction.findings.map { "\(relative):\($0.line) \($0.kind)" }
        }
        print("scanned \(files) source files, \(bytes) bytes: \(findings.count) findings \(findings)")
        #expect(files > 50)
        #expect(findings.isEmpty)
    }
}
