import CTreeSitter
import Languages
import Synchronization

/// A grammar inside the grammar directory: the library file and the function returning its
/// `TSLanguage`, as each registry entry names it (`Language.grammar`).
public typealias GrammarSpec = Language.Grammar

/// One language's state in a `GrammarReport`.
public struct GrammarStatus: Sendable, Equatable {
    public let languageIDs: [String]
    public let grammar: GrammarSpec
    /// The library file is present in the directory.
    public let found: Bool
    /// Already loaded in this process (grammars load on first use).
    public let loaded: Bool
}

/// What `docwright doctor` shows: where the grammars are (or why none were found) and which
/// languages have one.
public struct GrammarReport: Sendable, Equatable {
    public let directory: GrammarDirectory?
    public let problem: String?
    /// The manifest's versions (`tree-sitter` → `0.26.1`, …).
    public let versions: [String: String]
    /// `libtree-sitter.so` is present.
    public let runtimeFound: Bool
    public let grammars: [GrammarStatus]
}

/// Language ids to tree-sitter grammars (from the `Languages` registry), and the process's loaded
/// languages. Nothing is loaded until a language is asked for: the runtime then, and each
/// grammar library when its first language is. Thread-safe.
public final class Grammars: Sendable {
    /// The grammars of the running binary, found by `GrammarDirectory.locate()`.
    public static let shared = Grammars()

    /// docwright language ids (the id and aliases of each `Languages.all` entry) → grammar: the
    /// registry is the only place a language names its grammar. `javascriptreact` shares the
    /// JavaScript grammar (it parses JSX); TSX has its own.
    static let table: [(ids: [String], grammar: GrammarSpec)] = Languages.all.map { ([$0.id] + $0.aliases, $0.grammar) }

    /// Every language id with a grammar, in registry order.
    public static var supportedLanguages: [String] { table.flatMap(\.ids) }

    /// The grammar for a docwright language id, nil when there is none.
    public static func grammar(for languageID: String) -> GrammarSpec? {
        table.first { $0.ids.contains(languageID) }?.grammar
    }

    private struct State {
        /// Kept once found; a failure is not kept, so grammars installed later are picked up.
        var directory: GrammarDirectory?
        var runtimeLoaded = false
        var languages: [String: SyntaxLanguage] = [:]
    }

    private let locate: @Sendable () throws -> GrammarDirectory
    private let state = Mutex(State())

    /// Grammars found by `locate` (default: `GrammarDirectory.locate()`), which runs on first use,
    /// and again after a failure (grammars installed later are found without a restart).
    public init(locate: @escaping @Sendable () throws -> GrammarDirectory = { try GrammarDirectory.locate() }) {
        self.locate = locate
    }

    /// Grammars from one directory (tests, tools). Note: the runtime library is loaded once per
    /// process; a second directory's grammars use the first runtime loaded.
    public convenience init(directory: String) {
        self.init(locate: {
            guard GrammarDirectory.isComplete(directory) else { throw SyntaxError.grammarsNotFound(searched: [directory]) }
            return GrammarDirectory(path: directory)
        })
    }

    /// The grammar directory, or the error saying why there is none.
    public func directory() throws(SyntaxError) -> GrammarDirectory {
        try state.withLock { state throws(SyntaxError) in try resolvedDirectory(&state) }
    }

    /// The language for a docwright language id, loading the runtime and its grammar library on
    /// first use (a few milliseconds, once).
    public func language(_ languageID: String) throws(SyntaxError) -> SyntaxLanguage {
        guard let grammar = Self.grammar(for: languageID) else { throw .unsupportedLanguage(languageID) }
        return try state.withLock { state throws(SyntaxError) in
            if let loaded = state.languages[grammar.name] { return loaded }
            let directory = try resolvedDirectory(&state)
            try loadRuntime(directory, &state)
            let library = directory.path + "/" + grammar.library
            let loaded = withErrorBuffer { docwright_ts_language(library, grammar.symbol, $0, $1) }
            guard let pointer = loaded.result else {
                throw .grammarUnavailable(language: languageID, reason: loaded.message)
            }
            let abi = Int(docwright_ts_language_abi_version(pointer))
            let supported = Int(DOCWRIGHT_TS_MIN_ABI)...Int(DOCWRIGHT_TS_MAX_ABI)
            guard supported.contains(abi) else { throw .incompatibleGrammar(language: languageID, abi: abi, supported: supported) }
            let language = SyntaxLanguage(name: grammar.name, abiVersion: abi, pointer: pointer)
            state.languages[grammar.name] = language
            return language
        }
    }

    /// Which grammars are present (files, not loaded: cheap) and which are already loaded.
    public func report() -> GrammarReport {
        state.withLock { state in
            var problem: String?
            let directory: GrammarDirectory?
            do throws(SyntaxError) { directory = try resolvedDirectory(&state) } catch { directory = nil; problem = error.description }
            let grammars = Self.table.map { entry in
                GrammarStatus(languageIDs: entry.ids, grammar: entry.grammar,
                              found: directory?.fileExists(entry.grammar.library) ?? false,
                              loaded: state.languages[entry.grammar.name] != nil)
            }
            return GrammarReport(directory: directory, problem: problem, versions: directory?.versions ?? [:],
                                 runtimeFound: directory?.fileExists(GrammarDirectory.runtimeLibrary) ?? false, grammars: grammars)
        }
    }

    private func resolvedDirectory(_ state: inout State) throws(SyntaxError) -> GrammarDirectory {
        if let directory = state.directory { return directory }
        do {
            let directory = try locate()
            state.directory = directory
            return directory
        } catch let error as SyntaxError {
            throw error
        } catch {
            throw .grammarsNotFound(searched: ["\(error)"])
        }
    }

    private func loadRuntime(_ directory: GrammarDirectory, _ state: inout State) throws(SyntaxError) {
        guard !state.runtimeLoaded else { return }
        let outcome = withErrorBuffer { docwright_ts_load(directory.runtimePath, $0, $1) }
        guard outcome.result == 0 else {
            throw .runtimeUnavailable(outcome.message + " (\(directory.runtimePath))")
        }
        state.runtimeLoaded = true
    }
}

/// Calls a C function that reports failure into a caller-provided message buffer.
func withErrorBuffer<T>(_ call: (UnsafeMutablePointer<CChar>, Int) -> T) -> (result: T, message: String) {
    var buffer = [UInt8](repeating: 0, count: 512)
    let result = buffer.withUnsafeMutableBufferPointer { bytes in
        bytes.withMemoryRebound(to: CChar.self) { call($0.baseAddress!, $0.count) }
    }
    return (result, String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self))
}
