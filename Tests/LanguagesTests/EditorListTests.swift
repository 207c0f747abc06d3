import Foundation
import Languages
import Testing

/// The editor integrations list the languages they start docwright for; those lists must be the
/// registry's (a language added to `Languages.all` fails here until the editors know it).
@Suite("Editors' language lists match the registry")
struct EditorListTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Quoted words ('x' or "x") in the first region of `text` between `start` and `end`.
    static func quoted(in text: String, from start: String, to end: String) throws -> [String] {
        let from = try #require(text.range(of: start))
        let to = try #require(text.range(of: end, range: from.upperBound..<text.endIndex))
        let region = text[from.upperBound..<to.lowerBound]
        var words: [String] = []
        var quote: Character?
        var current = ""
        for character in region {
            if let open = quote {
                if character == open { words.append(current); current = ""; quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
            }
        }
        return words
    }

    @Test("VS Code: activationEvents and extension.js LANGUAGES")
    func vscode() throws {
        let ids = Languages.ids
        let package = try JSONSerialization.jsonObject(with: Data(Self.read("editors/vscode/package.json").utf8)) as? [String: Any]
        let events = try #require(package?["activationEvents"] as? [String])
        #expect(events.filter { $0.hasPrefix("onLanguage:") }.map { String($0.dropFirst(11)) } == ids)
        let script = try Self.read("editors/vscode/extension.js")
        #expect(try Self.quoted(in: script, from: "const LANGUAGES = [", to: "];") == ids)
    }

    @Test("Neovim: the default filetypes")
    func nvim() throws {
        let source = try Self.read("editors/nvim/lua/docwright/init.lua")
        #expect(try Self.quoted(in: source, from: "filetypes = {", to: "}") == Languages.all.flatMap(\.editors.nvim))
    }

    @Test("Emacs: the major modes")
    func emacs() throws {
        let source = try Self.read("editors/emacs/docwright.el")
        let custom = try #require(source.range(of: "(defcustom docwright-major-modes"))
        let from = try #require(source.range(of: "'(", range: custom.upperBound..<source.endIndex))
        let to = try #require(source.range(of: ")", range: from.upperBound..<source.endIndex))
        let modes = source[from.upperBound..<to.lowerBound]
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        #expect(modes == Languages.all.flatMap(\.editors.emacs))
    }
}
