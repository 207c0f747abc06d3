/// Everything docwright knows about one language, as data: ids and files, comment and string
/// syntax, how blocks and declarations look, tree-sitter queries, prompting material and the
/// editors' names for it. One file per language (`Python.swift`, …) defines its entry;
/// `Languages.all` lists them. Nothing outside this module switches over language names:
/// `Intent`, `Prompting`, `Ranking` and `Config` read these fields.
public struct Language: Sendable, Hashable {
    /// How a block of code ends.
    public enum BlockStyle: Sendable, Hashable {
        /// By indentation (Python).
        case indentation
        /// With `}`.
        case braces
        /// With the keyword `end` (Ruby, Lua).
        case endKeyword
    }

    /// A tree-sitter grammar: the function returning its `TSLanguage` and the library in the grammar
    /// directory that exports it. `Syntax.Grammars` loads languages from these alone.
    public struct Grammar: Sendable, Hashable {
        /// tree-sitter's name for the grammar (`python`, `tsx`, `c_sharp`).
        public let name: String
        /// The library file in the grammar directory.
        public let library: String
        /// The exported function, `tree_sitter_<name>`.
        public var symbol: String { "tree_sitter_" + name }

        public init(name: String, library: String) {
            self.name = name
            self.library = library
        }

        /// The library of tree-sitter-languages' prebuilt grammars (`scripts/grammars` checks it exports each one used).
        public static let bundledLibrary = "tree-sitter-languages.so"

        /// One of the grammars prebuilt in `tree-sitter-languages.so`.
        public static func bundled(_ name: String) -> Grammar { Grammar(name: name, library: bundledLibrary) }

        /// A grammar `scripts/grammars` compiles from its own sources into `tree-sitter-<name>.so`.
        public static func ownLibrary(_ name: String) -> Grammar { Grammar(name: name, library: "tree-sitter-\(name).so") }
    }

    /// How comments are written: the markers prompts write and doc text is stripped of. (Which
    /// bytes are comment or string is the grammar's to say: `Syntax.LexicalMap`.)
    public struct Lexical: Sendable, Hashable {
        /// Line comment markers, longest first (`///` before `//`).
        public var lineComments: [String]
        public var blockOpen: String?
        public var blockClose: String?
        /// `--[[ ]]` comments (Lua).
        public var luaLong = false

        public init(lineComments: [String], blockOpen: String? = nil, blockClose: String? = nil) {
            self.lineComments = lineComments
            self.blockOpen = blockOpen
            self.blockClose = blockClose
        }

        /// `//` line comments and `/* */` block comments.
        public static let cStyle = Lexical(lineComments: ["//"], blockOpen: "/*", blockClose: "*/")
    }

    /// The external checkers docwright knows how to run.
    public enum ExternalCheck: String, Sendable, Hashable {
        /// `python3`'s `compile()`: compile-time errors such as `return` outside a function.
        case pythonCompile
        /// `node --check` (as a module when the file imports or exports).
        case nodeCheck
    }

    /// Kinds of runnable examples in doc comments.
    public enum RunnableExamples: String, Sendable, Hashable {
        /// `>>> expression` followed by its expected output.
        case pythonDoctest
    }

    /// Keywords that open and close blocks in an end-keyword language (Ruby, Lua), for cutting a
    /// generated body where its block closes.
    public struct EndBlocks: Sendable, Hashable {
        /// Words that always open a block (`def`, `function`).
        public var openers: [String] = []
        /// Words that open a block only as a line's first word (Ruby's `if` vs `x if y`).
        public var lineStartOpeners: [String] = []
        /// Loop words that open a block and take their `do` with them.
        public var loops: [String] = []
        /// Loop words that do so only as a line's first word.
        public var lineStartLoops: [String] = []
        /// Words besides `end` that close a block (Lua's `until`).
        public var closers: [String] = []

        public init(openers: [String] = [], lineStartOpeners: [String] = [], loops: [String] = [],
                    lineStartLoops: [String] = [], closers: [String] = []) {
            self.openers = openers
            self.lineStartOpeners = lineStartOpeners
            self.loops = loops
            self.lineStartLoops = lineStartLoops
            self.closers = closers
        }
    }

    /// A tiny worked example shown to chat models before the real request.
    public struct Example: Sendable, Hashable {
        public let signature: String
        public let doc: String
        public let body: String

        public init(signature: String, doc: String, body: String) {
            self.signature = signature
            self.doc = doc
            self.body = body
        }
    }

    /// tree-sitter queries over the language's grammar (`Syntax.SyntaxQuery` sources). Captures:
    /// `functions`: `@function` (the whole declaration), `@name`, `@body` (absent for a
    /// prototype or abstract method); `comments`: `@comment` (and `@doc` for docstrings that are
    /// string literals); `imports`: `@import`; `definitions`: `@definition` and `@name`;
    /// `closures`: anonymous functions and blocks whose bodies are code (a callback, a closure, a
    /// Ruby block), `@function` and `@body` — a comment inside one asks for the next lines as one
    /// inside a function does (empty: none).
    ///
    /// `outline` (ProjectContext's outline of a file) captures a definition node by its kind —
    /// `@function`, `@method`, `@type`, `@constant`, `@variable`, `@module` — with `@name`, and
    /// optionally `@container` (the type a method belongs to: a Go receiver, a Rust `impl`),
    /// `@value` (a constant's value, elided when the declaration is long) and `@group` (the
    /// declaration holding it, such as Go's `const ( … )` or JS's `const a = …, b = …`: the stub
    /// when it holds this definition only, else its first word before the member). Other patterns
    /// capture `@body` (a function body the stub replaces by `bodyPlaceholder`; with `@doc`, a
    /// docstring at its start that stays), `@package` (the file's package or namespace name) and
    /// `@mention` (a type or value name a signature, field or base list refers to). Definitions
    /// inside another definition are part of its stub, not entries of their own; when several
    /// patterns capture the same node, the first pattern wins.
    public struct Queries: Sendable, Hashable {
        public let functions: String
        public let comments: String
        public let imports: String
        public let definitions: String
        public let outline: String
        public let closures: String

        public init(functions: String, comments: String, imports: String, definitions: String, outline: String = "",
                    closures: String = "") {
            self.functions = functions
            self.comments = comments
            self.imports = imports
            self.definitions = definitions
            self.outline = outline
            self.closures = closures
        }
    }

    /// What the outline of a file needs beyond `Queries.outline`.
    public struct Outline: Sendable, Hashable {
        /// Node types wrapping a definition that belong to its stub (`export_statement`,
        /// `decorated_definition`, `template_declaration`).
        public var wrappers: Set<String> = []
        /// Node types that, right before a definition (no blank line between), belong to its stub:
        /// comments and attributes (`attribute_item`).
        public var attached: Set<String> = []
        /// Names a stub's mentions never list: primitive and built-in types, keywords.
        public var builtins: Set<String> = []

        public init(wrappers: Set<String> = [], attached: Set<String> = [], builtins: Set<String> = []) {
            self.wrappers = wrappers
            self.attached = attached
            self.builtins = builtins
        }
    }

    /// How import statements are written, for reading module names out of them (routing by domain).
    public enum ImportForm: Sendable, Hashable {
        /// `import a.b`, `from a import b` (multi-line with parentheses).
        case python
        /// `import x from 'm'`, `require('m')`, `export … from 'm'`.
        case ecmascript
        /// `import "m"`, `import ( … )`; the module is the path's last segment.
        case go
        /// `use a::b;`, `extern crate a;`.
        case rust
        /// `import Module`, `@testable import Module`.
        case swift
        /// `import a.b.C` (Java, Kotlin): the first segment that is not a vendor domain.
        case jvm
        /// `#include <a/b.h>`.
        case include
        /// `using A.B;`, `global using`, `using static`.
        case csharp
        /// `require 'm'` (`require_relative` is local).
        case ruby
        /// `require("a.b")`.
        case lua
    }

    /// Names of the language in the editor integrations (checked by `LanguagesTests`).
    public struct EditorNames: Sendable, Hashable {
        /// Neovim filetypes.
        public let nvim: [String]
        /// Emacs major modes.
        public let emacs: [String]

        public init(nvim: [String], emacs: [String]) {
            self.nvim = nvim
            self.emacs = emacs
        }
    }

    /// The LSP language id (`python`, `typescriptreact`).
    public let id: String
    /// Other ids meaning the same language (`tsx`, `c_sharp`).
    public var aliases: [String] = []
    /// For people and prompts (`C++`).
    public let displayName: String
    /// Markdown fence tags a model may use for it; the first is the one docwright writes.
    public let fenceTags: [String]
    /// File extensions, lower case, without the dot.
    public let extensions: [String]
    /// Its tree-sitter grammar: where `Syntax.Grammars` loads it from (`scripts/grammars` builds the libraries).
    public let grammar: Grammar
    public let blockStyle: BlockStyle
    public let lexical: Lexical
    /// Comment openers that mark documentation (a doc comment followed by nothing asks for a
    /// whole function; a plain comment asks for the next lines). Empty: any comment may be one.
    public var docMarkers: [String] = []
    /// Indentation used when the document shows none.
    public let indentUnit: String
    /// Keywords one of which appears as a word in a function declaration; empty = C-like
    /// (`type name(...)`).
    public var declarationKeywords: [String] = []
    /// Line starts that begin the next top-level declaration (stop sequences after `"\n"`).
    public var declarationStarts: [String] = []
    /// A declaration ending in `;` is a prototype that can be turned into a definition (C, C++).
    public var prototypesAllowed = false
    /// Whole lines that may sit between a doc comment and its declaration (`@Override`, `#[test]`).
    public var attributePrefixes: [String] = []
    /// A body's last expression is its value without a `return` (Rust, Ruby): a stub body may be
    /// a bare default value (`Vec::new()`, `nil`).
    public var lastExpressionReturns = false
    public var endBlocks = EndBlocks()
    /// Doc comments are XML (`<summary>`, `<param name="x">`: C#); their tags become plain words.
    public var xmlDocComments = false
    /// A program that judges a whole file of this language without running it, on top of the
    /// tree, when installed (Ranking's `SyntaxChecker` runs it in the sandbox).
    public var externalCheck: ExternalCheck? = nil
    /// Examples in doc comments that can be run against a candidate (Ranking's `DoctestVerifier`;
    /// routing verifies by default where there are some).
    public var runnableExamples: RunnableExamples? = nil
    /// Well-known modules of this language per built-in routing domain (`data-ml` → `numpy`, …):
    /// a file importing one is in that domain (Config's `BuiltinDomains`).
    public var domainImports: [String: [String]] = [:]
    /// How outlines read this language (with `queries.outline`).
    public var outline = Outline()
    public let example: Example
    public let importForm: ImportForm
    public let queries: Queries
    public let editors: EditorNames

    public init(id: String, displayName: String, fenceTags: [String], extensions: [String], grammar: Grammar,
                blockStyle: BlockStyle, lexical: Lexical, indentUnit: String, example: Example,
                importForm: ImportForm, queries: Queries, editors: EditorNames) {
        self.id = id
        self.displayName = displayName
        self.fenceTags = fenceTags
        self.extensions = extensions
        self.grammar = grammar
        self.blockStyle = blockStyle
        self.lexical = lexical
        self.indentUnit = indentUnit
        self.example = example
        self.importForm = importForm
        self.queries = queries
        self.editors = editors
    }

    /// The word that closes a block (`}`, `end`); nil when indentation does.
    public var closer: String? {
        switch blockStyle {
        case .indentation: return nil
        case .braces: return "}"
        case .endKeyword: return "end"
        }
    }

    /// What a stub shows instead of a function body: `...` after an indented block (Python),
    /// `{ ... }` for a braced one, a `...` comment before `end`.
    public var bodyPlaceholder: String {
        switch blockStyle {
        case .indentation: return "..."
        case .braces: return "{ ... }"
        case .endKeyword: return lineComment + " ..."
        }
    }

    /// The primary line comment marker (`//`, `#`, `--`).
    public var lineComment: String { lexical.lineComments.last ?? "//" }
}
