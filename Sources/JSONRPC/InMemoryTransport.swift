import Synchronization

/// One end of an in-process byte pipe, for tests: what one end writes, the other reads.
///
/// ```swift
/// let (client, server) = InMemoryTransport.pair()
/// let serverConnection = Connection(transport: server)
/// Task { await serverConnection.run(handler: myServer) }
/// let clientConnection = Connection(transport: client)   // or write raw frames with client.write
/// ```
public final class InMemoryTransport: MessageTransport {
    public let incoming: AsyncStream<[UInt8]>
    private let input: AsyncStream<[UInt8]>.Continuation
    private let output: AsyncStream<[UInt8]>.Continuation
    private let outputClosed = Mutex(false)

    private init(incoming: AsyncStream<[UInt8]>, input: AsyncStream<[UInt8]>.Continuation,
                 output: AsyncStream<[UInt8]>.Continuation) {
        self.incoming = incoming
        self.input = input
        self.output = output
    }

    /// Two connected ends. Buffers are unbounded, so writes never wait for the reader.
    public static func pair() -> (client: InMemoryTransport, server: InMemoryTransport) {
        let (toClient, toClientContinuation) = AsyncStream.makeStream(of: [UInt8].self)
        let (toServer, toServerContinuation) = AsyncStream.makeStream(of: [UInt8].self)
        let client = InMemoryTransport(incoming: toClient, input: toClientContinuation, output: toServerContinuation)
        let server = InMemoryTransport(incoming: toServer, input: toServerContinuation, output: toClientContinuation)
        return (client, server)
    }

    public func write(_ bytes: [UInt8]) async throws {
        guard !outputClosed.withLock({ $0 }) else { throw TransportError.closed }
        if case .terminated = output.yield(bytes) { throw TransportError.closed }
    }

    /// Ends this side's output only: the peer reads end-of-input, while this side can still read.
    public func closeWrite() {
        outputClosed.withLock { $0 = true }
        output.finish()
    }

    public func close() {
        closeWrite()
        input.finish()
    }
}
