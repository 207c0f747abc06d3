#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the transports use, named so they cannot clash with methods like `close()`.
enum Posix {
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        systemRead(descriptor, buffer, count)
    }

    static func write(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        systemWrite(descriptor, buffer, count)
    }

    static func close(_ descriptor: Int32) {
        _ = systemClose(descriptor)
    }

    static var lastError: Int32 { errno }

    static let interrupted = EINTR
}

private let systemRead = read
private let systemWrite = write
private let systemClose = close
