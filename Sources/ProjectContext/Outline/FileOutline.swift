/// What a file offers the rest of the project: its top-level definitions rendered as stubs, its
/// import statements and its package. Small (a few hundred bytes per definition): the index keeps
/// one per file, never the file's text or tree.
public struct FileOutline: Sendable, Hashable {
    /// Workspace-relative path.
    public var path: String
    /// LSP language id.
    public var language: String
    public var definitions: [Definition]
    /// Import / include / use statements as written (the registry's `imports` query).
    public var imports: [ImportStatement]
    /// The declared package or namespace, when the language has one (`package billing` in Go,
    /// `package com.acme.billing;` in Java/Kotlin, `namespace Acme.Billing` in C#).
    public var package: String?

    public init(path: String, language: String, definitions: [Definition] = [], imports: [ImportStatement] = [],
                package: String? = nil) {
        self.path = path
        self.language = language
        self.definitions = definitions
        self.imports = imports
        self.package = package
    }
}

/// One top-level definition (or a member listed on its own, such as a Go method).
public struct Definition: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case function, method, type, constant, variable, module
    }

    public var name: String
    public var kind: Kind
    /// The type it belongs to (a Go or Rust `impl` method, a member listed apart), else nil.
    public var container: String?
    /// The definition as the prompt shows it: declaration and doc comment / docstring, bodies of
    /// functions replaced by the language's placeholder (`...`, `{ ... }`); a type keeps its fields
    /// and its methods' signatures.
    public var stub: String
    /// Identifiers the stub's signature and fields mention (parameter and return types, field
    /// types, base classes): what one more hop of selection follows.
    public var mentions: [String]
    /// 0-based first line in the file (of the doc comment when there is one).
    public var line: Int

    public init(name: String, kind: Kind, container: String? = nil, stub: String, mentions: [String], line: Int) {
        self.name = name
        self.kind = kind
        self.container = container
        self.stub = stub
        self.mentions = mentions
        self.line = line
    }
}

/// An import statement as written, with its 0-based line.
public struct ImportStatement: Sendable, Hashable {
    public var text: String
    public var line: Int

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}
