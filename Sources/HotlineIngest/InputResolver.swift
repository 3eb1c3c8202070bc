import Foundation
import HotlineModel

#if canImport(Glibc)
    import Glibc
#endif

/// Turns command-line inputs (files, globs, directories, `-`) into the list of files to read.
///
/// A file named on the command line is read whatever it is: `report <(zcat calls.csv.gz)` names a pipe. What a
/// folder holds or a pattern matches is read only when it is a regular file (or a link to one): a FIFO would
/// wait for a writer forever, a device or socket is no export. Those are skipped and named in ``skipped``.
public enum InputResolver {
    /// The files to read, the arguments that gave none, and the entries passed over.
    public struct Resolution: Sendable {
        public var files: [String] = []
        public var problems: [IngestError] = []
        public var skipped: [Skipped] = []
    }

    /// An entry of a folder or a match of a pattern that is not read, and why.
    public struct Skipped: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): skipped: \(reason)" }
    }

    /// The files named by `arguments`, in argument order; a directory gives its files recursively in sorted
    /// order (hidden files, `.yaml`/`.yml` configurations and `.md` notes skipped), a glob its matches sorted. A
    /// file named twice is read once.
    ///
    /// With `roots` (the nightly inbox, see ``root(of:)``), only regular files are read, named ones too, and only
    /// those whose real path (through any link) lies inside one of the roots: a link in a drop folder may lead
    /// anywhere the job can read.
    public static func resolve(_ arguments: [String], within roots: [String]? = nil) -> Resolution {
        var resolution = Resolution()
        var seen = Set<String>()
        let realRoots = roots.map { $0.map(realPath) }
        // One stat per file, through links: a directory of 100,000 CDR files is looked at 100,000 times. False
        // for a directory (a folder's subfolders are listed with their files).
        func consider(_ path: String, named: Bool) -> Bool {
            if path == "-" {
                if seen.insert("-").inserted { resolution.files.append(path) }
                return true
            }
            var info = stat()
            guard stat(path, &info) == 0 else {
                if !named {
                    resolution.skipped.append(Skipped(path: path, reason: "a broken symbolic link"))
                } else if roots != nil {
                    resolution.problems.append(.unreadable(path: path, reason: FileByteSource.errnoText()))
                } else if seen.insert(absolute(path)).inserted {
                    // A missing file is reported when it is opened, with the system's reason.
                    resolution.files.append(path)
                }
                return true
            }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { return false }
            if kind != S_IFREG && (!named || realRoots != nil) {
                resolution.skipped.append(Skipped(path: path, reason: "not a regular file (\(describe(kind)))"))
                return true
            }
            if let realRoots {
                let real = realPath(path)
                guard realRoots.contains(where: { real == $0 || real.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else {
                    resolution.skipped.append(
                        Skipped(path: path, reason: "a symbolic link to a file outside the inbox"))
                    return true
                }
            }
            if seen.insert("\(info.st_dev):\(info.st_ino)").inserted { resolution.files.append(path) }
            return true
        }
        func expand(_ folder: String) {
            if !entries(of: folder).reduce(false, { consider($1, named: false) || $0 }) {
                resolution.problems.append(.unreadable(path: folder, reason: "directory holds no input files"))
            }
        }
        for argument in arguments {
            if argument == "-" {
                _ = consider(argument, named: true)
            } else if isPattern(argument) {
                let matches = glob(argument)
                if matches.isEmpty {
                    resolution.problems.append(.unreadable(path: argument, reason: "no file matches this pattern"))
                }
                for match in matches {
                    if isDirectory(match) {
                        expand(match)
                    } else {
                        _ = consider(match, named: false)
                    }
                }
            } else if isDirectory(argument) {
                expand(argument)
            } else {
                _ = consider(argument, named: true)
            }
        }
        return resolution
    }

    /// The folder an inbox entry gives files from: a directory itself, a file's or a pattern's folder (the part
    /// before the first pattern character).
    public static func root(of argument: String) -> String {
        if isPattern(argument) {
            let components = argument.split(separator: "/", omittingEmptySubsequences: false)
            let fixed = components.prefix { !$0.contains(where: { "*?[".contains($0) }) }
            let folder = fixed.joined(separator: "/")
            return folder.isEmpty ? (argument.hasPrefix("/") ? "/" : ".") : folder
        }
        if isDirectory(argument) { return argument }
        let folder = (argument as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func isPattern(_ argument: String) -> Bool {
        argument.contains(where: { "*?[".contains($0) }) && !FileManager.default.fileExists(atPath: argument)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The entries of a folder, recursively, sorted, without hidden ones and the folder's notes.
    private static func entries(of path: String) -> [String] {
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        // Enumerate through a symlinked directory (an inbox is often a link); paths stay as the user wrote them.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return walk(resolved).sorted().compactMap { entry in
            let components = entry.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) { return nil }
            // A folder of exports may hold its configuration and notes: those are not inputs.
            let name = components.last.map { $0.lowercased() } ?? ""
            if name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".md") { return nil }
            return base + "/" + entry
        }
    }

    /// Every entry under `root` (files, links, folders), relative to it, as `FileManager`'s enumerator lists them:
    /// a physical walk, so a link to a folder is an entry, not descended. With readdir(3) rather than the
    /// enumerator, which cost 47,000 instructions an entry (a directory of 100,000 CDRs); hidden folders, whose
    /// entries are all left out, are not descended.
    static func walk(_ root: String) -> [String] {
        var found: [String] = []
        func visit(_ folder: String, relative: String) {
            guard let dir = opendir(folder) else { return }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                        String(cString: $0)
                    }
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                found.append(path)
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(folder + "/" + name, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
                }
                if isFolder && !name.hasPrefix(".") { visit(folder + "/" + name, relative: path) }
            }
        }
        visit(root, relative: "")
        return found
    }

    /// `path` with every link and `..` resolved; made absolute as it is when it does not exist.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return absolute(path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    /// What a file that is not regular is, in a few words.
    private static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a file"
        }
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
