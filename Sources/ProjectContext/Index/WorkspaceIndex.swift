import Dispatch
import DocwrightCore
import FoundationEssentials
import Languages
import Synchronization
import Syntax

/// Every file's outline in one workspace, kept current: built in the background (on its own
/// thread, never the cooperative pool), updated from open documents (unsaved text wins over the
/// disk) and from file events. Holds outlines and paths, never whole files or trees. Files the
/// `PathFilter` refuses are neither read nor listed.
public final class WorkspaceIndex: Sendable {
    /// Absolute path of the workspace root.
    public let root: String
    public let limits: IndexLimits
    let filter: Mutex<PathFilter>
    let state = Mutex(State())
    /// Disk reads and parses for updates, one at a time, off the cooperative pool.
    let updates = DispatchQueue(label: "docwright.index")
    let resolverCache: Mutex<ImportResolver>

    public enum Status: Sendable, Hashable {
        case empty, building
        case ready(files: Int, outlines: Int, truncated: Bool, seconds: Double)
    }

    struct OpenDocument: Sendable {
        var text: String
        var language: String
        var outlined: Bool
    }

    struct State: Sendable {
        var files: Set<String> = []
        var directories: [String: Set<String>] = [:]
        var outlines: [String: FileOutline] = [:]
        var names: [String: Set<String>] = [:]
        var open: [String: OpenDocument] = [:]
        var recent = RecentEdits()
        var status = Status.empty
    }

    public init(root: String, limits: IndexLimits = IndexLimits(), filter: @escaping PathFilter = { _, _ in true }) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.limits = limits
        self.filter = Mutex(filter)
        self.resolverCache = Mutex(ImportResolver(files: InMemoryWorkspaceFiles()))
        resolverCache.withLock { $0 = ImportResolver(files: IndexedWorkspaceFiles(index: self)) }
    }

    public var status: Status { state.withLock { $0.status } }

    /// Replaces the filter (the configuration changed); call `build()` again to apply it to the
    /// files already indexed. Selection checks every snippet's file with the current filter anyway.
    public func setFilter(_ filter: @escaping PathFilter) {
        self.filter.withLock { $0 = filter }
    }

    func allows(_ path: String, text: String?) -> Bool {
        let filter = self.filter.withLock { $0 }
        return filter(path, text)
    }

    /// The workspace-relative form of an absolute path; nil outside the workspace.
    public func relativePath(_ absolute: String) -> String? {
        let standardized = PathText.standardized(absolute)
        if standardized == root { return "" }
        let prefix = root == "/" ? "/" : root + "/"
        guard standardized.hasPrefix(prefix) else { return nil }
        return String(standardized.dropFirst(prefix.count))
    }

    // MARK: - Building

    /// Walks and outlines the whole workspace on a thread of its own; returns when done.
    public func build() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DedicatedThread.start(name: "docwright.index.build", stackSize: 4 << 20) { [self] in
                buildNow()
                continuation.resume()
            }
        }
    }

    /// The same on the caller's thread (the CLI, benchmarks).
    public func buildNow() {
        let started = DispatchTime.now().uptimeNanoseconds
        state.withLock { $0.status = .building }
        let filter = self.filter.withLock { $0 }
        let listing = WorkspaceWalker(root: root, limits: limits, filter: filter).walk()
        state.withLock { state in
            state.files = Set(listing.files)
            state.directories = Self.directories(of: listing.files)
            state.outlines = [:]
            state.names = [:]
            // Open documents are outlined again from their text when next asked for.
            for path in state.open.keys {
                state.open[path]?.outlined = false
                state.files.insert(path)
                Self.addAncestors(of: path, to: &state.directories)
            }
        }
        fileListChanged()
        let parser = SyntaxParser()
        var batch: [FileOutline] = []
        for path in listing.files {
            guard let outline = readOutline(path, parser: parser, filter: filter) else { continue }
            batch.append(outline)
            if batch.count >= 64 {
                store(batch)
                batch = []
            }
        }
        store(batch)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        state.withLock { state in
            state.status = .ready(files: state.files.count, outlines: state.outlines.count,
                                  truncated: listing.truncated, seconds: seconds)
        }
    }

    /// A file's outline from the disk, or nil (not a supported language, too large, refused).
    func readOutline(_ path: String, parser: SyntaxParser, filter: PathFilter) -> FileOutline? {
        guard let id = Languages.id(forPath: path), let language = Languages.named(id) else { return nil }
        let absolute = root + "/" + path
        guard let size = WorkspaceWalker.size(of: absolute), size <= limits.maxFileBytes,
              let text = try? String(contentsOfFile: absolute, encoding: .utf8), filter(path, text) else { return nil }
        return Self.outline(text: text, path: path, language: language, parser: parser)
    }

    static func outline(text: String, path: String, language: Language, parser: SyntaxParser) -> FileOutline? {
        guard let tree = try? parser.parse(text: text, language: language.id) else { return nil }
        return OutlineExtractor.outline(of: tree, path: path, language: language)
    }

    func store(_ outlines: [FileOutline]) {
        guard !outlines.isEmpty else { return }
        state.withLock { state in
            for outline in outlines where state.open[outline.path] == nil { Self.put(outline, into: &state) }
        }
    }

    static func put(_ outline: FileOutline, into state: inout State) {
        if let old = state.outlines[outline.path] {
            for definition in old.definitions { state.names[definition.name]?.remove(old.path) }
        }
        state.outlines[outline.path] = outline
        for definition in outline.definitions { state.names[definition.name, default: []].insert(outline.path) }
    }

    static func removeOutline(_ path: String, from state: inout State) {
        if let old = state.outlines.removeValue(forKey: path) {
            for definition in old.definitions { state.names[definition.name]?.remove(path) }
        }
    }

    static func remove(_ path: String, from state: inout State) {
        removeOutline(path, from: &state)
        state.files.remove(path)
        let directory = WorkspacePath.directory(of: path)
        state.directories[directory]?.remove(WorkspacePath.fileName(of: path))
    }

    static func directories(of files: [String]) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for path in files { addAncestors(of: path, to: &result) }
        return result
    }

    static func addAncestors(of path: String, to directories: inout [String: Set<String>]) {
        var child = path
        while true {
            let parent = WorkspacePath.directory(of: child)
            let (inserted, _) = directories[parent, default: []].insert(WorkspacePath.fileName(of: child))
            guard inserted, !parent.isEmpty else { return }
            child = parent
        }
    }

    // MARK: - Reading

    /// The outline of a file: an open document's from its current text (re-outlined here when it
    /// changed since), otherwise the indexed one.
    public func outline(of path: String) -> FileOutline? {
        let pending = state.withLock { state -> OpenDocument? in
            guard let document = state.open[path], !document.outlined else { return nil }
            return document
        }
        if let pending, let language = Languages.named(pending.language) {
            let outline = Self.outline(text: pending.text, path: path, language: language, parser: SyntaxParser())
            let added = state.withLock { state -> Bool in
                guard state.open[path]?.text == pending.text else { return false }
                state.open[path]?.outlined = true
                if let outline { Self.put(outline, into: &state) } else { Self.removeOutline(path, from: &state) }
                Self.addAncestors(of: path, to: &state.directories)
                return state.files.insert(path).inserted
            }
            // A new unsaved file: imports of it may resolve now.
            if added { fileListChanged() }
            return outline
        }
        return state.withLock { $0.outlines[path] }
    }

    /// The files defining a top-level name, sorted.
    public func paths(defining name: String) -> [String] {
        state.withLock { ($0.names[name] ?? []).sorted() }
    }

    /// Paths of the open documents, sorted.
    public var openPaths: [String] { state.withLock { $0.open.keys.sorted() } }

    public var recentEdits: [RecentEdits.Chunk] { state.withLock { $0.recent.chunks } }

    /// The workspace as resolvers see it: the indexed file list with open documents over it.
    public var files: any WorkspaceFiles { IndexedWorkspaceFiles(index: self) }

    /// One resolver over `files`, whose layout facts (go.mod, Cargo roots, package directories)
    /// are cached until the file list changes.
    public var resolver: ImportResolver { resolverCache.withLock { $0 } }

    /// Called whenever files appear or disappear: the resolver's layout facts may be stale.
    func fileListChanged() {
        resolverCache.withLock { $0.clearCache() }
    }
}
