import DocwrightCore
import Intent
import Testing

/// JavaScript / TypeScript (and their React variants).
let javascriptCases: [IntentCase] = [
    .task("JSDoc over function with {} on the signature line", "javascript", #"""
/**
 * Adds two ¦numbers.
 * @param {number} a
 */
function add(a, b) {}
"""#, marked: #"""
/**
 * Adds two numbers.
 * @param {number} a
 */
function add(a, b) {[[]]}
"""#, indentation: "  ", signature: "function add(a, b)", doc: "Adds two numbers.\n@param {number} a"),

    .task("arrow function with a not-implemented throw, cursor on signature", "javascript", #"""
import _ from "lodash";

/** Sums the list. */
export const sum = (xs) ¦=> {
  throw new Error("not implemented");
};
"""#, marked: #"""
import _ from "lodash";

/** Sums the list. */
export const sum = (xs) => {
[[  throw new Error("not implemented");
]]};
"""#, indentation: "  ", signature: "export const sum = (xs) =>", doc: "Sums the list."),

    .task("class method with empty multi-line body, cursor in the body", "javascript", #"""
class Stack {
    /**
     * Pops the top item.
     */
    pop() {
    ¦}
}
"""#, marked: #"""
class Stack {
    /**
     * Pops the top item.
     */
    pop() {
[[]]    }
}
"""#, indentation: "        ", signature: "pop()", doc: "Pops the top item."),

    .task("TypeScript: emoji in a default value before the braces (UTF-8 columns)", "typescript", #"""
/** Greets someone. */
function greet(name: string = "😀"): string {¦}
"""#, marked: #"""
/** Greets someone. */
function greet(name: string = "😀"): string {[[]]}
"""#, indentation: "  ", signature: #"function greet(name: string = "😀"): string"#, doc: "Greets someone."),

    .task("TypeScript: TODO marker is replaced, async method with generic return", "typescript", #"""
export class Api {
  /** Loads the user. */
  async load(id: string): Promise<User> {
    // TODO: implement¦
  }
}
"""#, marked: #"""
export class Api {
  /** Loads the user. */
  async load(id: string): Promise<User> {
[[    // TODO: implement
]]  }
}
"""#, indentation: "    ", signature: "async load(id: string): Promise<User>", doc: "Loads the user."),

    .task("TSX: line comment over a function with destructured parameters", "typescriptreact", #"""
import React from "react";

// Renders the user's avatar.
export function Avatar({ user }: Props) {¦
}
"""#, marked: #"""
import React from "react";

// Renders the user's avatar.
export function Avatar({ user }: Props) {
[[]]}
"""#, indentation: "  ", signature: "export function Avatar({ user }: Props)", doc: "Renders the user's avatar."),

    .task("plain comment before the closing brace asks for next lines", "javascript", #"""
function main(users) {
  // sort users by age¦
}
"""#, shape: .nextLines, marked: #"""
function main(users) {
  // sort users by age
[[]]}
"""#, indentation: "  ", signature: "", doc: "sort users by age"),

    .task("JSX: JSDoc followed by nothing asks for a whole function", "javascriptreact", #"""
/**
 * A button that counts its clicks.¦
 */

"""#, shape: .function, marked: #"""
/**
 * A button that counts its clicks.
 */
[[]]
"""#, indentation: "", signature: "", doc: "A button that counts its clicks.", closerPresent: false),

    .task("async function with a TODO comment body", "javascript", #"""
/** Loads JSON from url. */
async function load(url) {
  // TODO¦
}
"""#, marked: #"""
/** Loads JSON from url. */
async function load(url) {
[[  // TODO
]]}
"""#, indentation: "  ", signature: "async function load(url)", doc: "Loads JSON from url."),

    .task("TypeScript: typed arrow function throwing a TODO error", "typescript", #"""
/** Parses a port number. */
export const parsePort = (text: string): number => {
  throw new Error("TODO");
};¦
"""#, marked: #"""
/** Parses a port number. */
export const parsePort = (text: string): number => {
[[  throw new Error("TODO");
]]};
"""#, indentation: "  ", signature: "export const parsePort = (text: string): number =>", doc: "Parses a port number."),

    .task("TypeScript: decorator between doc and method", "typescript", #"""
class Form {
  /** Whether the form can be sent. */
  @Input()
  isValid(): boolean {¦
  }
}
"""#, marked: #"""
class Form {
  /** Whether the form can be sent. */
  @Input()
  isValid(): boolean {
[[]]  }
}
"""#, indentation: "    ", signature: "isValid(): boolean", doc: "Whether the form can be sent."),

    .task("TypeScript: comment followed by an empty line", "typescript", #"""
const users = await fetchUsers();
// keep only active users, sorted by name¦

"""#, shape: .nextLines, marked: #"""
const users = await fetchUsers();
// keep only active users, sorted by name
[[]]
"""#, indentation: "", signature: "", doc: "keep only active users, sorted by name"),

    .nothing("TypeScript: interface method has no body", "typescript", #"""
interface Shape {
  /** Area. ¦*/
  area(): number;
}
"""#, reason: "declaration without a body"),

    .nothing("TypeScript: implemented arrow function", "typescript", #"""
/** Twice. */
const twice = (x: number) => {
  return 2 * x;¦
};
"""#, reason: "already has a body"),

    .nothing("function with a real body", "javascript", #"""
/** Adds. */
function add(a, b) {
  return a + b;¦
}
"""#, reason: "already has a body"),

    .nothing("comment followed by a statement", "javascript", #"""
// increment¦
count++;
"""#, reason: "followed by code"),

    .nothing("JSDoc over a class", "typescript", #"""
/** A stack. ¦*/
class Stack {
}
"""#, reason: "followed by code"),
]

let goCases: [IntentCase] = [
    .task("doc comment over func with empty body", "go", #"""
package main

// Add returns the ¦sum of a and b.
func Add(a, b int) int {
}
"""#, marked: #"""
package main

// Add returns the sum of a and b.
func Add(a, b int) int {
[[]]}
"""#, indentation: "\t", signature: "func Add(a, b int) int", doc: "Add returns the sum of a and b."),

    .task("panic(\"not implemented\") stub, cursor in body", "go",
          "package x\n\n// Max returns the larger value.\nfunc Max(a, b int) int {\n\tpanic(\"not implemented\")¦\n}\n",
          marked: "package x\n\n// Max returns the larger value.\nfunc Max(a, b int) int {\n[[\tpanic(\"not implemented\")\n]]}\n",
          indentation: "\t", signature: "func Max(a, b int) int", doc: "Max returns the larger value."),

    .task("method with receiver and {} on one line", "go", #"""
// Len is the ¦number of items.
func (s *Stack) Len() int {}
"""#, marked: #"""
// Len is the number of items.
func (s *Stack) Len() int {[[]]}
"""#, indentation: "\t", signature: "func (s *Stack) Len() int", doc: "Len is the number of items."),

    .task("multi-line parameters, cursor on a parameter line, panic(\"TODO\")", "go",
          "import (\n\t\"fmt\"\n\t\"net/http\"\n)\n\n// Serve starts the server.\nfunc Serve(\n\taddr string,¦\n\th http.Handler,\n) error {\n\tpanic(\"TODO\")\n}\n",
          marked: "import (\n\t\"fmt\"\n\t\"net/http\"\n)\n\n// Serve starts the server.\nfunc Serve(\n\taddr string,\n\th http.Handler,\n) error {\n[[\tpanic(\"TODO\")\n]]}\n",
          indentation: "\t", signature: "func Serve(\n\taddr string,\n\th http.Handler,\n) error", doc: "Serve starts the server."),

    .task("comment in a body followed by an empty line", "go",
          "func main() {\n\tx := load()\n\t// print the total¦\n\n\tfmt.Println(x)\n}\n",
          shape: .nextLines,
          marked: "func main() {\n\tx := load()\n\t// print the total\n[[]]\n\tfmt.Println(x)\n}\n",
          indentation: "\t", signature: "", doc: "print the total"),

    .task("braces inside a string in the body do not confuse matching", "go",
          "// Braces returns ¦braces.\nfunc Braces() string {\n\t// TODO\n}\n\nvar s = \"}\"\n",
          marked: "// Braces returns braces.\nfunc Braces() string {\n[[\t// TODO\n]]}\n\nvar s = \"}\"\n",
          indentation: "\t", signature: "func Braces() string", doc: "Braces returns braces."),

    .nothing("implemented func", "go", "// Add adds.\nfunc Add(a, b int) int {\n\treturn a + b¦\n}\n",
             reason: "already has a body"),

    .nothing("comment over a var", "go", "// the answer¦\nvar answer = 42\n", reason: "followed by code"),
]

let rustCases: [IntentCase] = [
    .task("todo!() stub, cursor on it", "rust", #"""
/// Adds two numbers.
fn add(a: i32, b: i32) -> i32 {
    todo!()¦
}
"""#, marked: #"""
/// Adds two numbers.
fn add(a: i32, b: i32) -> i32 {
[[    todo!()
]]}
"""#, indentation: "    ", signature: "fn add(a: i32, b: i32) -> i32", doc: "Adds two numbers."),

    .task("generic fn with a where clause on following lines", "rust", #"""
use std::collections::HashMap;

/// Counts ¦each item.
pub fn count<T>(items: &[T]) -> HashMap<T, usize>
where
    T: std::hash::Hash + Eq,
{
    unimplemented!()
}
"""#, marked: #"""
use std::collections::HashMap;

/// Counts each item.
pub fn count<T>(items: &[T]) -> HashMap<T, usize>
where
    T: std::hash::Hash + Eq,
{
[[    unimplemented!()
]]}
"""#, indentation: "    ", signature: "pub fn count<T>(items: &[T]) -> HashMap<T, usize>\nwhere\n    T: std::hash::Hash + Eq,",
          doc: "Counts each item."),

    .task("attribute between doc and fn, {} on one line", "rust", #"""
/// Is it even?¦
#[inline]
pub fn is_even(n: u64) -> bool {}
"""#, marked: #"""
/// Is it even?
#[inline]
pub fn is_even(n: u64) -> bool {[[]]}
"""#, indentation: "    ", signature: "pub fn is_even(n: u64) -> bool", doc: "Is it even?"),

    .task("impl method with lifetimes and todo!(message)", "rust", #"""
impl Parser {
    /// The first ¦token.
    fn first<'a>(&self, xs: &'a [Token]) -> &'a Token {
        todo!("later")
    }
}
"""#, marked: #"""
impl Parser {
    /// The first token.
    fn first<'a>(&self, xs: &'a [Token]) -> &'a Token {
[[        todo!("later")
]]    }
}
"""#, indentation: "        ", signature: "fn first<'a>(&self, xs: &'a [Token]) -> &'a Token", doc: "The first token."),

    .task("doc comment followed by nothing asks for a whole function", "rust", #"""
/// Reverses a string.¦

"""#, shape: .function, marked: #"""
/// Reverses a string.
[[]]
"""#, indentation: "", signature: "", doc: "Reverses a string.", closerPresent: false),

    .task("plain comment in a body, followed by an empty line", "rust", #"""
fn main() {
    let data = read();
    // compute the checksum¦

}
"""#, shape: .nextLines, marked: #"""
fn main() {
    let data = read();
    // compute the checksum
[[]]
}
"""#, indentation: "    ", signature: "", doc: "compute the checksum"),

    .task("fn without closing brace yet", "rust", #"""
/// Doubles x.
fn double(x: i32) -> i32 {¦
"""#, marked: #"""
/// Doubles x.
fn double(x: i32) -> i32 {[[]]
"""#, indentation: "    ", signature: "fn double(x: i32) -> i32", doc: "Doubles x.", closerPresent: false),

    .nothing("implemented fn", "rust", "/// Adds.\nfn add(a: i32, b: i32) -> i32 {\n    a + b¦\n}\n", reason: "already has a body"),

    .nothing("doc over a struct", "rust", "/// A point.¦\nstruct Point {\n    x: i32,\n}\n", reason: "followed by code"),
]

@Test(arguments: javascriptCases) func javascriptIntent(_ row: IntentCase) { check(row) }
@Test(arguments: goCases) func goIntent(_ row: IntentCase) { check(row) }
@Test(arguments: rustCases) func rustIntent(_ row: IntentCase) { check(row) }
