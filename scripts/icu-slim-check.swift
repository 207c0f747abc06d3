// What docwright asks of ICU, checked against the slim ICU data (scripts/icu-slim-data):
// scripts/test-package compiles this with the same data object the release build links and runs it.
// Each line is "ok - …" or "not ok - …: got …"; the exit status is the number of failures.
import Foundation

var failures: Int32 = 0
func expect(_ name: String, _ got: String, _ want: String) {
    if got == want { print("ok - \(name)") } else { print("not ok - \(name): got \(got), want \(want)"); failures += 1 }
}
let posix = Locale(identifier: "en_US_POSIX")
let httpDate = DateFormatter()   // as Gateway's RetryPolicy parses Retry-After
httpDate.locale = posix
httpDate.timeZone = TimeZone(identifier: "GMT")
httpDate.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
expect("HTTP date parses", "\(httpDate.date(from: "Wed, 21 Oct 2015 07:28:00 GMT")?.timeIntervalSince1970 ?? -1)", "1445412480.0")
expect("HTTP date formats", httpDate.string(from: Date(timeIntervalSince1970: 1e9)), "Sun, 09 Sep 2001 01:46:40 GMT")
let day = DateFormatter()        // as Engine's UsageLedger names a day
day.locale = posix
day.dateFormat = "yyyy-MM-dd"
day.timeZone = TimeZone(identifier: "Europe/Berlin")
expect("yyyy-MM-dd in Europe/Berlin", day.string(from: Date(timeIntervalSince1970: 1e9)), "2001-09-09")
expect("time zone rules", "\(TimeZone(identifier: "America/New_York")!.secondsFromGMT(for: Date(timeIntervalSince1970: 1e9)))", "-14400")
expect("ISO 8601", ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: 1e9)), "2001-09-09T01:46:40Z")
func matches(_ pattern: String, _ options: NSRegularExpression.Options, _ text: String) -> String {
    guard let re = try? NSRegularExpression(pattern: pattern, options: options) else { return "invalid" }
    return "\(re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil)"
}
expect("regex: anchors per line, \\s, \\b", matches(#"^import\s+(numpy|torch)\b"#, [.anchorsMatchLines], "x = 1\nimport torch\n"), "true")
expect("regex: \\p{Lu}, \\w, case folding", matches(#"\p{Lu}\w+ é"#, [.caseInsensitive], "Étoile É"), "true")
expect("case-insensitive search", "\("Straße".range(of: "STRASSE", options: .caseInsensitive) != nil)", "true")
expect("localizedCompare", "\("b".localizedCompare("a").rawValue) \("ä".localizedCompare("z").rawValue)", "1 -1")
expect("localizedStandardCompare sort", ["b", "A", "a", "é"].sorted { $0.localizedStandardCompare($1) == .orderedAscending }.joined(), "aAbé")
expect("capitalized", "hello world".localizedCapitalized, "Hello World")
expect("String(format:)", String(format: "%.2f %d %@", 3.14159, 42, "x"), "3.14 42 x")
expect("IDNA host", URL(string: "https://bücher.example/a")?.host ?? "nil", "xn--bcher-kva.example")
expect("Latin-1, Windows-1252", "\(String(data: Data([0xe9]), encoding: .isoLatin1) ?? "nil") \(String(data: Data([0x80]), encoding: .windowsCP1252) ?? "nil")", "é €")
expect("regex: Unicode word boundaries (root's word break rules)", matches(#"\bwörld\b"#, [.useUnicodeWordBoundaries], "Hello, wörld."), "true")
exit(failures)
