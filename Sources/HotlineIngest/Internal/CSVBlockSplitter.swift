import HotlineModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Cuts a CSV file into blocks of about `blockBytes` for reading on several threads.
///
/// A block ends just after a line end with an even number of double quotes before it in the block: a line end
/// outside quoted fields when the block started at a record and the quoting is well formed. That guess can be
/// wrong (a quote inside an unquoted field is plain text to the CSV reader), so the reader of the block before
/// checks it: its last record must end on the cut. Any cut is safe; a good one only saves a fall-back.
///
/// Hand-written over raw bytes with `pread`: it runs on the thread that feeds the others and must not become the
/// slow stage (the quotes are counted eight bytes at a time).
final class CSVBlockSplitter {
    /// A block of the file, in a buffer of ``blockBytes`` to give back with ``recycle(_:)`` once parsed.
    struct Block {
        var bytes: UnsafeMutablePointer<UInt8>
        var count: Int
        /// Where the block starts in the file.
        var offset: Int
        /// The block reaches the end of the file: a last record without a line end is the file's own.
        var isLast: Bool
    }

    private let fd: Int32
    private let path: String
    let blockBytes: Int
    private var position: Int
    /// Buffers of `blockBytes`, shared by the splitters of one run (freeing and allocating megabytes per block
    /// or per file cost page faults).
    private let buffers: RecyclePool<UnsafeMutablePointer<UInt8>>
    private var reachedEnd = false
    /// Called with the number of bytes read from the file (progress).
    var onBytesRead: ((Int) -> Void)?

    init(
        path: String, from offset: Int, blockBytes: Int, buffers: RecyclePool<UnsafeMutablePointer<UInt8>>
    ) throws {
        let opened = open(path, O_RDONLY)
        guard opened >= 0 else { throw IngestError.unreadable(path: path, reason: FileByteSource.errnoText()) }
        fd = opened
        self.path = path
        self.blockBytes = max(blockBytes, 64)
        self.buffers = buffers
        position = offset
    }

    deinit { close(fd) }

    /// Takes back a block's buffer for a later block (any thread).
    func recycle(_ buffer: UnsafeMutablePointer<UInt8>) { buffers.give(buffer) }

    /// Goes on from `offset` (a record start found by reading the file in order).
    func restart(at offset: Int) {
        position = offset
        reachedEnd = false
    }

    /// The next block, or nil at the end of the file.
    func next() throws -> Block? {
        guard !reachedEnd else { return nil }
        let buffer = buffers.take() ?? UnsafeMutablePointer<UInt8>.allocate(capacity: blockBytes)
        var filled = 0
        while filled < blockBytes {
            let n = pread(fd, buffer + filled, blockBytes - filled, off_t(position + filled))
            if n < 0 {
                if errno == EINTR { continue }
                recycle(buffer)
                throw IngestError.unreadable(path: path, reason: FileByteSource.errnoText())
            }
            if n == 0 {
                reachedEnd = true
                break
            }
            filled += n
        }
        guard filled > 0 else {
            recycle(buffer)
            return nil
        }
        let count = reachedEnd ? filled : Self.cut(buffer, count: filled)
        let block = Block(bytes: buffer, count: count, offset: position, isLast: reachedEnd)
        // The bytes after the cut are read again as the start of the next block (a record's worth, usually).
        position += count
        onBytesRead?(count)
        return block
    }

    /// The length up to and including the last line end with an even number of quotes before it; the whole
    /// buffer when there is none (the block's reader then finds its last record cut, and the fall-back reads on),
    /// less a last CR: its LF may start the next block, and a CR LF cut in two would read as two line ends.
    static func cut(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        var quotesAfter = 0
        // Most call logs quote nothing: memchr says so at memory speed.
        let total = memchr(bytes, Int32(UInt8(ascii: "\"")), count) == nil ? 0 : quotes(bytes, count: count)
        var i = count - 1
        while i >= 0 {
            let c = bytes[i]
            if c == UInt8(ascii: "\n") {
                if (total - quotesAfter) & 1 == 0 { return i + 1 }
            } else if c == UInt8(ascii: "\"") {
                quotesAfter += 1
            }
            i -= 1
        }
        return count > 1 && bytes[count - 1] == UInt8(ascii: "\r") ? count - 1 : count
    }

    /// The number of `"` bytes, eight at a time: a byte equal to the quote is a zero byte after XOR, and the
    /// `(x & 0x7f..) + 0x7f..` form marks exactly the zero bytes (no borrow between bytes).
    static func quotes(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        let low: UInt64 = 0x7f7f_7f7f_7f7f_7f7f
        let pattern = UInt64(UInt8(ascii: "\"")) &* 0x0101_0101_0101_0101
        var total = 0
        var i = 0
        #if _endian(little)
            while i + 8 <= count {
                let x = UnsafeRawPointer(bytes + i).loadUnaligned(as: UInt64.self) ^ pattern
                let nonZero = ((x & low) &+ low) | x
                total += (~nonZero & ~low).nonzeroBitCount
                i += 8
            }
        #endif
        while i < count {
            if bytes[i] == UInt8(ascii: "\"") { total += 1 }
            i += 1
        }
        return total
    }
}
