import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

/// Files a format recognises that hold no record, Zendesk's API v1 XML lists and its legacy full JSON export.
@Suite struct EmptyAndLegacyExportTests {
    typealias H = IngestHarness

    /// A Zendesk API v1 view list: `<score>` and `<base-score>` rank tickets in the view, they are not ratings.
    static let v1Records = """
        <?xml version="1.0" encoding="UTF-8"?>
        <records type="array" count="2">
          <record>
            <id type="integer">3101</id>
            <nice-id type="integer">31</nice-id>
            <subject>Refund not received</subject>
            <created-at type="datetime">2011-03-02T10:00:00+08:00</created-at>
            <status-id type="integer">3</status-id>
            <solved-at type="datetime">2011-03-02T12:00:00+08:00</solved-at>
            <score type="integer">12</score>
            <base-score type="integer">72</base-score>
          </record>
          <record>
            <id type="integer">3102</id>
            <nice-id type="integer">32</nice-id>
            <subject>Cannot log in</subject>
            <created-at type="datetime">2011-03-02T11:00:00+08:00</created-at>
            <status-id type="integer">1</status-id>
            <score type="integer">72</score>
            <base-score type="integer">12</base-score>
          </record>
        </records>

        """

    @Test func aZendeskV1RecordListIsReadAsTicketsAndItsScoreIsNotSatisfaction() throws {
        let h = try H.read(Array(Self.v1Records.utf8), name: "view.xml")
        #expect(h.summary.format == .ticketsXML && h.summary.error?.reason == nil, "\(h.summary)")
        #expect(h.summary.records == 2 && h.summary.accepted == 2 && h.rejects.isEmpty, "\(h.rejects)")
        #expect(h.tickets.map(\.id) == ["31", "32"])
        #expect(h.tickets.allSatisfy { $0.satisfaction == nil })
        #expect(h.tickets[0].status == .solved && h.tickets[1].status == .open)
        #expect(h.summary.notes.contains { $0.contains("satisfaction") }, "\(h.summary.notes)")
    }

    @Test func anXMLDocumentWithNoTicketElementIsAnErrorNamingWhatItHolds() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tickets type="array" count="2"><item><id>1</id></item><item><id>2</id></item><note/></tickets>
            """
        let h = try H.read(Array(xml.utf8), name: "tickets.xml")
        #expect(h.summary.format == .ticketsXML)
        #expect(
            h.summary.error?.reason == "no records: no <ticket> element; the document holds <item> elements",
            "\(h.summary)")
        let empty = try H.read(Array("<tickets type=\"array\" count=\"0\"/>\n".utf8), name: "none.xml")
        #expect(
            empty.summary.error?.reason == "no records: no <ticket> element; the document's <tickets> element is empty")
    }

    @Test(arguments: [
        ("{\"tickets\": [], \"count\": 0}", "no records: the \"tickets\" array is empty"),
        (TicketReaderTests.zendeskHeader + "\n", "no records: a header row and no ticket rows"),
        (IngestHarness.header + "\r\n", "no records: a header row and no call rows"),
    ])
    func aRecognisedFileWithNoRecordIsAnError(text: String, error: String) throws {
        let h = try H.read(Array(text.utf8))
        #expect(h.summary.format != nil)
        #expect(h.summary.error?.reason == error, "\(h.summary)")
    }

    /// The legacy full export (`/api/v2/exports/tickets.json`), in the shape of Zendesk's documentation.
    static let legacyExport = """
        {"results":[
          {"url":"https://example.zendesk.com/api/v2/tickets/1.json","id":1,"req_name":"Li Wei","subject":"Refund not received",
           "status":"Solved","priority":"High","via":"Mail","ticket_type":"Incident","group_name":"Payments",
           "assignee_name":"Chen Jing","current_tags":"refund voice","created_at":"2012-09-06 12:18:55 -0800",
           "updated_at":"2012-09-06 16:00:00 -0800","solved_at":"2012-09-06 15:18:55 -0800","reopens":"1","replies":"2",
           "satisfaction_score":"Good","first_reply_time_in_minutes":"30","full_resolution_time_in_minutes":"180"},
          {"id":2,"subject":"Login broken","status":"Open","priority":"","via":"Web Form","ticket_type":"Question",
           "group_name":null,"assignee_name":null,"current_tags":"","created_at":"2012-09-06 13:00:00 -0800",
           "solved_at":null,"satisfaction_score":"Not Offered","first_reply_time_in_minutes":"",
           "full_resolution_time_in_minutes":""},
          {"id":3,"subject":"spam","status":"Deleted","priority":"Low","via":"Mail","created_at":"2012-09-07 09:00:00 -0800",
           "satisfaction_score":"Offered"},
          {"id":4,"subject":"Double charge","status":"Closed","priority":"Normal","via":"Mail","created_at":"2012-09-05 09:00:00 -0800",
           "solved_at":"2012-09-05 10:00:00 -0800","satisfaction_score":"Bad","first_reply_time_in_minutes":"5",
           "full_resolution_time_in_minutes":"60"}
        ],
        "field_headers":{"id":"Id","subject":"Subject","status":"Status"},
        "next_page":"https://example.zendesk.com/api/v2/exports/tickets.json?start_time=1347000000"}

        """

    func instant(_ iso: String) -> Instant {
        let f = ISO8601DateFormatter()
        return Instant(milliseconds: Int64((f.date(from: iso)?.timeIntervalSince1970 ?? 0) * 1000))
    }

    @Test func theLegacyFullExportIsReadAsTicketJSONWithItsWordsAndMinutes() throws {
        let h = try H.read(Array(Self.legacyExport.utf8), name: "export.json")
        #expect(h.summary.format == .ticketsJSON && h.summary.error?.reason == nil, "\(h.summary)")
        #expect(h.summary.records == 4 && h.rejects.isEmpty, "\(h.rejects)")
        #expect(h.tickets.map(\.id) == ["1", "2", "4"])
        let t = h.tickets[0]
        #expect(t.createdAt == instant("2012-09-06T20:18:55Z") && t.solvedAt == instant("2012-09-06T23:18:55Z"))
        #expect(t.firstReplyAt == instant("2012-09-06T20:48:55Z") && t.exportedResolutionMinutes == 180)
        #expect(t.status == .solved && t.priority == .high && t.reopens == 1 && t.satisfaction == .good)
        #expect(h.symbols[t.group] == "Payments" && h.symbols[t.assignee] == "Chen Jing")
        #expect(h.symbols[t.channel] == "Mail" && h.symbols[t.tags] == "refund voice")
        #expect(h.symbols[t.ticketType] == "Incident" && t.category == .payment)
        #expect(h.tickets[1].status == .open && h.tickets[1].priority == .none && h.tickets[1].satisfaction == nil)
        #expect(h.tickets[2].status == .closed && h.tickets[2].satisfaction == .bad)
        #expect(h.summary.notes.contains("1 deleted ticket, left out"), "\(h.summary.notes)")
        #expect(h.summary.notes.contains("Zendesk legacy full export (\"results\")"))
        #expect(!h.summary.notes.contains { $0.hasPrefix("no ") }, "\(h.summary.notes)")
    }

    @Test func aLegacyExportWithNoResultIsAnError() throws {
        let text = "{\"results\":[],\"field_headers\":{\"created_at\":\"Created at\"},\"next_page\":null}"
        let h = try H.read(Array(text.utf8), name: "export.json")
        #expect(h.summary.format == .ticketsJSON)
        #expect(h.summary.error?.reason == "no records: the \"results\" array is empty", "\(h.summary)")
    }
}
