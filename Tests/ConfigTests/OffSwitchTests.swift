import Testing
@testable import Config

@Suite struct OffSwitchTests {
    @Test func defaultsAreOnExceptForSecrets() {
        let config = EffectiveConfig.defaults(environment: [:], workspaceRoot: "/ws")
        #expect(config.isEnabled(path: "/ws/a.py", language: "python", text: "x = 1").0)
        #expect(config.isEnabled(path: "/ws/a.py", language: "python", text: "x = 1").reason == nil)
        for secret in ["/ws/.env", "/ws/.env.production", "/ws/certs/server.pem", "/ws/id_rsa.pub", "/ws/conf/app_secret.yaml",
                       "/ws/secrets/x.py", "/ws/tls.key"] {
            let (on, reason) = config.isEnabled(path: secret, language: "plaintext", text: nil)
            #expect(!on, "\(secret)")
            #expect(reason?.contains("privacy.exclude") == true)
        }
    }

    @Test func globalLanguagePathAndMarker() throws {
        let toml = """
        disabled_paths = ["vendor/", "*.min.js"]
        privacy.exclude = ["data/*.csv"]
        [languages.markdown]
        enabled = false
        """
        let (config, diagnostics) = loadConfig(fromTOML: toml)
        #expect(diagnostics.isEmpty)
        #expect(config.isEnabled(path: "/ws/README.md", language: "markdown", text: nil).reason?.contains("disabled for markdown") == true)
        #expect(config.isEnabled(path: "/ws/vendor/lib/a.py", language: "python", text: nil).reason == "the file matches disabled_paths \"vendor/\"")
        #expect(!config.isEnabled(path: "/ws/ui/app.min.js", language: "javascript", text: nil).0)
        #expect(!config.isEnabled(path: "/ws/data/x.csv", language: "csv", text: nil).0)
        #expect(!config.isEnabled(path: "/ws/.env", language: "dotenv", text: nil).0)  // defaults kept
        #expect(config.privacy.exclude.count == PrivacySettings.defaultExclude.count + 1)
        let marked = "import os\n# docwright: off\nx = 1\n"
        #expect(config.isEnabled(path: "/ws/a.py", language: "python", text: marked).reason == "the file has a 'docwright: off' comment on line 2")
        let tail = String(repeating: "x = 1\n", count: 200) + "// DocWright:off\n"
        #expect(config.isEnabled(path: "/ws/a.go", language: "go", text: tail).reason?.contains("line 201") == true)
        let middle = String(repeating: "x = 1\n", count: 60) + "# docwright: off\n" + String(repeating: "x = 1\n", count: 60)
        #expect(config.isEnabled(path: "/ws/a.py", language: "python", text: middle).0)
        // Not in a comment: a string mentioning the marker does not count.
        #expect(config.isEnabled(path: "/ws/a.py", language: "python", text: "msg = docwright: off\n").0)

        let (off, _) = loadConfig(fromTOML: "enabled = false")
        #expect(off.isEnabled(path: nil, language: "python", text: nil).reason == "docwright is disabled (enabled = false in test.toml:1)")
    }

    /// Only the first and last 50 lines are read: every position around those bounds, in files of
    /// 1 to 130 lines with and without a final line break, against a line split.
    @Test func offMarkerBounds() {
        for count in [1, 2, 49, 50, 51, 99, 100, 101, 130] {
            for marked in 0..<count {
                for finalBreak in [true, false] {
                    var lines = Array(repeating: "x = 1", count: count)
                    lines[marked] = "# DocWright: off"
                    let text = lines.joined(separator: "\n") + (finalBreak ? "\n" : "")
                    let lineCount = count + (finalBreak ? 1 : 0)
                    let read = marked < 50 || marked >= lineCount - 50
                    #expect(EffectiveConfig.offMarkerLine(in: text) == (read ? marked + 1 : nil), "\(count) lines, marker on \(marked + 1)")
                }
            }
        }
        #expect(EffectiveConfig.offMarkerLine(in: "") == nil)
        #expect(EffectiveConfig.offMarkerLine(in: "\n\n// docwright:off") == 3)
    }
}
