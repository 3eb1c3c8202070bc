/// Hands out the records of an input as ``CSVRecordView``s: the CSV reader, or the raw queue_log's own splitter,
/// so the queue_log reader is written once over either.
protocol RecordSplitting: AnyObject {
    /// Calls `body` with each record in turn; the view is valid only during the call.
    func forEachRecord(_ body: (borrowing CSVRecordView) throws -> Void) throws
    /// NUL and other control bytes skipped between records, and the line of the first run.
    var skippedBytes: Int { get }
    var firstSkippedLine: Int? { get }
}

extension CSVReader: RecordSplitting {}
extension QueueLogLineSplitter: RecordSplitting {}
