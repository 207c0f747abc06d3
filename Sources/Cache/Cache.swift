// Cache: placeholder until its issue lands.
public enum CacheModule { public static let name = "Cache" }
