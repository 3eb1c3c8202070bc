import HotlineModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A stream of bytes read in chunks: a file, standard input, or memory in tests.
public protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes; returns how many, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Reads a file descriptor with `read(2)`, never the whole file at once.
public final class FileByteSource: ByteSource {
    private let fd: Int32
    private let closeOnDeinit: Bool
    public let path: String

    /// Opens `path` for reading; `-` is standard input.
    public init(path: String) throws {
        self.path = path
        if path == "-" {
            fd = 0
            closeOnDeinit = false
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw IngestError.unreadable(path: path, reason: Self.errnoText()) }
        guard (info.st_mode & S_IFMT) != S_IFDIR else {
            throw IngestError.unreadable(path: path, reason: "is a directory")
        }
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else { throw IngestError.unreadable(path: path, reason: Self.errnoText()) }
        fd = opened
        closeOnDeinit = true
    }

    deinit {
        if closeOnDeinit { close(fd) }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Glibc.read(fd, base, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw IngestError.unreadable(path: path, reason: Self.errnoText())
        }
    }

    /// Goes to `offset` bytes from the start of the file.
    public func seek(to offset: Int) throws {
        guard lseek(fd, off_t(offset), SEEK_SET) >= 0 else {
            throw IngestError.unreadable(path: path, reason: Self.errnoText())
        }
    }

    /// Size in bytes, when the descriptor is a regular file.
    public var size: Int? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    static func errnoText() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}

/// Serves bytes from memory in chunks of a chosen size: the reader tests run at many sizes.
public final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var position = 0

    public init(_ bytes: [UInt8], chunkSize: Int = 1 << 16) {
        self.bytes = bytes
        self.chunkSize = max(1, chunkSize)
    }

    public convenience init(_ text: String, chunkSize: Int = 1 << 16) {
        self.init(Array(text.utf8), chunkSize: chunkSize)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, chunkSize, bytes.count - position)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { src in
            if let from = src.baseAddress { buffer.baseAddress?.copyMemory(from: from + position, byteCount: n) }
        }
        position += n
        return n
    }
}

/// Replays bytes already read (the sniffing sample) before going on with the source.
final class PrefixedByteSource: ByteSource {
    private var prefix: [UInt8]
    private var offset: Int
    private let rest: ByteSource

    init(prefix: [UInt8], skipping: Int, then rest: ByteSource) {
        self.prefix = prefix
        self.offset = skipping
        self.rest = rest
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if offset < prefix.count {
            let n = min(buffer.count, prefix.count - offset)
            prefix.withUnsafeBytes { src in
                if let from = src.baseAddress { buffer.baseAddress?.copyMemory(from: from + offset, byteCount: n) }
            }
            offset += n
            if offset == prefix.count { prefix = [] }
            return n
        }
        return try rest.read(into: buffer)
    }
}

/// Passes bytes through and reports how many were read, for a progress display.
final class CountingByteSource: ByteSource {
    private let source: ByteSource
    private let observe: (Int) -> Void

    init(_ source: ByteSource, observe: @escaping (Int) -> Void) {
        self.source = source
        self.observe = observe
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = try source.read(into: buffer)
        if n > 0 { observe(n) }
        return n
    }
}
