import HotlineModel

/// How `InputIngest` reads: which format to take files as, and how many threads read. The read context holds
/// the rest (zones, export mappings, masking, limits); the sink takes what comes out.
public struct IngestOptions: Sendable {
    /// Read every file as this format instead of sniffing it.
    public var forcedFormat: InputFormat?
    /// The format of particular files (the nightly inbox's `format:`), before sniffing.
    public var formatOverrides: [String: InputFormat] = [:]
    /// The field order of Asterisk CDR files written by a cdr_custom mapping (`clid,src,dst,...`); nil to
    /// recognise cdr_csv and the common custom order from the first line.
    public var cdrColumnNames: [String]?
    /// Threads that parse large calls-csv files and small files side by side; 1 reads every file on the calling
    /// thread.
    public var threads = 1
    /// The size of the blocks calls-csv files are cut into for those threads. Any size of file is cut: a small one
    /// is one block, read beside the blocks of the files around it.
    public var blockBytes = 2 << 20
    /// Files up to this size are read whole on the worker threads, side by side (their records are held until
    /// their turn); larger calls-csv files are cut into blocks. -1 cuts every calls-csv file (tests).
    public var smallFileBytes = 1 << 20

    public init(
        forcedFormat: InputFormat? = nil, formatOverrides: [String: InputFormat] = [:], cdrColumnNames: [String]? = nil,
        threads: Int = 1
    ) {
        self.forcedFormat = forcedFormat
        self.formatOverrides = formatOverrides
        self.cdrColumnNames = cdrColumnNames
        self.threads = threads
    }
}
