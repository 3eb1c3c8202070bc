import HotlineModel

/// The report model: everything any renderer prints, computed once, in display order.
///
/// Encoded as the JSON report (snake_case keys, unrounded values, nulls kept).
public struct Report: Sendable, Encodable {
    public var period: ReportPeriod
    public var thresholds: MetricSettings
    public var filters: ReportFilters
    public var headline: [HeadlineFigure]
    public var totals: CallFigures
    /// Time-of-day rows (wall clock), over every day of the period.
    public var intervals: [IntervalRow]
    public var days: [DayRow]
    /// Offered calls, `heatmap[weekday][hour]`, weekday 0 = Monday.
    public var heatmap: [[Int]]
    public var categories: [CategoryRow]
    public var queues: [GroupRow]
    /// Agents needed per time-of-day slot by Erlang C against those seen answering, means per day.
    public var staffing: [StaffingRow]
    /// Agents by name: calls answered, handle time, and where a queue log says so, logged-in and paused time.
    public var agents: [AgentRow]
    public var waitDistribution: [WaitBucket]
    public var table: ReportTable
    public var dataQuality: DataQuality

    enum CodingKeys: String, CodingKey {
        case period, thresholds, filters, headline, totals, intervals, days, heatmap, categories, queues, agents,
            staffing
        case waitDistribution = "wait_distribution", table, dataQuality = "data_quality"
    }
}

public struct ReportPeriod: Sendable, Encodable {
    /// First and last local day (YYYY-MM-DD); nil when there was no data and no bound.
    public var from: String?
    public var to: String?
    public var days: Int
    public var timeZone: String
    public var intervalMinutes: Int
    public var previousFrom: String?
    public var previousTo: String?
    /// Local time (`YYYY-MM-DD HH:MM`) after which answered calls of the period may still turn out repeats with
    /// data not yet read; nil when the period ends a whole repeat window before the data does.
    public var repeatsProvisionalAfter: String?

    enum CodingKeys: String, CodingKey {
        case from, to, days, timeZone = "time_zone", intervalMinutes = "interval_minutes"
        case previousFrom = "previous_from", previousTo = "previous_to"
        case repeatsProvisionalAfter = "repeats_provisional_after"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(days, forKey: .days)
        try c.encode(timeZone, forKey: .timeZone)
        try c.encode(intervalMinutes, forKey: .intervalMinutes)
        try c.encode(previousFrom, forKey: .previousFrom)
        try c.encode(previousTo, forKey: .previousTo)
        try c.encode(repeatsProvisionalAfter, forKey: .repeatsProvisionalAfter)
    }
}

public struct ReportFilters: Sendable, Encodable {
    public var queues: [String]
    public var categories: [String]
}

/// How a figure is shown and how its change is measured (METRICS.md, "Change vs previous period").
public enum FigureKind: String, Sendable, Encodable {
    /// A count: change relative.
    case count
    /// A fraction 0...1: change in percentage points.
    case rate
    /// Seconds: change relative.
    case seconds
    /// A mean score: change as a difference.
    case score
}

public struct HeadlineFigure: Sendable, Encodable {
    public var key: String
    public var label: String
    public var kind: FigureKind
    public var value: Double?
    public var previous: Double?
    /// Percentage points for rates (0.012 = +1.2 pp), a fraction for counts and times, a difference for scores.
    public var change: Double?
    /// The target the value is measured against, when there is one.
    public var target: Double?

    enum CodingKeys: String, CodingKey { case key, label, kind, value, previous, change, target }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(label, forKey: .label)
        try c.encode(kind, forKey: .kind)
        try c.encode(value, forKey: .value)
        try c.encode(previous, forKey: .previous)
        try c.encode(change, forKey: .change)
        try c.encode(target, forKey: .target)
    }
}

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

    enum CodingKeys: String, CodingKey { case category, chineseName = "name_zh", share, figures, subcategories }
}

public struct GroupRow: Sendable, Encodable {
    /// The group's name; empty for "no subcategory".
    public var name: String
    public var share: Double?
    public var figures: CallFigures
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

    enum CodingKeys: String, CodingKey {
        case start, callsPerDay = "calls_per_day", ahtSeconds = "aht_s", requiredAgents = "required_agents"
        case serviceLevel = "service_level", asaSeconds = "asa_s", occupancy, observedAgents = "observed_agents"
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
    }
}
