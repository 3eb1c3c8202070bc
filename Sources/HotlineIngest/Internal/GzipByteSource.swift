import CZlib
import HotlineModel

/// Inflates a gzip stream chunk by chunk with zlib; concatenated members (as `cat a.gz b.gz` makes) are read on.
/// A stream cut short is an error naming the file, after the data before the cut. Bytes after a member that do
/// not start another (trailing garbage: padding, a partial copy) are skipped, as gzip does, and counted.
final class GzipByteSource: ByteSource {
    private let source: ByteSource
    private let path: String
    private var stream = z_stream()
    private let input: UnsafeMutablePointer<UInt8>
    private let capacity = 1 << 16
    private var inputDone = false
    /// The last member ended; more input means another member.
    private var memberEnded = false
    private var finished = false
    /// Bytes after the last complete member that do not start another (trailing garbage), skipped.
    private(set) var trailingBytes = 0

    /// True when `bytes` start with the gzip magic number.
    static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    init(source: ByteSource, path: String) throws {
        self.source = source
        self.path = path
        input = .allocate(capacity: capacity)
        // 16 + MAX_WBITS: a gzip header is expected (inflateInit2 is a C macro, so its function is called).
        let status = inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw IngestError.undecodable(path: path, reason: "zlib could not start (\(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let out = buffer.baseAddress, buffer.count > 0, !finished else { return 0 }
        stream.next_out = out.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(buffer.count)
        while stream.avail_out == UInt32(buffer.count) {
            if stream.avail_in == 0 && !inputDone {
                let n = try source.read(into: UnsafeMutableRawBufferPointer(start: input, count: capacity))
                if n == 0 {
                    inputDone = true
                } else {
                    stream.next_in = input
                    stream.avail_in = UInt32(n)
                }
            }
            if memberEnded {
                guard stream.avail_in > 0, let next = stream.next_in else {
                    finished = true
                    break
                }
                // Another member starts with the magic number, as gzip reads it; anything else after a complete
                // member (padding, a truncated copy) is ignored, as gzip does, and counted for a note.
                if next[0] != 0x1F || (stream.avail_in > 1 && next[1] != 0x8B) {
                    trailingBytes += Int(stream.avail_in)
                    stream.avail_in = 0
                    while !inputDone {
                        let n = try source.read(into: UnsafeMutableRawBufferPointer(start: input, count: capacity))
                        if n == 0 { inputDone = true }
                        trailingBytes += n
                    }
                    finished = true
                    break
                }
                inflateReset(&stream)
                memberEnded = false
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_STREAM_END:
                memberEnded = true
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in == 0 && !inputDone:
                continue
            case Z_BUF_ERROR:
                if stream.avail_out < UInt32(buffer.count) { break }
                throw IngestError.undecodable(path: path, reason: "the gzip data ends before its end")
            default:
                throw IngestError.undecodable(path: path, reason: "not valid gzip data (zlib status \(status))")
            }
        }
        return buffer.count - Int(stream.avail_out)
    }
}
