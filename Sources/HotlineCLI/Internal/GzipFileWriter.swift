import CZlib
import Foundation

/// A gzip file written as a stream: bytes go through zlib's deflate into an ``OutputFile`` (a temporary file
/// beside the target, renamed over it by ``commit()``), so a run stopped midway leaves no half file under the final
/// name. The gzip header zlib writes has no file name and a modification time of 0: the same bytes in give the same
/// file out.
final class GzipFileWriter {
    private let file: OutputFile
    private var stream = z_stream()
    private let output: UnsafeMutablePointer<UInt8>
    private let capacity = 1 << 16
    private var open = false

    /// The name in messages (the path as given).
    var name: String { file.name }

    private let level: Int32

    init(path: String, level: Int32 = 6) throws {
        file = try OutputFile(path: path)
        output = .allocate(capacity: capacity)
        self.level = level
        do {
            try startMember()
        } catch {
            file.discard()
            throw error
        }
    }

    /// Starts a gzip member: a header, then deflate.
    private func startMember() throws {
        // 16 + MAX_WBITS: a gzip wrapper (deflateInit2 is a C macro, so its function is called).
        let status = deflateInit2_(
            &stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            throw OutputFile.WriteError(path: file.name, reason: "zlib could not start (\(status))")
        }
        open = true
    }

    /// Ends the gzip member written so far and closes the file for a while, freeing deflate's memory and the file
    /// descriptor; the next ``write(_:)`` opens it again and starts another member. A file of several members is
    /// one gzip stream to gzip, zlib, DuckDB and Hadoop's codec (RFC 1952, "members").
    func suspend() throws {
        guard open else { return }
        try deflate(flush: Z_FINISH)
        deflateEnd(&stream)
        open = false
        suspended = true
        try file.suspend()
    }

    private var suspended = false

    deinit {
        if open { deflateEnd(&stream) }
        output.deallocate()
    }

    /// Compresses `bytes` and writes what deflate gives out.
    func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        try resumeIfSuspended()
        try bytes.withUnsafeBufferPointer { buffer in
            stream.next_in = UnsafeMutablePointer(mutating: buffer.baseAddress)
            stream.avail_in = UInt32(buffer.count)
            try deflate(flush: Z_NO_FLUSH)
            stream.next_in = nil
        }
    }

    /// Ends the gzip stream (its trailer) and puts the file in place.
    func commit() throws {
        if suspended {
            // Nothing since the last member: the file is complete as it is.
            try file.resume()
            suspended = false
            try file.commit()
            return
        }
        guard open else { return }
        try deflate(flush: Z_FINISH)
        deflateEnd(&stream)
        open = false
        try file.commit()
    }

    private func resumeIfSuspended() throws {
        guard suspended else { return }
        try file.resume()
        try startMember()
        suspended = false
    }

    /// Gives up: the temporary file is removed, the target left as it was.
    func discard() {
        if open { deflateEnd(&stream) }
        open = false
        file.discard()
    }

    private func deflate(flush: Int32) throws {
        repeat {
            stream.next_out = output
            stream.avail_out = UInt32(capacity)
            let status = CZlib.deflate(&stream, flush)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                discard()
                throw OutputFile.WriteError(path: file.name, reason: "zlib failed (\(status))")
            }
            let produced = capacity - Int(stream.avail_out)
            if produced > 0 { try file.write(Array(UnsafeBufferPointer(start: output, count: produced))) }
            if flush == Z_FINISH ? status == Z_STREAM_END : stream.avail_out != 0 { break }
        } while true
    }
}
