import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line for a user about an error from the file system, in the C library's words
/// ("No such file or directory"): without full Foundation, `localizedDescription` of a
/// `CocoaError` is only its code.
public enum ErrorText {
    public static func describe(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        if let cocoa = error as? CocoaError {
            if let posix = cocoa.underlying as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "No such file or directory"
            case .fileWriteNoPermission, .fileReadNoPermission: return "Permission denied"
            case .fileWriteOutOfSpace: return "No space left on device"
            case .fileWriteFileExists: return "File exists"
            default: return "file error \(cocoa.code.rawValue)"
            }
        }
        return String(describing: error)
    }
}
