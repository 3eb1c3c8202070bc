import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

/// The fields that link a ticket to the call it came from (docs/METRICS.md, "Journey"): a call id column, a
/// `call:<id>` tag, the requester's phone; in every ticket export.
@Suite struct TicketLinkFieldTests {
    @Test func theNativeLayoutsCallIdAndRequesterPhoneColumnsAreRead() throws {
        let text = """
            id,subject,status,priority,created_at,solved_at,call_id,requester_phone
            1,扣款失败,open,normal,2026-11-16T10:00:00+08:00,,C-0001,+86 138-0000-0001
            2,余额查询,open,normal,2026-11-16T10:00:00+08:00,,,

            """
        let h = try IngestHarness.read(text)
        #expect(h.tickets.count == 2 && h.rejects.isEmpty)
        #expect(h.tickets[0].callKey == CallRecord.key("C-0001"))
        #expect(h.tickets[0].requester == CallerKey.phoneNumber("+8613800000001"))
        #expect(h.tickets[1].callKey == 0 && h.tickets[1].requester == nil)
    }

    @Test func aCallTagNamesTheCallWhenNoColumnDoes() throws {
        let text = """
            Id,Subject,Tags,Status,Created at
            5,退款,"vip, call:1700000000.42, refund",Open,2026-11-16 10:00:00
            6,退款,recall:9,Open,2026-11-16 10:00:00

            """
        let h = try IngestHarness.read(text)
        #expect(h.tickets[0].callKey == CallRecord.key("1700000000.42"))
        // Only a tag that starts with `call:` names a call.
        #expect(h.tickets[1].callKey == 0)
    }

    @Test func aZendeskVoiceTicketGivesTheCallersPhoneFromItsChannel() throws {
        let text = """
            {"tickets":[{"id":9,"status":"open","created_at":"2026-11-16T02:00:00Z","tags":["call:abc"],
            "via":{"channel":"voice","source":{"from":{"phone":"+8613800000002","formatted_phone":"+86 138 0000 0002"}}}}]}
            """
        let h = try IngestHarness.read(text)
        let t = try #require(h.tickets.first)
        #expect(t.callKey == CallRecord.key("abc") && t.requester == CallerKey.phoneNumber("+8613800000002"))
    }

    @Test func aControlByteInTheCallIdRejectsTheTicketNamingTheField() throws {
        // Good rows around it, so the file is text (a file with many control bytes is called binary).
        var text = "id,status,created_at,call_id\n1,open,2026-11-16T10:00:00+08:00,C\u{01}1\n"
        for i in 2...4 { text += "\(i),open,2026-11-16T10:00:00+08:00,C-\(i)\n" }
        let h = try IngestHarness.read(text)
        #expect(h.tickets.count == 3 && h.rejects.first?.field == "call_id")
    }
}
