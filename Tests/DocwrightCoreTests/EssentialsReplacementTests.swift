import Foundation
import Synchronization
import Testing
@testable import DocwrightCore

/// The helpers that stand in for full Foundation (so the binary links FoundationEssentials only)
/// give Foundation's answers: each is checked against Foundation itself, which tests may link.
@Suite struct EssentialsReplacementTests {
    @Test(arguments: [
        ("/a/b", "c"), ("/a/b/", "c"), ("", "c"), ("a", ""), ("/", "x"), ("rel/dir", "f.txt"),
    ])
    func appendingMatchesNSString(base: String, component: String) {
        #expect(PathText.appending(component, to: base) == (base as NSString).appendingPathComponent(component))
    }

    @Test func appendingAnAbsoluteComponentKeepsOneSlash() {
        // (swift-corelibs-foundation gives "/a//c" here.)
        #expect(PathText.appending("/c", to: "/a") == "/a/c")
    }

    @Test(arguments: ["/a/b", "/a/b/", "/a", "/", "/a//b", "/x/y.txt"])
    func parentAndLastComponentMatchNSString(path: String) {
        #expect(PathText.parent(of: path) == (path as NSString).deletingLastPathComponent)
        #expect(PathText.lastComponent(of: path) == (path as NSString).lastPathComponent)
    }

    @Test func relativePathsHaveParentsToo() {
        // (swift-corelibs-foundation traps on `"a".deletingLastPathComponent`.)
        #expect(PathText.parent(of: "a") == "")
        #expect(PathText.parent(of: "a/b") == "a")
        #expect(PathText.lastComponent(of: "a/b") == "b")
        #expect(PathText.parent(of: "") == "")
    }

    @Test(arguments: ["/a/./b//../c/", "/../a", "/a/b/..", "/", "/x/y/z/../../w", "/a/b/./"])
    func standardizedMatchesNSStringForAbsolutePaths(path: String) {
        #expect(PathText.standardized(path) == (path as NSString).standardizingPath)
    }

    @Test func standardizedKeepsRelativePathsRelativeAndExpandsHome() {
        #expect(PathText.standardized("a/../../b") == "../b")
        #expect(PathText.standardized("./x/.") == "x")
        #expect(PathText.standardized("~/keys/api", home: "/home/u") == "/home/u/keys/api")
        #expect(PathText.standardized("~", home: "/home/u") == "/home/u")
        #expect(PathText.standardized("~other/x", home: "/home/u") == "~other/x")
    }

    @Test func tildeExpansionTouchesOnlyALeadingTilde() {
        #expect(PathText.expandingTilde("~/k/../key", home: "/home/u") == "/home/u/k/../key")
        #expect(PathText.expandingTilde("~", home: "/home/u") == "/home/u")
        #expect(PathText.expandingTilde("~bob/key", home: "/home/u") == "~bob/key")
        #expect(PathText.expandingTilde("a/~/b", home: "/home/u") == "a/~/b")
        #expect(PathText.expandingTilde("~/key", home: nil) == "~/key")
    }

    @Test(arguments: ["a%20b", "%E2%9C%93ok", "plain", "%zz", "%4", "%FF", "100%", "%2F%2f"])
    func percentDecodingMatchesFoundation(text: String) {
        #expect(text.percentDecoded == text.removingPercentEncoding)
    }

    @Test func cFormatMatchesPrintf() {
        #expect(String(cFormat: "%.2f", 3.14159) == "3.14")
        #expect(String(cFormat: "%04d", 7) == "0007")
        #expect(String(cFormat: "%02x", UInt8(171)) == "ab")
        #expect(String(cFormat: "%.5f", 0.000123) == "0.00012")
        let long = String(cFormat: "%0300d", 1)
        #expect(long.count == 300 && long.hasSuffix("01"))
    }

    @Test func trimmingMatchesFoundationsCharacterSets() {
        let samples = ["  a b \t", "\n x \r\n", "\u{00A0}y\u{2003}", "", " \n ", "z"]
        for sample in samples {
            #expect(sample.trimmingWhitespace() == sample.trimmingCharacters(in: .whitespacesAndNewlines))
            #expect(sample.trimmingHorizontalWhitespace() == sample.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func civilTimeMatchesFoundationsCalendar() throws {
        let instants = [0, 951_782_400, 1_764_720_000, 1_798_675_199].map { Date(timeIntervalSince1970: TimeInterval($0)) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for instant in instants {
            let parts = calendar.dateComponents([.year, .month, .day], from: instant)
            let expected = String(cFormat: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            #expect(CivilTime.utc.day(of: instant) == expected)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            #expect(CivilTime.timestamp(instant) == formatter.string(from: instant))
        }
        #expect(CivilTime.utcDate(year: 2000, month: 2, day: 29, hour: 0, minute: 0, second: 0) == instants[1])
        #expect(CivilTime.utcDate(year: 2000, month: 13, day: 1, hour: 0, minute: 0, second: 0) == nil)
    }

    @Test func byteSearchFindsWhatFoundationFinds() {
        let texts = ["", "a", "abc", "héllo __main__ wörld", "if __name__ == \"__main__\":\n    main()", "aaab", "ab", "😀x😀y"]
        let needles = ["a", "ab", "aab", "__main__", "__name__ == \"__main__\"", "wörld", "😀y", "zz", "abcd"]
        for text in texts {
            for needle in needles {
                #expect(ByteSearch.contains(needle, in: text) == (text.range(of: needle) != nil), "\(needle) in \(text)")
                #expect(ByteSearch.contains(needle, in: text.dropFirst()) == (text.dropFirst().range(of: needle) != nil))
            }
        }
        let bytes = Array("xxabcabd".utf8)
        #expect(bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: Array("abd".utf8), in: $0) } == 5)
        #expect(bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: [], in: $0) } == 0)
    }

    @Test func byteEqualityAndByteMembershipAgreeWithTheStandardLibrary() {
        let texts = ["", "a", "a\r\nb", "héllo\r", "😀", String(repeating: "xy\n", count: 10_000), "\r"]
        for text in texts {
            #expect(ByteSearch.contains(byte: 0x0D, in: text) == text.utf8.contains(0x0D), "\(text.prefix(8))")
            for other in texts {
                #expect(ByteSearch.equal(Array(other.utf8), text) == (Array(other.utf8) == Array(text.utf8)))
            }
            #expect(!ByteSearch.equal(Array((text + "z").utf8), text))
        }
        // A string without contiguous UTF-8 (bridged or a substring's copy) still compares.
        let sub = String("xxhéllo".dropFirst(2))
        #expect(ByteSearch.equal(Array("héllo".utf8), sub))
    }

    @Test func dedicatedThreadsRunOffThePoolAndReturn() async {
        let value = await DedicatedThread.run(name: "docwright.test.thread-with-a-long-name") { 6 * 7 }
        #expect(value == 42)
        let ran = Mutex(0)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DedicatedThread.start(name: "t", stackSize: 1 << 20) {
                ran.withLock { $0 += 1 }
                done.resume()
            }
        }
        #expect(ran.withLock { $0 } == 1)
    }

    @Test func standardStreamsReadAndWriteWholeBuffers() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let payload = [UInt8]((0..<50_000).map { UInt8(truncatingIfNeeded: $0) })
        let writeEnd = fds[1]
        let writer = Thread {
            StandardStreams.write(payload, to: writeEnd)
            close(writeEnd)
        }
        writer.start()
        #expect(StandardStreams.readAll(from: fds[0]) == payload)
        close(fds[0])
    }

    @Test func errorTextUsesTheCLibrarysWords() {
        do {
            try Data([1]).write(to: URL(fileURLWithPath: "/nonexistent-docwright-dir/file"))
            Issue.record("the write should fail")
        } catch {
            #expect(ErrorText.describe(error) == "No such file or directory")
        }
    }
}
