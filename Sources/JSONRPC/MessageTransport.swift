/// A byte pipe to the peer: where the connection reads frames from and writes frames to.
///
/// Implementations must never block a thread of Swift's cooperative pool: blocking IO belongs
/// on threads of their own (see `StdioTransport`).
public protocol MessageTransport: Sendable {
    /// Raw input in arrival order, in chunks of any size. Finishes when the input ends or the
    /// transport is closed. Iterate it from one place only (the connection does).
    var incoming: AsyncStream<[UInt8]> { get }

    /// Writes `bytes` (whole frames) so that they never interleave with other writes, and
    /// returns once they are handed on. Throws `TransportError` when the output is closed or broken.
    func write(_ bytes: [UInt8]) async throws

    /// Ends input (`incoming` finishes) and output (later writes throw). Safe to call twice.
    func close()
}

/// Why a transport could not be used.
public enum TransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The transport (or its output side) was closed.
    case closed
    /// A system call failed with `errno`.
    case systemCallFailed(call: String, errno: Int32)

    public var description: String {
        switch self {
        case .closed:
            return "transport closed"
        case .systemCallFailed(let call, let errno):
            return "\(call) failed (errno \(errno))"
        }
    }
}
