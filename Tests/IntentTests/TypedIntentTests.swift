import DocwrightCore
import Intent
import Testing

/// Swift, Java, Kotlin, C#.
let swiftCases: [IntentCase] = [
    .task("fatalError stub", "swift", #"""
/// Adds two ¦numbers.
func add(_ a: Int, _ b: Int) -> Int {
    fatalError("not implemented")
}
"""#, marked: #"""
/// Adds two numbers.
func add(_ a: Int, _ b: Int) -> Int {
[[    fatalError("not implemented")
]]}
"""#, indentation: "    ", signature: "func add(_ a: Int, _ b: Int) -> Int", doc: "Adds two numbers."),

    .task("{} in a struct, cursor on the signature", "swift", #"""
struct Stack {
    var items: [Int] = []

    /// Removes and returns the top item.
    mutating func p¦op() -> Int? {}
}
"""#, marked: #"""
struct Stack {
    var items: [Int] = []

    /// Removes and returns the top item.
    mutating func pop() -> Int? {[[]]}
}
"""#, indentation: "        ", signature: "mutating func pop() -> Int?", doc: "Removes and returns the top item."),

    .task("init with an attribute line and an empty body", "swift", #"""
final class Cache {
    /// Creates an empty cache holding at most `limit` items.
    @inlinable
    init(limit: Int) {
        ¦
    }
}
"""#, marked: #"""
final class Cache {
    /// Creates an empty cache holding at most `limit` items.
    @inlinable
    init(limit: Int) {
[[        
]]    }
}
"""#, indentation: "        ", signature: "init(limit: Int)", doc: "Creates an empty cache holding at most `limit` items."),

    .task("block doc comment, multi-line", "swift", #"""
/**
 Parses ¦a version string.

 - Parameter text: like "1.2.3"
 */
func parseVersion(_ text: String) -> [Int] {
}
"""#, marked: #"""
/**
 Parses a version string.

 - Parameter text: like "1.2.3"
 */
func parseVersion(_ text: String) -> [Int] {
[[]]}
"""#, indentation: "    ", signature: "func parseVersion(_ text: String) -> [Int]",
          doc: "Parses a version string.\n\n- Parameter text: like \"1.2.3\""),

    .task("doc comment followed by nothing", "swift", "import Foundation\n\n/// Returns the n-th Fibonacci number.¦\n",
          shape: .function, marked: "import Foundation\n\n/// Returns the n-th Fibonacci number.\n[[]]",
          indentation: "", signature: "", doc: "Returns the n-th Fibonacci number.", closerPresent: false),

    .nothing("implemented func", "swift", "/// Adds.\nfunc add(a: Int) -> Int {\n    a + 1¦\n}\n", reason: "already has a body"),
    .nothing("doc over a property", "swift", "/// The count.¦\nvar count: Int {\n    0\n}\n", reason: "followed by code"),
]

let javaCases: [IntentCase] = [
    .task("Javadoc over a method throwing UnsupportedOperationException", "java", #"""
import java.util.List;

public class MathUtil {
    /**
     * Returns the ¦sum.
     * @param xs the numbers
     */
    public static int sum(List<Integer> xs) {
        throw new UnsupportedOperationException("Not supported yet.");
    }
}
"""#, marked: #"""
import java.util.List;

public class MathUtil {
    /**
     * Returns the sum.
     * @param xs the numbers
     */
    public static int sum(List<Integer> xs) {
[[        throw new UnsupportedOperationException("Not supported yet.");
]]    }
}
"""#, indentation: "        ", signature: "public static int sum(List<Integer> xs)", doc: "Returns the sum.\n@param xs the numbers"),

    .task("@Override between Javadoc and method, cursor in body", "java", #"""
class Dog extends Animal {
    /** The sound. */
    @Override
    public String speak() {
        // TODO Auto-generated method stub¦
    }
}
"""#, marked: #"""
class Dog extends Animal {
    /** The sound. */
    @Override
    public String speak() {
[[        // TODO Auto-generated method stub
]]    }
}
"""#, indentation: "        ", signature: "public String speak()", doc: "The sound."),

    .task("brace on its own line", "java", #"""
class A {
    /** Doubles ¦x. */
    int twice(int x)
    {
    }
}
"""#, marked: #"""
class A {
    /** Doubles x. */
    int twice(int x)
    {
[[]]    }
}
"""#, indentation: "        ", signature: "int twice(int x)", doc: "Doubles x."),

    .task("{} on the signature line", "java", "/** Max of a and b. */\nstatic int max(int a, int b) {}¦\n",
          marked: "/** Max of a and b. */\nstatic int max(int a, int b) {[[]]}\n",
          indentation: "    ", signature: "static int max(int a, int b)", doc: "Max of a and b."),

    .task("comment before a closing brace", "java", #"""
void run() {
    // print every line of the file¦
}
"""#, shape: .nextLines, marked: #"""
void run() {
    // print every line of the file
[[]]}
"""#, indentation: "    ", signature: "", doc: "print every line of the file"),

    .nothing("interface method has no body", "java", "interface Shape {\n    /** Area. ¦*/\n    double area();\n}\n",
             reason: "declaration without a body"),
    .nothing("implemented method", "java", "class A {\n    /** One. */\n    int one() {\n        return 1;¦\n    }\n}\n",
             reason: "already has a body"),
]

let kotlinCases: [IntentCase] = [
    .task("KDoc with TODO()", "kotlin", #"""
/**
 * Adds ¦[a] and [b].
 */
fun add(a: Int, b: Int): Int {
    TODO()
}
"""#, marked: #"""
/**
 * Adds [a] and [b].
 */
fun add(a: Int, b: Int): Int {
[[    TODO()
]]}
"""#, indentation: "    ", signature: "fun add(a: Int, b: Int): Int", doc: "Adds [a] and [b]."),

    .task("TODO(\"Not yet implemented\") in a class", "kotlin", #"""
class Repo {
    /** Finds a user by id. */
    suspend fun find(id: Long): User? {
        TODO("Not yet implemented")¦
    }
}
"""#, marked: #"""
class Repo {
    /** Finds a user by id. */
    suspend fun find(id: Long): User? {
[[        TODO("Not yet implemented")
]]    }
}
"""#, indentation: "        ", signature: "suspend fun find(id: Long): User?", doc: "Finds a user by id."),

    .task("{} on one line, line comment as doc", "kotlin", "// Squares x.\nfun sq(x: Int) = run {¦}\n",
          marked: "// Squares x.\nfun sq(x: Int) = run {[[]]}\n",
          indentation: "    ", signature: "fun sq(x: Int) = run", doc: "Squares x."),

    .task("extension function with a NotImplementedError throw", "kotlin", #"""
/** Whether the string is a palindrome. */
fun String.isPalindrome(): Boolean {
    throw NotImplementedError()¦
}
"""#, marked: #"""
/** Whether the string is a palindrome. */
fun String.isPalindrome(): Boolean {
[[    throw NotImplementedError()
]]}
"""#, indentation: "    ", signature: "fun String.isPalindrome(): Boolean", doc: "Whether the string is a palindrome."),

    .task("comment followed by an empty line", "kotlin", "fun main() {\n    // read the config file¦\n\n}\n",
          shape: .nextLines, marked: "fun main() {\n    // read the config file\n[[]]\n}\n",
          indentation: "    ", signature: "", doc: "read the config file"),

    .nothing("expression body", "kotlin", "/** One. ¦*/\nfun one(): Int = 1\nval x = 2\n", reason: "already has a body"),
    .nothing("implemented", "kotlin", "/** One. */\nfun one(): Int {\n    return 1¦\n}\n", reason: "already has a body"),
]

let csharpCases: [IntentCase] = [
    .task("XML doc over an Allman-style method with NotImplementedException", "csharp", #"""
using System.Linq;

public class Calc
{
    /// <summary>
    /// Adds ¦two numbers.
    /// </summary>
    public int Add(int a, int b)
    {
        throw new NotImplementedException();
    }
}
"""#, marked: #"""
using System.Linq;

public class Calc
{
    /// <summary>
    /// Adds two numbers.
    /// </summary>
    public int Add(int a, int b)
    {
[[        throw new NotImplementedException();
]]    }
}
"""#, indentation: "        ", signature: "public int Add(int a, int b)", doc: "Adds two numbers."),

    .task("attribute between doc and method", "csharp", #"""
/// <summary>Gets the user.</summary>
/// <param name="id">The id.</param>
[HttpGet]
public User Get(int id) {¦}
"""#, marked: #"""
/// <summary>Gets the user.</summary>
/// <param name="id">The id.</param>
[HttpGet]
public User Get(int id) {[[]]}
"""#, indentation: "    ", signature: "public User Get(int id)", doc: "Gets the user.\nParameter id: The id."),

    .task("block doc comment, generic method", "csharp", #"""
/** Returns the first item or default. */
public static T FirstOr<T>(IList<T> xs, T d) {
    // TODO¦
}
"""#, marked: #"""
/** Returns the first item or default. */
public static T FirstOr<T>(IList<T> xs, T d) {
[[    // TODO
]]}
"""#, indentation: "    ", signature: "public static T FirstOr<T>(IList<T> xs, T d)", doc: "Returns the first item or default."),

    .task("verbatim string with braces before the stub", "csharp", #"""
static string path = @"C:\{dir}\";

/// Joins paths.
static string Join(string a, string b)
{
¦}
"""#, marked: #"""
static string path = @"C:\{dir}\";

/// Joins paths.
static string Join(string a, string b)
{
[[]]}
"""#, indentation: "    ", signature: "static string Join(string a, string b)", doc: "Joins paths."),

    .task("doc comment followed by nothing", "csharp", "/// Computes a SHA-256 hash of a file.¦\n",
          shape: .function, marked: "/// Computes a SHA-256 hash of a file.\n[[]]",
          indentation: "", signature: "", doc: "Computes a SHA-256 hash of a file.", closerPresent: false),

    .nothing("implemented", "csharp", "/// One.\nint One() { return 1;¦ }\n", reason: "already has a body"),
    .nothing("doc over a property", "csharp", "/// The name.¦\npublic string Name { get; set; }\n", reason: "followed by code"),
]

@Test(arguments: swiftCases) func swiftIntent(_ row: IntentCase) { check(row) }
@Test(arguments: javaCases) func javaIntent(_ row: IntentCase) { check(row) }
@Test(arguments: kotlinCases) func kotlinIntent(_ row: IntentCase) { check(row) }
@Test(arguments: csharpCases) func csharpIntent(_ row: IntentCase) { check(row) }
