import Foundation
import HotlineModel

#if canImport(Glibc)
    import Glibc
#endif

/// One output being written, so that nothing already there is lost: a regular file (or a new one) through a
/// temporary file beside it, renamed over it by ``commit()`` with the old file's mode and owner; a character
/// device, FIFO or socket in place (`--output /dev/stdout`, a pipe a viewer reads); standard output as it is.
///
/// A symbolic link is followed: the file it leads to is the one replaced, its temporary file beside it, and the
/// link stays. A directory or a block device is refused. Every write is checked: a full disk or a closed device
/// is an error naming the output, and the temporary file is removed, never left behind.
final class OutputFile {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    /// The name in messages: the path as given, or `<stdout>`.
    let name: String
    private var fd: Int32
    /// The temporary file renamed over `target` by `commit()`; nil when writing in place.
    private var temporary: String?
    private var target: String
    private var finished = false

    /// Where a format that is assembled in files of its own (the workbook) may put them: the folder the temporary
    /// file is in, so they are on the same disk and nowhere else; the system's temporary folder when writing in
    /// place (standard output, a device, a FIFO).
    var scratchFolder: String {
        guard let temporary else { return NSTemporaryDirectory() }
        let folder = (temporary as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Standard output, written as it is (a terminal, a pipe, a file the shell opened).
    static func standardOutput() -> OutputFile { OutputFile(name: "<stdout>", fd: 1, temporary: nil, target: "") }

    private init(name: String, fd: Int32, temporary: String?, target: String) {
        self.name = name
        self.fd = fd
        self.temporary = temporary
        self.target = target
    }

    /// Opens `path` for writing: the temporary file beside the file it names, or the device, FIFO or socket.
    /// Missing folders on the way are created.
    convenience init(path: String) throws {
        let target = try Self.followingLinks(path)
        var info = stat()
        let exists = stat(target, &info) == 0
        let kind = exists ? info.st_mode & S_IFMT : S_IFREG
        switch kind {
        case S_IFCHR, S_IFIFO:
            let fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard fd >= 0 else { throw WriteError(path: path, reason: Self.errnoText()) }
            self.init(name: path, fd: fd, temporary: nil, target: target)
        case S_IFSOCK:
            self.init(name: path, fd: try Self.connect(socket: target, name: path), temporary: nil, target: target)
        case S_IFREG:
            let (fd, temporary) = try Self.temporaryFile(beside: target, name: path)
            self.init(name: path, fd: fd, temporary: temporary, target: target)
            if exists { keepOwnerAndMode(of: info) }
        case S_IFDIR:
            throw WriteError(path: path, reason: "is a directory; name a file in it")
        default:
            throw WriteError(path: path, reason: "is a block device; name a file, a character device or a FIFO")
        }
    }

    deinit { discard() }

    /// Writes `text` in full, or throws naming the output (the temporary file is then removed).
    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    func write(_ buffer: UnsafeRawBufferPointer) throws {
        guard !finished else { throw WriteError(path: name, reason: "already closed") }
        if let problem = ChunkedWrite.all(buffer, to: fd) { throw failure(problem.lowercased()) }
    }

    /// Puts the output in place: the temporary file flushed to disk and renamed over the target, or the
    /// device closed. Throws naming the output when any step fails; nothing is left behind then.
    func commit() throws {
        guard !finished else { return }
        if let temporary {
            guard fsync(fd) == 0 else { throw failure(Self.errnoText()) }
            let closed = close(fd)
            fd = -1
            guard closed == 0 else { throw failure(Self.errnoText()) }
            guard rename(temporary, target) == 0 else { throw failure(Self.errnoText()) }
            self.temporary = nil
        } else if fd != 1 {
            let closed = close(fd)
            fd = -1
            guard closed == 0 else { throw failure(Self.errnoText()) }
        }
        finished = true
    }

    /// Closes the temporary file for a while (an export with more parts open than it keeps), to be opened again
    /// by ``resume()`` and written on at its end. Only for a regular file written through a temporary file.
    func suspend() throws {
        guard temporary != nil, fd >= 0 else { return }
        let closed = close(fd)
        fd = -1
        guard closed == 0 else { throw failure(Self.errnoText()) }
    }

    /// Opens the temporary file ``suspend()`` closed, to write on at its end.
    func resume() throws {
        guard let temporary, fd < 0, !finished else { return }
        fd = open(temporary, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { throw failure(Self.errnoText()) }
    }

    /// Gives up: closes the output and removes the temporary file (the target is left as it was).
    func discard() {
        if fd > 2 { close(fd) }
        fd = -1
        if let temporary { unlink(temporary) }
        temporary = nil
        finished = true
    }

    /// Writes `text` to `path` as one output (see ``init(path:)``).
    static func write(_ text: String, to path: String) throws {
        let file = try OutputFile(path: path)
        try file.write(text)
        try file.commit()
    }

    /// Writes `text` to the `--output` of a command: standard output when nil or `-`, else the file.
    static func write(_ text: String, toOutput output: String?) throws {
        let file = try output.map { $0 == "-" ? standardOutput() : try OutputFile(path: $0) } ?? standardOutput()
        try file.write(text)
        try file.commit()
    }

    static func write(bytes: [UInt8], to path: String) throws {
        let file = try OutputFile(path: path)
        try file.write(bytes)
        try file.commit()
    }

    /// The error for `reason`, after removing the temporary file.
    private func failure(_ reason: String) -> WriteError {
        discard()
        return WriteError(path: name, reason: reason)
    }

    /// The replaced file's owner and permissions go to its replacement (root's cron job writing a report a user
    /// owns leaves it theirs). Changing the owner needs privileges: without them the group is kept if it can be.
    private func keepOwnerAndMode(of info: stat) {
        if info.st_uid != geteuid() || info.st_gid != getegid() {
            if fchown(fd, info.st_uid, info.st_gid) != 0 { _ = fchown(fd, uid_t.max, info.st_gid) }
        }
        _ = fchmod(fd, info.st_mode & 0o7777)
    }

    /// The path `path` leads to through symbolic links (itself when it is not one); the target may not exist.
    static func followingLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n >= 0 else { throw WriteError(path: path, reason: errnoText()) }
            let destination = String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let folder = (current as NSString).deletingLastPathComponent
            current =
                destination.hasPrefix("/") || folder.isEmpty ? destination : folder + "/" + destination
        }
        throw WriteError(path: path, reason: "too many levels of symbolic links")
    }

    /// What makes two outputs (or an output and an input) the same file: device and inode when it exists, through
    /// links; the absolute path it would be created at when it does not.
    static func identity(of path: String) -> String {
        let target = (try? followingLinks(path)) ?? path
        var info = stat()
        if stat(target, &info) == 0 { return "\(info.st_dev):\(info.st_ino)" }
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent()
        guard let resolved = realpath(folder.path, nil) else { return url.standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + url.lastPathComponent
    }

    /// `path` made absolute with its links and `..` resolved, as far as it exists (a folder not yet created is
    /// where its nearest existing parent resolves, plus the rest).
    static func resolvedFolder(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while url.path != "/" {
            if let resolved = realpath(url.path, nil) {
                defer { free(resolved) }
                return ([String(cString: resolved)] + rest.reversed()).joined(separator: "/")
                    .replacingOccurrences(of: "//", with: "/")
            }
            rest.append(url.lastPathComponent)
            url.deleteLastPathComponent()
        }
        return "/" + rest.reversed().joined(separator: "/")
    }

    /// A new file beside `target`, readable and writable as the umask allows; its folder is created if needed.
    private static func temporaryFile(beside target: String, name: String) throws -> (Int32, String) {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: name, reason: "cannot create its folder \(folder)")
        }
        let temporary =
            folder + "/.\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw WriteError(path: name, reason: errnoText()) }
        return (fd, temporary)
    }

    /// A connection to the Unix socket at `path`, for writing into it.
    private static func connect(socket path: String, name: String) throws -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw WriteError(path: name, reason: "a socket path this long cannot be connected to")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw WriteError(path: name, reason: errnoText()) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let reason = errnoText()
            close(fd)
            throw WriteError(path: name, reason: reason)
        }
        return fd
    }

    static func errnoText() -> String { String(cString: strerror(errno)).lowercased() }
}
