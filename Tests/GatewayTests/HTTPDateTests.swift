import Foundation
import Testing
@testable import Gateway

/// `Retry-After` dates in the three forms RFC 9110 §5.6.7 makes recipients accept.
@Suite struct HTTPDateTests {
    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
    ])
    func everyFormIsTheSameInstant(text: String) {
        #expect(HTTPDate.parse(text) == Date(timeIntervalSince1970: 784_111_777))
    }

    @Test(arguments: ["", "tomorrow", "Sun, 06 Nov 1994 08:49:37 CET", "Sun, 06 Foo 1994 08:49:37 GMT",
                      "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 32 Nov 1994 08:49:37 GMT"])
    func anythingElseIsNoDate(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test func retryAfterReadsSecondsOrADate() throws {
        #expect(RetryPolicy.retryAfter(from: ["retry-after": " 12 "]) == 12)
        let soon = Date().addingTimeInterval(30)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let seconds = try #require(RetryPolicy.retryAfter(from: ["retry-after": formatter.string(from: soon)]))
        #expect(seconds > 25 && seconds <= 30)
        #expect(RetryPolicy.retryAfter(from: ["retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"]) == 0)
    }
}
