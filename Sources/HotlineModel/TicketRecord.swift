/// One help-desk ticket, whatever export it was read from (docs/DESIGN.md, "Model").
///
/// Repeated strings (channel, group, assignee, tags, type) are interned as ``Symbol``s; the id is kept as a
/// 64-bit key (the number itself for numeric ids, a hash otherwise) so a run can tell a ticket read twice.
public struct TicketRecord: Equatable, Sendable {
    public var location: RecordLocation
    /// The ticket id as the export writes it.
    public var id: String
    public var key: UInt64
    public var channel: Symbol
    public var group: Symbol
    public var assignee: Symbol
    /// Raw labels the category rules look at.
    public var ticketType: Symbol
    public var tags: Symbol
    /// The subject, for keyword rules; not kept after classification.
    public var subject: String
    /// Set by the classifier.
    public var category: CallCategory
    public var subcategory: Symbol
    public var priority: TicketPriority
    public var status: TicketStatus
    public var createdAt: Instant
    public var updatedAt: Instant?
    public var firstReplyAt: Instant?
    /// The last time the ticket was solved (Zendesk's `solved_at`); figures use it only when the status is
    /// solved or closed.
    public var solvedAt: Instant?
    /// Times reopened after a solve; nil when the export does not say.
    public var reopens: Int?
    public var satisfaction: TicketSatisfaction?
    /// The export's own figures, in calendar minutes, to compare with those computed from the times.
    public var exportedFirstReplyMinutes: Double?
    public var exportedResolutionMinutes: Double?
    /// The call the ticket came from, by its call id (``CallRecord/key(_:)``; a `call_id` field or a `call:<id>`
    /// tag); 0 when the export names none.
    public var callKey: UInt64 = 0
    /// The requester's phone (or caller id), matched to the caller of a call; nil when the export has none.
    public var requester: CallerKey?

    public init(
        location: RecordLocation, id: String, key: UInt64, channel: Symbol = .none, group: Symbol = .none,
        assignee: Symbol = .none, ticketType: Symbol = .none, tags: Symbol = .none, subject: String = "",
        category: CallCategory = .other, subcategory: Symbol = .none, priority: TicketPriority = .none,
        status: TicketStatus, createdAt: Instant, updatedAt: Instant? = nil, firstReplyAt: Instant? = nil,
        solvedAt: Instant? = nil, reopens: Int? = nil, satisfaction: TicketSatisfaction? = nil,
        exportedFirstReplyMinutes: Double? = nil, exportedResolutionMinutes: Double? = nil
    ) {
        self.location = location
        self.id = id
        self.key = key
        self.channel = channel
        self.group = group
        self.assignee = assignee
        self.ticketType = ticketType
        self.tags = tags
        self.subject = subject
        self.category = category
        self.subcategory = subcategory
        self.priority = priority
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.firstReplyAt = firstReplyAt
        self.solvedAt = solvedAt
        self.reopens = reopens
        self.satisfaction = satisfaction
        self.exportedFirstReplyMinutes = exportedFirstReplyMinutes
        self.exportedResolutionMinutes = exportedResolutionMinutes
    }

    /// Solved or closed with a solve time: the tickets resolution figures count.
    public var isSolved: Bool { status.isSolved && solvedAt != nil }

    /// The key of an id: the number for a plain decimal id up to 18 digits, else a 64-bit FNV-1a hash with the
    /// top bit set (so it cannot equal a number).
    public static func key(forID bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if !bytes.isEmpty && bytes.count <= 18 && bytes.allSatisfy({ $0 &- 48 < 10 }) {
            return bytes.reduce(0) { $0 * 10 + UInt64($1 - 48) }
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        return hash | (1 << 63)
    }

    public static func key(forID id: String) -> UInt64 {
        var text = id
        return text.withUTF8 { key(forID: $0) }
    }
}

/// Ticket states, the words of every export mapped onto Zendesk's set.
public enum TicketStatus: UInt8, CaseIterable, Sendable {
    case new, open, pending, hold, solved, closed, deleted

    public var name: String {
        switch self {
        case .new: "new"
        case .open: "open"
        case .pending: "pending"
        case .hold: "hold"
        case .solved: "solved"
        case .closed: "closed"
        case .deleted: "deleted"
        }
    }

    public var isSolved: Bool { self == .solved || self == .closed }

    /// The status a word names: Zendesk's and Freshdesk's words (`Resolved`, `Waiting on Customer`) and the
    /// Chinese ones; nil for an unknown word.
    public init?(word: String) {
        let w = word.trimmingCharacters(in: .whitespaces).lowercased()
        switch w {
        case "new", "新建", "新": self = .new
        case "open", "opened", "reopened", "in progress", "处理中", "打开", "已重开", "待处理": self = .open
        case "pending", "waiting on customer", "waiting on third party", "awaiting customer", "等待客户", "挂起":
            self = .pending
        case "hold", "on-hold", "on hold", "暂停": self = .hold
        case "solved", "resolved", "已解决", "解决": self = .solved
        case "closed", "已关闭", "关闭": self = .closed
        case "deleted", "已删除": self = .deleted
        default: return nil
        }
    }
}

/// Ticket priority, in display order; ``none`` when the export leaves it empty.
public enum TicketPriority: UInt8, CaseIterable, Comparable, Sendable {
    case urgent, high, normal, low, none

    public var name: String {
        switch self {
        case .urgent: "urgent"
        case .high: "high"
        case .normal: "normal"
        case .low: "low"
        case .none: "none"
        }
    }

    /// Zendesk's words, Freshdesk's (`Medium`, and the numbers 1-4 its API uses), Chinese; nil when unknown.
    public init?(word: String) {
        let w = word.trimmingCharacters(in: .whitespaces).lowercased()
        switch w {
        case "": self = .none
        case "urgent", "4", "紧急", "特急": self = .urgent
        case "high", "3", "高", "重要": self = .high
        case "normal", "medium", "2", "普通", "中", "一般": self = .normal
        case "low", "1", "低": self = .low
        case "none", "-": self = .none
        default: return nil
        }
    }

    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    public static func < (a: TicketPriority, b: TicketPriority) -> Bool { a.rawValue < b.rawValue }
}

/// A satisfaction rating: good/bad (Zendesk) or a 1-5 score.
public enum TicketSatisfaction: Equatable, Sendable {
    case good, bad
    case score(Int8)
}
