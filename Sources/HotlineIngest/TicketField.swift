/// The fields a ticket export can carry, by the names the configuration's column mapping uses.
///
/// Each reader finds these in its own layout (a CSV header, XML elements, JSON keys) and hands their bytes to
/// ``TicketNormaliser``, which owns every rule about what a valid ticket is.
public enum TicketField: String, CaseIterable, Sendable {
    case id, subject, status, priority
    case ticketType = "ticket_type", tags, group, assignee, channel
    case createdAt = "created_at", updatedAt = "updated_at", solvedAt = "solved_at", closedAt = "closed_at"
    case firstReplyAt = "first_reply_at"
    /// The export's own first-reply and resolution times (Zendesk in minutes, Freshdesk in hours).
    case firstReplyMinutes = "first_reply_minutes", firstReplyHours = "first_reply_hours"
    case resolutionMinutes = "resolution_minutes", resolutionHours = "resolution_hours"
    case reopens, satisfaction
    /// The call the ticket came from (docs/METRICS.md, "Journey"): its call id, and the requester's phone.
    case callID = "call_id", requesterPhone = "requester_phone"

    /// Position in a field array: a switch, because a dictionary look-up per field read was a tenth of the time.
    @inline(__always) var slot: Int {
        switch self {
        case .id: 0
        case .subject: 1
        case .status: 2
        case .priority: 3
        case .ticketType: 4
        case .tags: 5
        case .group: 6
        case .assignee: 7
        case .channel: 8
        case .createdAt: 9
        case .updatedAt: 10
        case .solvedAt: 11
        case .closedAt: 12
        case .firstReplyAt: 13
        case .firstReplyMinutes: 14
        case .firstReplyHours: 15
        case .resolutionMinutes: 16
        case .resolutionHours: 17
        case .reopens: 18
        case .satisfaction: 19
        case .callID: 20
        case .requesterPhone: 21
        }
    }

    /// Fields whose absence from an export is worth saying in data quality: the figures they feed are empty.
    static let reported: [(TicketField, String)] = [
        (.firstReplyAt, "first reply time"), (.solvedAt, "solved time"), (.reopens, "reopen count"),
        (.satisfaction, "satisfaction"), (.priority, "priority"),
    ]
}

/// The bytes of each ``TicketField`` of one record; absent fields are nil. Readers that have Strings (XML, JSON)
/// collect them here, then view them as buffers.
struct TicketFieldValues {
    private var bytes: [UInt8] = []
    private var ranges: [Range<Int>?] = Array(repeating: nil, count: TicketField.allCases.count)

    mutating func set(_ field: TicketField, _ text: String) {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        ranges[field.slot] = start..<bytes.count
    }

    mutating func set(_ field: TicketField, utf8 text: some Collection<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: text)
        ranges[field.slot] = start..<bytes.count
    }

    func has(_ field: TicketField) -> Bool { ranges[field.slot] != nil }

    /// The fields this record has, one bit per ``TicketField/slot``: readers gather these per record and make the
    /// set of fields once, at the end (a `Set` insert per field of every ticket was 8% of reading ticket JSON).
    var fieldMask: UInt64 {
        var mask: UInt64 = 0
        for slot in ranges.indices where ranges[slot] != nil { mask |= 1 << UInt64(slot) }
        return mask
    }

    /// The fields of a ``fieldMask``.
    static func fields(in mask: UInt64) -> Set<TicketField> {
        Set(TicketField.allCases.filter { mask & (1 << UInt64($0.slot)) != 0 })
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        for i in ranges.indices { ranges[i] = nil }
    }

    func withBuffers<R>(_ body: ([UnsafeBufferPointer<UInt8>?]) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { all in
            let buffers = ranges.map { range in
                range.map { UnsafeBufferPointer(rebasing: all[$0]) }
            }
            return try body(buffers)
        }
    }
}
