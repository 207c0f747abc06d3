import DocwrightCore

/// C / C++ (and Objective-C's `#import`): `#include "x.h"` is searched relative to the including
/// file, then the workspace root, `include/` and `src/`; `<…>` includes are the system's or a
/// library's (no files). A header carries the declarations: its source file is not added.
extension ImportResolver {
    func resolveInclude(_ statement: String, of path: String) -> [ResolvedImport] {
        let text = statement.trimmingWhitespace()
        guard text.hasPrefix("#") else { return [] }
        let directive = text.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        guard directive.hasPrefix("include") || directive.hasPrefix("import") else { return [] }
        guard let open = directive.firstIndex(where: { $0 == "\"" || $0 == "<" }) else { return [] }
        guard directive[open] == "\"" else { return [ResolvedImport(statement: statement, files: [], wildcard: true)] }
        let name = String(directive[directive.index(after: open)...].prefix { $0 != "\"" && $0 != "\n" })
        guard !name.isEmpty, !name.hasPrefix("/") else { return [ResolvedImport(statement: statement, files: [], wildcard: true)] }
        let bases = [WorkspacePath.directory(of: path), "", "include", "src"]
        let file = firstFile(bases.map { WorkspacePath.join($0, name) })
        return [ResolvedImport(statement: statement, files: file.map { [$0] } ?? [], wildcard: true)]
    }
}
