import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Calendar dates and times of day in UTC or the system's local time, through the C library
/// (`localtime_r`/`gmtime_r`/`timegm`): Foundation's formatters and time zones would link ICU.
public enum CivilTime: Sendable, Equatable {
    /// The system's local time (`TZ`, `/etc/localtime`).
    case local
    case utc

    /// The broken-down time of `date`.
    public func components(of date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        switch self {
        case .local: localtime_r(&seconds, &parts)
        case .utc: gmtime_r(&seconds, &parts)
        }
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// The day of `date`, `2026-11-22`.
    public func day(of date: Date) -> String {
        let parts = components(of: date)
        return String(cFormat: "%04d-%02d-%02d", parts.year, parts.month, parts.day)
    }

    /// RFC 3339 in UTC to the second: `2026-11-22T08:49:37Z`.
    public static func timestamp(_ date: Date) -> String {
        let parts = CivilTime.utc.components(of: date)
        return String(cFormat: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second)
    }

    /// The instant of a UTC calendar date and time, or nil when a field is out of range.
    public static func utcDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...60).contains(second) else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
