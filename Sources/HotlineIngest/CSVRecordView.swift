import CCSVScan

/// A field's bytes: [start, end) of the reader's buffer, or of its scratch buffer when `inScratch`. A C struct, so
/// the plain-record scan (`hotline_scan_plain_record`) writes the fields where the reader reads them.
typealias FieldSpan = HotlineFieldSpan

/// One record of a ``CSVReader``: its fields as byte ranges, valid only inside the reader's callback.
public struct CSVRecordView: ~Copyable {
    let base: UnsafePointer<UInt8>
    let scratch: UnsafePointer<UInt8>
    let spans: UnsafePointer<FieldSpan>
    public let fieldCount: Int
    /// 1-based line the record starts on.
    public let line: Int
    let rawStart: Int
    let rawEnd: Int
    /// Set when the record is malformed as a whole; its fields may then be incomplete.
    public let problem: CSVReader.Problem?
    /// Where the record starts, in bytes from the start of the reader's source.
    public let offset: Int
    /// Whether a line end closed the record; false for a last record cut by the end of the input.
    public let terminated: Bool

    /// The bytes of field `index` (0-based), quotes removed and `""` unescaped.
    @inline(__always) public func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        let origin = span.inScratch ? scratch : base
        return UnsafeBufferPointer(start: origin + span.start, count: span.end - span.start)
    }

    /// Field `index` as a String (invalid UTF-8 repaired), for headers and messages, not the hot path.
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// The record's bytes as read, without its line end.
    public var raw: UnsafeBufferPointer<UInt8> {
        var end = rawEnd
        while end > rawStart && (base[end - 1] == UInt8(ascii: "\n") || base[end - 1] == UInt8(ascii: "\r")) {
            end -= 1
        }
        return UnsafeBufferPointer(start: base + rawStart, count: end - rawStart)
    }
}
