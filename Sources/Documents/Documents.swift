// Documents: placeholder until its issue lands.
public enum DocumentsModule { public static let name = "Documents" }
