import Dispatch
import DocwrightCore
import Synchronization

/// The latest tree of each open document, kept up to date incrementally: asked for the tree of
/// a newer text, it edits the last tree with the one change between the two texts (their common
/// prefix and suffix bounding it) and re-parses, reusing every untouched subtree. The result equals
/// a fresh parse of the new text. Trees are made on demand, and ahead of demand with `refresh`
/// (the server calls it on didOpen and didChange): a background queue brings the tree up to date,
/// so a request arriving a little later finds it parsed rather than parsing a large file itself.
/// Thread-safe; parses of one document run one at a time, in that document's turn (a request
/// arriving during its document's background parse waits for it rather than parsing twice; other
/// documents are not held up), bounded by `SyntaxParser.defaultTimeout`. Callers on Swift's
/// cooperative pool use `parsedTree`, which parses or waits on a thread of its own.
public final class SyntaxTreeCache: Sendable {
    private struct Entry {
        var language: String
        var tree: SyntaxTree
    }

    /// One document's tree, and its turn: held for a whole parse. A semaphore, not a `Mutex`, since
    /// a turn can last tens of milliseconds: a waiter sleeps (a priority-inheriting futex would
    /// spin on one of the machine's few cores while the parse runs on another).
    private final class Slot: Sendable {
        let turn = DispatchSemaphore(value: 1)
        let entry = Mutex<Entry?>(nil)
    }

    private let grammars: Grammars
    private let slots = Mutex<[String: Slot]>([:])
    /// Documents `refresh` was asked for and the background queue has not parsed yet, with where
    /// to read their text then: one entry per document (a burst of keystrokes parses once).
    private let pending = Mutex<[String: (text: @Sendable () -> String?, language: String)]>([:])
    private let background = DispatchQueue(label: "docwright.syntax.refresh", qos: .utility)
    /// Where `parsedTree` parses or waits: concurrent, so one document's parse holds up no other's.
    private let requests = DispatchQueue(label: "docwright.syntax.request", qos: .userInitiated, attributes: .concurrent)
    /// Incremental re-parses and fresh parses done (for tests and benchmarks).
    private let counts = Mutex<(incremental: Int, fresh: Int)>((0, 0))

    public init(grammars: Grammars = .shared) {
        self.grammars = grammars
    }

    /// `tree(for:text:language:)` for callers on Swift's cooperative pool, which must not block
    /// for a parse: the kept tree when it is of exactly `text` and no parse of the document is
    /// running; else the parse (or the wait for the background one) happens on another thread.
    public func parsedTree(for key: String, text: String, language: String) async -> SyntaxTree? {
        guard Grammars.grammar(for: language) != nil else { return nil }
        if let current = currentTree(for: key, text: text, language: language) { return current }
        return await withCheckedContinuation { continuation in
            requests.async { continuation.resume(returning: self.tree(for: key, text: text, language: language)) }
        }
    }

    /// The kept tree of exactly `text`, without waiting for a turn or parsing; nil otherwise.
    private func currentTree(for key: String, text: String, language: String) -> SyntaxTree? {
        guard let slot = slots.withLock({ $0[key] }), slot.turn.wait(timeout: .now()) == .success else { return nil }
        defer { slot.turn.signal() }
        return slot.entry.withLock { entry in
            guard let kept = entry, kept.language == language, ByteSearch.equal(kept.tree.utf8, text) else { return nil }
            return kept.tree
        }
    }

    /// The tree of `text` for document `key`, or nil when the language has no grammar or the
    /// parse fails (the reason is not kept: callers fall back to no tree). Blocks while it parses
    /// or waits for the document's turn: not for the cooperative pool (`parsedTree` is).
    public func tree(for key: String, text: String, language: String) -> SyntaxTree? {
        let utf8 = Array(text.utf8)
        let slot = slots.withLock { slots in
            if let slot = slots[key] { return slot }
            let slot = Slot()
            slots[key] = slot
            return slot
        }
        var replaced: SyntaxTree?
        defer { if let replaced { Self.releaseLater(replaced) } }
        slot.turn.wait()
        defer { slot.turn.signal() }
        return slot.entry.withLock { entry -> SyntaxTree? in
            let parser = SyntaxParser(grammars: grammars)
            if let kept = entry, kept.language == language {
                if ByteSearch.equal(kept.tree.utf8, text) { return kept.tree }
                replaced = kept.tree
                if let edit = try? Self.edit(from: kept.tree.utf8, to: utf8),
                   let tree = try? parser.reparse(kept.tree, applying: [edit], newUTF8: utf8) {
                    entry = Entry(language: language, tree: tree)
                    counts.withLock { $0.incremental += 1 }
                    return tree
                }
            }
            guard let loaded = try? grammars.language(language),
                  let tree = try? parser.parse(utf8: utf8, language: loaded) else {
                entry = nil
                return nil
            }
            entry = Entry(language: language, tree: tree)
            counts.withLock { $0.fresh += 1 }
            return tree
        }
    }

    /// Freeing a large tree visits every node (milliseconds for a 10,000-line file): the replaced
    /// tree is let go at background priority, after the caller has its answer.
    private static func releaseLater(_ tree: SyntaxTree) {
        Task.detached(priority: .background) { withExtendedLifetime(tree) {} }
    }

    /// Brings the tree of document `key` up to date on a background queue (off Swift's
    /// cooperative pool) and returns at once. `text` is asked for when the parse starts, so only
    /// the text a burst of edits ends with is built (building a large document's text costs
    /// O(size), too much for every keystroke); nil (the document is gone) skips it.
    public func refresh(_ key: String, language: String, text: @escaping @Sendable () -> String?) {
        guard Grammars.grammar(for: language) != nil else { return }
        let idle = pending.withLock { pending in
            defer { pending[key] = (text, language) }
            return pending.isEmpty
        }
        if idle { background.async { self.parsePending() } }
    }

    /// Blocks until every refresh and removal asked for so far is done (tests; not for the
    /// cooperative pool).
    public func settle() {
        background.sync {}
    }

    private func parsePending() {
        while let (key, job) = pending.withLock({ $0.popFirst() }) {
            guard let text = job.text() else { continue }
            _ = tree(for: key, text: text, language: job.language)
        }
    }

    /// Forgets a document (closed). A background parse of it already running is forgotten after it ends.
    public func remove(_ key: String) {
        _ = pending.withLock { $0.removeValue(forKey: key) }
        _ = slots.withLock { $0.removeValue(forKey: key) }
        background.async { _ = self.slots.withLock { $0.removeValue(forKey: key) } }
    }

    public var parseCounts: (incremental: Int, fresh: Int) { counts.withLock { $0 } }

    /// The single edit turning `old` into `new`: everything between their common prefix and suffix.
    static func edit(from old: [UInt8], to new: [UInt8]) throws(SyntaxError) -> SyntaxEdit {
        // Over buffers: checked indexing of two large arrays cost a millisecond per keystroke.
        let (commonPrefix, suffix) = old.withUnsafeBufferPointer { old in
            new.withUnsafeBufferPointer { new -> (Int, Int) in
                var prefix = 0
                let shorter = min(old.count, new.count)
                while prefix < shorter, old[prefix] == new[prefix] { prefix += 1 }
                var suffix = 0
                while suffix < shorter - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
                return (prefix, suffix)
            }
        }
        // Never split a CRLF or a multi-byte character: tree-sitter points count bytes per row.
        var prefix = commonPrefix
        while prefix > 0, (old[prefix - 1] & 0xC0) == 0x80 || old[prefix - 1] == 0x0D { prefix -= 1 }
        return try SyntaxEdit(replacing: prefix..<(old.count - suffix), in: old, with: new[prefix..<(new.count - suffix)])
    }
}
