import Foundation

/// Settings of `docwright-bench context-eval`.
public struct ContextEvalOptions: Sendable {
    /// The directory of cases (`<case>/workspace/`, `<case>/case.json`, `<case>/test_case.py`).
    public var casesDirectory = "bench/context-eval"
    /// The docwright binary to drive (default: `$DOCWRIGHT_BIN`, else the `docwright` next to this program).
    public var binary: String?
    /// Base URL of the model (default: `$DOCWRIGHT_LOCAL_MODEL_URL`, else the local preset's).
    public var modelURL: String?
    /// Model name from the configuration.
    public var model = "local"
    public var n = 2
    public var maxTokens = 80
    public var temperature = 0.2
    public var seed: Int? = 1
    /// Only these cases (by directory name); nil: all.
    public var only: [String]?
    /// Python that runs each case's test in the sandbox.
    public var python = "python3"
    public var testTimeout = 10.0
    /// Seconds one `docwright generate` may take (the model can be slow on a busy machine).
    public var generateTimeout = 300.0
    public var outputDirectory = "bench/results"
    public init() {}
}

/// One eval case: a small Python workspace whose target stub must call a helper (or use a type)
/// defined in another module, and a test that imports the target module and checks behaviour
/// that only the real helper gives.
public struct ContextEvalCase: Sendable, Codable, Hashable {
    /// The case's directory name.
    public var name: String
    /// `rel/path.py:LINE` inside the workspace (the docstring's 1-based line).
    public var target: String
    /// The helper the body must call.
    public var helper: String
    public var notes: String
    /// `rel/path` → text of every workspace file.
    public var files: [String: String]
    /// `test_case.py`: run from the workspace root after generation.
    public var test: String

    public var targetPath: String { String(target[..<(target.lastIndex(of: ":") ?? target.endIndex)]) }

    struct Meta: Decodable {
        var target: String
        var helper: String
        var notes: String?
    }

    /// Every case under `directory`, sorted by name.
    public static func load(from directory: String) throws -> [ContextEvalCase] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else {
            throw BenchError.badData("no eval cases at \(directory)")
        }
        var cases: [ContextEvalCase] = []
        for name in names.sorted() {
            let root = directory + "/" + name
            guard let metaData = manager.contents(atPath: root + "/case.json") else { continue }
            let meta: Meta
            do {
                meta = try JSONDecoder().decode(Meta.self, from: metaData)
            } catch {
                throw BenchError.badData("\(root)/case.json: \(error)")
            }
            guard let test = try? String(contentsOfFile: root + "/test_case.py", encoding: .utf8) else {
                throw BenchError.badData("\(root): no test_case.py")
            }
            let files = try readTree(root + "/workspace")
            let evalCase = ContextEvalCase(name: name, target: meta.target, helper: meta.helper, notes: meta.notes ?? "",
                                           files: files, test: test)
            guard files[evalCase.targetPath] != nil else {
                throw BenchError.badData("\(root): the target \(meta.target) is not in workspace/")
            }
            cases.append(evalCase)
        }
        guard !cases.isEmpty else { throw BenchError.badData("no eval cases at \(directory)") }
        return cases
    }

    /// Relative path → text of every regular file under `root`.
    static func readTree(_ root: String) throws -> [String: String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw BenchError.badData("cannot read \(root)")
        }
        var files: [String: String] = [:]
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = root + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.hasSuffix(".pyc"), !relative.contains("__pycache__") else { continue }
            files[relative] = try String(contentsOfFile: path, encoding: .utf8)
        }
        return files
    }

    /// Writes the workspace into `directory` (created).
    func writeWorkspace(to directory: String) throws {
        for (relative, text) in files {
            let path = directory + "/" + relative
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}

/// What one generation gave, in one mode.
public struct ContextEvalAttempt: Sendable, Codable, Hashable {
    public var passed: Bool
    /// "ok", "no candidate", "docwright exit 1: …", "test exit 1: AssertionError …".
    public var summary: String
    /// The applied body calls the helper by name.
    public var callsHelper: Bool
    /// Context pieces the prompt carried (0 without context).
    public var contextPieces: Int
    /// The helper was among the context pieces (its name in their symbols or text).
    public var helperInContext: Bool
    /// The applied body (the ranked first candidate), empty when none.
    public var body: String
    public var seconds: Double
}

/// Both modes of one case.
public struct ContextEvalResult: Sendable, Codable, Hashable {
    public var name: String
    public var helper: String
    public var withContext: ContextEvalAttempt
    public var withoutContext: ContextEvalAttempt
}
