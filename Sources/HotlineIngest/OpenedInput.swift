import HotlineModel

/// A file opened, decoded and recognised, ready for its format's reader.
struct OpenedInput {
    /// The file on disk (`-` for standard input).
    var path: String
    /// The name shown in messages and reports.
    var display: String
    var index: Int32
    var format: InputFormat
    /// The decoded bytes, from the first record (after a byte-order mark).
    var stream: ByteSource
    /// The first decoded lines, as the sniffer saw them.
    var head: String
    /// A calls-csv: its CSV reader after the header, and the header.
    var callsCSV: (csv: CSVReader, header: CallsCSVReader.Header)?
    /// Set when the records can be cut into blocks for several threads.
    var blocks: BlockReading.ParallelRead?
    /// The inflating source of a gzip file, which counts bytes after the gzip data.
    var gzip: GzipByteSource?
}
