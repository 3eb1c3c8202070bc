import HotlineModel

/// The journey section of a report (docs/METRICS.md, "Journey"; JSON `journey`): calls that became tickets, how
/// long the customer waited for the answer, and the calls that chased an open ticket. Built only when a ticket
/// export was read and its tickets can be linked (a call reference or a requester phone); else the JSON writes
/// `null` and the report says why.
public struct JourneySection: Sendable, Encodable {
    /// Answered calls of one name of a breakdown, and those escalated to a ticket.
    public struct Escalation: Sendable, Encodable {
        public var name: String
        public var answered: Int
        public var escalated: Int
        public var rate: Double?

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(answered, forKey: .answered)
            try c.encode(escalated, forKey: .escalated)
            try c.encode(rate, forKey: .rate)
        }

        enum CodingKeys: String, CodingKey { case name, answered, escalated, rate }
    }

    public struct Chasers: Sendable, Encodable {
        /// The category of the open ticket the calls chased.
        public var category: CallCategory
        public var calls: Int
        /// Of all offered calls: the categories add up to the chaser rate.
        public var rate: Double?

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(category.name, forKey: .category)
            try c.encode(calls, forKey: .calls)
            try c.encode(rate, forKey: .rate)
        }

        enum CodingKeys: String, CodingKey { case category, calls, rate }
    }

    public var tickets: Int
    public var linkedTickets: Int
    public var linkedByReference: Int
    public var linkedByPhone: Int
    public var unknownReferences: Int
    public var answered: Int
    public var escalated: Int
    public var escalationRate: Double?
    public var contactToResolutionP50Minutes: Int?
    public var contactToResolutionP90Minutes: Int?
    /// Linked tickets solved in the period: what the percentiles are of.
    public var resolved: Int
    public var offered: Int
    public var chaserCalls: Int
    public var chaserRate: Double?
    /// Escalation by category (in category order), subcategory, queue, agent and IVR path (most escalated first).
    public var byCategory: [Escalation]
    public var bySubcategory: [Escalation]
    public var byQueue: [Escalation]
    public var byAgent: [Escalation]
    public var byIVRPath: [Escalation]
    /// In category order, only categories with chaser calls.
    public var chasersByCategory: [Chasers]
    /// Summed from the nightly store's days, each linked within the files around it: chaser calls of tickets from
    /// older calls are missing (the renderers say so; not in the JSON, whose figures keep one meaning).
    public var fromStore = false

    enum CodingKeys: String, CodingKey {
        case tickets, linkedTickets = "linked_tickets", linkedByReference = "linked_by_reference"
        case linkedByPhone = "linked_by_phone", unknownReferences = "unknown_call_references"
        case answered, escalated, escalationRate = "escalation_rate"
        case contactToResolutionP50Minutes = "contact_to_resolution_p50_min"
        case contactToResolutionP90Minutes = "contact_to_resolution_p90_min", resolved
        case offered, chaserCalls = "chaser_calls", chaserRate = "chaser_rate"
        case byCategory = "escalation_by_category", bySubcategory = "escalation_by_subcategory"
        case byQueue = "escalation_by_queue", byAgent = "escalation_by_agent", byIVRPath = "escalation_by_ivr_path"
        case chasersByCategory = "chasers_by_category"
    }

    /// Written out so absent figures are `null`: the JSON keeps one shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(linkedTickets, forKey: .linkedTickets)
        try c.encode(escalationRate, forKey: .escalationRate)
        try c.encode(contactToResolutionP50Minutes, forKey: .contactToResolutionP50Minutes)
        try c.encode(contactToResolutionP90Minutes, forKey: .contactToResolutionP90Minutes)
        try c.encode(chaserCalls, forKey: .chaserCalls)
        try c.encode(chaserRate, forKey: .chaserRate)
        try c.encode(tickets, forKey: .tickets)
        try c.encode(linkedByReference, forKey: .linkedByReference)
        try c.encode(linkedByPhone, forKey: .linkedByPhone)
        try c.encode(unknownReferences, forKey: .unknownReferences)
        try c.encode(answered, forKey: .answered)
        try c.encode(escalated, forKey: .escalated)
        try c.encode(resolved, forKey: .resolved)
        try c.encode(offered, forKey: .offered)
        try c.encode(byCategory, forKey: .byCategory)
        try c.encode(bySubcategory, forKey: .bySubcategory)
        try c.encode(byQueue, forKey: .byQueue)
        try c.encode(byAgent, forKey: .byAgent)
        try c.encode(byIVRPath, forKey: .byIVRPath)
        try c.encode(chasersByCategory, forKey: .chasersByCategory)
    }

    /// Nil when no ticket read can be linked (no call reference, no requester phone): the figures are unknown,
    /// not zero.
    public init?(_ a: JourneyAccumulator) {
        guard a.linkable else { return nil }
        func rate(_ n: Int, _ d: Int) -> Double? { d > 0 ? Double(n) / Double(d) : nil }
        func rows(_ breakdown: JourneyAccumulator.Breakdown) -> [Escalation] {
            (a.by[breakdown] ?? [:]).map {
                Escalation(
                    name: $0.key, answered: $0.value.answered, escalated: $0.value.escalated,
                    rate: rate($0.value.escalated, $0.value.answered))
            }
        }
        func worstFirst(_ x: Escalation, _ y: Escalation) -> Bool {
            (x.escalated, x.answered) != (y.escalated, y.answered)
                ? (x.escalated, x.answered) > (y.escalated, y.answered) : x.name < y.name
        }
        tickets = a.tickets
        linkedTickets = a.linkedTickets
        linkedByReference = a.linkedByReference
        linkedByPhone = a.linkedByPhone
        unknownReferences = a.unknownReferences
        answered = a.total.answered
        escalated = a.total.escalated
        escalationRate = rate(a.total.escalated, a.total.answered)
        contactToResolutionP50Minutes = a.resolutionPercentile(50)
        contactToResolutionP90Minutes = a.resolutionPercentile(90)
        resolved = a.resolved
        offered = a.offered
        chaserCalls = a.chasers
        chaserRate = rate(a.chasers, a.offered)
        byCategory = rows(.category).sorted {
            (CallCategory(name: $0.name)?.rawValue ?? .max, $0.name)
                < (CallCategory(name: $1.name)?.rawValue ?? .max, $1.name)
        }
        bySubcategory = rows(.subcategory).sorted(by: worstFirst)
        byQueue = rows(.queue).sorted(by: worstFirst)
        byAgent = rows(.agent).sorted(by: worstFirst)
        byIVRPath = rows(.ivrPath).sorted(by: worstFirst)
        chasersByCategory = CallCategory.allCases.compactMap { category in
            guard let n = a.chasersByCategory[category], n > 0 else { return nil }
            return Chasers(category: category, calls: n, rate: rate(n, a.offered))
        }
    }
}
