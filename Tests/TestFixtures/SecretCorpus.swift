import Foundation

// The planted-secret corpus, shared by the Privacy tests (redaction) and the Server tests (what
// reaches a capturing model over the wire). A library only test targets depend on.
// Every value below is fake, generated for these tests.

/// A source file with secrets planted around a documented stub.
public struct PlantedDocument: Sendable {
    public var name: String
    public var language: String
    public var text: String
    /// Each must be absent from whatever leaves the machine.
    public var secrets: [String]
    /// Words from the docstring: generation is requested inside them.
    public var docPhrase: String

    /// A position inside the docstring (0-based line, UTF-16 character).
    public var docPosition: (line: Int, character: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if let range = line.range(of: docPhrase) {
                return (index, line.utf16.distance(from: line.startIndex, to: range.lowerBound) + 2)
            }
        }
        return (0, 0)
    }
}

public enum SecretCorpus {
    /// Written to the workspace's `.env`: these values are secret wherever they appear.
    public static let envFile = """
        # local settings
        export INTERNAL_SIGNING_SALT=pepper-Lake-Orchid-771
        PARTNER_ID="partner_Zanzibar_Q4"
        DEBUG=true
        APP_ENV=development
        """
    public static let envSecrets = ["pepper-Lake-Orchid-771", "partner_Zanzibar_Q4"]

    public static let pemBody = [
        "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun",
        "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK",
        "LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo",
    ]

    public static let python = PlantedDocument(
        name: "billing.py", language: "python",
        text: """
            import os
            import boto3

            AWS_ACCESS_KEY_ID = "AKIAI3LDQYUN3UVYR0QF"
            aws_secret_access_key = "oB7GVvouNndNWYzjFnMpfS2ViRb1+n3U6t3wI973"
            GITHUB_TOKEN = 'ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr'
            openai.api_key = "sk-bLJoLoaeTOdoe5c3veGprQFnIiU74KKEpYEZAmggQBwBAD3U"
            client = Anthropic(api_key="sk-ant-api03-AOEHYqM6Ojb6mjBHqSiFVKu4MbMnrHontIKARAH-Ggl2JfaQqHu42bojteVs3qfNUfTAFnT0tEuw0dwQ0FIunWe8Cz6SNAA")
            DATABASE_URL = "postgres://billing:Tr0ub4dor&3@db.internal:5432/billing"
            password = "correcthorse42"
            db_config = {"user": "app", "password": "p@55w0rd!Q", "host": "db"}
            SECRET_KEY = "django-insecure-8f#k2l!m9x@w3q$z7v^b1n&c5r*t0y"
            headers = {"Authorization": "Bearer eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiMTIzNDU2Nzg5MCIsICJuYW1lIjogIkphbmUiLCAiaWF0IjogMTUxNjIzOTAyMn0.krtDXtBi10Q71hA1XcW9aTMX1C-CI3-dXRZv7qdYdk2"}
            partner = "partner_Zanzibar_Q4"
            PRIVATE_KEY = \"\"\"-----BEGIN RSA PRIVATE KEY-----
            MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun
            VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK
            LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo
            -----END RSA PRIVATE KEY-----\"\"\"
            SETUP = \"\"\"
            export DB_PASS=pa55-W0rd-xyz
            export STRIPE_KEY=sk_live_zSptQLxEJHwBVJvwSDrtqohU
            curl -H "Authorization: Bearer K6sChDStSz8rGIFCfMc4BVuM" https://api.example.com
            mysql --password=Hunter22x -h db
            \"\"\"


            def charge(customer_id, amount):
                \"\"\"Charge the customer's card through the billing API and return the receipt id.\"\"\"
                pass


            REFUND_WEBHOOK_SECRET = "whsec_9Qk2LmX7pR4tV8nB3cZ6"
            """,
        secrets: [
            "AKIAI3LDQYUN3UVYR0QF", "oB7GVvouNndNWYzjFnMpfS2ViRb1+n3U6t3wI973", "ghp_OhbVrpoiVgRV5IfLBcbfnoGMbJmTPSIAoCLr",
            "sk-bLJoLoaeTOdoe5c3veGprQFnIiU74KKEpYEZAmggQBwBAD3U",
            "sk-ant-api03-AOEHYqM6Ojb6mjBHqSiFVKu4MbMnrHontIKARAH-Ggl2JfaQqHu42bojteVs3qfNUfTAFnT0tEuw0dwQ0FIunWe8Cz6SNAA",
            "Tr0ub4dor&3", "correcthorse42", "p@55w0rd!Q", "django-insecure-8f#k2l!m9x@w3q$z7v^b1n&c5r*t0y",
            "eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9", "krtDXtBi10Q71hA1XcW9aTMX1C-CI3-dXRZv7qdYdk2",
            "partner_Zanzibar_Q4", pemBody[0], pemBody[1], pemBody[2], "pa55-W0rd-xyz",
            "sk_live_zSptQLxEJHwBVJvwSDrtqohU", "K6sChDStSz8rGIFCfMc4BVuM", "Hunter22x", "whsec_9Qk2LmX7pR4tV8nB3cZ6",
        ],
        docPhrase: "Charge the customer")

    public static let javascript = PlantedDocument(
        name: "notify.js", language: "javascript",
        text: """
            const stripe = require('stripe')('sk_live_4eC39HqLyjWDarjtT1zdp7dc');
            const SLACK_WEBHOOK = "https://hooks.slack.com/services/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";
            const config = {
              apiKey: "AIzaIPFlJ5F7WRd_Px-BTHRJJbykE0-E8-5clLC",
              clientSecret: 'f1d2c3b4a5968778695a4b3c2d1e0f9a',
              password: `s3cr3t-Pa55`,
              "auth_token": "7qYYOLQZ7mBhIoPj6r0jedkYtMV0",
            };
            process.env.NPM_TOKEN = "npm_muhVI8WSlmnVErULWHMsg1msoxltaTIircdJ";
            const salt = "pepper-Lake-Orchid-771";
            const manifest = `
            apiVersion: v1
            kind: Secret
            stringData:
              db_password: Sup3r-Secret-99
              api_token: 4fa2b9c1e8d7f6a5b4c3d2e1f0a9b8c7
            `;

            /**
             * Post a message to the team's Slack channel and return whether it was delivered.
             */
            function notify(text) {
            }

            module.exports = { notify, token: "xoxb-330365414586-8501429401965-UYuBMGhy5KmqcTBaH7ZIRU8V" };
            """,
        secrets: [
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "CqWp1OrXXHFOprCeTsprvu5I", "AIzaIPFlJ5F7WRd_Px-BTHRJJbykE0-E8-5clLC",
            "f1d2c3b4a5968778695a4b3c2d1e0f9a", "s3cr3t-Pa55", "7qYYOLQZ7mBhIoPj6r0jedkYtMV0",
            "npm_muhVI8WSlmnVErULWHMsg1msoxltaTIircdJ", "pepper-Lake-Orchid-771", "Sup3r-Secret-99",
            "4fa2b9c1e8d7f6a5b4c3d2e1f0a9b8c7", "xoxb-330365414586-8501429401965-UYuBMGhy5KmqcTBaH7ZIRU8V",
        ],
        docPhrase: "Post a message")

    public static let go = PlantedDocument(
        name: "deploy.go", language: "go",
        text: """
            package deploy

            import "fmt"

            const githubPAT = "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"

            var gitlabToken = "glpat--iqq8vH2BzNZV45pFCiR"
            var dsn = "mysql://root:Sup3rS3cret!@tcp(localhost:3306)/app"
            var signingKey = []byte("Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA")
            var config = map[string]string{"password": "Gopher-2024-pw", "region": "eu-west-1"}

            // Deploy uploads the build to the release bucket and returns its URL.
            func Deploy(version string) (string, error) {
            }

            const ghActionsToken = "ghs_ON43xKmTecQoXsf2o3gyrDO1xkxwnQrS7RPe"
            """,
        secrets: [
            "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",
            "glpat--iqq8vH2BzNZV45pFCiR", "Sup3rS3cret!", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA", "Gopher-2024-pw",
            "ghs_ON43xKmTecQoXsf2o3gyrDO1xkxwnQrS7RPe",
        ],
        docPhrase: "Deploy uploads")

    public static let rust = PlantedDocument(
        name: "incidents.rs", language: "rust",
        text: """
            use std::env;

            const SLACK_BOT_TOKEN: &str = "xoxp-356159514846-564823662994-6804436995777-6f529a279764017f2ed6cfc7403d75e1";
            static HF_TOKEN: &str = "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";
            const OAUTH_CLIENT_ID: &str = "gho_Z3aWZkSBvrjn9Wvgfygw2wMqZcUDIh7yfJs1";

            fn client() -> Client {
                let api_key: String = String::from("9f8e7d6c5b4a39281716f5e4d3c2b1a0");
                Client::new("sk-proj-gmhZRnFyy5r2xJ7Fj4mgblEv0-9BZhvWaXH6K2-tyLBhhOhg9uhkxiiEZpFfk1OH", api_key)
            }

            /// Returns the number of open incidents for the service.
            fn open_incidents(service: &str) -> usize {
                todo!()
            }
            """,
        secrets: [
            "xoxp-356159514846-564823662994-6804436995777-6f529a279764017f2ed6cfc7403d75e1",
            "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", "gho_Z3aWZkSBvrjn9Wvgfygw2wMqZcUDIh7yfJs1",
            "9f8e7d6c5b4a39281716f5e4d3c2b1a0",
            "sk-proj-gmhZRnFyy5r2xJ7Fj4mgblEv0-9BZhvWaXH6K2-tyLBhhOhg9uhkxiiEZpFfk1OH",
        ],
        docPhrase: "Returns the number")

    public static let java = PlantedDocument(
        name: "Mailer.java", language: "java",
        text: """
            import java.util.Properties;

            public class Mailer {
                private static final String SMTP_PASSWORD = "Winter2024!Mail";
                private String awsKey = "ASIA4B8DWOECBPMBJPI4";
                private static final String JWT_SECRET = "GdlDcIfw84Jx3+l8S0QPnuQ0/KZe6lOGPoZa70gyU/4gAIqK4+pdEuNb0lCo7pt/";
                private String jdbc = "jdbc:postgresql://db:5432/app?user=app&password=Jdbc-Pass-7731";
                private String settings = "{\\"api_key\\": \\"ak_51HxQ2vK9mPz7LwR3tYb\\"}";
                private String mssql = "Server=db;Database=app;User Id=sa;Password=MsSql!Pass99;";

                /** Sends the weekly report to the given address and returns the message id. */
                public String sendReport(String to) {
                }
            }
            """,
        secrets: [
            "Winter2024!Mail", "ASIA4B8DWOECBPMBJPI4", "GdlDcIfw84Jx3+l8S0QPnuQ0/KZe6lOGPoZa70gyU/4gAIqK4+pdEuNb0lCo7pt/",
            "Jdbc-Pass-7731", "ak_51HxQ2vK9mPz7LwR3tYb", "MsSql!Pass99",
        ],
        docPhrase: "Sends the weekly")

    /// Configuration formats inside a TypeScript module: JSON, TOML, .env and XML text.
    public static let typescript = PlantedDocument(
        name: "settings.ts", language: "typescript",
        text: """
            export const jsonSettings = `{
              "database": {"user": "svc", "password": "Json-Passw0rd-5"},
              "secret_access_key": "Xq3bT9wL2mN8pR5vZ1cY7kH4jF6gD0sA3eU9iO2x"
            }`;
            export const tomlSettings = `
            [service]
            client_secret = "tomlClientSecret8842"
            webhook_token = "whk_2fG8hJ4kL6nP9qS1tV3x"
            `;
            export const envSettings = `
            SENDGRID_API_KEY=SG.Vx9q2LmT4rB7.Kp3nZ8wYc6Fh1Jd5Gs0Qa2Ue4Io7
            REDIS_URL=redis://:Red1s-Secret-Pw@cache:6379/0
            `;
            export const xmlSettings = "<password>Xml-Pa55-word</password>";
            const jwtSecret: string = "4c6f72656d20697073756d20646f6c6f72207369742061";

            /**
             * Loads the settings for the current environment and validates them.
             */
            export function loadSettings(env: string): Settings {
            }
            """,
        secrets: [
            "Json-Passw0rd-5", "Xq3bT9wL2mN8pR5vZ1cY7kH4jF6gD0sA3eU9iO2x", "tomlClientSecret8842",
            "whk_2fG8hJ4kL6nP9qS1tV3x", "SG.Vx9q2LmT4rB7.Kp3nZ8wYc6Fh1Jd5Gs0Qa2Ue4Io7", "Red1s-Secret-Pw",
            "Xml-Pa55-word", "4c6f72656d20697073756d20646f6c6f72207369742061",
        ],
        docPhrase: "Loads the settings")

    public static let all = [python, javascript, go, rust, java, typescript]

    public static var secretCount: Int { all.map(\.secrets.count).reduce(0, +) }
}
