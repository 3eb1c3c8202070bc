import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

/// One NUL (or another C0 control byte) costs the record it is in, named by its field, and nothing else.
@Suite struct ControlByteTests {
    typealias H = IngestHarness

    @Test func aNULInACallsFieldRejectsItsRecordNamingTheField() throws {
        var text = H.header + "\n"
        for i in 1...50 {
            text += H.row(["call_id": "C\(i)", "queue": i == 48 ? "hot\u{0}line" : "hotline-cn"]) + "\n"
        }
        text += H.row(["call_id": "C5\u{1B}1"]) + "\n"
        let h = try H.read(text)
        #expect(h.calls.count == 49)
        #expect(
            h.rejects.map { "\($0.line): \($0.field): \($0.kind.rawValue): \($0.detail)" } == [
                "49: queue: control byte: control byte 0x00 in field queue",
                "52: call_id: control byte: control byte 0x1B in field call_id",
            ])
    }

    @Test func aNULInTheFirstTicketOfAnXMLExportCostsThatTicketOnly() throws {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tickets type=\"array\">\n"
        for i in 1...30 {
            text += """
                <ticket><nice-id type="integer">\(i)</nice-id><status-id type="integer">1</status-id>
                <current-tags>\(i == 1 ? "refund\u{0}voice" : "refund")</current-tags>
                <created-at type="datetime">2026-11-16T10:00:00+08:00</created-at></ticket>

                """
        }
        text += "</tickets>\n"
        let h = try H.read(Array(text.utf8), name: "tickets.xml")
        #expect(h.summary.format == .ticketsXML)
        #expect(h.summary.error?.reason == nil)
        #expect(h.tickets.count == 29)
        #expect(h.rejects.map(\.field) == ["tags"])
        #expect(h.rejects.map(\.kind) == [.controlByte])
    }

    @Test func aMaskedCallerIsMaskedInItsFieldOnly() throws {
        let text = H.header + "\n" + H.row(["call_id": "C1", "caller": "1", "outcome": "lost"]) + "\n"
        let h = try H.read(text)
        let raw = h.rejects.first?.raw ?? ""
        // The timestamps keep their 1s; the caller field of one character is masked whole.
        #expect(raw.contains(",*,A1001,2026-11-16T10:00:00+08:00,2026-11-16T10:00:15+08:00,"))
    }
}
