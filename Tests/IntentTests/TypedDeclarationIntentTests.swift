import DocwrightCore
import Intent
import Testing

/// Declarations being typed: the signature and its `{` (or, in `end` languages, the signature
/// alone) with no closer yet, which the grammar cannot place in the document. `TreeDeclaration`
/// reads them from a parse of the declaration's lines alone, closed.
let typedDeclarationCases: [IntentCase] = [
    .task("Go func with its { and nothing after", "go", "package m\n\n// Sum returns a+b.¦\nfunc Sum(a, b int) int {\n",
          marked: "package m\n\n// Sum returns a+b.\nfunc Sum(a, b int) int {\n[[]]",
          indentation: "\t", signature: "func Sum(a, b int) int", doc: "Sum returns a+b.", closerPresent: false),
    .task("C signature over two lines, { on the second", "c", "/* Adds a and b. */¦\nint add(int a,\n    int b) {\n",
          marked: "/* Adds a and b. */\nint add(int a,\n    int b) {\n[[]]",
          indentation: "    ", signature: "int add(int a,\n    int b)", doc: "Adds a and b.", closerPresent: false),
    .task("C# method with its { on the next line (Allman)", "csharp",
          "/// <summary>Twice x.</summary>¦\nstatic int Twice(int x)\n{\n",
          marked: "/// <summary>Twice x.</summary>\nstatic int Twice(int x)\n{\n[[]]",
          indentation: "    ", signature: "static int Twice(int x)", doc: "Twice x.", closerPresent: false),
    .task("TypeScript exported function", "typescript",
          "/** Twice x. */¦\nexport function twice(x: number): number {\n",
          marked: "/** Twice x. */\nexport function twice(x: number): number {\n[[]]",
          indentation: "  ", signature: "export function twice(x: number): number", doc: "Twice x.", closerPresent: false),
    .task("Swift func", "swift", "/// Twice x.¦\nfunc twice(_ x: Int) -> Int {\n",
          marked: "/// Twice x.\nfunc twice(_ x: Int) -> Int {\n[[]]",
          indentation: "    ", signature: "func twice(_ x: Int) -> Int", doc: "Twice x.", closerPresent: false),
    .task("Kotlin fun, CRLF", "kotlin", "/** Twice x. */¦\r\nfun twice(x: Int): Int {\r\n",
          marked: "/** Twice x. */\r\nfun twice(x: Int): Int {\r\n[[]]",
          indentation: "    ", signature: "fun twice(x: Int): Int", doc: "Twice x.", closerPresent: false),
    .task("JavaScript function with a non-ASCII name", "javascript", "/** Größe. */¦\nfunction größe(x) {\n",
          marked: "/** Größe. */\nfunction größe(x) {\n[[]]",
          indentation: "  ", signature: "function größe(x)", doc: "Größe.", closerPresent: false),
    .task("Ruby def with its parameters over two lines, no end yet", "ruby", "# Adds a and b.¦\ndef add(a,\n  b)\n",
          marked: "# Adds a and b.\ndef add(a,\n  b)\n[[]]",
          indentation: "  ", signature: "def add(a,\n  b)", doc: "Adds a and b.", closerPresent: false),
    .task("Lua function, no end yet", "lua", "--- Adds a and b.¦\nlocal function add(a, b)\n",
          marked: "--- Adds a and b.\nlocal function add(a, b)\n[[]]",
          indentation: "  ", signature: "local function add(a, b)", doc: "Adds a and b.", closerPresent: false),
    .task("JavaScript function typed above existing code", "javascript",
          "/** Twice x. */¦\nfunction twice(x) {\n\nfunction other() {\n  return 1;\n}\n",
          marked: "/** Twice x. */\nfunction twice(x) {\n[[]]\nfunction other() {\n  return 1;\n}\n",
          indentation: "  ", signature: "function twice(x)", doc: "Twice x.", closerPresent: false),
    .task("Java method typed inside a class, above another method", "java",
          "class A {\n    /** Twice x. */¦\n    int twice(int x) {\n\n    int one() {\n        return 1;\n    }\n}\n",
          marked: "class A {\n    /** Twice x. */\n    int twice(int x) {\n[[]]\n    int one() {\n        return 1;\n    }\n}\n",
          indentation: "        ", signature: "int twice(int x)", doc: "Twice x.", closerPresent: false),
    // Closed bodies stay closed: unindented, or with a syntax error inside.
    .nothing("unindented body already written", "c", "/* One. */¦\nint one() {\nreturn 1;\n}\n", reason: "already has a body"),
    .nothing("a body with a syntax error inside", "javascript", "/** Twice. */¦\nfunction twice(x) {\n  return x *;\n}\n",
             reason: "already has a body"),
    // Complete code that is no function stays no function.
    .nothing("a struct being typed", "rust", "/// A point.¦\nstruct Point {\n", reason: "followed by code"),
    .nothing("a control statement after a comment", "go", "package m\n\nfunc f() {\n\t// Loop.¦\n\tfor i := 0; i < 3; i++ {\n",
             reason: "followed by code"),
]

/// Declarations the registry's queries read since the byte scanners went: members, templates,
/// pointer and reference returns, interface signatures.
let declarationShapeCases: [IntentCase] = [
    .task("C++ reference-returning member prototype", "cpp",
          "class A {\npublic:\n    /// The name.¦\n    const std::string &name() const;\n};\n",
          shape: .function, marked: "class A {\npublic:\n    /// The name.\n    const std::string &name() const[[;]]\n};\n",
          indentation: "        ", signature: "const std::string &name() const", doc: "The name.", closerPresent: false),
    .task("C++ template prototype", "cpp", "/// Largest of a and b.¦\ntemplate <typename T>\nT largest(T a, T b);\n",
          shape: .function, marked: "/// Largest of a and b.\ntemplate <typename T>\nT largest(T a, T b)[[;]]\n",
          indentation: "    ", signature: "template <typename T>\nT largest(T a, T b)", doc: "Largest of a and b.", closerPresent: false),
    .task("C double-pointer return with {}", "c", "/* A new matrix. */¦\nint **matrix(int n) {}\n",
          marked: "/* A new matrix. */\nint **matrix(int n) {[[]]}\n",
          indentation: "    ", signature: "int **matrix(int n)", doc: "A new matrix.", closerPresent: true),
    .task("an anonymous default export", "javascript", "/** Double every number in xs.¦ */\nexport default (xs) => {\n};\n",
          marked: "/** Double every number in xs. */\nexport default (xs) => {\n[[]]};\n",
          indentation: "  ", signature: "export default (xs) =>", doc: "Double every number in xs."),
    .task("a function assigned to a prototype", "javascript", "/**\n * The area.¦\n */\nShape.prototype.area = function () {\n};\n",
          marked: "/**\n * The area.\n */\nShape.prototype.area = function () {\n[[]]};\n",
          indentation: "  ", signature: "Shape.prototype.area = function ()", doc: "The area."),
    .task("a function assigned to module.exports, throwing", "javascript",
          "/** Sum xs.¦ */\nmodule.exports.sum = function (xs) {\n  throw new Error(\"not implemented\");\n};\n",
          marked: "/** Sum xs. */\nmodule.exports.sum = function (xs) {\n[[  throw new Error(\"not implemented\");\n]]};\n",
          indentation: "  ", signature: "module.exports.sum = function (xs)", doc: "Sum xs."),
    .task("an anonymous default function, TypeScript", "typescript",
          "/** Double xs.¦ */\nexport default function (xs: number[]): number[] {\n}\n",
          marked: "/** Double xs. */\nexport default function (xs: number[]): number[] {\n[[]]}\n",
          indentation: "  ", signature: "export default function (xs: number[]): number[]", doc: "Double xs."),
    .nothing("an assigned arrow function with a body", "javascript",
             "/** Sum xs.¦ */\nexports.sum = (xs) => {\n  return xs.length;\n};\n", reason: "already has a body"),
    .task("TypeScript overloads documented together: the implementation's stub", "typescript",
          "/** Parse one number or several.¦ */\nexport function parse(s: string): number;\nexport function parse(s: string[]): number[];\nexport function parse(s: string | string[]): number | number[] {\n  throw new Error(\"not implemented\");\n}\n",
          marked: "/** Parse one number or several. */\nexport function parse(s: string): number;\nexport function parse(s: string[]): number[];\nexport function parse(s: string | string[]): number | number[] {\n[[  throw new Error(\"not implemented\");\n]]}\n",
          indentation: "  ", signature: "export function parse(s: string | string[]): number | number[]", doc: "Parse one number or several."),
    .nothing("TypeScript overloads over a written implementation", "typescript",
             "/** Parse.¦ */\nfunction parse(s: string): number;\nfunction parse(s: string | number): number {\n  return Number(s);\n}\n",
             reason: "already has a body"),
    .nothing("TypeScript overloads of another name before a stub", "typescript",
             "/** Parse.¦ */\nfunction parse(s: string): number;\nfunction other(s: string): number {\n}\n",
             reason: "declaration without a body"),
    .nothing("TypeScript abstract method", "typescript",
             "abstract class Shape {\n  /** Area. ¦*/\n  abstract area(): number;\n}\n", reason: "declaration without a body"),
    .nothing("TypeScript interface method without a semicolon", "typescript",
             "interface Shape {\n  /** Area. ¦*/\n  area(): number\n}\n", reason: "declaration without a body"),
]

@Test(arguments: typedDeclarationCases) func typedDeclarationIntent(_ row: IntentCase) { check(row) }
@Test(arguments: declarationShapeCases) func declarationShapeIntent(_ row: IntentCase) { check(row) }

/// An attribute on the signature's own line (`@Test func f() {`, `#[test] fn t() {`,
/// `@Override public String toString() {`, `[Fact] public void X() {`) is the signature, not an
/// attribute line to skip: the body below it was once taken for the declaration's first line (a
/// signature range running backwards: a trap in the server).
let attributeOnSignatureLineCases: [IntentCase] = [
    .nothing("Swift @Test func with a body", "swift", "/// Checks it.¦\n@Test func checks() async {\n    let x = 1\n    #expect(x == 1)\n}\n",
             reason: "already has a body"),
    .task("Swift @Test func, empty", "swift", "/// Checks it.¦\n@Test func checks() async {\n}\n",
          marked: "/// Checks it.\n@Test func checks() async {\n[[]]}\n", indentation: "    ",
          signature: "@Test func checks() async", doc: "Checks it."),
    .nothing("Rust #[test] fn with a body", "rust", "/// Adds.¦\n#[test] fn adds() {\n    assert_eq!(1 + 1, 2);\n}\n",
             reason: "already has a body"),
    .task("Java @Override on the signature's line, a default return", "java",
          "class A {\n    /** The name.¦ */\n    @Override public String toString() {\n        return \"\";\n    }\n}\n",
          marked: "class A {\n    /** The name. */\n    @Override public String toString() {\n[[        return \"\";\n]]    }\n}\n",
          indentation: "        ", signature: "@Override public String toString()", doc: "The name."),
    .nothing("C# [Fact] with a body", "csharp", "class T {\n    /// <summary>Adds.¦</summary>\n    [Fact] public void Adds() {\n        Assert.Equal(2, 1 + 1);\n    }\n}\n",
             reason: "already has a body"),
    .nothing("Kotlin @Test fun with a body", "kotlin", "/** Adds.¦ */\n@Test fun adds() {\n    assertEquals(2, 1 + 1)\n}\n",
             reason: "already has a body"),
    .task("Java annotation on its own line still skipped", "java",
          "class A {\n    /** The name.¦ */\n    @Override\n    public String toString() {\n    }\n}\n",
          marked: "class A {\n    /** The name. */\n    @Override\n    public String toString() {\n[[]]    }\n}\n",
          indentation: "        ", signature: "public String toString()", doc: "The name."),
]

@Test(arguments: attributeOnSignatureLineCases) func attributeOnSignatureLine(_ row: IntentCase) { check(row) }

/// Banners and empty comments are no instruction: `-----` or `/*****/` alone asks for nothing,
/// `/**** Helpers ****/` is a plain comment (three stars, four slashes or four dashes open no
/// documentation) whose words are "Helpers", and a decorated doc comment keeps only its words.
let bannerCases: [IntentCase] = [
    .nothing("Lua dashes before a blank line", "lua", "local M = {}\n--------------------------------¦\n\nreturn M\n", reason: "no words"),
    .nothing("C star banner", "c", "#include <stdio.h>\n/*****************************/¦\n\nint x;\n", reason: "no words"),
    .nothing("an empty line comment inside a body", "go", "package p\n\nfunc f() {\n\tx := 1\n\t//¦\n\tuse(x)\n}\n", reason: "followed by code"),
    .task("C titled banner is a plain comment", "c", "/****************** Helpers ******************/¦\n\nint x;\n",
          shape: .nextLines, marked: "/****************** Helpers ******************/\n[[]]\nint x;\n",
          indentation: "", signature: "", doc: "Helpers"),
    .task("Rust four slashes are a plain comment", "rust", "//// read the config¦\n\nfn main() {}\n",
          shape: .nextLines, marked: "//// read the config\n[[]]\nfn main() {}\n",
          indentation: "", signature: "", doc: "read the config"),
    .task("a decorated doc comment keeps its words", "lua",
          "--- ===== Splits s on sep. =====¦\n-- @return table\nfunction split(s, sep)\nend\n",
          marked: "--- ===== Splits s on sep. =====\n-- @return table\nfunction split(s, sep)\n[[]]end\n",
          indentation: "  ", signature: "function split(s, sep)", doc: "Splits s on sep.\n@return table"),
]

@Test(arguments: bannerCases) func bannerIntent(_ row: IntentCase) { check(row) }
