/// What an import statement brings into a file, resolved against the workspace.
///
/// One statement may yield several values, one per module it names (`import a, b`; a Go import
/// block; `from . import x, y` where `x` and `y` are module files; a Rust `use` group reaching
/// different modules): each carries the statement it came from.
public struct ResolvedImport: Sendable, Hashable {
    /// The statement as written.
    public var statement: String
    /// Workspace-relative files it refers to (a module file, an `index.ts`, a Go package's files,
    /// a header); empty when it names something outside the workspace (a library).
    public var files: [String]
    /// The names it brings in (`from m import A, B` → `["A", "B"]`; `import {A as B}` → `["A"]`);
    /// empty when it imports a module as a whole. A JavaScript default import (`import X from`)
    /// is recorded by its local name `X` (the default export's name is usually the same).
    public var names: [String]
    /// Local names that stand for the imported module (`import numpy as np` → `np`; `import * as
    /// ns from './m'` → `ns`; Go's package name; Python's `import a.b` → `a`).
    public var aliases: [String]
    /// Renamed imports, local name → imported name (`from m import Y as Z` → `["Z": "Y"]`;
    /// `import {A as B}` → `["B": "A"]`; Rust `use a::b as c`; Kotlin `import a.B as C`). The
    /// imported name is in `names`.
    public var localNames: [String: String]
    /// Every top-level name of `files` is visible unqualified in the importing file: `from m
    /// import *`, `export * from`, Java `import a.b.*`, Rust `use a::*`, Go `import . "p"`,
    /// `#include`, Swift `import M`, C# `using`, Ruby `require`.
    public var wildcard: Bool

    public init(statement: String, files: [String], names: [String] = [], aliases: [String] = [],
                localNames: [String: String] = [:], wildcard: Bool = false) {
        self.statement = statement
        self.files = files
        self.names = names
        self.aliases = aliases
        self.localNames = localNames
        self.wildcard = wildcard
    }

    /// The imported name a local name stands for (itself when it was not renamed).
    public func importedName(forLocal local: String) -> String {
        localNames[local] ?? local
    }
}
