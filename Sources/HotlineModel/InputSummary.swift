/// What reading one input file gave: the data-quality facts every report shows.
public struct InputSummary: Sendable, Equatable {
    public var path: String
    /// The detected (or given) format; nil when the file could not be read.
    public var format: InputFormat?
    /// The detected encoding, e.g. `UTF-8`, `GB18030`.
    public var encoding: String
    public var records: Int = 0
    public var accepted: Int = 0
    public var rejectedByKind: [RejectKind: Int] = [:]
    /// A file-level problem (unreadable, not a call log, ...): the file gave no records.
    public var error: IngestError?
    /// Notes worth a look that reject nothing (ignored columns, timestamps without an offset, ...).
    public var notes: [String] = []
    /// Outbound calls read and left out of the queue figures.
    public var outbound: Int = 0
    /// Internal calls (extension to extension) read and left out of the queue figures.
    public var internalCalls: Int = 0
    /// Timestamps without an offset, read in the configured zone.
    public var timestampsWithoutOffset: Int = 0
    /// The first UTC offset (seconds east) a timestamp carried that was not the report zone's at its instant.
    public var offsetOtherThanZone: Int?
    /// NUL and other control bytes skipped between lines, and the line of the first run.
    public var gapBytes: Int = 0
    public var firstGapLine: Int?

    public init(path: String, format: InputFormat? = nil, encoding: String = "") {
        self.path = path
        self.format = format
        self.encoding = encoding
    }

    public var rejected: Int { rejectedByKind.values.reduce(0, +) }

    /// Counts the bytes a reader skipped between lines since it had skipped `before`.
    public mutating func addGaps(skipped: Int, before: Int = 0, firstLine: Int?) {
        guard skipped > before else { return }
        gapBytes += skipped - before
        firstGapLine = firstGapLine ?? firstLine
    }

    /// Adds the record counts of `other` (a part of the same file read apart).
    public mutating func addCounts(_ other: InputSummary) {
        records += other.records
        accepted += other.accepted
        outbound += other.outbound
        internalCalls += other.internalCalls
        timestampsWithoutOffset += other.timestampsWithoutOffset
        offsetOtherThanZone = offsetOtherThanZone ?? other.offsetOtherThanZone
        gapBytes += other.gapBytes
        firstGapLine = firstGapLine ?? other.firstGapLine
        rejectedByKind.merge(other.rejectedByKind, uniquingKeysWith: +)
    }
}
