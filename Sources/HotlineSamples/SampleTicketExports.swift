import Foundation
import HotlineModel

/// Writes the sample tickets as the two exports a Zendesk account gives: the CSV view export and the XML
/// export, with the planted bad records.
enum SampleTicketExports {
    static let csvHeader = [
        "Id", "Requester", "Assignee", "Group", "Subject", "Tags", "Status", "Priority", "Via", "Ticket type",
        "Created at", "Updated at", "Solved at", "Reopens", "Replies", "First reply time in minutes",
        "Full resolution time in minutes", "Satisfaction Score",
    ]

    static func csv(_ tickets: [SampleTickets.Ticket]) -> String {
        var lines = [csvHeader.joined(separator: ",")]
        for (i, t) in tickets.enumerated() {
            var status = t.status
            var priority = t.priority.prefix(1).uppercased() + t.priority.dropFirst()
            var created = SampleTickets.local(t.created)
            var solved = t.solved.map(SampleTickets.local) ?? ""
            var resolution = t.solved.map { String(($0 - t.created) / 60_000) } ?? ""
            // Planted problems, one each, at fixed places.
            switch i {
            case 17: status = "Escalated"  // a custom status no mapping names
            case 41: priority = "P0"
            case 63:
                // Solved before it was created: a clock or import error.
                solved = SampleTickets.local(t.created - 3_600_000)
                status = "Solved"
            case 88: created = "2026-11-02 25:10:00"
            case 120:
                // The export's own minutes disagree with its times (a stale metric): noted, times win.
                if !resolution.isEmpty { resolution = String((Int(resolution) ?? 0) + 600) }
            default: break
            }
            let replies = t.firstReply == nil ? 0 : 1 + t.reopens + (t.solved == nil ? 0 : 1)
            let fields = [
                "\(t.id)", t.requester, t.assignee, t.group, t.subject, t.tags, status, priority, t.via, t.type,
                created, SampleTickets.local(t.updated), solved, "\(t.reopens)", "\(replies)",
                t.firstReply.map { String(($0 - t.created + 59_999) / 60_000) } ?? "", resolution, t.satisfaction,
            ]
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let statusIDs = ["New": 0, "Open": 1, "Pending": 2, "Solved": 3, "Closed": 4]
    static let priorityIDs = ["low": 1, "normal": 2, "high": 3, "urgent": 4]

    static func xml(_ tickets: [SampleTickets.Ticket]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tickets type=\"array\">\n"
        func element(_ name: String, _ value: String?, type: String? = nil) {
            let attr = type.map { " type=\"\($0)\"" } ?? ""
            if let value {
                out += "    <\(name)\(attr)>\(escape(value))</\(name)>\n"
            } else {
                out += "    <\(name)\(attr) nil=\"true\"></\(name)>\n"
            }
        }
        for (i, t) in tickets.enumerated() {
            out += "  <ticket>\n"
            element("nice-id", "\(t.id)", type: "integer")
            element("subject", t.subject)
            element("status-id", "\(statusIDs[t.status] ?? 1)", type: "integer")
            element("priority-id", "\(priorityIDs[t.priority] ?? 0)", type: "integer")
            element("ticket-type-id", t.type == "Problem" ? "3" : "2", type: "integer")
            element("group-name", t.group)
            element("assignee-name", t.assignee)
            element("requester-id", "\(t.requesterID)", type: "integer")
            element("requester-phone", t.phone)
            element("via", t.via)
            element("current-tags", t.tags)
            element("created-at", SampleTickets.iso(t.created), type: "datetime")
            element("updated-at", SampleTickets.iso(t.updated), type: "datetime")
            element("solved-at", t.solved.map(SampleTickets.iso), type: "datetime")
            element("reopens", "\(t.reopens)", type: "integer")
            let score = ["Good": "16", "Bad": "4", "Offered": "1", "Unoffered": "0"][t.satisfaction] ?? "0"
            element("satisfaction-score", score, type: "integer")
            out += "    <comments type=\"array\">\n"
            var comments: [(author: Int, at: Int64, isPublic: Bool, text: String)] = [
                (t.requesterID, t.created, true, "来电升级：\(t.subject)")
            ]
            if let reply = t.firstReply {
                // An internal note before the public reply does not count as the first reply.
                comments.append((900_001, t.created + (reply - t.created) / 2, false, "内部备注：已联系支付通道"))
                // Planted: a reply stamped before the ticket was created (a clock skew between systems).
                let at = i == 25 ? t.created - 120_000 : reply
                comments.append((900_002, at, true, "您好，我们正在处理您的问题。"))
            }
            if let solved = t.solved { comments.append((900_002, solved, true, "问题已解决，如有疑问请回复。")) }
            for c in comments {
                out += "      <comment>\n"
                out += "        <author-id type=\"integer\">\(c.author)</author-id>\n"
                out += "        <created-at type=\"datetime\">\(SampleTickets.iso(c.at))</created-at>\n"
                out += "        <is-public type=\"boolean\">\(c.isPublic)</is-public>\n"
                out += "        <value>\(escape(c.text))</value>\n"
                out += "      </comment>\n"
            }
            out += "    </comments>\n  </ticket>\n"
        }
        return out + "</tickets>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
