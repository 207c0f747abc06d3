import DocwrightCore
import Languages

/// Java / Kotlin: `import a.b.C;` (a file `…/a/b/C.java` or `.kt` under any source root),
/// `import static a.b.C.m;`, nested classes `import a.b.C.Inner;`, wildcards `import a.b.*;`,
/// Kotlin top-level functions `import a.b.f` and renames `import a.b.C as D`.
extension ImportResolver {
    static let jvmExtensions: Set<String> = ["java", "kt", "kts"]

    func resolveJVM(_ statement: String, of path: String, language: Language, package: String?) -> [ResolvedImport] {
        var text = statement.trimmingWhitespace()
        if text.hasSuffix(";") { text.removeLast() }
        guard var rest = ImportText.after("import", in: text) else { return [] }
        if let afterStatic = ImportText.after("static", in: rest) { rest = afterStatic }
        guard let (qualified, local) = ImportText.renamed(rest.filter { $0 != "`" }) else { return [] }
        let segments = qualified.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard segments.count >= 2, segments.allSatisfy({ $0 == "*" || ImportText.isIdentifier($0) }) else {
            return [ResolvedImport(statement: statement, files: [])]
        }
        let preferred = Self.fileExtension(path) == "java" ? ["java", "kt"] : ["kt", "java"]
        let roots = jvmSourceRoots(of: path, package: package)
        var entry = ResolvedImport(statement: statement, files: [])

        // The longest prefix naming a class file: `a.b.C` (C), `a.b.C.m` / `a.b.C.Inner` (C, then m).
        for count in stride(from: segments.count, through: 2, by: -1) where segments[count - 1].first?.isUppercase == true {
            // Classes are capitalised; a lower-case last segment is a package or a member.
            let packagePath = segments[..<(count - 1)].joined(separator: "/")
            let className = segments[count - 1]
            guard let file = jvmClassFile(packagePath: packagePath, className: className, roots: roots, extensions: preferred)
            else { continue }
            entry.files = [file]
            if count == segments.count {
                entry.names = [className]
                if local != qualified, local != className { entry.localNames[local] = className }
            } else if segments[count] == "*" {
                entry.wildcard = true  // `import static a.b.C.*`, `import a.b.C.*`
            } else {
                let member = segments[count]
                entry.names = [member]
                if local != qualified, local != member { entry.localNames[local] = member }
            }
            return [entry]
        }
        // A package: `a.b.*`, or a Kotlin top-level function `a.b.f` (in some file of `a/b`).
        let packageSegments = segments.dropLast()
        let directories = jvmPackageDirectories(packageSegments.joined(separator: "/"), roots: roots)
        entry.files = Array(directories.flatMap { sourceFiles(in: $0, extensions: Self.jvmExtensions) }
            .prefix(Self.maximumFilesPerImport))
        if segments.last == "*" {
            entry.wildcard = true
        } else if let name = segments.last {
            entry.names = [name]
            if local != qualified, local != name { entry.localNames[local] = name }
        }
        return [entry]
    }

    /// The other files of the same package: the file's directory, and the same package path under
    /// the other source roots (`src/test/java` sees `src/main/java`'s package).
    func jvmPackageFiles(of path: String, language: Language, package: String?) -> [String] {
        let directory = WorkspacePath.directory(of: path)
        var directories = [directory]
        if let package, package.contains(".") {
            let packagePath = package.split(separator: ".").joined(separator: "/")
            directories += jvmPackageDirectories(packagePath, roots: jvmSourceRoots(of: path, package: package))
        }
        return Self.unique(directories).flatMap { sourceFiles(in: $0, extensions: Self.jvmExtensions) }
    }

    /// Source roots: the importing file's own (its directory less its package path) first, then
    /// the conventional ones that exist.
    private func jvmSourceRoots(of path: String, package: String?) -> [String] {
        var roots: [String] = []
        let directory = WorkspacePath.directory(of: path)
        if let package {
            let packagePath = package.split(separator: ".").joined(separator: "/")
            if directory == packagePath {
                roots.append("")
            } else if directory.hasSuffix("/" + packagePath) {
                roots.append(String(directory.dropLast(packagePath.count + 1)))
            }
        }
        roots += ["src/main/java", "src/main/kotlin", "src/test/java", "src/test/kotlin", "src", ""]
        return Self.unique(roots)
    }

    private func jvmClassFile(packagePath: String, className: String, roots: [String], extensions: [String]) -> String? {
        for directory in jvmPackageDirectories(packagePath, roots: roots) {
            if let file = firstFile(extensions.map { Self.child(directory, className + "." + $0) }) { return file }
        }
        return nil
    }

    /// Directories holding a package: under the given roots first, then anywhere in the workspace.
    private func jvmPackageDirectories(_ packagePath: String, roots: [String]) -> [String] {
        guard !packagePath.isEmpty else { return [] }
        let direct = roots.map { Self.child($0, packagePath) }.filter { files.isDirectory($0) }
        return Self.unique(direct + directories(endingWith: packagePath))
    }
}
