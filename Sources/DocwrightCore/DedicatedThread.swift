#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thread of its own for blocking work — reading a pipe, curl's event loop, walking a
/// workspace, supervising a child process — so it never occupies the cooperative pool.
/// A detached pthread: Foundation's `Thread` would link all of Foundation (and ICU) into the
/// binary for this one type.
public enum DedicatedThread {
    /// Starts `body` on a new detached thread named `name` (the kernel keeps its first 15 bytes).
    /// `stackSize` 0 is the system default.
    public static func start(name: String, stackSize: Int = 0, _ body: @escaping @Sendable () -> Void) {
        let start = Unmanaged.passRetained(Start(name: name, body: body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        if stackSize > 0 { pthread_attr_setstacksize(&attributes, stackSize) }
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let result = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            let start = Unmanaged<Start>.fromOpaque(raw).takeRetainedValue()
            start.run()
            return nil
        }, start)
        guard result == 0 else {
            Unmanaged<Start>.fromOpaque(start).release()
            fatalError("docwright: cannot start thread \(name): pthread_create returned \(result)")
        }
    }

    /// Runs `body` on a dedicated thread and returns its result, suspending (not blocking) the caller.
    public static func run<T: Sendable>(name: String, stackSize: Int = 0, _ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            start(name: name, stackSize: stackSize) { continuation.resume(returning: body()) }
        }
    }

    #if !canImport(Darwin)
    /// glibc's `pthread_setname_np` (a GNU extension the Glibc module does not export), looked
    /// up once; names show in `top -H`, gdb and /proc.
    private typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
    private static let setName: SetName? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_setname_np")
        .map { unsafeBitCast($0, to: SetName.self) }
    #endif

    private final class Start {
        let name: String
        let body: @Sendable () -> Void
        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }

        func run() {
            let shortName = String(decoding: name.utf8.prefix(15), as: UTF8.self)
            #if canImport(Darwin)
            pthread_setname_np(shortName)
            #else
            if let setName = DedicatedThread.setName { _ = setName(pthread_self(), shortName) }
            #endif
            body()
        }
    }
}
