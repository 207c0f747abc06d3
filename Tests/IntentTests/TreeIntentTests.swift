import DocwrightCore
import Testing

/// Comment-inside-body ("what to do next") cases from the syntax tree, in every language, with
/// CRLF, tabs and non-ASCII text: the insertion is an empty range at the line after the comment.
let treeIntentCases: [IntentCase] = [
    .task("comment inside a body 0", "python", "def clean(rows):\n    rows = list(rows)\n    # drop the rows whose email is empty¦\n    return rows\n", shape: .nextLines,
          marked: "def clean(rows):\n    rows = list(rows)\n    # drop the rows whose email is empty\n[[]]    return rows\n", indentation: "    ", signature: "", doc: "drop the rows whose email is empty"),
    .task("comment inside a body 1", "python", "class Loader:\n    def load(self, path):\n        data = open(path).read()\n        # split into lines and strip each¦\n        return data\n", shape: .nextLines,
          marked: "class Loader:\n    def load(self, path):\n        data = open(path).read()\n        # split into lines and strip each\n[[]]        return data\n", indentation: "        ", signature: "", doc: "split into lines and strip each"),
    .task("comment inside a body 2", "javascript", "function clean(rows) {\n  rows = rows.slice();\n  // drop the rows whose email is empty¦\n  return rows;\n}\n", shape: .nextLines,
          marked: "function clean(rows) {\n  rows = rows.slice();\n  // drop the rows whose email is empty\n[[]]  return rows;\n}\n", indentation: "  ", signature: "", doc: "drop the rows whose email is empty"),
    .task("comment inside a body 3", "javascript", "const clean = (rows) => {\n  // keep only adults¦\n  return rows;\n};\n", shape: .nextLines,
          marked: "const clean = (rows) => {\n  // keep only adults\n[[]]  return rows;\n};\n", indentation: "  ", signature: "", doc: "keep only adults"),
    .task("comment inside a body 4", "javascriptreact", "function List({ items }) {\n  // sort the items by name¦\n  return <ul>{items}</ul>;\n}\n", shape: .nextLines,
          marked: "function List({ items }) {\n  // sort the items by name\n[[]]  return <ul>{items}</ul>;\n}\n", indentation: "  ", signature: "", doc: "sort the items by name"),
    .task("comment inside a body 5", "typescript", "export function total(xs: number[]): number {\n  let sum = 0;\n  // add every positive x to sum¦\n  return sum;\n}\n", shape: .nextLines,
          marked: "export function total(xs: number[]): number {\n  let sum = 0;\n  // add every positive x to sum\n[[]]  return sum;\n}\n", indentation: "  ", signature: "", doc: "add every positive x to sum"),
    .task("comment inside a body 6", "typescript", "class Cart {\n  total(): number {\n    // sum the prices of the items¦\n    return 0;\n  }\n}\n", shape: .nextLines,
          marked: "class Cart {\n  total(): number {\n    // sum the prices of the items\n[[]]    return 0;\n  }\n}\n", indentation: "    ", signature: "", doc: "sum the prices of the items"),
    .task("comment inside a body 7", "typescriptreact", "function View(p: { xs: string[] }): JSX.Element {\n  // keep the non-empty strings¦\n  return <p>{p.xs}</p>;\n}\n", shape: .nextLines,
          marked: "function View(p: { xs: string[] }): JSX.Element {\n  // keep the non-empty strings\n[[]]  return <p>{p.xs}</p>;\n}\n", indentation: "  ", signature: "", doc: "keep the non-empty strings"),
    .task("comment inside a body 8", "go", "package main\n\nfunc clean(rows []Row) []Row {\n\tout := rows[:0]\n\t// drop the rows whose email is empty¦\n\treturn out\n}\n", shape: .nextLines,
          marked: "package main\n\nfunc clean(rows []Row) []Row {\n\tout := rows[:0]\n\t// drop the rows whose email is empty\n[[]]\treturn out\n}\n", indentation: "\t", signature: "", doc: "drop the rows whose email is empty"),
    .task("comment inside a body 9", "go", "package main\n\nfunc (s *Server) Start() error {\n\t// listen on the configured port¦\n\treturn nil\n}\n", shape: .nextLines,
          marked: "package main\n\nfunc (s *Server) Start() error {\n\t// listen on the configured port\n[[]]\treturn nil\n}\n", indentation: "\t", signature: "", doc: "listen on the configured port"),
    .task("comment inside a body 10", "rust", "fn clean(rows: Vec<Row>) -> Vec<Row> {\n    let mut out = Vec::new();\n    // keep the rows whose email is set¦\n    out\n}\n", shape: .nextLines,
          marked: "fn clean(rows: Vec<Row>) -> Vec<Row> {\n    let mut out = Vec::new();\n    // keep the rows whose email is set\n[[]]    out\n}\n", indentation: "    ", signature: "", doc: "keep the rows whose email is set"),
    .task("comment inside a body 11", "rust", "impl Stats {\n    fn mean(&self) -> f64 {\n        // sum the values — «moyenne»¦\n        0.0\n    }\n}\n", shape: .nextLines,
          marked: "impl Stats {\n    fn mean(&self) -> f64 {\n        // sum the values — «moyenne»\n[[]]        0.0\n    }\n}\n", indentation: "        ", signature: "", doc: "sum the values — «moyenne»"),
    .task("comment inside a body 12", "swift", "func clean(_ rows: [Row]) -> [Row] {\n    var out: [Row] = []\n    // keep the rows whose email is set¦\n    return out\n}\n", shape: .nextLines,
          marked: "func clean(_ rows: [Row]) -> [Row] {\n    var out: [Row] = []\n    // keep the rows whose email is set\n[[]]    return out\n}\n", indentation: "    ", signature: "", doc: "keep the rows whose email is set"),
    .task("comment inside a body 13", "swift", "struct Stats {\n    func mean() -> Double {\n        // average the values 漢字¦\n        return 0\n    }\n}\n", shape: .nextLines,
          marked: "struct Stats {\n    func mean() -> Double {\n        // average the values 漢字\n[[]]        return 0\n    }\n}\n", indentation: "        ", signature: "", doc: "average the values 漢字"),
    .task("comment inside a body 14", "java", "class Rows {\n    static List<Row> clean(List<Row> rows) {\n        List<Row> out = new ArrayList<>();\n        // keep the rows whose email is set¦\n        return out;\n    }\n}\n", shape: .nextLines,
          marked: "class Rows {\n    static List<Row> clean(List<Row> rows) {\n        List<Row> out = new ArrayList<>();\n        // keep the rows whose email is set\n[[]]        return out;\n    }\n}\n", indentation: "        ", signature: "", doc: "keep the rows whose email is set"),
    .task("comment inside a body 15", "java", "class A {\n    A(int n) {\n        // validate n is positive¦\n        this.n = n;\n    }\n}\n", shape: .nextLines,
          marked: "class A {\n    A(int n) {\n        // validate n is positive\n[[]]        this.n = n;\n    }\n}\n", indentation: "        ", signature: "", doc: "validate n is positive"),
    .task("comment inside a body 16", "kotlin", "fun clean(rows: List<Row>): List<Row> {\n    val out = mutableListOf<Row>()\n    // keep the rows whose email is set¦\n    return out\n}\n", shape: .nextLines,
          marked: "fun clean(rows: List<Row>): List<Row> {\n    val out = mutableListOf<Row>()\n    // keep the rows whose email is set\n[[]]    return out\n}\n", indentation: "    ", signature: "", doc: "keep the rows whose email is set"),
    .task("comment inside a body 17", "kotlin", "class Stats {\n    fun mean(): Double {\n        // average the values¦\n        return 0.0\n    }\n}\n", shape: .nextLines,
          marked: "class Stats {\n    fun mean(): Double {\n        // average the values\n[[]]        return 0.0\n    }\n}\n", indentation: "        ", signature: "", doc: "average the values"),
    .task("comment inside a body 18", "c", "int sum(const int *xs, int n) {\n    int total = 0;\n    // add the positive values to total¦\n    return total;\n}\n", shape: .nextLines,
          marked: "int sum(const int *xs, int n) {\n    int total = 0;\n    // add the positive values to total\n[[]]    return total;\n}\n", indentation: "    ", signature: "", doc: "add the positive values to total"),
    .task("comment inside a body 19", "c", "int main(void) {\n\t/* print a greeting */¦\n\treturn 0;\n}\n", shape: .nextLines,
          marked: "int main(void) {\n\t/* print a greeting */\n[[]]\treturn 0;\n}\n", indentation: "\t", signature: "", doc: "print a greeting"),
    .task("comment inside a body 20", "cpp", "int sum(const std::vector<int>& xs) {\n    int total = 0;\n    // add the positive values to total¦\n    return total;\n}\n", shape: .nextLines,
          marked: "int sum(const std::vector<int>& xs) {\n    int total = 0;\n    // add the positive values to total\n[[]]    return total;\n}\n", indentation: "    ", signature: "", doc: "add the positive values to total"),
    .task("comment inside a body 21", "cpp", "class Stats {\npublic:\n    double mean() const {\n        // average the values¦\n        return 0;\n    }\n};\n", shape: .nextLines,
          marked: "class Stats {\npublic:\n    double mean() const {\n        // average the values\n[[]]        return 0;\n    }\n};\n", indentation: "        ", signature: "", doc: "average the values"),
    .task("comment inside a body 22", "csharp", "class Rows {\n    static List<Row> Clean(List<Row> rows) {\n        var output = new List<Row>();\n        // keep the rows whose email is set¦\n        return output;\n    }\n}\n", shape: .nextLines,
          marked: "class Rows {\n    static List<Row> Clean(List<Row> rows) {\n        var output = new List<Row>();\n        // keep the rows whose email is set\n[[]]        return output;\n    }\n}\n", indentation: "        ", signature: "", doc: "keep the rows whose email is set"),
    .task("comment inside a body 23", "csharp", "class A {\n    void Run() {\n        // log the start time¦\n        Work();\n    }\n}\n", shape: .nextLines,
          marked: "class A {\n    void Run() {\n        // log the start time\n[[]]        Work();\n    }\n}\n", indentation: "        ", signature: "", doc: "log the start time"),
    .task("comment inside a body 24", "ruby", "def clean(rows)\n  out = []\n  # keep the rows whose email is set¦\n  out\nend\n", shape: .nextLines,
          marked: "def clean(rows)\n  out = []\n  # keep the rows whose email is set\n[[]]  out\nend\n", indentation: "  ", signature: "", doc: "keep the rows whose email is set"),
    .task("comment inside a body 25", "ruby", "class Stats\n  def mean\n    # average the values — ü¦\n    0\n  end\nend\n", shape: .nextLines,
          marked: "class Stats\n  def mean\n    # average the values — ü\n[[]]    0\n  end\nend\n", indentation: "    ", signature: "", doc: "average the values — ü"),
    .task("comment inside a body 26", "lua", "local function clean(rows)\n  local out = {}\n  -- keep the rows whose email is set¦\n  return out\nend\n", shape: .nextLines,
          marked: "local function clean(rows)\n  local out = {}\n  -- keep the rows whose email is set\n[[]]  return out\nend\n", indentation: "  ", signature: "", doc: "keep the rows whose email is set"),
    .task("comment inside a body 27", "lua", "function M.mean(xs)\n  -- sum the values¦\n  return 0\nend\n", shape: .nextLines,
          marked: "function M.mean(xs)\n  -- sum the values\n[[]]  return 0\nend\n", indentation: "  ", signature: "", doc: "sum the values"),
    .task("CRLF", "python", "def clean(rows):\r\n    rows = list(rows)\r\n    # drop the rows whose email is empty¦\r\n    return rows\r\n", shape: .nextLines,
          marked: "def clean(rows):\r\n    rows = list(rows)\r\n    # drop the rows whose email is empty\r\n[[]]    return rows\r\n", indentation: "    ", signature: "", doc: "drop the rows whose email is empty"),
    .task("CRLF", "javascript", "function f(a) {\r\n  // double a¦\r\n  return a;\r\n}\r\n", shape: .nextLines,
          marked: "function f(a) {\r\n  // double a\r\n[[]]  return a;\r\n}\r\n", indentation: "  ", signature: "", doc: "double a"),
    .task("CRLF and tabs", "go", "package main\r\n\r\nfunc f(a int) int {\r\n\t// double a¦\r\n\treturn a\r\n}\r\n", shape: .nextLines,
          marked: "package main\r\n\r\nfunc f(a int) int {\r\n\t// double a\r\n[[]]\treturn a\r\n}\r\n", indentation: "\t", signature: "", doc: "double a"),
    .task("tabs", "python", "def f(a):\n\tb = a\n\t# double b¦\n\treturn b\n", shape: .nextLines,
          marked: "def f(a):\n\tb = a\n\t# double b\n[[]]\treturn b\n", indentation: "\t", signature: "", doc: "double b"),
    .task("tabs", "csharp", "class A {\n\tint F(int a) {\n\t\t// double a¦\n\t\treturn a;\n\t}\n}\n", shape: .nextLines,
          marked: "class A {\n\tint F(int a) {\n\t\t// double a\n[[]]\t\treturn a;\n\t}\n}\n", indentation: "\t\t", signature: "", doc: "double a"),
    .task("non-ASCII before the comment", "typescript", "function f(s: string): string {\n  const t = \"🙂 «ü» 漢字\";\n  // upper-case t¦\n  return t;\n}\n", shape: .nextLines,
          marked: "function f(s: string): string {\n  const t = \"🙂 «ü» 漢字\";\n  // upper-case t\n[[]]  return t;\n}\n", indentation: "  ", signature: "", doc: "upper-case t"),
    .task("non-ASCII", "kotlin", "fun f(s: String): String {\n    val t = \"🙂 漢字\"\n    // reverse t — «ü»¦\n    return t\n}\n", shape: .nextLines,
          marked: "fun f(s: String): String {\n    val t = \"🙂 漢字\"\n    // reverse t — «ü»\n[[]]    return t\n}\n", indentation: "    ", signature: "", doc: "reverse t — «ü»"),
    .task("CRLF", "rust", "fn f(a: i32) -> i32 {\r\n    // double a¦\r\n    a\r\n}\r\n", shape: .nextLines,
          marked: "fn f(a: i32) -> i32 {\r\n    // double a\r\n[[]]    a\r\n}\r\n", indentation: "    ", signature: "", doc: "double a"),
    .task("tabs", "swift", "func f(_ a: Int) -> Int {\n\t// double a¦\n\treturn a\n}\n", shape: .nextLines,
          marked: "func f(_ a: Int) -> Int {\n\t// double a\n[[]]\treturn a\n}\n", indentation: "\t", signature: "", doc: "double a"),
    .task("non-ASCII", "java", "class A {\n    String f(String s) {\n        // trim s — «ü» 🙂¦\n        return s;\n    }\n}\n", shape: .nextLines,
          marked: "class A {\n    String f(String s) {\n        // trim s — «ü» 🙂\n[[]]        return s;\n    }\n}\n", indentation: "        ", signature: "", doc: "trim s — «ü» 🙂"),
    .task("CRLF", "c", "int f(int a) {\r\n    // double a¦\r\n    return a;\r\n}\r\n", shape: .nextLines,
          marked: "int f(int a) {\r\n    // double a\r\n[[]]    return a;\r\n}\r\n", indentation: "    ", signature: "", doc: "double a"),
    .task("tabs and non-ASCII", "cpp", "int f(int a) {\n\t// double a 漢字¦\n\treturn a;\n}\n", shape: .nextLines,
          marked: "int f(int a) {\n\t// double a 漢字\n[[]]\treturn a;\n}\n", indentation: "\t", signature: "", doc: "double a 漢字"),
    .task("CRLF", "ruby", "def f(a)\r\n  # double a¦\r\n  a\r\nend\r\n", shape: .nextLines,
          marked: "def f(a)\r\n  # double a\r\n[[]]  a\r\nend\r\n", indentation: "  ", signature: "", doc: "double a"),
    .task("tabs", "lua", "function f(a)\n\t-- double a¦\n\treturn a\nend\n", shape: .nextLines,
          marked: "function f(a)\n\t-- double a\n[[]]\treturn a\nend\n", indentation: "\t", signature: "", doc: "double a"),
    .task("CRLF", "typescriptreact", "function V(p: { a: number }): JSX.Element {\r\n  // format a¦\r\n  return <b>{p.a}</b>;\r\n}\r\n", shape: .nextLines,
          marked: "function V(p: { a: number }): JSX.Element {\r\n  // format a\r\n[[]]  return <b>{p.a}</b>;\r\n}\r\n", indentation: "  ", signature: "", doc: "format a"),
    .task("tabs", "javascriptreact", "function V({ a }) {\n\t// format a¦\n\treturn <b>{a}</b>;\n}\n", shape: .nextLines,
          marked: "function V({ a }) {\n\t// format a\n[[]]\treturn <b>{a}</b>;\n}\n", indentation: "\t", signature: "", doc: "format a"),
]

/// Comments inside anonymous functions outside any named one — a callback, a closure, a block
/// (the registry's `closures` query): the same next-lines task.
let closureIntentCases: [IntentCase] = [
    .task("an Express handler", "javascript", "app.get(\"/users\", async (req, res) => {\n  const users = await db.all();\n  // keep only the active users¦\n  res.json(users);\n});\n",
          shape: .nextLines, marked: "app.get(\"/users\", async (req, res) => {\n  const users = await db.all();\n  // keep only the active users\n[[]]  res.json(users);\n});\n",
          indentation: "  ", signature: "", doc: "keep only the active users"),
    .task("a test callback, CRLF", "typescript", "it(\"sums\", () => {\r\n  const cart = new Cart();\r\n  // add two items — «ü»¦\r\n  expect(cart.total()).toBe(5);\r\n});\r\n",
          shape: .nextLines, marked: "it(\"sums\", () => {\r\n  const cart = new Cart();\r\n  // add two items — «ü»\r\n[[]]  expect(cart.total()).toBe(5);\r\n});\r\n",
          indentation: "  ", signature: "", doc: "add two items — «ü»"),
    .task("module.exports = function", "javascript", "module.exports = function (xs) {\n\tconst out = [];\n\t// copy the even numbers¦\n\treturn out;\n};\n",
          shape: .nextLines, marked: "module.exports = function (xs) {\n\tconst out = [];\n\t// copy the even numbers\n[[]]\treturn out;\n};\n",
          indentation: "\t", signature: "", doc: "copy the even numbers"),
    .task("a package-level func literal", "go", "package main\n\nvar h = func(w http.ResponseWriter, r *http.Request) {\n\tid := r.URL.Query().Get(\"id\")\n\t// look the user up¦\n\tw.WriteHeader(200)\n}\n",
          shape: .nextLines, marked: "package main\n\nvar h = func(w http.ResponseWriter, r *http.Request) {\n\tid := r.URL.Query().Get(\"id\")\n\t// look the user up\n[[]]\tw.WriteHeader(200)\n}\n",
          indentation: "\t", signature: "", doc: "look the user up"),
    .task("a top-level closure", "swift", "let task = Task {\n    let data = try await load()\n    // decode data as JSON¦\n    print(items)\n}\n",
          shape: .nextLines, marked: "let task = Task {\n    let data = try await load()\n    // decode data as JSON\n[[]]    print(items)\n}\n",
          indentation: "    ", signature: "", doc: "decode data as JSON"),
    .task("a Sinatra block", "ruby", "get \"/users\" do\n  users = User.all\n  # keep only the active users¦\n  json users\nend\n",
          shape: .nextLines, marked: "get \"/users\" do\n  users = User.all\n  # keep only the active users\n[[]]  json users\nend\n",
          indentation: "  ", signature: "", doc: "keep only the active users"),
    .task("an anonymous function argument", "lua", "table.sort(t, function(a, b)\n  local x = a.name\n  -- compare by name, then by age¦\n  return x < b.name\nend)\n",
          shape: .nextLines, marked: "table.sort(t, function(a, b)\n  local x = a.name\n  -- compare by name, then by age\n[[]]  return x < b.name\nend)\n",
          indentation: "  ", signature: "", doc: "compare by name, then by age"),
    .task("a lambda in a field initializer", "java", "class A {\n    Runnable r = () -> {\n        int n = 0;\n        // print n¦\n        done();\n    };\n}\n",
          shape: .nextLines, marked: "class A {\n    Runnable r = () -> {\n        int n = 0;\n        // print n\n[[]]        done();\n    };\n}\n",
          indentation: "        ", signature: "", doc: "print n"),
    .task("a lambda at namespace scope", "cpp", "auto f = [](int x) {\n    int y = x;\n    // double y¦\n    return y;\n};\n",
          shape: .nextLines, marked: "auto f = [](int x) {\n    int y = x;\n    // double y\n[[]]    return y;\n};\n",
          indentation: "    ", signature: "", doc: "double y"),
    .task("a lambda in a field", "csharp", "class A {\n    Func<int, int> f = x => {\n        var y = x;\n        // double y¦\n        return y;\n    };\n}\n",
          shape: .nextLines, marked: "class A {\n    Func<int, int> f = x => {\n        var y = x;\n        // double y\n[[]]        return y;\n    };\n}\n",
          indentation: "        ", signature: "", doc: "double y"),
    .task("a top-level lambda", "kotlin", "val f = { x: Int ->\n    val y = x\n    // double y¦\n    y\n}\n",
          shape: .nextLines, marked: "val f = { x: Int ->\n    val y = x\n    // double y\n[[]]    y\n}\n",
          indentation: "    ", signature: "", doc: "double y"),
    .task("a script's main block", "python", "import sys\n\nif __name__ == \"__main__\":\n    args = sys.argv[1:]\n    # run the server on the port in args¦\n    serve()\n",
          shape: .nextLines, marked: "import sys\n\nif __name__ == \"__main__\":\n    args = sys.argv[1:]\n    # run the server on the port in args\n[[]]    serve()\n",
          indentation: "    ", signature: "", doc: "run the server on the port in args"),
    .nothing("another top-level if is no body", "python", "if DEBUG:\n    level = 1\n    # log more¦\n    setup(level)\n", reason: "followed by code"),
    .nothing("a comment in a top-level call's arguments is no body", "javascript",
             "configure({\n  port: 80,\n  // the host name¦\n  host: \"a\",\n});\n", reason: "followed by code"),
]

@Suite("Intent from the tree: comments inside a body")
struct TreeIntentTests {
    @Test(arguments: treeIntentCases)
    func commentInsideBody(_ row: IntentCase) { check(row) }

    @Test(arguments: closureIntentCases)
    func commentInsideAnonymousBody(_ row: IntentCase) { check(row) }

    @Test("every language has at least three comment-inside-body cases")
    func coverage() {
        for language in ["python", "javascript", "typescript", "go", "rust", "swift", "java", "kotlin", "c", "cpp",
                         "csharp", "ruby", "lua"] {
            #expect(treeIntentCases.filter { $0.language == language }.count >= 3, "\(language)")
        }
    }

    @Test("a comment followed by code outside any function is still not a task")
    func topLevel() {
        check(.nothing("top level", "python", "import os\n# read the config¦\nconfig = load()\n", reason: "followed by code"))
        check(.nothing("top level", "javascript", "// read the config¦\nconst config = load();\n", reason: "followed by code"))
    }
}
