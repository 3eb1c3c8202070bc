import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

@Suite struct CallsCSVReaderTests {
    typealias H = IngestHarness

    @Test func readsAWellFormedRowIntoOneCall() throws {
        let h = try H.read(H.header + "\n" + H.row() + "\n")
        let call = try #require(h.calls.first)
        #expect(h.summary.records == 1 && h.summary.accepted == 1 && h.summary.rejected == 0)
        #expect(h.symbols[call.queue] == "hotline-cn")
        #expect(call.enqueuedAt == Instant(seconds: 1_794_794_400))  // 2026-11-16T02:00:00Z
        #expect(call.wait == 15_000 && call.talk == 280_000 && call.hold == 20_000 && call.wrap == 30_000)
        #expect(call.outcome == .answered && call.csat == 5)
        #expect(call.category == .payment && h.symbols[call.subcategory] == "refund")
        #expect(call.location == RecordLocation(file: 0, line: 2))
    }

    @Test func columnsComeInAnyOrderAndCaseAndExtraColumnsAreListed() throws {
        let text =
            "OUTCOME, Ended_At ,enqueued_at,call_id,Notes\nabandoned,2026-11-16T10:00:40Z,2026-11-16T10:00:00Z,C9,hello\n"
        let h = try H.read(text)
        let call = try #require(h.calls.first)
        #expect(call.outcome == .abandoned)
        #expect(call.wait == 40_000)  // derived from the times
        #expect(h.summary.notes == ["ignored columns: Notes"])
    }

    @Test func missingDurationsAreDerivedFromTheTimes() throws {
        let h = try H.read(H.header + "\n" + H.row(["wait_s": "", "talk_s": "", "hold_s": "", "wrap_s": ""]) + "\n")
        let call = try #require(h.calls.first)
        #expect(call.wait == 15_000 && call.talk == 300_000 && call.hold == 0)
    }

    static let rejectCases: [(changes: [String: String], kind: RejectKind, field: String)] = [
        (["call_id": ""], .missingID, "call_id"),
        (["enqueued_at": "yesterday"], .badTime, "enqueued_at"),
        (["ended_at": ""], .badTime, "ended_at"),
        (["answered_at": "2026-11-16T25:00:00Z"], .badTime, "answered_at"),
        (["answered_at": "2026-11-16T09:59:00+08:00"], .answeredBeforeEnqueued, "answered_at"),
        (["ended_at": "2026-11-16T09:00:00+08:00"], .endedBeforeEnqueued, "ended_at"),
        (["ended_at": "2026-11-16T10:00:10+08:00"], .endedBeforeAnswered, "ended_at"),
        (["wait_s": "-3"], .badDuration, "wait_s"),
        (["talk_s": "4m"], .badDuration, "talk_s"),
        (["outcome": "hungup"], .unknownOutcome, "outcome"),
        (["direction": "sideways"], .unknownDirection, "direction"),
        (["outcome": "abandoned"], .inconsistentOutcome, "answered_at"),
        (["answered_at": "", "wait_s": ""], .inconsistentOutcome, "answered_at"),
        (["csat": "6"], .scoreOutOfRange, "csat"),
        (["csat": "0"], .scoreOutOfRange, "csat"),
    ]

    @Test(arguments: rejectCases)
    func badFieldRejectsTheRecordNamingFieldAndLine(changes: [String: String], kind: RejectKind, field: String) throws {
        let h = try H.read(H.header + "\n" + H.row(["call_id": "OK"]) + "\n" + H.row(changes) + "\n")
        #expect(h.calls.count == 1)
        let reject = try #require(h.rejects.first)
        #expect(reject.kind == kind)
        #expect(reject.field == field)
        #expect(reject.line == 3)
        #expect(h.summary.records == 2 && h.summary.accepted == 1 && h.summary.rejectedByKind == [kind: 1])
    }

    @Test func wrongFieldCountAndATruncatedLastLineAreRejected() throws {
        let h = try H.read(H.header + "\n" + H.row() + ",extra\n" + "C3,hotline-cn,退款")
        #expect(h.rejects.map(\.kind) == [.fieldCount, .fieldCount])
        #expect(h.rejects.map(\.detail) == ["expected 16 fields, found 17", "expected 16 fields, found 3"])
    }

    @Test func callerIsMaskedInTheRejectedRecord() throws {
        let h = try H.read(H.header + "\n" + H.row(["csat": "9"]) + "\n")
        let raw = try #require(h.rejects.first?.raw)
        #expect(!raw.contains("13800138000"))
        #expect(raw.contains("*******8000"))
    }

    @Test func timestampWithoutOffsetIsReadInTheZoneAndCounted() throws {
        let h = try H.read(
            H.header + "\n" + H.row(["enqueued_at": "2026-11-16 10:00:00", "answered_at": "", "wait_s": "15"]) + "\n")
        let call = try #require(h.calls.first)
        #expect(call.enqueuedAt == Instant(seconds: 1_794_794_400))
        #expect(h.summary.timestampsWithoutOffset == 1)
        #expect(h.summary.notes.contains("1 timestamp without offset, read in Asia/Shanghai"))
    }

    @Test func outboundCallsAreCountedButEnterNoQueueFigure() throws {
        let h = try H.read(H.header + "\n" + H.row(["direction": "outbound"]) + "\n")
        #expect(h.calls.isEmpty)
        #expect(h.summary.accepted == 1 && h.summary.outbound == 1)
    }

    @Test func anonymousCallersHaveNoKey() throws {
        let h = try H.read(H.header + "\n" + H.row(["caller": "Anonymous"]) + "\n" + H.row(["caller": ""]) + "\n")
        #expect(h.calls.map(\.caller) == [nil, nil])
    }
}

@Suite struct EncodingTests {
    typealias H = IngestHarness
    static let text = H.header + "\r\n" + H.row() + "\r\n" + H.row(["call_id": "C2", "category": "交易记录查询"]) + "\r\n"

    static func encode(_ text: String, _ encoding: String.Encoding, bom: [UInt8] = []) -> [UInt8] {
        bom + Array(text.data(using: encoding) ?? Data())
    }

    static func gb18030(_ text: String) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    @Test(arguments: [1, 3, 7, 64, 1 << 16])
    func everyEncodingGivesTheSameCalls(chunk: Int) throws {
        let reference = try H.read(Array(Self.text.utf8), chunk: chunk)
        #expect(reference.calls.count == 2)
        let variants: [(String, [UInt8])] = [
            ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF] + Array(Self.text.utf8)),
            ("UTF-16LE", Self.encode(Self.text, .utf16LittleEndian, bom: [0xFF, 0xFE])),
            ("UTF-16BE", Self.encode(Self.text, .utf16BigEndian, bom: [0xFE, 0xFF])),
            ("GB18030", try Self.gb18030(Self.text)),
        ]
        for (name, bytes) in variants {
            let h = try H.read(bytes, chunk: chunk)
            #expect(h.summary.encoding == name)
            #expect(h.calls.map(\.enqueuedAt) == reference.calls.map(\.enqueuedAt))
            #expect(h.calls.map { h.symbols[$0.label] } == ["退款", "交易记录查询"])
            #expect(h.rejects.isEmpty)
        }
    }

    @Test func invalidUTF8InATextFieldRejectsThatRecordNamingTheField() throws {
        let bytes =
            Array((H.header + "\n").utf8)
            + Array(H.row(["queue": "Q"]).utf8).map { $0 == UInt8(ascii: "Q") ? 0xFF : $0 }
            + Array(("\n" + H.row(["call_id": "C2"]) + "\n").utf8)
        let h = try H.read(bytes)
        #expect(h.rejects.map(\.field) == ["queue"])
        #expect(h.rejects.first?.kind == .badEncoding)
        #expect(h.calls.count == 1)
    }
}

@Suite struct FileErrorTests {
    typealias H = IngestHarness

    @Test func missingFileIsAnErrorNamingIt() {
        let h = H.read(path: "/nonexistent/calls.csv")
        #expect(h.summary.error?.reason == "cannot read: no such file or directory")
        #expect(h.summary.records == 0)
    }

    @Test func directoryIsAnErrorWhenOpenedAsAFile() {
        #expect(H.read(path: NSTemporaryDirectory()).summary.error?.reason == "cannot read: is a directory")
    }

    @Test func emptyFileIsAnError() throws {
        #expect(try H.read([]).summary.error?.reason == "empty file")
    }

    @Test func binaryFileIsNotACallLog() throws {
        let h = try H.read([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00])
        #expect(h.summary.error?.reason == "not a call log or ticket export: binary data, not a text export")
    }

    @Test func aHeaderThatIsNotACallLogSaysWhatItFound() throws {
        let h = try H.read("Index,Incoming Calls,Answered Calls\r\n1,100,90\r\n")
        #expect(
            h.summary.error?.reason
                == "not a call log or ticket export: the header names no call_id and enqueued_at (calls) nor id and created at (tickets) columns (found: Index, Incoming Calls, Answered Calls)"
        )
    }

    @Test func aFileThatIsNotAnExportIsDescribedWithoutQuotingIt() throws {
        // A link in an inbox may lead to any file the job can read: its words must not reach a cron mail.
        let shadow = try H.read("root:$6$salt$hash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n")
        #expect(
            shadow.summary.error?.reason
                == "not a call log or ticket export: no known header or line layout (the first line has no comma, tab, semicolon or pipe)"
        )
        let secrets = try H.read("user;password;token\nalice;hunter2;abc123\n")
        #expect(secrets.summary.error?.reason.hasSuffix("(the first line has 3 semicolon-separated fields)") == true)
        #expect(secrets.summary.error?.reason.contains("password") == false)
    }

    @Test func headerNamesAreShownOnlyWhenTheStartLooksLikeCSVText() throws {
        let chinese = try H.read("日期,来电量,接通量\n2026-11-16,100,90\n")
        #expect(chinese.summary.error?.reason.hasSuffix("(found: 日期, 来电量, 接通量)") == true)
        // Not names (a key and a value), or the next line does not have as many fields: no word of it is shown.
        for text in ["api_key=sk-12345,secret=xyz\n", "alice,hunter2\nbob\n"] {
            let h = try H.read(text)
            #expect(
                h.summary.error?.reason.hasSuffix("(the first line has 2 comma-separated fields)") == true, "\(text)")
        }
    }

    @Test func aCallLogHeaderWithoutRequiredColumnsSaysWhich() throws {
        let h = try H.read("call_id,enqueued_at,queue\nC1,2026-11-16T10:00:00Z,q\n")
        #expect(h.summary.error?.reason == "not a call log or ticket export: calls-csv header lacks ended_at, outcome")
    }

    @Test func aHeaderOverTheRecordLimitSaysSo() throws {
        let header = H.header + "," + (0..<90_000).map { "extra_column_\($0)" }.joined(separator: ",")
        let h = try H.read(header + "\n" + H.row() + "\n")
        #expect(
            h.summary.error?.reason
                == "not a call log or ticket export: the first line (the header) is longer than 1048576 bytes, the record limit; not read"
        )
    }

    @Test func tenMegabyteFieldRejectsItsRecordAndTheRestIsRead() throws {
        let huge = String(repeating: "退", count: 3_500_000)  // 10.5 MB of UTF-8
        let text = H.header + "\n" + H.row(["category": "\"" + huge + "\""]) + "\n" + H.row(["call_id": "C2"]) + "\n"
        let h = try H.read(Array(text.utf8), chunk: 1 << 16)
        #expect(h.rejects.map(\.kind) == [.recordTooLong])
        #expect(h.rejects.first?.line == 2)
        #expect(h.calls.count == 1)
        #expect(h.summary.records == 2)
    }
}
