import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a buffer to a file descriptor in full, at most ``chunk`` bytes a call: the one write loop of the spill
/// files, the outputs and standard error.
///
/// Why not at once: a write of megabytes makes Linux 6.x cache it in folios of up to 2 MB (ext4 and the other
/// filesystems with large folios), which need that much contiguous memory. On a virtual machine whose host takes
/// freed memory back, that went at 140 MB/s: a 10M-call report's 228 MB of repeat-call runs, written 12 MB at a
/// time, were a fifth of its time, all in the kernel's copy. By 256 KB the same bytes went at 3.5 GB/s (`dd` of
/// 228 MB with `bs=12M` and `bs=256K`, three seconds apart; 1 MB was as fast, 2 MB as slow as 12 MB).
public enum ChunkedWrite {
    public static let chunk = 1 << 18

    /// Writes all of `buffer` at byte `offset` (`pwrite`), or at the file position when `offset` is nil, retrying
    /// after a signal. Nil when written; otherwise why not: `errno`'s text, or "nothing written" for a write that
    /// took no bytes.
    public static func all(_ buffer: UnsafeRawBufferPointer, to fd: Int32, at offset: Int? = nil) -> String? {
        guard let base = buffer.baseAddress else { return nil }
        var done = 0
        while done < buffer.count {
            let size = min(buffer.count - done, chunk)
            let n =
                if let offset { pwrite(fd, base + done, size, off_t(offset + done)) } else {
                    write(fd, base + done, size)
                }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n < 0 ? String(cString: strerror(errno)) : "nothing written" }
            done += n
        }
        return nil
    }
}
