import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

@Suite struct TicketReaderTests {
    static let zendeskHeader =
        "Id,Requester,Assignee,Group,Subject,Tags,Status,Priority,Via,Ticket type,Created at,Updated at,Solved at,Reopens,Replies,First reply time in minutes,Full resolution time in minutes,Satisfaction Score"

    func instant(_ iso: String) -> Instant {
        let f = ISO8601DateFormatter()
        return Instant(milliseconds: Int64((f.date(from: iso)?.timeIntervalSince1970 ?? 0) * 1000))
    }

    @Test func aZendeskExportIsRecognisedByItsHeaderAndReadInTheSourceZone() throws {
        let text =
            Self.zendeskHeader + "\n"
            + "101,Customer 8000,Chen Jing,Payments,重复扣款,重复支付 voice,Solved,High,Voice,Incident,2026-11-16 10:00:00,2026-11-16 14:00:00,2026-11-16 14:00:00,1,3,30,240,Good\n"
        let h = try IngestHarness.read(text, zone: "Asia/Shanghai")
        #expect(h.summary.format == .ticketsCSV)
        #expect(h.summary.notes.contains("Zendesk-style layout"))
        let t = try #require(h.tickets.first)
        #expect(t.id == "101" && t.key == 101)
        #expect(t.createdAt == instant("2026-11-16T02:00:00Z"))
        #expect(t.solvedAt == instant("2026-11-16T06:00:00Z"))
        // Only minutes to the first reply: placed that long after creation.
        #expect(t.firstReplyAt == instant("2026-11-16T02:30:00Z"))
        #expect(t.status == .solved && t.priority == .high && t.reopens == 1 && t.satisfaction == .good)
        #expect(t.category == .payment && h.symbols[t.subcategory] == "duplicate")
        #expect(h.summary.accepted == 1 && h.rejects.isEmpty)
    }

    @Test func aFreshdeskExportMapsItsWordsAndClosedTimes() throws {
        let text = """
            Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,Resolved time,Closed time,First response time (in hrs),Tags,Survey results
            7,Refund not received,Closed,Medium,Phone,Refund,Li,Billing,2026-11-16 09:00:00,,2026-11-17 09:00:00,1.5,,Extremely Happy
            8,Login broken,Waiting on Customer,Urgent,Email,,Li,,2026-11-16 09:00:00,,,,,

            """
        let h = try IngestHarness.read(text)
        #expect(h.summary.notes.contains("Freshdesk-style layout"))
        #expect(h.tickets.count == 2)
        let closed = h.tickets[0]
        #expect(closed.status == .closed && closed.priority == .normal && closed.isSolved)
        #expect(closed.solvedAt == instant("2026-11-17T01:00:00Z"))
        #expect(closed.firstReplyAt == instant("2026-11-16T02:30:00Z"))
        #expect(closed.satisfaction == .good && closed.category == .payment)
        #expect(h.tickets[1].status == .pending && h.tickets[1].priority == .urgent && !h.tickets[1].isSolved)
        // Subject keywords classify when tags, type and group say nothing.
        #expect(h.tickets[1].category == .account)
    }

    @Test func badTicketsAreRejectedNamingFieldAndReason() throws {
        let h0 = "id,created_at,first_reply_at,solved_at,status,priority,reopens,satisfaction"
        let rows = [
            "1,2026-11-16T10:00:00+08:00,2026-11-16T09:59:00+08:00,,open,,,",
            "2,2026-11-16T10:00:00+08:00,,2026-11-16T09:00:00+08:00,solved,,,",
            "3,2026-11-16T10:00:00+08:00,,,escalated,,,",
            "4,2026-11-16T10:00:00+08:00,,,open,P0,,",
            "5,2026-11-16T10:00:00+08:00,,,open,,two,",
            "6,2026-11-16T10:00:00+08:00,,,open,,,7",
            ",2026-11-16T10:00:00+08:00,,,open,,,",
            "8,yesterday,,,open,,,",
            "9,2026-11-16T10:00:00+08:00,,,open,,,",
        ]
        let h = try IngestHarness.read(([h0] + rows).joined(separator: "\n") + "\n")
        #expect(h.summary.records == 9 && h.summary.accepted == 1)
        let reasons = h.rejects.map { "\($0.line) \($0.field) \($0.kind.rawValue)" }
        #expect(
            reasons == [
                "2 first_reply_at reply before created", "3 solved_at solved before created", "4 status unknown status",
                "5 priority unknown priority", "6 reopens bad number", "7 satisfaction score out of range",
                "8 id missing id", "9 created_at bad or missing time",
            ])
        #expect(h.summary.notes.contains("native layout"))
    }

    @Test func theConfigurationMapsAnotherExportsColumnsAndWords() throws {
        let text = "工单号,提交时间,处理完毕时间,处理状态,级别\nT-1,2026-11-16 10:00:00,2026-11-16 12:00:00,处理完毕,P1\n"
        let h = try IngestHarness.read(Array(text.utf8)) { context in
            context.mappings.ticketColumns = [
                "created_at": "提交时间", "solved_at": "处理完毕时间", "status": "处理状态", "priority": "级别",
            ]
            context.mappings.ticketStatusWords = ["处理完毕": .solved]
            context.mappings.ticketPriorityWords = ["p1": .urgent]
        }
        #expect(h.summary.format == .ticketsCSV, "\(h.summary)")
        let t = try #require(h.tickets.first)
        #expect(t.status == .solved && t.priority == .urgent && t.isSolved)
    }

    @Test func aTicketReadTwiceCountsOnceAndIsRejectedAsADuplicate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hotline-dup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let row = "\n1,Customer,Li,G,Subject,,Open,Normal,Web,Question,2026-11-16 10:00:00,,,0,0,,,\n"
        try (Self.zendeskHeader + row).write(to: dir.appendingPathComponent("a.csv"), atomically: true, encoding: .utf8)
        try (Self.zendeskHeader + row).write(to: dir.appendingPathComponent("b.csv"), atomically: true, encoding: .utf8)
        let (h, summaries) = IngestHarness.read(paths: [
            dir.appendingPathComponent("a.csv").path, dir.appendingPathComponent("b.csv").path,
        ])
        #expect(h.tickets.count == 1)
        #expect(summaries[1].rejectedByKind[.duplicateTicket] == 1 && summaries[1].accepted == 0)
    }

    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tickets type="array">
          <ticket>
            <nice-id type="integer">5</nice-id>
            <subject>退款未到账 &amp; 投诉</subject>
            <status-id type="integer">3</status-id>
            <priority-id type="integer">4</priority-id>
            <requester-id type="integer">77</requester-id>
            <current-tags>refund voice</current-tags>
            <created-at type="datetime">2026-11-16T10:00:00+08:00</created-at>
            <solved-at type="datetime">2026-11-16T15:00:00+08:00</solved-at>
            <satisfaction-score type="integer">4</satisfaction-score>
            <comments type="array">
              <comment><author-id>77</author-id><created-at>2026-11-16T10:00:00+08:00</created-at><is-public>true</is-public></comment>
              <comment><author-id>900</author-id><created-at>2026-11-16T10:05:00+08:00</created-at><is-public>false</is-public></comment>
              <comment><author-id>77</author-id><created-at>2026-11-16T10:10:00+08:00</created-at><is-public>true</is-public></comment>
              <comment><author-id>901</author-id><created-at>2026-11-16T10:20:00+08:00</created-at><is-public>true</is-public></comment>
            </comments>
          </ticket>
          <ticket>
            <nice-id type="integer">6</nice-id>
            <created-at type="datetime">2026-11-16T10:00:00+08:00</created-at>
            <solved-at type="datetime" nil="true"></solved-at>
            <status-id type="integer">1</status-id>
            <comments type="array">
              <comment><author-id>1</author-id><created-at>2026-11-16T10:00:00+08:00</created-at></comment>
              <comment><author-id>2</author-id><created-at>2026-11-16T09:00:00+08:00</created-at></comment>
            </comments>
          </ticket>
        </tickets>

        """

    @Test func theXMLExportGivesTheFirstPublicReplyByAnyoneButTheRequester() throws {
        let h = try IngestHarness.read(Array(Self.xml.utf8), name: "tickets.xml")
        #expect(h.summary.format == .ticketsXML)
        let t = try #require(h.tickets.first)
        // The internal note (10:05) and the requester's follow-up (10:10) are not replies.
        #expect(t.firstReplyAt == instant("2026-11-16T02:20:00Z"))
        #expect(t.status == .solved && t.priority == .urgent && t.satisfaction == .bad)
        #expect(t.category == .payment && t.location.line == 3, "\(t.location.line)")
        // The second ticket's reply is stamped before its creation.
        #expect(h.rejects.map(\.kind) == [.replyBeforeCreated] && h.rejects.first?.line == 20, "\(h.rejects)")
    }

    @Test func anXMLExportWithADoctypeIsRefusedBeforeParsing() throws {
        let text =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE tickets [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<tickets><ticket><nice-id>&x;</nice-id></ticket></tickets>\n"
        let h = try IngestHarness.read(Array(text.utf8), name: "evil.xml")
        #expect(h.tickets.isEmpty)
        #expect(h.summary.error?.reason.contains("DOCTYPE") == true)
        #expect(h.summary.rejectedByKind[.malformedXML] == 1)
    }

    @Test func anIncrementalJSONExportKeepsTheLastVersionOfATicketAndLeavesDeletedOnesOut() throws {
        let text = """
            {"tickets":[
              {"id":1,"status":"open","priority":null,"type":"question","tags":["refund"],"via":{"channel":"web"},"created_at":"2026-11-16T02:00:00Z","satisfaction_rating":null},
              {"id":2,"status":"deleted","created_at":"2026-11-16T02:00:00Z"},
              {"id":1,"status":"solved","priority":"high","tags":["refund"],"via":{"channel":"web"},"created_at":"2026-11-16T02:00:00Z","satisfaction_rating":{"score":"good"},
               "metric_set":{"solved_at":"2026-11-16T04:00:00Z","reopens":0,"reply_time_in_minutes":{"calendar":15,"business":15}}}
            ],"end_of_stream":true,"count":3}
            """
        let h = try IngestHarness.read(Array(text.utf8), name: "incremental.json")
        #expect(h.summary.format == .ticketsJSON)
        #expect(h.tickets.count == 1)
        let t = try #require(h.tickets.first)
        #expect(t.status == .solved && t.priority == .high && t.satisfaction == .good && t.reopens == 0)
        #expect(t.firstReplyAt == instant("2026-11-16T02:15:00Z"))
        #expect(h.summary.notes.contains { $0.contains("1 deleted ticket") })
        #expect(h.summary.notes.contains { $0.contains("the last counts") })
    }

    @Test func aJSONDocumentWithoutATicketsArrayIsNotATicketExport() throws {
        let h = try IngestHarness.read(Array("{\"users\":[{\"id\":1}]}".utf8), name: "users.json")
        #expect(h.summary.error?.reason.contains("a JSON document with no \"tickets\" array") == true)
    }

    @Test func jsonTicketsWithBadBytesDeepNestingOrBadSyntaxHaveTheirOwnReasons() throws {
        let good = #"{"id":1,"created_at":"2026-11-16T10:00:00Z","status":"open"}"#
        let deep = #"{"id":2,"x":"# + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}"
        var bytes = Array(#"{"tickets":["#.utf8) + Array(good.utf8) + Array(",".utf8)
        bytes +=
            Array(#"{"id":3,"subject":"caf"#.utf8) + [0xE9] + Array(#"","created_at":"2026-11-16T10:00:00Z"}"#.utf8)
        bytes += Array(",".utf8) + Array(deep.utf8) + Array(#",{"id":4,"created_at":tru}"#.utf8) + Array("]}".utf8)
        let h = try IngestHarness.read(bytes, name: "tickets.json")
        #expect(h.tickets.count == 1)
        #expect(h.rejects.map(\.kind) == [.badEncoding, .nestingTooDeep, .malformedJSON])
        #expect(h.rejects.map(\.line) == [2, 3, 4])
    }

    @Test func aJSONTicketNestedToTheLimitIsCountedAndOneLevelDeeperIsRefused() throws {
        func ticket(_ id: Int, nesting: Int) -> String {
            let inner = nesting - 1
            return #"{"id":\#(id),"created_at":"2026-11-16T10:00:00Z","x":"#
                + String(repeating: "[", count: inner) + String(repeating: "]", count: inner) + "}"
        }
        let limit = TicketsJSONReader.maxNesting
        let document = #"{"tickets":["# + ticket(1, nesting: limit) + "," + ticket(2, nesting: limit + 1) + "]}"
        let h = try IngestHarness.read(Array(document.utf8), name: "tickets.json")
        #expect(h.tickets.count == 1)
        #expect(h.rejects.map(\.kind) == [.nestingTooDeep])
        #expect(h.rejects.map(\.line) == [2])
        #expect(h.summary.records == 2 && h.summary.accepted == 1)
    }

    /// The reader reads its tickets where they lie in a 1 MB buffer: those cut by the buffer's end are cut out and
    /// read as before, each counted once, in order.
    @Test func jsonTicketsAcrossTheReadBuffersEndAreEachCountedOnceInOrder() throws {
        let count = 3000
        var tickets: [String] = []
        for id in 1...count {
            let padding = String(repeating: "x", count: 300 + id % 97)
            // One ticket in a thousand has a bad date: its reject names its number.
            let created = id % 1000 == 0 ? "not a time" : "2026-11-16T10:00:00Z"
            tickets.append(
                #"{"id":\#(id),"subject":"\#(padding)","status":"open","created_at":"\#(created)","tags":["退款"]}"#)
        }
        let document = #"{"tickets":["# + tickets.joined(separator: ",") + #"],"count":\#(count)}"#
        #expect(document.utf8.count > 1 << 20)
        let h = try IngestHarness.read(Array(document.utf8), name: "tickets.json")
        #expect(h.summary.records == count && h.summary.accepted == count - 3)
        #expect(h.rejects.map(\.line) == [1000, 2000, 3000])
        #expect(h.tickets.count == count - 3)
    }

    @Test func aZendeskPageWithItsTicketsAfterSideLoadedUsersOrALongNextPageIsRecognised() throws {
        let tickets =
            #"[{"id":1,"created_at":"2026-11-16T10:00:00Z","status":"open","priority":"normal","tags":["refund"]}]"#
        let users = (0..<200).map {
            #"{"id":\#($0),"name":"user \#($0)","notes":"\#(String(repeating: "x", count: 60))"}"#
        }
        let sideLoaded = #"{"users":["# + users.joined(separator: ",") + #"],"tickets":"# + tickets + "}"
        let longNext =
            #"{"next_page":"https://x.zendesk.com/api/v2/tickets.json?cursor="# + String(repeating: "9", count: 9000)
            + #"","tickets" : "# + tickets + "}"
        for text in [sideLoaded, longNext] {
            #expect(text.utf8.count > 8192)
            let h = try IngestHarness.read(Array(text.utf8), name: "page.json")
            #expect(h.summary.format == .ticketsJSON)
            #expect(h.tickets.count == 1)
        }
    }

    @Test func whatAnExportLacksIsNamedNotGuessed() throws {
        let text = "id,created_at,status\n1,2026-11-16T10:00:00Z,open\n"
        let h = try IngestHarness.read(text)
        #expect(
            h.summary.notes.contains(
                "no first reply time, solved time, reopen count, satisfaction, priority in this export: those figures stay empty"
            ))
    }

    @Test func anotherXMLExportIsReadThroughTheConfiguredElementNames() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <export><ticket><ticket-no>W-7</ticket-no><opened>2026-11-16 10:00:00</opened>
            <closed>2026-11-16 11:30:00</closed><state>closed</state><kind>退款</kind></ticket></export>

            """
        let h = try IngestHarness.read(Array(text.utf8), name: "other.xml") { context in
            context.mappings.ticketElements = [
                "id": "ticket-no", "created_at": "opened", "solved_at": "closed", "status": "state",
                "ticket_type": "kind",
            ]
        }
        let t = try #require(h.tickets.first, "\(h.summary)")
        #expect(t.id == "W-7" && t.status == .closed && t.isSolved && t.category == .payment)
        #expect(t.solvedAt.map { $0 - t.createdAt } == Milliseconds(90 * 60_000))
        #expect(h.summary.timestampsWithoutOffset == 2)
    }
}
