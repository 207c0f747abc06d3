import Synchronization

extension SyntaxQuery {
    private struct CacheKey: Hashable {
        let language: SyntaxLanguage
        let source: String
    }

    /// Compiled queries of the process: compiling costs milliseconds, matching microseconds, and
    /// the sources are the registry's fixed strings. A compiled query is immutable (each match
    /// uses its own cursor), so one serves every thread.
    private static let compiled = Mutex<[CacheKey: SyntaxQuery]>([:])

    /// `source` compiled for `language`, once per process; errors are not kept.
    public static func cached(language: SyntaxLanguage, source: String) throws(SyntaxError) -> SyntaxQuery {
        let key = CacheKey(language: language, source: source)
        if let query = compiled.withLock({ $0[key] }) { return query }
        let query = try SyntaxQuery(language: language, source: source)
        compiled.withLock { $0[key] = query }
        return query
    }
}
