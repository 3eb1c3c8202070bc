import CCSVScan

/// A record without quotes split by `hotline_scan_plain_record` (sixteen bytes at a time with SSE2): the common fast
/// path of ``CSVReader`` and ``QueueLogLineSplitter``, each keeping its own field by field reading for the rest.
enum PlainRecordScan {
    /// Splits the record at `start` of the `count` bytes at `buffer` into `spans` (room for `capacity` fields).
    /// Returns the record's end, after its line end (LF, CR LF or a lone CR), and its field count; nil for the
    /// reader's own reading: a quote with `quoting`, no line end with a byte after it in the buffer, more fields
    /// than `capacity`.
    @inline(__always) static func split(
        _ buffer: UnsafeMutablePointer<UInt8>, start: Int, count: Int, delimiter: UInt8, quoting: Bool,
        spans: UnsafeMutablePointer<FieldSpan>, capacity: Int
    ) -> (end: Int, fieldCount: Int)? {
        let fields = hotline_scan_plain_record(
            buffer + start, count - start, delimiter, quoting ? 1 : 0, start, spans, capacity)
        guard fields > 0 else { return nil }
        let lineEnd = spans[fields - 1].end
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        return (buffer[lineEnd] == cr && buffer[lineEnd + 1] == lf ? lineEnd + 2 : lineEnd + 1, fields)
    }
}
