import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Turns command-line inputs (files, globs, directories, `-`) into the list of files to read.
public enum InputResolver {
    /// The files named by `arguments`, in argument order; a directory gives its files recursively in sorted
    /// order (hidden files, `.yaml`/`.yml` configurations and `.md` notes skipped), a glob its matches sorted. A file named twice is read once.
    public static func resolve(_ arguments: [String]) -> (files: [String], problems: [IngestError]) {
        var files: [String] = []
        var problems: [IngestError] = []
        var seen = Set<String>()
        func add(_ path: String) {
            if seen.insert(path == "-" ? "-" : identity(path)).inserted { files.append(path) }
        }
        for argument in arguments {
            if argument == "-" {
                add("-")
            } else if argument.contains(where: { "*?[".contains($0) })
                && !FileManager.default.fileExists(atPath: argument)
            {
                let matches = glob(argument)
                if matches.isEmpty {
                    problems.append(.unreadable(path: argument, reason: "no file matches this pattern"))
                }
                for match in matches { expand(match, add: add, problems: &problems) }
            } else {
                expand(argument, add: add, problems: &problems)
            }
        }
        return (files, problems)
    }

    private static func expand(_ path: String, add: (String) -> Void, problems: inout [IngestError]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            // A missing file is reported when it is opened, with the system's reason.
            add(path)
            return
        }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        // Enumerate through a symlinked directory (an inbox is often a link); paths stay as the user wrote them.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let entries = (FileManager.default.enumerator(atPath: resolved)?.allObjects as? [String]) ?? []
        var found = 0
        for entry in entries.sorted() {
            if entry.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            // A folder of exports may hold its configuration and notes: those are not inputs.
            let name = (entry as NSString).lastPathComponent.lowercased()
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".md") { continue }
            let full = base + "/" + entry
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                add(full)
                found += 1
            }
        }
        if found == 0 { problems.append(.unreadable(path: path, reason: "directory holds no input files")) }
    }

    /// What makes two names the same file: its device and inode (through links, and for two spellings of a
    /// path); the path made absolute when it does not exist. One stat per file: resolving the path with
    /// Foundation's URL was a fifth of the time of a directory of small CDR files.
    private static func identity(_ path: String) -> String {
        var info = stat()
        if stat(path, &info) == 0 { return "\(info.st_dev):\(info.st_ino)" }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { i in
            result.gl_pathv[i].map { String(cString: $0) }
        }.sorted()
    }
}
