import CZlib
import Foundation

/// A zip file's entries by name, read through its central directory and inflated with zlib: enough to read a
/// workbook's XML parts back in tests without unzip.
struct ZipArchive {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Entry names in central-directory order, and each entry's modification date and time (DOS format).
    private(set) var names: [String] = []
    private(set) var stamps: [String: (date: UInt16, time: UInt16)] = [:]
    private var entries: [String: (method: UInt16, compressed: Int, size: Int, localHeader: Int)] = [:]
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        // The end-of-central-directory record: the last PK\5\6 (a comment may follow it).
        guard bytes.count >= 22,
            let end = stride(from: bytes.count - 22, through: 0, by: -1).first(where: { u32($0) == 0x0605_4b50 })
        else { throw Failure(description: "no end of central directory") }
        let count = Int(u16(end + 10))
        var at = Int(u32(end + 16))
        for _ in 0..<count {
            guard at + 46 <= bytes.count, u32(at) == 0x0201_4b50 else {
                throw Failure(description: "bad central directory entry at \(at)")
            }
            let nameLength = Int(u16(at + 28))
            let extra = Int(u16(at + 30))
            let comment = Int(u16(at + 32))
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            names.append(name)
            stamps[name] = (u16(at + 14), u16(at + 12))
            entries[name] = (u16(at + 10), Int(u32(at + 20)), Int(u32(at + 24)), Int(u32(at + 42)))
            at += 46 + nameLength + extra + comment
        }
    }

    /// The entry's bytes, inflated when deflated.
    func data(_ name: String) throws -> [UInt8] {
        guard let entry = entries[name] else { throw Failure(description: "no entry \(name)") }
        let header = entry.localHeader
        guard u32(header) == 0x0403_4b50 else { throw Failure(description: "bad local header of \(name)") }
        let start = header + 30 + Int(u16(header + 26)) + Int(u16(header + 28))
        let raw = Array(bytes[start..<(start + entry.compressed)])
        switch entry.method {
        case 0: return raw
        case 8: return try Self.inflate(raw, size: entry.size)
        default: throw Failure(description: "\(name): compression method \(entry.method)")
        }
    }

    func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }

    /// Raw deflate (no zlib or gzip header: window bits -15), as zip stores it.
    static func inflate(_ input: [UInt8], size: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        var input = input
        var output = [UInt8](repeating: 0, count: max(size, 1))
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == size else {
            throw Failure(description: "inflate: status \(status), \(stream.total_out) of \(size) bytes")
        }
        return output
    }

    private func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
}
