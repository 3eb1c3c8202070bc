import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

@Suite struct AsteriskCDRTests {
    typealias H = IngestHarness

    /// A cdr_csv line (18 fields, or 21 with peeraccount, linkedid, sequence).
    static func line(
        src: String, dcontext: String = "from-pstn", app: String = "Queue", data: String = "hotline-cn,t,,,300",
        start: String, answer: String, end: String, duration: Int, billsec: Int, disposition: String,
        uniqueid: String, linkedid: String? = nil
    ) -> String {
        var fields = [
            "\"\"", "\"\(src)\"", "\"4008001234\"", "\"\(dcontext)\"", "\"\"\"Caller\"\" <\(src)>\"",
            "\"SIP/trunk-0001\"",
            "\"SIP/1001-0002\"", "\"\(app)\"", "\"\(data)\"", "\"\(start)\"", "\"\(answer)\"", "\"\(end)\"",
            "\(duration)",
            "\(billsec)", "\"\(disposition)\"", "\"DOCUMENTATION\"", "\"\(uniqueid)\"", "\"\"",
        ]
        if let linkedid { fields += ["\"\"", "\"\(linkedid)\"", "1"] }
        return fields.joined(separator: ",")
    }

    @Test func answeredNoAnswerAndBusyLegsBecomeCallsInTheServerZone() throws {
        let text =
            [
                Self.line(
                    src: "13800000001", start: "2026-11-16 10:00:00", answer: "2026-11-16 10:00:12",
                    end: "2026-11-16 10:05:12",
                    duration: 312, billsec: 300, disposition: "ANSWERED", uniqueid: "1.1"),
                Self.line(
                    src: "13800000002", start: "2026-11-16 10:01:00", answer: "", end: "2026-11-16 10:01:40",
                    duration: 40,
                    billsec: 0, disposition: "NO ANSWER", uniqueid: "1.2"),
                Self.line(
                    src: "13800000003", app: "Dial", data: "SIP/1001", start: "2026-11-16 10:02:00",
                    answer: "2026-11-16 10:02:00",
                    end: "2026-11-16 10:02:05", duration: 5, billsec: 0, disposition: "BUSY", uniqueid: "1.3"),
            ].joined(separator: "\n") + "\n"
        let h = try H.read(text)
        #expect(h.summary.format == .asteriskCDR)
        #expect(h.calls.map(\.outcome) == [.answered, .abandoned, .timeout])
        let first = try #require(h.calls.first)
        #expect(first.enqueuedAt == Instant(seconds: 1_794_794_400))  // 10:00 in Asia/Shanghai
        #expect(first.wait == 12_000 && first.talk == 300_000)
        #expect(h.calls.map { h.symbols[$0.queue] } == ["hotline-cn", "hotline-cn", "from-pstn"])
    }

    @Test func legsSharingALinkedidAreOneCall() throws {
        let legs = [
            ("1.10", "NO ANSWER", "", 0), ("1.11", "ANSWERED", "2026-11-16 10:00:09", 60), ("1.12", "NO ANSWER", "", 0),
        ]
        let text = legs.map { uniqueid, disposition, answer, billsec in
            Self.line(
                src: "13800000001", start: "2026-11-16 10:00:00", answer: answer, end: "2026-11-16 10:01:09",
                duration: 69, billsec: billsec, disposition: disposition, uniqueid: uniqueid, linkedid: "1.10")
        }.joined(separator: "\n")
        let h = try H.read(text)
        #expect(h.summary.records == 3 && h.summary.accepted == 3)
        #expect(h.calls.count == 1)
        #expect(h.calls.first?.outcome == .answered && h.calls.first?.wait == 9_000)
        #expect(h.summary.notes.contains("2 legs merged into their calls by linkedid"))
    }

    @Test func theClidFirstCustomOrderIsRecognisedByWhereItsTimesAre() throws {
        let text =
            "\"\"\"\"\" <client1>\",\"client1\",\"6789\",\"default\",\"PJSIP/client1-02\",\"PJSIP/client2-03\",\"Dial\",\"PJSIP/client2\","
            + "\"2023-07-26 01:51:32\",\"2023-07-26 01:51:50\",\"2023-07-26 01:52:04\",\"31\",\"13\",\"ANSWERED\",\"DOCUMENTATION\",\"\",\"1690325492.2\",\"\",2\n"
        let h = try H.read(text)
        #expect(h.rejects.isEmpty)
        #expect(h.calls.first?.wait == 18_000 && h.calls.first?.talk == 13_000)
    }

    @Test func bytesThatAreNotUTF8InAnUnusedFieldRejectNothing() throws {
        var bytes = Array(
            Self.line(
                src: "89245555937", start: "2026-11-16 10:00:00", answer: "2026-11-16 10:00:05",
                end: "2026-11-16 10:00:30",
                duration: 30, billsec: 25, disposition: "ANSWERED", uniqueid: "1.1"
            ).utf8)
        if let i = bytes.firstIndex(of: UInt8(ascii: "C")) { bytes[i] = 0xA5 }  // in the clid
        let h = try H.read(bytes + [0x0A])
        #expect(h.summary.encoding == "UTF-8")
        #expect(h.calls.count == 1 && h.rejects.isEmpty)
    }

    @Test func anEndBeforeTheStartIsRejected() throws {
        let text = Self.line(
            src: "1", start: "2026-11-16 10:00:00", answer: "", end: "2026-11-16 09:00:00", duration: 0, billsec: 0,
            disposition: "NO ANSWER", uniqueid: "1.1")
        let h = try H.read(text)
        #expect(h.rejects.map(\.kind) == [.endedBeforeEnqueued])
    }
}
