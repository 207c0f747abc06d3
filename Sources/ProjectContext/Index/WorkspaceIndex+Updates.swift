import Dispatch
import FoundationEssentials
import Languages
import Synchronization
import Syntax

extension WorkspaceIndex {
    /// A file change on disk, as `workspace/didChangeWatchedFiles` reports it.
    public enum FileEvent: Sendable, Hashable {
        case created(String), changed(String), deleted(String)
    }

    /// An opened (or edited) document: its text replaces the disk's until it is closed. The
    /// outline is recomputed when next asked for, so a burst of keystrokes costs one parse.
    /// - Parameter editedLine: where the edit was (0-based), for the ring of recent edits; nil
    ///   when the document was only opened.
    public func documentChanged(path: String, language: String, text: String, editedLine: Int? = nil) {
        guard allows(path, text: text) else {
            // Excluded (or newly marked `docwright: off`): forget whatever was known of it.
            state.withLock { state in
                state.open[path] = nil
                state.recent.remove(path: path)
                Self.remove(path, from: &state)
            }
            return
        }
        state.withLock { state in
            state.open[path] = OpenDocument(text: text, language: language, outlined: false)
            if let editedLine { state.recent.record(path: path, line: editedLine, text: text) }
        }
    }

    /// A closed document: the disk's version counts again (re-read in the background).
    public func documentClosed(path: String) {
        state.withLock { $0.open[path] = nil }
        refreshFromDisk([path])
    }

    /// Files created, changed or deleted on disk (open documents keep their text).
    public func filesChanged(_ events: [FileEvent]) {
        var refresh: [String] = []
        state.withLock { state in
            for event in events {
                switch event {
                case .deleted(let path):
                    guard state.open[path] == nil else { continue }
                    Self.remove(path, from: &state)
                    state.recent.remove(path: path)
                case .created(let path), .changed(let path):
                    refresh.append(path)
                }
            }
        }
        fileListChanged()
        refreshFromDisk(refresh)
    }

    /// Waits until the updates queued so far are applied (tests, the CLI).
    public func settle() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            updates.async { continuation.resume() }
        }
    }

    func refreshFromDisk(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        updates.async { [self] in
            let filter = self.filter.withLock { $0 }
            let parser = SyntaxParser()
            for path in paths {
                let name = WorkspacePath.fileName(of: path)
                let ignored = path.split(separator: "/").dropLast().contains {
                    $0.hasPrefix(".") || IndexLimits.skippedDirectories.contains(String($0))
                }
                let readable = !ignored && !name.isEmpty && WorkspaceWalker.kind(of: root + "/" + path) == .file
                    && filter(path, nil)
                let outline = readable ? readOutline(path, parser: parser, filter: filter) : nil
                state.withLock { state in
                    guard state.open[path] == nil else { return }
                    guard readable else {
                        Self.remove(path, from: &state)
                        return
                    }
                    state.files.insert(path)
                    Self.addAncestors(of: path, to: &state.directories)
                    if let outline { Self.put(outline, into: &state) } else { Self.removeOutline(path, from: &state) }
                }
            }
            fileListChanged()
        }
    }
}

/// `WorkspaceFiles` over an index: the listed files (what the walk allowed) with open documents
/// laid over them. No directory is listed from the disk, so resolvers never see an ignored or
/// excluded file.
struct IndexedWorkspaceFiles: WorkspaceFiles {
    let index: WorkspaceIndex

    func text(of path: String) -> String? {
        let (open, listed) = index.state.withLock { ($0.open[path]?.text, $0.files.contains(path)) }
        if let open { return open }
        guard listed, let size = WorkspaceWalker.size(of: index.root + "/" + path), size <= index.limits.maxFileBytes,
              let text = try? String(contentsOfFile: index.root + "/" + path, encoding: .utf8),
              index.allows(path, text: text) else { return nil }
        return text
    }

    func isFile(_ path: String) -> Bool {
        index.state.withLock { $0.files.contains(path) || $0.open[path] != nil }
    }

    func isDirectory(_ path: String) -> Bool {
        index.state.withLock { $0.directories[path] != nil }
    }

    func entries(of directory: String) -> [String] {
        index.state.withLock { ($0.directories[directory] ?? []).sorted() }
    }
}
