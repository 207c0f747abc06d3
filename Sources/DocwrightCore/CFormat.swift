#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// printf-style formatting of numbers (`%.2f`, `%04d`, `%02x`) through the C library's
    /// `vsnprintf`, in the C locale docwright runs in (Foundation's `String(format:)` would link all of
    /// Foundation). Only for numeric arguments: C strings do not cross this boundary.
    public init(cFormat format: String, _ arguments: any CVarArg...) {
        // One try with a small buffer; a longer result is formatted again into one that fits.
        func formatted(capacity: Int) -> (text: String, needed: Int) {
            withVaList(arguments) { list in
                var buffer = [CChar](repeating: 0, count: capacity)
                let needed = Int(vsnprintf(&buffer, buffer.count, format, list))
                return (String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), needed)
            }
        }
        let first = formatted(capacity: 128)
        self = first.needed < 128 ? first.text : formatted(capacity: first.needed + 1).text
    }
}
