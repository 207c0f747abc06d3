import DocwrightCore
import FoundationEssentials
import Languages

/// A domain: a kind of code that can be routed to its own model. Built-in domains and
/// `[domains.NAME]` entries share this shape; a user entry named like a built-in one extends it.
public struct DomainRule: Sendable, Hashable {
    public var name: String
    /// Module names; a file importing one of them (or a sub-module) is in the domain.
    public var imports: [String]
    /// Regular expressions searched in the file text.
    public var regex: [String]
    /// Path globs (see `Glob`).
    public var paths: [String]
    /// LSP language ids that are always in the domain (built-in domains only).
    public var languages: [String]

    init(name: String, imports: [String] = [], regex: [String] = [], paths: [String] = [], languages: [String] = []) {
        self.name = name
        self.imports = imports
        self.regex = regex
        self.paths = paths
        self.languages = languages
    }
}

/// What domain detection looks at, extracted once from a task or a file.
struct DomainEvidence {
    var language: String
    var relativePath: String?
    var modules: Set<String>
    var text: String

    init(task: GenerationTask, workspaceRoot: String?) {
        language = task.language
        relativePath = task.path.map { Glob.relativePath($0, workspaceRoot: workspaceRoot) }
        text = task.prefix + task.suffix
        let form = Languages.named(task.language)?.importForm
        modules = Set(task.imports.flatMap { form?.modules(in: $0) ?? [] })
    }
}

extension DomainEvidence {
    /// Whether `module` is `entry` or inside it (`sklearn.svm` is in `sklearn`, `next/router` in
    /// `next`, `github.com/gin-gonic/gin/binding` in `github.com/gin-gonic/gin`).
    static func module(_ module: String, isIn entry: String) -> Bool {
        module == entry || module.hasPrefix(entry + ".") || module.hasPrefix(entry + "/")
    }
}

enum BuiltinDomains {
    static let dataML = DomainRule(
        name: "data-ml",
        imports: Languages.domainImports("data-ml"),
        paths: ["*.ipynb"])
    /// Web applications and front-ends. HTTP *clients* such as `requests` are left out on purpose:
    /// they are as common in data pipelines and scripts as in web code.
    static let web = DomainRule(
        name: "web",
        imports: Languages.domainImports("web"),
        paths: ["*.jsx", "*.tsx", "*.vue", "*.svelte", "*.html"],
        languages: ["javascriptreact", "typescriptreact", "vue", "svelte", "html", "css", "scss"])
    static let tests = DomainRule(
        name: "tests",
        imports: Languages.domainImports("tests"),
        paths: ["test_*.py", "*_test.py", "conftest.py", "*_test.go", "*.spec.{ts,js,tsx,jsx}",
                "*.test.{ts,js,tsx,jsx}", "tests/", "__tests__/"])
    /// Scripts are recognised by a heuristic (see `isScript`), not by these lists alone.
    static let scripts = DomainRule(
        name: "scripts",
        imports: Languages.domainImports("scripts"),
        languages: ["shellscript", "bash", "sh", "zsh", "fish", "powershell", "bat"])

    static let all = [dataML, web, tests, scripts]
    static let names = all.map(\.name)
    /// Files longer than this are not "small scripts".
    static let scriptMaxLines = 300

    /// A script: a shell language, or a small file with a shebang, or a small file with a
    /// `__main__` guard that imports command-line plumbing (argparse, sys, os, …).
    static func isScript(_ evidence: DomainEvidence) -> String? {
        if scripts.languages.contains(evidence.language) { return "language \(evidence.language)" }
        // Line breaks counted byte-wise, stopping past the limit: a large file is not read whole.
        var lineCount = 1
        for byte in evidence.text.utf8 where byte == UInt8(ascii: "\n") {
            lineCount += 1
            if lineCount > scriptMaxLines { return nil }
        }
        if evidence.text.hasPrefix("#!") { return "shebang in a small file" }
        let hasMainGuard = ByteSearch.contains("__name__ == \"__main__\"", in: evidence.text)
            || ByteSearch.contains("__name__ == '__main__'", in: evidence.text)
        guard hasMainGuard else { return nil }
        if let module = evidence.modules.sorted().first(where: { m in scripts.imports.contains { DomainEvidence.module(m, isIn: $0) } }) {
            return "__main__ guard and import \(module) in a small file"
        }
        return nil
    }
}

extension DomainRule {
    /// Why the evidence puts a file in this domain, or nil when it does not.
    func reason(for evidence: DomainEvidence) -> String? {
        var imports = self.imports
        if name == BuiltinDomains.scripts.name {
            // Importing `os` alone does not make a script: the built-in list only counts together
            // with the heuristic; entries a user added still count on their own.
            if let reason = BuiltinDomains.isScript(evidence) { return reason }
            imports.removeAll { BuiltinDomains.scripts.imports.contains($0) }
        }
        if languages.contains(evidence.language) { return "language \(evidence.language)" }
        for module in evidence.modules.sorted() {
            if let entry = imports.first(where: { DomainEvidence.module(module, isIn: $0.lowercased()) }) {
                return "import \(module)" + (entry.lowercased() == module ? "" : " (\(entry))")
            }
        }
        if let path = evidence.relativePath, let glob = paths.first(where: { Glob($0).matches(relativePath: path) }) {
            return "path matches \(glob)"
        }
        for pattern in regex where DomainRegex.matches(pattern, in: evidence.text) {
            return "text matches /\(pattern)/"
        }
        return nil
    }
}
