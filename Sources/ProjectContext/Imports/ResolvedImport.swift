/// What an import statement brings into a file, resolved against the workspace.
public struct ResolvedImport: Sendable, Hashable {
    /// The statement as written.
    public var statement: String
    /// Workspace-relative files it refers to (a module file, an `index.ts`, a Go package's files,
    /// a header); empty when it names something outside the workspace (a library).
    public var files: [String]
    /// The names it brings in (`from m import A, B` → `["A", "B"]`; `import {A as B}` → `["A"]`);
    /// empty when it imports a module as a whole.
    public var names: [String]
    /// Local names that stand for the imported module (`import numpy as np` → `np`; `import * as
    /// ns from './m'` → `ns`; Go's package name; Python's `import a.b` → `a`).
    public var aliases: [String]

    public init(statement: String, files: [String], names: [String] = [], aliases: [String] = []) {
        self.statement = statement
        self.files = files
        self.names = names
        self.aliases = aliases
    }
}
