import DocwrightCore
import Engine
import Foundation
import ProjectContext
import Testing
import TestFixtures

/// Project context through the pipeline: what reaches the model, and what the cache key follows.
@Suite struct ProjectContextEngineTests {
    static let invoice = """
        from billing.tax import tax_for


        def total(amounts):
            \"\"\"Sum of each amount plus tax_for(amount).\"\"\"
            pass
        """

    func write(_ project: Project, _ path: String, _ text: String) throws {
        let url = project.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func prompt(_ call: InMemoryModels.Call) -> String { call.plan.prompt.allText }

    @Test func theHelperReachesThePromptAndAChangedHelperChangesTheKey() async throws {
        let project = try Project(config: twoModels)
        try write(project, "billing/__init__.py", "")
        try write(project, "billing/tax.py", "def tax_for(amount: float) -> float:\n    \"\"\"Twenty per cent.\"\"\"\n    return amount * 0.2\n")
        try write(project, "billing/invoice.py", Self.invoice)
        let models = InMemoryModels { _ in EngineTests.goodReply }
        let engine = project.engine(models: models, clock: ManualClock())
        defer { engine.shutdown() }
        let index = try #require(engine.openWorkspace(root: project.root.path))
        index.buildNow()
        let task = try project.task(engine, file: "billing/invoice.py", text: Self.invoice, line: 4)
        _ = try await engine.generate(task: task)
        let sent = try #require(models.calls.first.map(prompt))
        #expect(sent.contains("Context from billing/tax.py"))
        #expect(sent.contains("def tax_for(amount: float) -> float:"))
        #expect(!sent.contains("return amount * 0.2"), "bodies are elided")
        #expect(engine.cachedResult(for: task) != nil)

        // An edit elsewhere (the ring of recent edits) keeps the result…
        index.documentChanged(path: "notes/scratch.py", language: "python", text: "x = 1\ny = 2\n", editedLine: 1)
        #expect(engine.cachedResult(for: task) != nil)
        // …a changed helper does not: its new signature is what the next prompt carries.
        index.documentChanged(path: "billing/tax.py", language: "python",
                              text: "def tax_for(amount: float, rate: float) -> float:\n    return amount * rate\n")
        #expect(engine.cachedResult(for: task) == nil)
        _ = try await engine.generate(task: task)
        #expect(models.calls.count == 2)
        #expect(models.calls.last.map(prompt)?.contains("rate: float") == true)
    }

    @Test func anExcludedHelperAndItsSecretsNeverReachThePrompt() async throws {
        let project = try Project(config: twoModels + "\n[privacy]\nexclude = [\"billing/tax.py\"]\n")
        try write(project, "billing/__init__.py", "")
        try write(project, "billing/tax.py", "def tax_for(amount):\n    \"\"\"RATES-CONFIDENTIAL\"\"\"\n    return amount\n")
        try write(project, "billing/keys.py", "API_KEY = \"sk-live-4f9aQ7zX2mB8nR1tK6wE3yH5uJ0pL9cV\"\n\n\ndef tax_for_key():\n    return API_KEY\n")
        let invoice = "from billing.keys import API_KEY\n" + Self.invoice
        try write(project, "billing/invoice.py", invoice)
        let models = InMemoryModels { _ in EngineTests.goodReply }
        let engine = project.engine(models: models, clock: ManualClock())
        defer { engine.shutdown() }
        engine.openWorkspace(root: project.root.path)?.buildNow()
        let task = try project.task(engine, file: "billing/invoice.py", text: invoice, line: 5)
        let preview = try engine.preview(task: task)
        #expect(!preview.context.contains { $0.path == "billing/tax.py" })
        #expect(preview.context.contains { $0.path == "billing/keys.py" })
        _ = try await engine.generate(task: task)
        let sent = try #require(models.calls.first.map(prompt))
        #expect(!sent.contains("RATES-CONFIDENTIAL"))
        #expect(!sent.contains("sk-live-4f9aQ7zX2mB8nR1tK6wE3yH5uJ0pL9cV"))
        #expect(sent.contains("<redacted:"))
    }
}
