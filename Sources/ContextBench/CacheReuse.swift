import Foundation

/// How much of a second generation's prompt llama.cpp answers from its cache: two generations in
/// the same file (another function; the same function after an edit above it), their bodies
/// exactly as `docwright prompt --json` builds them, sent with one sample and a few tokens.
/// llama.cpp's reply says how many prompt tokens it re-used (`timings.cache_n`) and evaluated
/// (`timings.prompt_n`).
struct CacheReuse {
    let binary: String
    let modelURL: String

    struct Figure {
        var label: String
        var cached: Int
        var evaluated: Int
        var share: Double { cached + evaluated == 0 ? 0 : Double(cached) / Double(cached + evaluated) }
    }

    func measure() throws -> [Figure] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-cache-reuse").path
        try? FileManager.default.removeItem(atPath: root)
        func write(_ path: String, _ text: String) throws {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        // A fresh text each run, so nothing is cached from an earlier run: the baseline is cold.
        let run = UUID().uuidString
        try write("shop/__init__.py", "")
        try write("shop/models.py", """
            from dataclasses import dataclass


            @dataclass
            class Item:
                \"\"\"One item (bench run \(run)).\"\"\"
                name: str
                price: float
                quantity: int


            @dataclass
            class Basket:
                items: list[Item]
                coupon: str | None = None
            """)
        try write("shop/rules.py", """
            COUPONS = {"TEN": 0.10, "HALF": 0.5}


            def discount_for(coupon: str | None) -> float:
                \"\"\"The discount rate a coupon gives (0 for none or an unknown one).\"\"\"
                return COUPONS.get(coupon or "", 0.0)
            """)
        var body = ["\"\"\"Checkout (bench run \(run)).\"\"\"", "from shop.models import Basket, Item",
                    "from shop.rules import discount_for", ""]
        for number in 0..<12 {
            body += ["", "def line_total_\(number)(item: Item) -> float:", "    \"\"\"Price times quantity.\"\"\"",
                     "    return item.price * item.quantity", ""]
        }
        let first = body.count + 2
        body += ["", "def basket_total(basket: Basket) -> float:", "    \"\"\"Sum of the items, less the coupon's discount.\"\"\"", "    pass", ""]
        let second = body.count + 2
        body += ["", "def most_expensive(basket: Basket) -> Item | None:", "    \"\"\"The item with the highest price times quantity.\"\"\"", "    pass", ""]
        try write("shop/checkout.py", body.joined(separator: "\n"))
        try write("other/unrelated.py", "def shout(text: str) -> str:\n    \"\"\"Upper-case text with an exclamation mark.\"\"\"\n    pass\n")

        var figures: [Figure] = []
        _ = try send(prompt("other/unrelated.py:2", root: root))
        figures.append(try send(prompt("shop/checkout.py:\(first)", root: root), label: "first generation in the file (after an unrelated one): baseline"))
        figures.append(try send(prompt("shop/checkout.py:\(second)", root: root), label: "second generation, another function in the same file"))
        // An edit above both functions (a new import), then the first function again.
        try write("shop/checkout.py", "import math\n" + body.joined(separator: "\n"))
        figures.append(try send(prompt("shop/checkout.py:\(first + 1)", root: root), label: "the first function again, after an edit at the top of the file"))
        try? FileManager.default.removeItem(atPath: root)
        return figures
    }

    /// The request body `docwright prompt --json` shows for a target, with one sample and 4 tokens.
    func prompt(_ target: String, root: String) throws -> [String: Any] {
        let output = try run(binary, ["prompt", root + "/" + target, "--json", "--workspace", root])
        guard let report = try JSONSerialization.jsonObject(with: output) as? [String: Any],
              var body = report["body"] as? [String: Any] else { throw Failure("docwright prompt gave no body for \(target)") }
        body["n"] = 1
        body["max_tokens"] = 4
        body["temperature"] = 0
        return body
    }

    func send(_ body: [String: Any], label: String = "") throws -> Figure {
        let data = try JSONSerialization.data(withJSONObject: body)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("docwright-cache-reuse.json").path
        try data.write(to: URL(fileURLWithPath: file))
        let output = try run("/usr/bin/env", ["curl", "-sS", "--max-time", "300", modelURL + "/completions",
                                              "-H", "Content-Type: application/json", "--data-binary", "@" + file])
        guard let reply = try JSONSerialization.jsonObject(with: output) as? [String: Any],
              let timings = reply["timings"] as? [String: Any] else {
            throw Failure("no timings in llama.cpp's reply: \(String(decoding: output.prefix(300), as: UTF8.self))")
        }
        return Figure(label: label, cached: timings["cache_n"] as? Int ?? 0, evaluated: timings["prompt_n"] as? Int ?? 0)
    }

    func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure("\(executable) \(arguments.prefix(2).joined(separator: " ")) exited \(process.terminationStatus)") }
        return data
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
