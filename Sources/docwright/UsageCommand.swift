import ArgumentParser
import DocwrightCore
import Engine
import FoundationEssentials

/// `docwright usage`: tokens and estimated cost per day and model.
struct UsageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "usage", abstract: "Tokens and estimated cost per day and model.")
    @Flag var json = false

    func run() async throws {
        let ledger = UsageLedger(path: UsageLedger.defaultPath(environment: ProcessInfo.processInfo.environment))
        let days = ledger.all
        if json {
            print(try jsonString(days))
            return
        }
        if days.isEmpty {
            print("no usage recorded yet (\(ledger.path ?? "no state directory"))")
            return
        }
        print("day         model                       requests  tokens in  tokens out  est. cost")
        for day in days.keys.sorted() {
            for (model, entry) in days[day, default: [:]].sorted(by: { $0.key < $1.key }) {
                print("\(day)  \(model.rightPad(26))  "
                    + "\(String(entry.requests).leftPad(8))  \(String(entry.promptTokens).leftPad(9))  "
                    + "\(String(entry.completionTokens).leftPad(10))  $\(String(cFormat: "%.4f", entry.cost))")
            }
        }
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    /// Exactly `width` characters: cut, or filled with spaces on the right.
    func rightPad(_ width: Int) -> String {
        count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count)
    }
}
