import CZlib

/// Inflates a gzip stream chunk by chunk with zlib; concatenated members (as `cat a.gz b.gz` makes) are read on.
/// A stream cut short is an error naming the file, after the data before the cut.
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
                guard stream.avail_in > 0 else {
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
