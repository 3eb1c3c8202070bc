import Foundation
import HotlineConfig
import HotlineIngest
import HotlineMetrics
import HotlineModel
import Logging

/// What one fuzzing run feeds its bytes to: a reader (forced format), the sniffer, the encodings, gzip, the
/// configuration loader or the store's snapshot decoder. Chosen by `HOTLINE_FUZZ_TARGET`.
enum FuzzTarget: String, CaseIterable {
    case callsCSV = "calls-csv"
    /// calls-csv read by two threads in 64-byte blocks: the cuts at line ends outside quotes.
    case callsCSVParallel = "calls-csv-parallel"
    case queueLog = "queue-log"
    case asteriskCDR = "asterisk-cdr"
    case freeswitchCDRCSV = "freeswitch-cdr-csv"
    case freeswitchXML = "freeswitch-xml"
    case ticketsCSV = "tickets-csv"
    case ticketsXML = "tickets-xml"
    case ticketsJSON = "tickets-json"
    /// Any bytes, recognised by content as the tool does.
    case sniff
    /// The first byte picks a byte-order mark (none, UTF-8, UTF-16 LE or BE) put before the rest; then sniffed.
    case encodings
    /// The bytes as a deflate stream behind a gzip header (or a whole .gz file as it is).
    case gzip
    case config
    case snapshot

    var format: InputFormat? {
        switch self {
        case .callsCSV, .callsCSVParallel: .callsCSV
        case .queueLog: .asteriskQueueLog
        case .asteriskCDR: .asteriskCDR
        case .freeswitchCDRCSV: .freeswitchCDRCSV
        case .freeswitchXML: .freeswitchXMLCDR
        case .ticketsCSV: .ticketsCSV
        case .ticketsXML: .ticketsXML
        case .ticketsJSON: .ticketsJSON
        case .sniff, .encodings, .gzip, .config, .snapshot: nil
        }
    }
}

/// The harness state: the target and a scratch file the readers open (they read files, as the tool does).
enum Fuzz {
    static let target: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["HOTLINE_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("HOTLINE_FUZZ_TARGET must be one of: \(names)\n".utf8))
            exit(2)
        }
        return target
    }()

    /// `HOTLINE_FUZZ_SCRATCH` (scripts/fuzz puts it in its temporary folder, so a run that crashes leaves nothing
    /// behind), else a file in /dev/shm.
    static let scratch: String = {
        if let path = ProcessInfo.processInfo.environment["HOTLINE_FUZZ_SCRATCH"] { return path }
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(folder)/hotline-fuzz-\(getpid())-input"
    }()

    static let quiet = Logger(label: "hotline.fuzz") { _ in SwiftLogNoOpLogHandler() }

    /// One calendar for every run: it only caches the zone's offsets as it goes (and finding them is slow).
    static let calendar = LocalCalendar(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, intervalMinutes: 30)

    static func run(_ bytes: [UInt8]) {
        switch target {
        case .config:
            _ = try? ConfigLoader.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
        case .snapshot:
            if let snapshot = try? DaySnapshot(decoding: bytes) {
                // What decodes must encode and decode to itself.
                let again = try? DaySnapshot(decoding: snapshot.encoded())
                precondition(again == snapshot, "a decoded snapshot did not survive encoding")
            }
        case .encodings:
            let marks: [[UInt8]] = [[], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]
            guard let first = bytes.first else { return }
            let rest = Array(bytes.dropFirst())
            _ = TextEncoding.detect(sample: rest)
            read(marks[Int(first) % marks.count] + rest)
        case .gzip:
            if bytes.starts(with: [0x1F, 0x8B]) {
                read(bytes)
            } else {
                // A minimal gzip header (deflate, no flags, no time, any OS) before the bytes.
                read([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF] + bytes)
            }
        case .sniff:
            _ = FormatSniffer.sniff(String(decoding: bytes.prefix(1 << 16), as: UTF8.self))
            read(bytes)
        default:
            read(bytes, format: target.format)
        }
    }

    /// Reads `bytes` as one input file through the ingest stage, checking that every record is counted once.
    static func read(_ bytes: [UInt8], format: InputFormat? = nil) {
        guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes)) else {
            fatalError("cannot write \(scratch)")
        }
        let symbols = SymbolTable()
        let context = ReadContext(
            symbols: symbols,
            calendar: calendar,
            // Small chunks: fast runs, and records, quotes and CR LF cut across chunk boundaries.
            limits: CSVReader.Limits(maxRecordBytes: 2048, chunkBytes: 256))
        var options = IngestOptions(forcedFormat: format)
        if target == .callsCSVParallel {
            options.threads = 2
            options.blockBytes = 64
            options.smallFileBytes = 0
        }
        let ingest = InputIngest(
            context: context, classifier: Classifier(rules: .default, symbols: symbols), options: options,
            logger: quiet)
        let summaries = ingest.read([scratch], into: CountingSink())
        for summary in summaries where summary.error == nil {
            precondition(summary.accepted >= 0, "accepted below zero: \(summary)")
            precondition(
                summary.accepted + summary.rejected == summary.records,
                "records \(summary.records) != accepted \(summary.accepted) + rejected \(summary.rejected)")
        }
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func initialize(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> Int32 {
    _ = Fuzz.target
    atexit { unlink(Fuzz.scratch) }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    Fuzz.run(bytes)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The entry point: SwiftPM links an executable's `main` to `<module>_main` (so tests can import the module), which
/// keeps libFuzzer's own `main` out; this hands over to libFuzzer's driver instead.
@_cdecl("HotlineFuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in testOneInput(data, size) }
}

/// Counts what ingest hands on; the fuzz target checks the summaries' counts.
final class CountingSink: IngestSink {
    var calls = 0
    var tickets = 0
    var rejects = 0

    func call(_ call: CallRecord) { calls += 1 }
    func ticket(_ ticket: TicketRecord) { tickets += 1 }
    func reject(_ reject: Reject) { rejects += 1 }
}
