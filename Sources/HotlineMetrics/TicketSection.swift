/// The ticket part of the report model (docs/DESIGN.md, "Reports", part 4): present when a ticket export was read.
public struct TicketSection: Sendable, Encodable {
    /// `business` or `calendar`: how reply and resolution times were measured.
    public var clock: String
    /// `Mon-Fri 09:00-18:00, 2 holidays`, when business hours are set.
    public var businessHours: String?
    public var slaTargets: [SLATargetRow]
    public var headline: [HeadlineFigure]
    /// The period's figures; `backlog` at the end of its last day.
    public var totals: TicketFigures
    public var days: [TicketDayRow]
    public var categories: [TicketGroupRow]
    public var priorities: [TicketGroupRow]
    /// Solved tickets with an SLA target, category x priority; only cells with tickets.
    public var sla: [SLACell]
    /// Resolution times of the period's solved tickets, bucketed, per category.
    public var resolutionDistribution: [ResolutionBucket]
    public var table: TicketTable
    /// Tickets read that the period's figures leave out (created and solved outside it, or filtered).
    public var outsidePeriod: Int
    /// Solved or closed without a solve time: out of resolution figures and the backlog.
    public var solvedWithoutTime: Int

    enum CodingKeys: String, CodingKey {
        case clock, businessHours = "business_hours", slaTargets = "sla_targets", headline, totals, days, categories
        case priorities, sla, resolutionDistribution = "resolution_distribution", table
        case outsidePeriod = "outside_period", solvedWithoutTime = "solved_without_time"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(clock, forKey: .clock)
        try c.encode(businessHours, forKey: .businessHours)
        try c.encode(slaTargets, forKey: .slaTargets)
        try c.encode(headline, forKey: .headline)
        try c.encode(totals, forKey: .totals)
        try c.encode(days, forKey: .days)
        try c.encode(categories, forKey: .categories)
        try c.encode(priorities, forKey: .priorities)
        try c.encode(sla, forKey: .sla)
        try c.encode(resolutionDistribution, forKey: .resolutionDistribution)
        try c.encode(table, forKey: .table)
        try c.encode(outsidePeriod, forKey: .outsidePeriod)
        try c.encode(solvedWithoutTime, forKey: .solvedWithoutTime)
    }
}

public struct SLATargetRow: Sendable, Encodable {
    /// nil: any.
    public var category: String?
    public var priority: String?
    public var firstReplyMinutes: Int?
    public var resolutionMinutes: Int?

    enum CodingKeys: String, CodingKey {
        case category, priority, firstReplyMinutes = "first_reply_min", resolutionMinutes = "resolution_min"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(category, forKey: .category)
        try c.encode(priority, forKey: .priority)
        try c.encode(firstReplyMinutes, forKey: .firstReplyMinutes)
        try c.encode(resolutionMinutes, forKey: .resolutionMinutes)
    }
}

public struct TicketDayRow: Sendable, Encodable {
    public var date: String
    public var weekday: String
    public var created: Int
    public var solved: Int
    /// Open at the end of the day.
    public var backlog: Int
}

public struct TicketGroupRow: Sendable, Encodable {
    public var name: String
    public var figures: TicketFigures
    public var subcategories: [TicketGroupRow]?
}

public struct SLACell: Sendable, Encodable {
    public var category: String
    public var priority: String
    public var withTarget: Int
    public var breached: Int
    public var breachRate: Double?

    enum CodingKeys: String, CodingKey {
        case category, priority, withTarget = "with_target", breached, breachRate = "breach_rate"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(category, forKey: .category)
        try c.encode(priority, forKey: .priority)
        try c.encode(withTarget, forKey: .withTarget)
        try c.encode(breached, forKey: .breached)
        try c.encode(breachRate, forKey: .breachRate)
    }
}

public struct ResolutionBucket: Sendable, Encodable {
    /// `< 1 h`, `1-4 h`, ... `> 7 d`.
    public var label: String
    public var fromMinutes: Int
    public var toMinutes: Int?
    /// Solved tickets per category, in taxonomy order (account, payment, billing, other, complaint).
    public var counts: [Int]

    enum CodingKeys: String, CodingKey { case label, fromMinutes = "from_min", toMinutes = "to_min", counts }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(label, forKey: .label)
        try c.encode(fromMinutes, forKey: .fromMinutes)
        try c.encode(toMinutes, forKey: .toMinutes)
        try c.encode(counts, forKey: .counts)
    }
}

/// The `--tickets` table: one row per combination of the ticket dimensions of `--by`.
public struct TicketTable: Sendable, Encodable {
    public var dimensions: [String]
    public var rows: [TicketTableRow]
}

public struct TicketTableRow: Sendable, Encodable {
    public var keys: [String]
    public var figures: TicketFigures
}
