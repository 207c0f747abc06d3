import Foundation

/// Files of exactly `lines` lines for the parse benchmark: per language, a block of ordinary
/// code (doc comment, signature, branches, a loop, a string with non-ASCII text) repeated with
/// fresh names; plus real code where the machine has it (Python's standard library, this
/// checkout's Swift sources).
enum BenchCorpus {
    static let languages = ["python", "javascript", "typescript", "typescriptreact", "go", "rust", "swift",
                            "java", "kotlin", "c", "cpp", "csharp", "ruby", "lua"]

    /// `lines` lines of generated `language` code, wrapped where the language needs a container.
    static func generated(_ language: String, lines: Int) -> String {
        let (header, footer) = frame(language)
        var out = header
        var count = out.count
        var index = 0
        while count < lines - footer.count {
            let block = Self.block(language, index).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let room = lines - footer.count - count
            // The last block may be cut short: fill the remainder with comment lines instead.
            if block.count > room {
                out += Array(repeating: comment(language) + " padding", count: room)
                count += room
                break
            }
            out += block
            count += block.count
            index += 1
        }
        return (out + footer).joined(separator: "\n") + "\n"
    }

    /// The first `lines` lines of real code, or nil when none is found.
    static func real(_ language: String, lines: Int) -> (source: String, text: String)? {
        switch language {
        case "python":
            let roots = ["/usr/lib/python3.11", "/usr/lib/python3.12", "/usr/lib/python3.13", "/usr/local/lib/python3.11"]
            guard let root = roots.first(where: { FileManager.default.fileExists(atPath: $0 + "/argparse.py") }) else { return nil }
            return concatenate(["argparse", "typing", "dataclasses", "functools", "inspect", "pathlib"].map { "\(root)/\($0).py" },
                               lines: lines).map { ("Python standard library (\(root))", $0) }
        case "swift":
            let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            guard let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap({ $0 as? String })
                .filter({ $0.hasSuffix(".swift") }).sorted() else { return nil }
            return concatenate(files.map { sources.path + "/" + $0 }, lines: lines).map { ("docwright's Sources/", $0) }
        default:
            return nil
        }
    }

    private static func concatenate(_ paths: [String], lines: Int) -> String? {
        var collected: [Substring] = []
        for path in paths where collected.count < lines {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            collected += text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard collected.count >= lines else { return nil }
        return collected.prefix(lines).joined(separator: "\n") + "\n"
    }

    private static func comment(_ language: String) -> String {
        switch language {
        case "python", "ruby": "#"
        case "lua": "--"
        default: "//"
        }
    }

    private static func frame(_ language: String) -> (header: [String], footer: [String]) {
        switch language {
        case "go": (["package bench", ""], [])
        case "java": (["class Bench {"], ["}"])
        case "csharp": (["class Bench {"], ["}"])
        default: ([], [])
        }
    }

    // swiftlint:disable:next function_body_length
    private static func block(_ language: String, _ i: Int) -> String {
        switch language {
        case "python":
            return """
            def total_\(i)(items, limit=10):
                \"\"\"Sum the first `limit` prices — «ü» 漢字.\"\"\"
                result = 0
                for item in items[:limit]:
                    if item.price > 0:
                        result += item.price
                    else:
                        result -= 1
                return result

            """
        case "javascript":
            return """
            /** Sum the first `limit` prices — «ü» 漢字. */
            function total\(i)(items, limit = 10) {
              let result = 0;
              for (const item of items.slice(0, limit)) {
                if (item.price > 0) { result += item.price; } else { result -= 1; }
              }
              return result;
            }

            """
        case "typescript":
            return """
            /** Sum the first `limit` prices — «ü» 漢字. */
            function total\(i)(items: { price: number }[], limit = 10): number {
              let result = 0;
              for (const item of items.slice(0, limit)) {
                if (item.price > 0) { result += item.price; } else { result -= 1; }
              }
              return result;
            }

            """
        case "typescriptreact":
            return """
            /** A price list — «ü» 漢字. */
            export function Prices\(i)({ items }: { items: { price: number }[] }) {
              const visible = items.filter((item) => item.price > 0);
              return (
                <ul className="prices">{visible.map((item, k) => <li key={k}>{item.price}</li>)}</ul>
              );
            }

            """
        case "go":
            return """
            // Total\(i) sums the first limit prices — «ü» 漢字.
            func Total\(i)(items []Item, limit int) int {
            \tresult := 0
            \tfor _, item := range items[:limit] {
            \t\tif item.Price > 0 {
            \t\t\tresult += item.Price
            \t\t} else {
            \t\t\tresult--
            \t\t}
            \t}
            \treturn result
            }

            """
        case "rust":
            return """
            /// Sums the first `limit` prices — «ü» 漢字.
            fn total_\(i)(items: &[Item], limit: usize) -> i64 {
                let mut result = 0;
                for item in items.iter().take(limit) {
                    if item.price > 0 { result += item.price; } else { result -= 1; }
                }
                result
            }

            """
        case "swift":
            return """
            /// Sums the first `limit` prices — «ü» 漢字.
            func total\(i)(_ items: [Item], limit: Int = 10) -> Int {
                var result = 0
                for item in items.prefix(limit) {
                    if item.price > 0 { result += item.price } else { result -= 1 }
                }
                return result
            }

            """
        case "java":
            return """
              /** Sums the first limit prices — «ü» 漢字. */
              static int total\(i)(java.util.List<Item> items, int limit) {
                int result = 0;
                for (Item item : items.subList(0, limit)) {
                  if (item.price > 0) { result += item.price; } else { result -= 1; }
                }
                return result;
              }

            """
        case "kotlin":
            return """
            /** Sums the first [limit] prices — «ü» 漢字. */
            fun total\(i)(items: List<Item>, limit: Int = 10): Int {
                var result = 0
                for (item in items.take(limit)) {
                    if (item.price > 0) { result += item.price } else { result -= 1 }
                }
                return result
            }

            """
        case "c":
            return """
            /* Sums the first limit prices — «ü» 漢字. */
            int total_\(i)(const struct item *items, int count, int limit) {
              int result = 0;
              for (int k = 0; k < count && k < limit; k++) {
                if (items[k].price > 0) { result += items[k].price; } else { result -= 1; }
              }
              return result;
            }

            """
        case "cpp":
            return """
            // Sums the first limit prices — «ü» 漢字.
            int total_\(i)(const std::vector<Item>& items, std::size_t limit = 10) {
              int result = 0;
              for (std::size_t k = 0; k < items.size() && k < limit; ++k) {
                if (items[k].price > 0) { result += items[k].price; } else { result -= 1; }
              }
              return result;
            }

            """
        case "csharp":
            return """
              /// <summary>Sums the first limit prices — «ü» 漢字.</summary>
              static int Total\(i)(List<Item> items, int limit = 10) {
                var result = 0;
                foreach (var item in items.Take(limit)) {
                  if (item.Price > 0) { result += item.Price; } else { result -= 1; }
                }
                return result;
              }

            """
        case "ruby":
            return """
            # Sums the first limit prices — «ü» 漢字.
            def total_\(i)(items, limit = 10)
              result = 0
              items.first(limit).each do |item|
                if item.price > 0 then result += item.price else result -= 1 end
              end
              result
            end

            """
        default: // lua
            return """
            -- Sums the first limit prices — «ü» 漢字.
            local function total_\(i)(items, limit)
              local result = 0
              for k = 1, math.min(#items, limit or 10) do
                if items[k].price > 0 then result = result + items[k].price else result = result - 1 end
              end
              return result
            end

            """
        }
    }
}
