import DocwrightCore
import FoundationEssentials
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A transport over two file descriptors (by default stdin and stdout).
///
/// Input is read with blocking `read(2)` on a thread of its own and output is written by another
/// thread (see `FileDescriptorWriter`), so neither blocks Swift's cooperative pool and a peer that
/// stops reading cannot stall the reader. `SIGPIPE` is ignored process-wide, so a vanished peer
/// turns into a write error instead of killing the process.
public final class StdioTransport: MessageTransport {
    public let incoming: AsyncStream<[UInt8]>
    private let continuation: AsyncStream<[UInt8]>.Continuation
    private let writer: FileDescriptorWriter

    /// Starts reading `input` at once; chunks wait in `incoming` until consumed.
    ///
    /// - Parameter ownsDescriptors: close `input` and `output` when reading and writing end.
    ///   The reader thread closes `input` only after its last `read` returns, so the descriptor
    ///   is never closed under a blocked read.
    public init(input: Int32 = 0, output: Int32 = 1, ownsDescriptors: Bool = false, readChunkSize: Int = 64 * 1024) {
        signal(SIGPIPE, SIG_IGN)
        (incoming, continuation) = AsyncStream.makeStream(of: [UInt8].self)
        writer = FileDescriptorWriter(descriptor: output, closesDescriptor: ownsDescriptors, name: "jsonrpc.stdio.writer")
        let continuation = continuation
        let chunkSize = max(1, readChunkSize)
        DedicatedThread.start(name: "jsonrpc.stdio.reader") {
            StdioTransport.readLoop(input, chunkSize: chunkSize, into: continuation)
            if ownsDescriptors { Posix.close(input) }
        }
    }

    public func write(_ bytes: [UInt8]) async throws {
        try await writer.write(bytes)
    }

    /// Finishes `incoming` and stops the writer. A read already blocked in the kernel returns
    /// only when input arrives or ends; whatever it reads then is dropped.
    public func close() {
        continuation.finish()
        writer.close()
    }

    private static func readLoop(_ descriptor: Int32, chunkSize: Int, into continuation: AsyncStream<[UInt8]>.Continuation) {
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Posix.read(descriptor, base, raw.count)
            }
            if count > 0 {
                if case .terminated = continuation.yield(Array(buffer[0..<count])) { return }
            } else if count < 0 && Posix.lastError == Posix.interrupted {
                continue
            } else {
                break  // end of input, or an error we cannot recover from
            }
        }
        continuation.finish()
    }
}

/// Protects the protocol stream from stray output.
public enum StdoutGuard {
    /// Duplicates fd 1 to a new close-on-exec descriptor for the transport, then points fd 1 at
    /// fd 2, so that `print` and libraries writing to stdout land on stderr instead of corrupting
    /// the protocol. Call once at start-up, before anything prints.
    ///
    /// - Returns: the descriptor to pass as `StdioTransport(output:)`.
    public static func redirect() throws -> Int32 {
        try redirect(standardOutput: 1, standardError: 2)
    }

    /// `redirect()` with the two descriptors as parameters, so tests can use pipes.
    static func redirect(standardOutput: Int32, standardError: Int32) throws -> Int32 {
        fflush(nil)  // push out anything already buffered for the real stdout
        let protocolOutput = fcntl(standardOutput, F_DUPFD_CLOEXEC, 3)
        guard protocolOutput >= 0 else {
            throw TransportError.systemCallFailed(call: "fcntl(F_DUPFD_CLOEXEC)", errno: Posix.lastError)
        }
        guard dup2(standardError, standardOutput) >= 0 else {
            let error = Posix.lastError
            Posix.close(protocolOutput)
            throw TransportError.systemCallFailed(call: "dup2", errno: error)
        }
        return protocolOutput
    }
}
