/// An error meant for the user: `message` is shown as is (in `window/showMessage`, an LSP
/// error, or the CLI). It must never contain a secret.
public protocol UserFacingError: Error, Sendable {
    var userMessage: String { get }
}

/// Version of docwright, shown by `--version` and `serverInfo`.
public enum DocwrightVersion {
    public static let string = "0.1.0"
}
