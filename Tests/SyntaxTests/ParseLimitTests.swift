import Foundation
import Testing
@testable import Syntax

@Suite("Time limits, cancellation and missing grammars")
struct ParseLimitTests {
    static func largePython(lines: Int) -> String {
        (0..<lines / 4).map { "def f\($0)(a, b):\n    if a:\n        return a + b\n    return b\n" }.joined()
    }

    @Test("The Lua input that looped older runtimes returns within the time limit, with errors")
    func luaLoopInput() throws {
        let started = ContinuousClock.now
        let result = Result { try parser().parse(text: "x = (1 +\n", language: "lua", timeout: .seconds(2)) }
        #expect(ContinuousClock.now - started < .seconds(3))
        switch result {
        case .success(let tree): #expect(tree.hasErrors)
        case .failure(let error): #expect(error as? SyntaxError == .parseTimedOut(language: "lua", milliseconds: 2000))
        }
    }

    @Test("A parse past its time limit stops with parseTimedOut, and the parser starts afresh after")
    func timeout() throws {
        let syntax = parser()
        #expect(throws: SyntaxError.parseTimedOut(language: "python", milliseconds: 0)) {
            try syntax.parse(text: Self.largePython(lines: 40_000), language: "python", timeout: .microseconds(1))
        }
        let tree = try syntax.parse(text: "x = 1\n", language: "python")
        #expect(tree.sExpression == "(module (expression_statement (assignment left: (identifier) right: (integer))))")
    }

    @Test("A cancelled flag stops the parse; the message says so")
    func cancellation() throws {
        let cancellation = ParseCancellation()
        cancellation.cancel()
        let syntax = parser()
        do {
            _ = try syntax.parse(text: Self.largePython(lines: 40_000), language: "python", cancellation: cancellation)
            Issue.record("expected parseCancelled")
        } catch {
            #expect(error == .parseCancelled(language: "python"))
            #expect(error.description == "parsing python was cancelled")
        }
        #expect(try !syntax.parse(text: "x = 1\n", language: "python").hasErrors)
    }

    @Test("Cancelling from another thread stops a running parse")
    func cancellationFromAnotherThread() async throws {
        let cancellation = ParseCancellation()
        let text = Self.largePython(lines: 400_000)
        let canceller = Task.detached { try await Task.sleep(for: .milliseconds(5)); cancellation.cancel() }
        let outcome = Result { try parser().parse(text: text, language: "python", timeout: nil, cancellation: cancellation) }
        try await canceller.value
        // On a loaded machine the parse may finish first; it must never hang or fail otherwise.
        if case .failure(let error) = outcome { #expect(error as? SyntaxError == .parseCancelled(language: "python")) }
    }

    @Test("The parser queue parses off the pool and stops when its task is cancelled")
    func parserQueue() async throws {
        let queue = SyntaxParserQueue()
        let tree = try await queue.parse(text: "x = 1\n", language: "python")
        let edit = try SyntaxEdit(replacing: 4..<5, in: tree.utf8, with: Array("23".utf8))
        let reparsed = try await queue.reparse(tree, applying: [edit], newText: "x = 23\n")
        #expect(reparsed.root.descendants { $0.type == "integer" }.map(\.text) == ["23"])
        let text = Self.largePython(lines: 400_000)
        let task = Task { try await queue.parse(text: text, language: "python", timeout: nil) }
        task.cancel()
        do {
            _ = try await task.value
            Issue.record("expected parseCancelled")
        } catch {
            #expect(error as? SyntaxError == .parseCancelled(language: "python"))
        }
    }

    @Test("A missing grammar directory is a clear error naming where it looked and the fix")
    func missingDirectory() throws {
        let grammars = Grammars(directory: "/nonexistent/grammars")
        do {
            _ = try SyntaxParser(grammars: grammars).parse(text: "x = 1", language: "python")
            Issue.record("expected grammarsNotFound")
        } catch {
            #expect(error == .grammarsNotFound(searched: ["/nonexistent/grammars"]))
            #expect(error.description.contains("/nonexistent/grammars"))
            #expect(error.description.contains("scripts/grammars install"))
            #expect(error.description.contains("DOCWRIGHT_GRAMMARS"))
        }
        let report = grammars.report()
        #expect(report.directory == nil && report.problem != nil)
        #expect(report.grammars.allSatisfy { !$0.found })
    }

    @Test("DOCWRIGHT_GRAMMARS pointing nowhere is an error, not a silent fallback")
    func environmentOverride() throws {
        let real = try Grammars.shared.directory()
        #expect(throws: SyntaxError.grammarsNotFound(searched: ["/nope ($DOCWRIGHT_GRAMMARS)"])) {
            try GrammarDirectory.locate(environment: ["DOCWRIGHT_GRAMMARS": "/nope"], executablePath: "/usr/bin/true")
        }
        let chosen = try GrammarDirectory.locate(environment: ["DOCWRIGHT_GRAMMARS": real.path], executablePath: nil)
        #expect(chosen == GrammarDirectory(path: real.path, origin: .environment))
    }

    @Test("Installed and checkout layouts are found from the executable's path")
    func layouts() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("syntax-layouts-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for directory in ["\(root)/prefix/lib/docwright/grammars", "\(root)/checkout/.build-grammars"] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data("format 1\n".utf8).write(to: URL(fileURLWithPath: directory + "/manifest"))
        }
        let installed = try GrammarDirectory.locate(environment: [:], executablePath: "\(root)/prefix/bin/docwright")
        #expect(installed == GrammarDirectory(path: "\(root)/prefix/lib/docwright/grammars", origin: .installPrefix))
        let debug = try GrammarDirectory.locate(environment: [:], executablePath: "\(root)/checkout/.build/x86_64-unknown-linux-gnu/debug/docwright")
        #expect(debug == GrammarDirectory(path: "\(root)/checkout/.build-grammars", origin: .checkout))
        #expect(throws: SyntaxError.self) {
            try GrammarDirectory.locate(environment: [:], executablePath: "\(root)/elsewhere/bin/docwright")
        }
    }

    @Test("A directory without a language's library names the library that failed")
    func missingGrammarLibrary() throws {
        let real = try Grammars.shared.directory()
        let partial = FileManager.default.temporaryDirectory.appendingPathComponent("syntax-partial-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: partial) }
        try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true)
        for file in ["manifest", GrammarDirectory.runtimeLibrary] {
            try FileManager.default.createSymbolicLink(atPath: partial + "/" + file, withDestinationPath: real.path + "/" + file)
        }
        let grammars = Grammars(directory: partial)
        do {
            _ = try grammars.language("ruby")
            Issue.record("expected grammarUnavailable")
        } catch {
            guard case .grammarUnavailable(let language, let reason) = error else { Issue.record("\(error)"); return }
            #expect(language == "ruby")
            #expect(reason.contains("tree-sitter-languages.so"))
        }
        #expect(grammars.report().grammars.allSatisfy { !$0.found })
    }
}
