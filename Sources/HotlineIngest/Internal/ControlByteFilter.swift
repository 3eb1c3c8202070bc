import HotlineModel

/// Passes a byte stream on with each C0 control byte other than TAB, LF and CR written as U+FFFD.
///
/// For XML: libxml2 stops the whole document at a NUL (XML 1.0 allows none of these bytes), so one bad byte in
/// the first ticket of an export would cost every ticket after it. As U+FFFD the byte is text: the record holding
/// it is rejected by the field it is in (text with U+FFFD is refused as undecodable), the others are read. A byte
/// inside markup (an element name) still makes the XML malformed, as it is.
///
/// - Complexity: O(n); at most a third of the caller's buffer is read at a time, so the output always fits.
final class ControlByteFilter: ByteSource {
    private let source: ByteSource
    private var chunk: [UInt8] = []
    /// How many bytes were replaced.
    private(set) var replaced = 0

    init(_ source: ByteSource) { self.source = source }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let room = buffer.count / 3
        // A buffer too small to hold a replacement gets the bytes unchanged, one at a time.
        guard room > 0 else { return try source.read(into: buffer) }
        if chunk.count < room { chunk = [UInt8].readBuffer(count: room) }
        let n = try chunk.withUnsafeMutableBytes {
            try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[..<room]))
        }
        var out = 0
        for i in 0..<n {
            let byte = chunk[i]
            if byte < 0x20 && DisplayText.isControl(byte) {
                buffer[out] = 0xEF
                buffer[out + 1] = 0xBF
                buffer[out + 2] = 0xBD
                out += 3
                replaced += 1
            } else {
                buffer[out] = byte
                out += 1
            }
        }
        return out
    }
}
