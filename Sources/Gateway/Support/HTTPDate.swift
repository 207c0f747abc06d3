import DocwrightCore
import FoundationEssentials

/// HTTP dates (RFC 9110 §5.6.7) as `Retry-After` carries them: the IMF-fixdate
/// `Sun, 06 Nov 1994 08:49:37 GMT`, and the obsolete RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`)
/// and asctime (`Sun Nov  6 08:49:37 1994`) forms recipients must accept.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> Date? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        switch words.count {
        case 6 where words[5].uppercased() == "GMT":
            // IMF-fixdate: day-name, DD Mon YYYY HH:MM:SS GMT
            return date(day: words[1], month: words[2], year: words[3], time: words[4])
        case 4 where words[3].uppercased() == "GMT":
            // RFC 850: day-name, DD-Mon-YY HH:MM:SS GMT (two-digit years: the nearest century, RFC 9110 §5.6.7)
            let parts = words[1].split(separator: "-").map(String.init)
            guard parts.count == 3, let short = Int(parts[2]), parts[2].count == 2 else { return nil }
            return date(day: parts[0], month: parts[1], year: String(short < 70 ? 2000 + short : 1900 + short), time: words[2])
        case 5:
            // asctime: day-name Mon D HH:MM:SS YYYY
            return date(day: words[2], month: words[1], year: words[4], time: words[3])
        default:
            return nil
        }
    }

    private static func date(day: String, month: String, year: String, time: String) -> Date? {
        let clock = time.split(separator: ":").map { Int($0) }
        guard let day = Int(day), let year = Int(year), year >= 1900,
              let month = months.firstIndex(of: month.lowercased()),
              clock.count == 3, let hour = clock[0], let minute = clock[1], let second = clock[2]
        else { return nil }
        return CivilTime.utcDate(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second)
    }
}
