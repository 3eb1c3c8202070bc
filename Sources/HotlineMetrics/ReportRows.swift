import HotlineModel

public struct IntervalRow: Sendable, Encodable {
    /// Local start, `HH:MM`.
    public var start: String
    public var figures: CallFigures
    public var peakWaiting: Int

    enum CodingKeys: String, CodingKey { case start, figures, peakWaiting = "peak_waiting" }
}

public struct DayRow: Sendable, Encodable {
    public var date: String
    public var weekday: String
    public var figures: CallFigures
    public var peakWaiting: Int

    enum CodingKeys: String, CodingKey { case date, weekday, figures, peakWaiting = "peak_waiting" }
}

public struct CategoryRow: Sendable, Encodable {
    public var category: String
    public var chineseName: String
    /// Fraction of all offered calls.
    public var share: Double?
    public var figures: CallFigures
    public var subcategories: [GroupRow]
    /// What the category's calls are held to (its own target, else the default).
    public var target: ServiceTarget

    enum CodingKeys: String, CodingKey {
        case category, chineseName = "name_zh", share, figures, subcategories, target
    }
}

public struct GroupRow: Sendable, Encodable {
    /// The group's name; empty for "no subcategory".
    public var name: String
    public var share: Double?
    public var figures: CallFigures
    /// What the group is held to: a queue's own target, a subcategory its category's; else the default.
    public var target: ServiceTarget
}

public struct WaitBucket: Sendable, Encodable {
    /// Lower bound in seconds, inclusive.
    public var from: Int
    /// Upper bound in seconds, inclusive; nil for the last, open bucket.
    public var to: Int?
    public var calls: Int
    public var share: Double?

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(calls, forKey: .calls)
        try c.encode(share, forKey: .share)
    }

    enum CodingKeys: String, CodingKey { case from, to, calls, share }
}

/// The `--by` table: one row per combination of the chosen dimensions, in sorted order.
public struct ReportTable: Sendable, Encodable {
    public var dimensions: [String]
    public var rows: [TableRow]
}

public struct TableRow: Sendable, Encodable {
    /// Values of ``ReportTable/dimensions``, in the same order.
    public var keys: [String]
    public var figures: CallFigures
}

public struct DataQuality: Sendable, Encodable {
    public var inputs: [InputRow]
    public var records: Int
    public var accepted: Int
    public var rejected: Int
    public var filesFailed: Int
    /// Accepted calls outside the period or filters: left out of its figures (they still feed the comparison and
    /// repeat calls).
    public var callsOutsidePeriod: Int
    public var rejectsByReason: [ReasonCount]
    /// The first rejects, `file:line: field: reason`.
    public var firstRejects: [String]
    public var unmatched: [UnmatchedCount]

    enum CodingKeys: String, CodingKey {
        case inputs, records, accepted, rejected, filesFailed = "files_failed"
        case callsOutsidePeriod = "calls_outside_period"
        case rejectsByReason = "rejects_by_reason", firstRejects = "first_rejects", unmatched
    }
}

public struct InputRow: Sendable, Encodable {
    public var path: String
    public var format: String
    public var encoding: String
    public var records: Int
    public var accepted: Int
    public var rejected: Int
    public var error: String?
    public var notes: [String]

    public init(
        path: String, format: String, encoding: String, records: Int, accepted: Int, rejected: Int, error: String?,
        notes: [String]
    ) {
        self.path = path
        self.format = format
        self.encoding = encoding
        self.records = records
        self.accepted = accepted
        self.rejected = rejected
        self.error = error
        self.notes = notes
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(format, forKey: .format)
        try c.encode(encoding, forKey: .encoding)
        try c.encode(records, forKey: .records)
        try c.encode(accepted, forKey: .accepted)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(error, forKey: .error)
        try c.encode(notes, forKey: .notes)
    }

    enum CodingKeys: String, CodingKey { case path, format, encoding, records, accepted, rejected, error, notes }
}

public struct ReasonCount: Sendable, Encodable {
    public var reason: String
    public var count: Int
}

public struct UnmatchedCount: Sendable, Encodable {
    public var field: String
    public var value: String
    public var count: Int
}

public struct AgentRow: Sendable, Encodable {
    public var name: String
    public var figures: CallFigures
    /// Seconds logged in (and paused) within the period; nil without agent events.
    public var loggedInSeconds: Double?
    public var pausedSeconds: Double?
    /// Handle time / (logged in − paused); nil without agent events.
    public var occupancy: Double?
    public var ringNoAnswer: Int

    enum CodingKeys: String, CodingKey {
        case name, figures, loggedInSeconds = "logged_in_s", pausedSeconds = "paused_s", occupancy
        case ringNoAnswer = "ring_no_answer"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(figures, forKey: .figures)
        try c.encode(loggedInSeconds, forKey: .loggedInSeconds)
        try c.encode(pausedSeconds, forKey: .pausedSeconds)
        try c.encode(occupancy, forKey: .occupancy)
        try c.encode(ringNoAnswer, forKey: .ringNoAnswer)
    }
}

/// Staffing of one time-of-day slot: mean calls per day, the agents Erlang C says the target needs, and the
/// agents seen answering (distinct per day, averaged over the days of the period).
public struct StaffingRow: Sendable, Encodable {
    public var start: String
    public var callsPerDay: Double
    public var ahtSeconds: Double?
    public var requiredAgents: Int
    /// What the required agents would give.
    public var serviceLevel: Double?
    public var asaSeconds: Double?
    public var occupancy: Double?
    /// Distinct agents answering in the slot, mean per day; nil where no agent is recorded.
    public var observedAgents: Double?
    /// The service level the slot had; a slot that missed the target is short whatever the head count says.
    public var observedServiceLevel: Double?

    enum CodingKeys: String, CodingKey {
        case start, callsPerDay = "calls_per_day", ahtSeconds = "aht_s", requiredAgents = "required_agents"
        case serviceLevel = "service_level", asaSeconds = "asa_s", occupancy, observedAgents = "observed_agents"
        case observedServiceLevel = "observed_service_level"
    }

    /// Short of agents: fewer seen than required, or the slot missed its target with the agents it had.
    public func isShort(target: Double) -> Bool {
        guard callsPerDay > 0 else { return false }
        if let observedAgents, observedAgents < Double(requiredAgents) { return true }
        return (observedServiceLevel ?? 1) < target
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(callsPerDay, forKey: .callsPerDay)
        try c.encode(ahtSeconds, forKey: .ahtSeconds)
        try c.encode(requiredAgents, forKey: .requiredAgents)
        try c.encode(serviceLevel, forKey: .serviceLevel)
        try c.encode(asaSeconds, forKey: .asaSeconds)
        try c.encode(occupancy, forKey: .occupancy)
        try c.encode(observedAgents, forKey: .observedAgents)
        try c.encode(observedServiceLevel, forKey: .observedServiceLevel)
    }
}

/// Staffing for the mean day of one weekday (the mean Monday, ...), where the period holds at least two of each.
public struct WeekdayStaffing: Sendable, Encodable {
    public var weekday: String
    /// How many days of that weekday the means are over.
    public var days: Int
    public var rows: [StaffingRow]
}
