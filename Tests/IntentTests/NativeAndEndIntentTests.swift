import DocwrightCore
import Intent
import Testing

/// C, C++, Ruby, Lua.
let cCases: [IntentCase] = [
    .task("prototype after a comment becomes a definition", "c", #"""
#include <stdio.h>

/* Returns the sum of ¦a and b. */
int add(int a, int b);
"""#, shape: .function, marked: #"""
#include <stdio.h>

/* Returns the sum of a and b. */
int add(int a, int b)[[;]]
"""#, indentation: "    ", signature: "int add(int a, int b)", doc: "Returns the sum of a and b.", closerPresent: false),

    .task("definition with an empty body", "c", #"""
/**
 * Length of a C string.
 */
size_t my_strlen(const char *s) {
¦}
"""#, marked: #"""
/**
 * Length of a C string.
 */
size_t my_strlen(const char *s) {
[[]]}
"""#, indentation: "    ", signature: "size_t my_strlen(const char *s)", doc: "Length of a C string."),

    .task("multi-line prototype, cursor on its second line", "c", #"""
// Copies n bytes.
static inline void *copy(void *dst,
                         const void *src, size_t n);¦ // decl
"""#, shape: .function, marked: #"""
// Copies n bytes.
static inline void *copy(void *dst,
                         const void *src, size_t n)[[; // decl]]
"""#, indentation: "    ", signature: "static inline void *copy(void *dst,\n                         const void *src, size_t n)",
          doc: "Copies n bytes.", closerPresent: false),

    .task("return type on its own line (GNU style)", "c", #"""
/* Absolute value. */
static int
my_abs(int x)
{¦
}
"""#, marked: #"""
/* Absolute value. */
static int
my_abs(int x)
{
[[]]}
"""#, indentation: "    ", signature: "static int\nmy_abs(int x)", doc: "Absolute value."),

    .task("plain comment in main followed by an empty line", "c", "int main(void) {\n    /* read numbers from stdin */¦\n\n    return 0;\n}\n",
          shape: .nextLines, marked: "int main(void) {\n    /* read numbers from stdin */\n[[]]\n    return 0;\n}\n",
          indentation: "    ", signature: "", doc: "read numbers from stdin"),

    .nothing("comment over a variable", "c", "/* the answer ¦*/\nint answer = 42;\n", reason: "followed by code"),
    .nothing("implemented", "c", "/* One. */\nint one(void) {\n    return 1;¦\n}\n", reason: "already has a body"),
]

let cppCases: [IntentCase] = [
    .task("member prototype in a class", "cpp", #"""
#include <vector>

class Stats {
public:
    /// Mean of the ¦values.
    double mean(const std::vector<double>& xs) const;
};
"""#, shape: .function, marked: #"""
#include <vector>

class Stats {
public:
    /// Mean of the values.
    double mean(const std::vector<double>& xs) const[[;]]
};
"""#, indentation: "        ", signature: "double mean(const std::vector<double>& xs) const",
          doc: "Mean of the values.", closerPresent: false),

    .task("throw std::logic_error stub in an out-of-class definition", "cpp", #"""
/// Parses the header.
Header Parser::parse_header(std::string_view text) {
    throw std::logic_error("not implemented");¦
}
"""#, marked: #"""
/// Parses the header.
Header Parser::parse_header(std::string_view text) {
[[    throw std::logic_error("not implemented");
]]}
"""#, indentation: "    ", signature: "Header Parser::parse_header(std::string_view text)", doc: "Parses the header."),

    .task("template function with {}", "cpp", #"""
/// Clamps v into [lo, hi].
template <typename T>
T clamp(T v, T lo, T hi) {}¦
"""#, marked: #"""
/// Clamps v into [lo, hi].
template <typename T>
T clamp(T v, T lo, T hi) {[[]]}
"""#, indentation: "    ", signature: "template <typename T>\nT clamp(T v, T lo, T hi)", doc: "Clamps v into [lo, hi]."),

    .task("char literal brace does not unbalance", "cpp", #"""
/// Counts open braces.
int count_open(const std::string& s) {
    // TODO
}
char c = '}';¦
"""#, marked: #"""
/// Counts open braces.
int count_open(const std::string& s) {
[[    // TODO
]]}
char c = '}';
"""#, indentation: "    ", signature: "int count_open(const std::string& s)", doc: "Counts open braces.").atLine(1),

    .task("doc comment followed by nothing", "cpp", "/// Splits a string on a delimiter.¦\n\n",
          shape: .function, marked: "/// Splits a string on a delimiter.\n[[]]\n",
          indentation: "", signature: "", doc: "Splits a string on a delimiter.", closerPresent: false),

    .nothing("pure virtual", "cpp", "struct S {\n    /// Area.¦\n    virtual double area() const = 0;\n};\n", reason: "declaration without a body"),
    .nothing("implemented", "cpp", "/// One.\nint one() { return 1; }¦\n", reason: "already has a body"),
]

let rubyCases: [IntentCase] = [
    .task("comment over an empty def", "ruby", #"""
# Adds two ¦numbers.
def add(a, b)
end
"""#, marked: #"""
# Adds two numbers.
def add(a, b)
[[]]end
"""#, indentation: "  ", signature: "def add(a, b)", doc: "Adds two numbers."),

    .task("raise NotImplementedError in a class method", "ruby", #"""
require 'json'

class Store
  # Loads the store from a JSON file.
  # @param path [String]
  def self.load(path)
    raise NotImplementedError¦
  end
end
"""#, marked: #"""
require 'json'

class Store
  # Loads the store from a JSON file.
  # @param path [String]
  def self.load(path)
[[    raise NotImplementedError
]]  end
end
"""#, indentation: "    ", signature: "def self.load(path)", doc: "Loads the store from a JSON file.\n@param path [String]"),

    .task("def without parentheses, cursor on it", "ruby", "# Greets.\ndef greet na¦me\nend\n",
          marked: "# Greets.\ndef greet name\n[[]]end\n", indentation: "  ", signature: "def greet name", doc: "Greets."),

    .task("no end yet", "ruby", "# Doubles x.\ndef double(x)¦\n\ndef other\nend\n",
          marked: "# Doubles x.\ndef double(x)\n[[]]\ndef other\nend\n", indentation: "  ", signature: "def double(x)",
          doc: "Doubles x.", closerPresent: false),

    .task("comment followed by an empty line", "ruby", "items = load\n# print each item with its index¦\n\n",
          shape: .nextLines, marked: "items = load\n# print each item with its index\n[[]]\n",
          indentation: "", signature: "", doc: "print each item with its index"),

    .nothing("implemented", "ruby", "# One.\ndef one\n  1¦\nend\n", reason: "already has a body"),
    .nothing("comment over code", "ruby", "# count¦\nx = 1\n", reason: "followed by code"),
]

let luaCases: [IntentCase] = [
    .task("--- doc over an empty function", "lua", #"""
local M = {}

--- Adds ¦two numbers.
---@param a number
function M.add(a, b)
end
"""#, marked: #"""
local M = {}

--- Adds two numbers.
---@param a number
function M.add(a, b)
[[]]end
"""#, indentation: "  ", signature: "function M.add(a, b)", doc: "Adds two numbers.\n@param a number"),

    .task("error(\"not implemented\") in a local function", "lua", #"""
-- Reverses a list.
local function reverse(t)
    error("not implemented")¦
end
"""#, marked: #"""
-- Reverses a list.
local function reverse(t)
[[    error("not implemented")
]]end
"""#, indentation: "    ", signature: "local function reverse(t)", doc: "Reverses a list."),

    .task("one-line function ... end", "lua", "-- Squares x.\nlocal function sq(x) end¦\n",
          marked: "-- Squares x.\nlocal function sq(x)[[ ]]end\n", indentation: "  ", signature: "local function sq(x)", doc: "Squares x."),

    .task("function assigned to a field", "lua", "--- Handler.\nM.on_click = function(event)\n  ¦\nend\n",
          marked: "--- Handler.\nM.on_click = function(event)\n[[  \n]]end\n", indentation: "  ",
          signature: "M.on_click = function(event)", doc: "Handler."),

    .task("--[[ ]] block comment over a function", "lua", "--[[ Sums ¦a table. ]]\nfunction sum(t)\nend\n",
          marked: "--[[ Sums a table. ]]\nfunction sum(t)\n[[]]end\n", indentation: "  ", signature: "function sum(t)",
          doc: "Sums a table."),

    .task("plain comment followed by an empty line", "lua", "local items = load()\n-- print all items¦\n",
          shape: .nextLines, marked: "local items = load()\n-- print all items\n[[]]", indentation: "", signature: "",
          doc: "print all items"),

    .nothing("implemented", "lua", "-- One.\nfunction one()\n  return 1¦\nend\n", reason: "already has a body"),
    .nothing("comment over code", "lua", "-- count¦\nlocal x = 1\n", reason: "followed by code"),
]

extension IntentCase {
    /// Moves the cursor mark to the start of a given line of the source.
    func atLine(_ line: Int) -> IntentCase {
        var lines = source.replacingCursor().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard line < lines.count else { return self }
        lines[line] = cursorMark + lines[line]
        return IntentCase(name: name, language: language, source: lines.joined(separator: "\n"), expected: expected)
    }
}

extension String {
    func replacingCursor() -> String { String(unicodeScalars.filter { String($0) != cursorMark }.map(Character.init)) }
}

@Test(arguments: cCases) func cIntent(_ row: IntentCase) { check(row) }
@Test(arguments: cppCases) func cppIntent(_ row: IntentCase) { check(row) }
@Test(arguments: rubyCases) func rubyIntent(_ row: IntentCase) { check(row) }
@Test(arguments: luaCases) func luaIntent(_ row: IntentCase) { check(row) }
