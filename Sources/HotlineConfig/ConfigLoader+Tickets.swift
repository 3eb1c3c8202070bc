import Foundation
import HotlineModel
import Yams

/// The `tickets` section: business hours, holidays, SLA targets, and the mappings of other ticket exports.
extension ConfigLoader {
    static func tickets(_ node: Node, reader: NodeReader, into config: inout HotlineConfiguration) throws {
        var hours: (weekdays: Set<Int>, start: Int, end: Int)?
        var holidays: Set<CivilDate> = []
        let known = [
            "business_hours", "holidays", "sla", "csv", "xml", "statuses", "priorities", "link_window_hours",
        ]
        for (key, value) in try reader.mapping(node, at: "tickets", known: known) {
            let at = "tickets.\(key)"
            switch key {
            case "business_hours": hours = try businessHours(value, at: at, reader: reader)
            case "holidays":
                for (index, item) in try reader.sequence(value, at: at).enumerated() {
                    let text = try reader.string(item, at: "\(at)[\(index + 1)]")
                    guard let date = CivilDate(parsing: text) else {
                        throw reader.error(
                            item, "\(at)[\(index + 1)]",
                            "expected a date YYYY-MM-DD, found '\(DisplayText.shown(text))'")
                    }
                    holidays.insert(date)
                }
            case "link_window_hours": config.ticketLinkWindowHours = try reader.int(value, at: at, range: 1...720)
            case "sla":
                for (index, item) in try reader.sequence(value, at: at).enumerated() {
                    config.slaTargets.append(try slaTarget(item, at: "\(at)[\(index + 1)]", reader: reader))
                }
            case "csv":
                for (sub, node) in try reader.mapping(value, at: at, known: ["columns", "date_order"]) {
                    if sub == "columns" {
                        config.mappings.ticketColumns = try fieldMapping(node, at: "\(at).columns", reader: reader)
                    } else {
                        config.mappings.ticketsDateOrder = try dateOrder(node, at: "\(at).date_order", reader: reader)
                    }
                }
            case "xml":
                for (sub, node) in try reader.mapping(value, at: at, known: ["elements"]) where sub == "elements" {
                    config.mappings.ticketElements = try fieldMapping(node, at: "\(at).elements", reader: reader)
                }
            case "statuses":
                for (word, target) in try reader.mapping(value, at: at, known: nil) {
                    let name = try reader.string(target, at: "\(at).\(word)")
                    guard let status = TicketStatus.allCases.first(where: { $0.name == name }) else {
                        let names = TicketStatus.allCases.map(\.name).joined(separator: ", ")
                        throw reader.error(
                            target, "\(at).\(word)", "expected one of \(names), found '\(DisplayText.shown(name))'")
                    }
                    config.mappings.ticketStatusWords[word.lowercased()] = status
                }
            case "priorities":
                for (word, target) in try reader.mapping(value, at: at, known: nil) {
                    config.mappings.ticketPriorityWords[word.lowercased()] = try priority(
                        target, at: "\(at).\(word)", reader: reader)
                }
            default: break
            }
        }
        if let hours {
            config.businessHours = BusinessHours(
                weekdays: hours.weekdays, start: hours.start, end: hours.end, holidays: holidays)
        } else if !holidays.isEmpty {
            throw ConfigError(
                file: reader.file, line: node.mark?.line ?? 0, key: "tickets.holidays",
                message: "holidays need tickets.business_hours (they remove working days from business time)")
        }
    }

    private static func businessHours(_ node: Node, at: String, reader: NodeReader) throws -> (
        weekdays: Set<Int>, start: Int, end: Int
    ) {
        var weekdays: Set<Int> = [0, 1, 2, 3, 4]
        var start = 9 * 3600
        var end = 18 * 3600
        for (key, value) in try reader.mapping(node, at: at, known: ["days", "start", "end"]) {
            switch key {
            case "days":
                weekdays = []
                for (index, item) in try reader.sequence(value, at: "\(at).days").enumerated() {
                    let name = try reader.string(item, at: "\(at).days[\(index + 1)]").lowercased()
                    guard let day = CivilDate.weekdayNames.firstIndex(where: { $0.lowercased() == name.prefix(3) }),
                        name.count >= 3
                    else {
                        throw reader.error(
                            item, "\(at).days[\(index + 1)]",
                            "expected mon, tue, ... sun, found '\(DisplayText.shown(name))'")
                    }
                    weekdays.insert(day)
                }
            case "start": start = try clock(value, at: "\(at).start", reader: reader)
            case "end": end = try clock(value, at: "\(at).end", reader: reader)
            default: break
            }
        }
        guard end > start else {
            throw reader.error(node, at, "end must be after start (hours crossing midnight are not supported)")
        }
        guard !weekdays.isEmpty else { throw reader.error(node, "\(at).days", "at least one working day is needed") }
        return (weekdays, start, end)
    }

    /// `HH:MM`, 00:00 to 24:00, as seconds after midnight.
    private static func clock(_ node: Node, at: String, reader: NodeReader) throws -> Int {
        let text = try reader.string(node, at: at)
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h),
            (0...59).contains(m), h * 60 + m <= 1440
        else { throw reader.error(node, at, "expected a time HH:MM, found '\(DisplayText.shown(text))'") }
        return (h * 60 + m) * 60
    }

    private static func slaTarget(_ node: Node, at: String, reader: NodeReader) throws -> SLATarget {
        var target = SLATarget()
        let known = ["category", "priority", "first_reply_minutes", "resolution_minutes"]
        for (key, value) in try reader.mapping(node, at: at, known: known) {
            switch key {
            case "category":
                let name = try reader.string(value, at: "\(at).category")
                guard let category = CallCategory(name: name) else {
                    let names = CallCategory.allCases.map(\.name).joined(separator: ", ")
                    throw reader.error(
                        value, "\(at).category", "expected one of \(names), found '\(DisplayText.shown(name))'")
                }
                target.category = category
            case "priority": target.priority = try priority(value, at: "\(at).priority", reader: reader)
            case "first_reply_minutes":
                target.firstReplyMinutes = try reader.int(value, at: "\(at).\(key)", range: 1...525_600)
            case "resolution_minutes":
                target.resolutionMinutes = try reader.int(value, at: "\(at).\(key)", range: 1...525_600)
            default: break
            }
        }
        guard target.firstReplyMinutes != nil || target.resolutionMinutes != nil else {
            throw reader.error(node, at, "a target needs first_reply_minutes or resolution_minutes")
        }
        return target
    }

    private static func priority(_ node: Node, at: String, reader: NodeReader) throws -> TicketPriority {
        let name = try reader.string(node, at: at)
        guard let priority = TicketPriority(name: name) else {
            let names = TicketPriority.allCases.map(\.name).joined(separator: ", ")
            throw reader.error(node, at, "expected one of \(names), found '\(DisplayText.shown(name))'")
        }
        return priority
    }

    /// Ticket field -> the export's name for it.
    private static func fieldMapping(_ node: Node, at: String, reader: NodeReader) throws -> [String: String] {
        var mapping: [String: String] = [:]
        let fields = [
            "id", "subject", "status", "priority", "ticket_type", "tags", "group", "assignee", "channel", "created_at",
            "updated_at", "solved_at", "closed_at", "first_reply_at", "first_reply_minutes", "first_reply_hours",
            "resolution_minutes", "resolution_hours", "reopens", "satisfaction",
        ]
        for (field, name) in try reader.mapping(node, at: at, known: fields) {
            mapping[field] = try reader.string(name, at: "\(at).\(field)")
        }
        return mapping
    }
}
