import CCSVScan
import HotlineModel
import Testing

@testable import HotlineIngest

/// Reads all records as (line, fields) at a chunk size.
func records(_ text: String, chunk: Int, maxRecord: Int = 1 << 20) throws -> [(
    line: Int, fields: [String], problem: CSVReader.Problem?
)] {
    let reader = CSVReader(
        source: MemoryByteSource(text, chunkSize: chunk),
        limits: CSVReader.Limits(maxRecordBytes: maxRecord, chunkBytes: chunk))
    var out: [(Int, [String], CSVReader.Problem?)] = []
    try reader.forEachRecord { record in
        out.append((record.line, (0..<record.fieldCount).map { record.string($0) }, record.problem))
    }
    return out
}

@Suite struct CSVReaderTests {
    static let chunkSizes = [1, 2, 3, 7, 64, 1 << 16]

    static let tricky =
        "a,b,c\r\n"
        + "\"quoted, comma\",\"line\nbreak\",\"say \"\"hi\"\"\"\r\n"
        + "\n"
        + ",,\n"
        + "支付,退款,\"重复\"\n"
        + "last,line,no newline"

    @Test(arguments: chunkSizes)
    func recordsAreTheSameAtEveryChunkSize(chunk: Int) throws {
        let got = try records(Self.tricky, chunk: chunk)
        #expect(
            got.map(\.fields) == [
                ["a", "b", "c"],
                ["quoted, comma", "line\nbreak", "say \"hi\""],
                ["", "", ""],
                ["支付", "退款", "重复"],
                ["last", "line", "no newline"],
            ])
        // Lines count physical lines: the quoted line break moves the next record down one, the blank line too.
        #expect(got.map(\.line) == [1, 2, 5, 6, 7])
        #expect(got.allSatisfy { $0.problem == nil })
    }

    @Test(arguments: chunkSizes)
    func aQuoteOpenAtTheEndCostsItsLineAndTheLinesAfterAreRead(chunk: Int) throws {
        let got = try records("a,b\n1,\"open\n2,3\n", chunk: chunk)
        #expect(got.map(\.line) == [1, 2, 3])
        #expect(got[1].problem == .unmatchedQuote(field: 2, line: 2))
        #expect(got[2].fields == ["2", "3"] && got[2].problem == nil)
    }

    @Test(arguments: chunkSizes)
    func aStrayQuoteCostsOneRecordNotTheRestOfTheFile(chunk: Int) throws {
        // The quote never closes: past the line-end limit it is a stray one, and reading goes on from the line
        // after it, however the input came in chunks.
        var text = "id,label\n"
        for i in 1...300 { text += i == 50 ? "\(i),\"stray\n" : "\(i),x\n" }
        let got = try records(text, chunk: chunk)
        #expect(got.count == 301)
        #expect(got.filter { $0.problem != nil }.map(\.line) == [51])
        #expect(got[50].problem == .unmatchedQuote(field: 2, line: 51))
        #expect(got[51].line == 52 && got[51].fields == ["51", "x"])
    }

    @Test(arguments: [1, 7, 64, 4096, 1 << 16])
    func aQuoteOpenPastTheRecordLimitIsAStrayOne(chunk: Int) throws {
        // Few line ends but many bytes: the byte limit decides, the same at every chunk size.
        let long = String(repeating: "y", count: 700)
        let text = "1,\"stray,\(long)\n2,\(long)\n3,\(long)\n4,z\n"
        let got = try records(text, chunk: chunk, maxRecord: 1000)
        #expect(got.map(\.line) == [1, 2, 3, 4])
        #expect(got[0].problem == .unmatchedQuote(field: 2, line: 1))
        #expect(got[1...].allSatisfy { $0.problem == nil })
    }

    @Test(arguments: chunkSizes)
    func aQuotedFieldWithAFewLineBreaksIsStillOneField(chunk: Int) throws {
        let body = (1...20).map { "line \($0)" }.joined(separator: "\n")
        let got = try records("a,\"\(body)\"\nb,c\n", chunk: chunk)
        #expect(got.map(\.fields) == [["a", body], ["b", "c"]])
        #expect(got.map(\.line) == [1, 21])
    }

    @Test(arguments: chunkSizes)
    func textAfterClosingQuoteFlagsTheRecordAndReadingGoesOn(chunk: Int) throws {
        let got = try records("\"ab\"x,c\nd,e\n", chunk: chunk)
        #expect(got.map(\.fields) == [["ab", "c"], ["d", "e"]])
        #expect(got[0].problem == .textAfterClosingQuote(field: 1))
        #expect(got[1].problem == nil)
    }

    @Test(arguments: [1, 7, 64, 4096])
    func aQuotedFieldRunningPastTheLimitCostsItsLineAndTheLinesAfterAreRead(chunk: Int) throws {
        // A quote still open past the record limit is taken for a stray one: the line it is on is rejected (too
        // long: the line alone is over the limit), and the next line is read as a record of its own (too long too).
        let long = String(repeating: "x", count: 5000)
        let text = "h1,h2\n1,\"\(long)\n\(long)\"\n2,ok\n"
        let got = try records(text, chunk: chunk, maxRecord: 1000)
        #expect(got.map(\.problem) == [nil, .tooLong(limit: 1000), .tooLong(limit: 1000), nil])
        #expect(got.map(\.line) == [1, 2, 3, 4])
        #expect(got[3].fields == ["2", "ok"])
    }

    @Test(arguments: [1, 7, 64, 4096, 1 << 16])
    func aRecordOverTheLimitIsRejectedWhetherOrNotTheBufferHeldItWhole(chunk: Int) throws {
        // 1,500 bytes against a limit of 1,000: a large buffer holds it whole, a small one never does; the record
        // is over the limit either way, so cutting a file differently cannot change what is rejected.
        let text = "h1,h2\n1,\(String(repeating: "y", count: 1500))\n2,ok\n"
        let got = try records(text, chunk: chunk, maxRecord: 1000)
        #expect(got.map(\.problem) == [nil, .tooLong(limit: 1000), nil])
        #expect(got.map(\.line) == [1, 2, 3])
        #expect(got[2].fields == ["2", "ok"])
    }

    @Test(arguments: [1, 7, 64, 4096, 1 << 16])
    func aSkippedRecordEndsWhereAParsedOneWould(chunk: Int) throws {
        // A quote inside an unquoted field is text, a doubled quote inside a quoted one is a quote, text after a
        // closing quote runs to the comma: skipping follows the same rules as parsing.
        let long = String(repeating: "z", count: 1200)
        let text = "1,ab\"c\(long)\n2,\"q\"\"\n\(long)\"x\"y\n3,ok\r\n4,end"
        let got = try records(text, chunk: chunk, maxRecord: 1000)
        // The quote opening line 2 closes past the limit: a stray one, so line 3 is a record (a long one).
        #expect(
            got.map(\.problem) == [
                .tooLong(limit: 1000), .unmatchedQuote(field: 2, line: 2), .tooLong(limit: 1000), nil, nil,
            ])
        #expect(got.map(\.line) == [1, 2, 3, 4, 5])
        #expect(got[3].fields == ["3", "ok"])
    }

    @Test(arguments: [1, 3, 64])
    func recordsSayWhereTheyStartAndWhetherALineEndClosedThem(chunk: Int) throws {
        let reader = CSVReader(
            source: MemoryByteSource("a,b\r\n\n\"c\nd\",e\nlast", chunkSize: chunk),
            limits: CSVReader.Limits(maxRecordBytes: 1 << 20, chunkBytes: chunk), firstLine: 10)
        var seen: [(offset: Int, line: Int, terminated: Bool)] = []
        try reader.forEachRecord { seen.append(($0.offset, $0.line, $0.terminated)) }
        #expect(seen.map(\.offset) == [0, 6, 14])
        #expect(seen.map(\.line) == [10, 12, 14])
        #expect(seen.map(\.terminated) == [true, true, false])
        #expect(reader.offset == 18)
    }

    @Test(arguments: chunkSizes)
    func loneCarriageReturnEndsARecord(chunk: Int) throws {
        let got = try records("a,b\rc,d\r", chunk: chunk)
        #expect(got.map(\.fields) == [["a", "b"], ["c", "d"]])
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try records("", chunk: 4).isEmpty)
        #expect(try records("\n\r\n\n", chunk: 1).isEmpty)
    }
}

@Suite struct FormatSnifferTests {
    @Test func aCRLFHeaderIsOneLine() {
        #expect(
            FormatSniffer.sniff("Index,Incoming Calls\r\n1,100\r\n")
                == .unknown("no known header or line layout (the first line has 2 comma-separated fields)"))
    }

    @Test(arguments: [
        ("call_id,queue,enqueued_at\r\nC1,q,2026-11-16T10:00:00Z\r\n", InputFormat.callsCSV),
        ("1543527289|NONE|NONE|NONE|QUEUESTART|\n1543527290|123.4|q|NONE|ENTERQUEUE||139|1\n", .asteriskQueueLog),
        (
            "uid,date_time,callid,queue_name,type,event,param1\n1,1543527289,NONE,NONE,NONE,QUEUESTART,\n",
            .asteriskQueueLog
        ),
        ("<?xml version=\"1.0\"?>\n<cdr core-uuid=\"x\">", .freeswitchXMLCDR),
        (
            "\"\",\"1001\",\"2000\",\"default\",\"\",\"SIP/1001-0\",\"\",\"Dial\",\"\",\"2026-11-16 10:00:00\",\"\",\"2026-11-16 10:00:30\",30,0,\"NO ANSWER\",\"DOCUMENTATION\",\"1.0\",\"\"\n",
            .asteriskCDR
        ),
    ])
    func formatsAreRecognisedByContent(head: String, format: InputFormat) {
        #expect(FormatSniffer.sniff(head) == .format(format))
    }
}

/// Records without quotes are cut by the C scan sixteen bytes at a time; every input gives the same records,
/// lines, offsets and problems as the field by field reading.
@Suite struct CSVPlainScanTests {
    struct Read: Equatable {
        var line: Int
        var offset: Int
        var fields: [String]
        var raw: String
        var problem: CSVReader.Problem?
        var terminated: Bool
    }

    static func read(
        _ bytes: [UInt8], chunk: Int, dialect: CSVReader.Dialect, scans: Bool, maxRecord: Int = 1 << 20
    ) throws -> (records: [Read], skipped: Int) {
        let reader = CSVReader(
            source: MemoryByteSource(bytes, chunkSize: chunk),
            limits: CSVReader.Limits(maxRecordBytes: maxRecord, chunkBytes: chunk), dialect: dialect)
        reader.scansPlainRecords = scans
        var out: [Read] = []
        try reader.forEachRecord { record in
            out.append(
                Read(
                    line: record.line, offset: record.offset,
                    fields: (0..<record.fieldCount).map { record.string($0) },
                    raw: String(decoding: record.raw, as: UTF8.self), problem: record.problem,
                    terminated: record.terminated))
        }
        return (out, reader.skippedBytes)
    }

    /// Random text of the bytes a CSV reader decides on, with plain text between them in runs that cross the
    /// scan's sixteen-byte steps.
    static func randomInput(seed: UInt64, length: Int) -> [UInt8] {
        var state = seed
        func next(_ n: UInt64) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % n)
        }
        let special: [[UInt8]] = [
            [UInt8(ascii: ",")], [UInt8(ascii: "\"")], [UInt8(ascii: "\n")], [UInt8(ascii: "\r")],
            [UInt8(ascii: "\r"), UInt8(ascii: "\n")], [UInt8(ascii: "\t")], [0], [UInt8(ascii: "|")],
            Array("支付".utf8), [0x7F], [0x0B],
        ]
        var bytes: [UInt8] = []
        while bytes.count < length {
            if next(3) == 0 {
                bytes += special[next(UInt64(special.count))]
            } else {
                for _ in 0..<(1 + next(20)) { bytes.append(UInt8(ascii: "a") + UInt8(next(26))) }
            }
        }
        return bytes
    }

    @Test(arguments: [CSVReader.Dialect.csv, .pipes, CSVReader.Dialect(delimiter: UInt8(ascii: "\t"))])
    func theScanReadsWhatTheFieldByFieldReadingReads(dialect: CSVReader.Dialect) throws {
        for seed in UInt64(1)...60 {
            let input = Self.randomInput(seed: seed, length: 40 + Int(seed) * 23)
            for chunk in [1, 5, 16, 17, 64, 1 << 16] {
                let scanned = try Self.read(input, chunk: chunk, dialect: dialect, scans: true)
                let reference = try Self.read(input, chunk: chunk, dialect: dialect, scans: false)
                #expect(scanned.records == reference.records, "seed \(seed), chunk \(chunk)")
                #expect(scanned.skipped == reference.skipped, "seed \(seed), chunk \(chunk)")
            }
        }
    }

    @Test func aRecordOfManyFieldsAndOneOverTheRecordLimitReadTheSameBothWays() throws {
        // 200 fields: more than the reader's first field table (64), which the scan leaves to the other path.
        let wide = Array((Array(repeating: "x", count: 200).joined(separator: ",") + "\n").utf8)
        let long = Array((String(repeating: "y", count: 300) + ",z\nshort,row\n").utf8)
        for input in [wide + wide, long] {
            for chunk in [7, 64, 1 << 16] {
                let scanned = try Self.read(input, chunk: chunk, dialect: .csv, scans: true, maxRecord: 256)
                let reference = try Self.read(input, chunk: chunk, dialect: .csv, scans: false, maxRecord: 256)
                #expect(scanned.records == reference.records)
                #expect(!scanned.records.isEmpty)
            }
        }
        let rows = try Self.read(wide + wide, chunk: 1 << 16, dialect: .csv, scans: true).records
        #expect(rows.map(\.fields.count) == [200, 200])
    }
}

/// The C scan itself: where it finds fields and where it leaves a record to the reader's own reading.
@Suite struct PlainRecordScanCTests {
    /// The field ends the scan finds; every field starts one past the end before it (the first at `origin`).
    func scan(
        _ text: String, delimiter: UInt8 = UInt8(ascii: ","), quoting: Bool = true, maxFields: Int = 64,
        origin: Int = 0
    ) -> [Int]? {
        var bytes = Array(text.utf8)
        var spans = [FieldSpan](repeating: FieldSpan(start: -1, end: -1, inScratch: true), count: maxFields)
        let n = bytes.count
        let found = bytes.withUnsafeMutableBufferPointer { buffer in
            spans.withUnsafeMutableBufferPointer {
                hotline_scan_plain_record(
                    buffer.baseAddress, n, delimiter, quoting ? 1 : 0, origin, $0.baseAddress, maxFields)
            }
        }
        guard found > 0 else { return nil }
        let fields = spans[0..<found]
        #expect(fields.allSatisfy { !$0.inScratch })
        #expect(fields.map(\.start) == [origin] + fields.dropLast().map { $0.end + 1 })
        return fields.map { $0.end - origin }
    }

    @Test func fieldEndsAreFoundOnBothSidesOfEverySixteenByteStep() {
        // Delimiters at 15, 16 and 17, the line end past the first step, and a quote after the line end.
        let text = String(repeating: "a", count: 15) + ",,," + String(repeating: "b", count: 12) + "\r\n\"x"
        #expect(scan(text) == [15, 16, 17, 30])
        #expect(scan("a|b\nc", delimiter: UInt8(ascii: "|")) == [1, 3])
        // Offsets are from the buffer's start: the record at `origin`.
        #expect(scan(text, origin: 1000) == [15, 16, 17, 30])
        // A chunk with a line end and delimiters on both sides of it.
        #expect(scan("a,b,c\nd,e,f,g,h,i,j,k") == [1, 3, 5])
    }

    @Test func aRecordTheScanCannotDecideIsLeftToTheReader() {
        #expect(scan("a,b\n") == nil)  // the line end is the buffer's last byte: CR LF or a lone CR is unknown
        #expect(scan("a,b\r") == nil)
        #expect(scan("a,\"b\",c\nx") == nil)  // a quote
        #expect(scan("a,\"b\",c\nx", quoting: false) == [1, 5, 7])
        #expect(scan("a,b,c\nx", maxFields: 3) == [1, 3, 5])  // as many fields as there is room for
        #expect(scan("a,b,c,d\nx", maxFields: 3) == nil)  // one more
        #expect(scan("no line end") == nil)
    }
}
