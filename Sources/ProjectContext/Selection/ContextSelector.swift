import DocwrightCore
import Languages

/// Chooses the project context for a task, ranked: definitions the signature, doc and nearby code
/// name (found through the file's imports first, then the files it sees without importing, then
/// anywhere in the workspace when the name is specific), names the file imports, one hop further
/// (types those definitions mention), same-file definitions outside the prompt's window, recent
/// edits, other open buffers. Deterministic for the same index and task; each definition once;
/// within the token budget (a snippet that does not fit is skipped, never cut).
public struct ContextSelector: Sendable {
    public let index: WorkspaceIndex

    public init(index: WorkspaceIndex) {
        self.index = index
    }

    /// Characters of the file around the cursor the prompt shows anyway (PromptBuilder's
    /// budget): same-file definitions inside it are not repeated.
    public static let promptWindowCharacters = 6000

    public func select(for task: GenerationTask, budget: TokenBudget) -> [ContextSnippet] {
        guard budget.maxTokens > 0, let absolute = task.path, let path = index.relativePath(absolute),
              let language = Languages.named(task.language) else { return [] }
        let current = index.outline(of: path) ?? FileOutline(path: path, language: language.id)
        let scope = Scope(index: index, path: path, outline: current, language: language)
        var picks = Picks(index: index, currentPath: path)
        let words = TaskWords(task: task)
        let window = Self.window(of: task)

        // 1. Names the task uses, defined elsewhere.
        for (name, place) in words.identifiers {
            for found in scope.lookup(name) {
                picks.add(found.path, name: found.name, reason: .referenced, tier: found.tier,
                          detail: "`\(name)` in \(place.phrase)")
            }
        }
        // 2. Prose words of the doc naming a definition the file can see ("tax" → `tax_for`).
        for word in words.docWords {
            for (path, name) in scope.visibleDefinitions where TaskWords.word(word, matches: name) {
                picks.add(path, name: name, reason: .referenced, tier: 3, detail: "\"\(word)\" in the docstring")
            }
        }
        // 3. Names the file imports by name.
        for imported in scope.importedNames {
            for found in scope.lookup(imported) {
                picks.add(found.path, name: found.name, reason: .imported, tier: found.tier, detail: "imported by this file")
            }
        }
        // 4. One hop: what the chosen definitions mention.
        for pick in picks.chosen where pick.reason <= .imported {
            let ownerOutline = index.outline(of: pick.path)
            let owner = Scope(index: index, path: pick.path, outline: ownerOutline, language: nil)
            for definition in pick.definitions {
                for mentioned in definition.mentions where mentioned != definition.name {
                    // The definition's own file first (a type next to the one that uses it).
                    let beside = ownerOutline?.definitions.contains { $0.name == mentioned && $0.container == nil } == true
                    let found = beside ? [(path: pick.path, tier: 0, name: mentioned)] : owner.lookup(mentioned)
                    for found in found where found.path != path {
                        picks.add(found.path, name: found.name, reason: .mentioned, tier: found.tier,
                                  detail: "`\(mentioned)` used by `\(definition.name)`")
                    }
                }
            }
        }
        // 5. Same-file definitions the prompt's window leaves out: named ones first, then nearest.
        let line = task.insertion.start.line
        let outside = current.definitions.filter { !window.contains($0.line) && $0.container == nil }
        let named = Set(words.identifiers.map(\.name))
        for definition in outside where named.contains(definition.name) {
            picks.add(path, name: definition.name, reason: .sameFile, tier: 0, detail: "`\(definition.name)` is defined in this file")
        }
        for definition in outside.sorted(by: { abs($0.line - line) < abs($1.line - line) }) {
            picks.add(path, name: definition.name, reason: .sameFile, tier: 1, detail: "defined nearby in this file")
        }
        // 6. Recent edits elsewhere, then the other open buffers' definitions — of this language's
        //    family only (a Python buffer tells a Lua function nothing).
        let related = { (other: String) in Self.sameFamily(other, as: language) }
        for chunk in index.recentEdits where (chunk.path != path || !window.contains(chunk.line)) && related(chunk.path) {
            picks.addChunk(chunk)
        }
        for other in index.openPaths where other != path && related(other) {
            for definition in (index.outline(of: other)?.definitions ?? []).prefix(3) where definition.container == nil {
                picks.add(other, name: definition.name, reason: .openBuffer, tier: 0, detail: "open in the editor")
            }
        }
        return picks.fitted(to: budget)
    }

    /// Whether a file is in the language family of `language`: the same import form (JavaScript
    /// and TypeScript, C and C++, Java and Kotlin read each other's definitions).
    static func sameFamily(_ path: String, as language: Language) -> Bool {
        guard let id = Languages.id(forPath: path), let other = Languages.named(id) else { return false }
        return other.importForm == language.importForm
    }

    /// 0-based lines of the file the prompt shows around the insertion point.
    static func window(of task: GenerationTask) -> ClosedRange<Int> {
        let line = task.insertion.start.line
        let before = task.prefix.suffix(promptWindowCharacters * 3 / 4).filter { $0 == "\n" }.count
        let after = task.suffix.prefix(promptWindowCharacters / 4).filter { $0 == "\n" }.count
        return max(0, line - before)...(line + after + 1)
    }
}
