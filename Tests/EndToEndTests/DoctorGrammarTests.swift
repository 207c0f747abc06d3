import Foundation
import Testing

/// `docwright doctor` lists the tree-sitter grammars it found, and says what to run when there are none.
@Suite struct DoctorGrammarTests {
    func doctor(_ environment: [String: String]) throws -> (status: Int32, json: [String: Any], text: String) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-doctor-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        var base = ProcessInfo.processInfo.environment
        for name in ["XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"] { base[name] = home + "/" + name }
        base.merge(environment) { $1 }
        func run(_ arguments: [String]) throws -> (Int32, Data) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try BinaryClient.binaryPath())
            process.arguments = arguments
            process.environment = base
            process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, data)
        }
        let (status, data) = try run(["doctor", "--no-probe", "--json", "--workspace", NSTemporaryDirectory()])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let text = String(decoding: try run(["doctor", "--no-probe", "--workspace", NSTemporaryDirectory()]).1, as: UTF8.self)
        return (status, json, text)
    }

    @Test func listsTheGrammarsFound() throws {
        let result = try doctor([:])
        let grammars = try #require(result.json["grammars"] as? [String: Any])
        let languages = try #require(grammars["languages"] as? [[String: Any]])
        // One row per registry entry (15; javascriptreact shares JavaScript's grammar), Lua from its own library.
        #expect(languages.count == 15)
        let lua = try #require(languages.first { ($0["ids"] as? [String])?.first == "lua" })
        #expect(lua["library"] as? String == "tree-sitter-lua.so")
        let jsx = try #require(languages.first { ($0["ids"] as? [String])?.first == "javascriptreact" })
        #expect(jsx["grammar"] as? String == "javascript")
        #expect(languages.allSatisfy { $0["found"] as? Bool == true })
        #expect(grammars["runtime_found"] as? Bool == true)
        #expect(result.text.contains("grammars: ") && result.text.contains("languages: python, javascript"))
    }

    @Test func missingGrammarsSayWhatToRun() throws {
        let result = try doctor(["DOCWRIGHT_GRAMMARS": "/nonexistent-docwright-grammars"])
        let grammars = try #require(result.json["grammars"] as? [String: Any])
        #expect((grammars["problem"] as? String)?.contains("scripts/grammars install") == true)
        #expect(result.text.contains("grammars: NOT found") && result.text.contains("scripts/grammars install"))
        #expect(result.status == 0, "missing grammars turn parse checks off; they do not fail doctor")
    }
}
