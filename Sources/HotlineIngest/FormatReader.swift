import HotlineModel

/// One input format's reader. `InputIngest` opens a file, decodes and recognises it, then hands it to the reader
/// its format names (``InputFormat/reader``): dispatched once per file, so a record costs no dispatch. A new
/// format is a case in ``InputFormat``, what the sniffer sees of it, and a reader conforming here.
protocol FormatReader {
    /// Reads the records of `input` into `sink`, counting them in `summary`; `ingest` holds the run's read
    /// context, options, classifiers and what spans files (open queue calls, ticket ids seen).
    static func read(
        _ input: OpenedInput, in ingest: InputIngest, summary: inout InputSummary, into sink: any IngestSink
    ) throws
}

extension InputFormat {
    /// The reader of each format, in one place.
    var reader: any FormatReader.Type {
        switch self {
        case .callsCSV: CallsCSVReader.self
        case .asteriskQueueLog: QueueLogReader.self
        case .asteriskCDR, .freeswitchCDRCSV: AsteriskCDRReader.self
        case .freeswitchXMLCDR: FreeSwitchCDRReader.self
        case .ticketsCSV, .ticketsXML, .ticketsJSON: TicketExportReader.self
        }
    }
}
