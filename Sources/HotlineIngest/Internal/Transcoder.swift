import HotlineModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Transcodes a byte source to UTF-8 with iconv, chunk by chunk.
///
/// A multi-byte sequence cut by a chunk boundary is carried to the next chunk; an invalid sequence becomes
/// U+FFFD, so the record that holds it is rejected by field instead of the file being lost.
final class Transcoder: ByteSource {
    private let source: ByteSource
    private let converter: iconv_t
    private let path: String
    private var input: [UInt8] = Array(repeating: 0, count: 1 << 16)
    private var inputStart = 0
    private var inputEnd = 0
    private var sourceDone = false

    init(source: ByteSource, from encoding: String, path: String) throws {
        guard let cd = iconv_open("UTF-8", encoding), cd != iconv_t(bitPattern: -1) else {
            throw IngestError.undecodable(path: path, reason: "iconv has no converter from \(encoding)")
        }
        self.source = source
        self.converter = cd
        self.path = path
    }

    deinit { iconv_close(converter) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let outBase = buffer.baseAddress, buffer.count >= 8 else { return 0 }
        while true {
            if inputStart == inputEnd || (inputEnd - inputStart < 8 && !sourceDone) {
                try refill()
            }
            if inputStart == inputEnd && sourceDone { return 0 }
            var produced = 0
            var lastErrno: Int32 = 0
            input.withUnsafeMutableBytes { raw in
                var inPtr = raw.baseAddress.map { $0.assumingMemoryBound(to: CChar.self) + inputStart }
                var inLeft = inputEnd - inputStart
                var outPtr: UnsafeMutablePointer<CChar>? = outBase.assumingMemoryBound(to: CChar.self)
                var outLeft = buffer.count
                let result = iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft)
                if result == -1 { lastErrno = errno }
                produced = buffer.count - outLeft
                inputStart = inputEnd - inLeft
            }
            if lastErrno == EILSEQ || (lastErrno == EINVAL && sourceDone) {
                // An invalid (or, at the very end, truncated) sequence: skip one byte, emit U+FFFD.
                inputStart += 1
                if buffer.count - produced >= 3 {
                    let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
                    for (k, b) in replacement.enumerated() {
                        outBase.storeBytes(of: b, toByteOffset: produced + k, as: UInt8.self)
                    }
                    produced += 3
                }
            }
            if produced > 0 { return produced }
            if lastErrno == EINVAL || inputStart == inputEnd {
                guard !sourceDone else { continue }
                try refill()
            }
        }
    }

    private func refill() throws {
        if inputStart > 0 {
            let remaining = inputEnd - inputStart
            for k in 0..<remaining { input[k] = input[inputStart + k] }
            inputStart = 0
            inputEnd = remaining
        }
        guard !sourceDone, inputEnd < input.count else { return }
        let n = try input.withUnsafeMutableBytes { raw throws in
            try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[inputEnd...]))
        }
        if n == 0 { sourceDone = true }
        inputEnd += n
    }

    /// `bytes` decoded from `encoding` (a sequence cut at the end dropped), or nil when iconv cannot.
    static func decode(_ bytes: [UInt8], from encoding: String) -> String? {
        guard let transcoder = try? Transcoder(source: MemoryByteSource(bytes), from: encoding, path: "") else {
            return nil
        }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 14)
        while let n = try? buffer.withUnsafeMutableBytes({ try transcoder.read(into: $0) }), n > 0 {
            out.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when `sample` decodes from `encoding` with no invalid sequence (a cut one at the end is fine).
    static func decodesCleanly(_ sample: [UInt8], from encoding: String) -> Bool {
        guard let cd = iconv_open("UTF-8", encoding), cd != iconv_t(bitPattern: -1) else { return false }
        defer { iconv_close(cd) }
        var input = sample
        var output = [UInt8](repeating: 0, count: sample.count * 4 + 16)
        return input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return result != -1 || errno == EINVAL
            }
        }
    }
}
