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
    /// Ticket figures; nil when no ticket export was read.
    public var tickets: TicketSection?
    /// For a one-day report from the nightly store: the headline against the same weekday a week before.
    public var weekAgo: WeekAgoComparison?
    /// What needs attention, most calls affected first.
    public var exceptions: [ReportException] = []
    public var dataQuality: DataQuality

    enum CodingKeys: String, CodingKey {
        case period, thresholds, filters, exceptions, headline, totals, intervals, days, heatmap, categories, queues,
            agents, staffing
        case waitDistribution = "wait_distribution", table, tickets, weekAgo = "week_ago"
        case dataQuality = "data_quality"
    }

    /// Written out so `tickets` is `null` when no ticket export was read: the JSON keeps one shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(period, forKey: .period)
        try c.encode(thresholds, forKey: .thresholds)
        try c.encode(filters, forKey: .filters)
        try c.encode(exceptions, forKey: .exceptions)
        try c.encode(headline, forKey: .headline)
        try c.encode(totals, forKey: .totals)
        try c.encode(intervals, forKey: .intervals)
        try c.encode(days, forKey: .days)
        try c.encode(heatmap, forKey: .heatmap)
        try c.encode(categories, forKey: .categories)
        try c.encode(queues, forKey: .queues)
        try c.encode(agents, forKey: .agents)
        try c.encode(staffing, forKey: .staffing)
        try c.encode(waitDistribution, forKey: .waitDistribution)
        try c.encode(table, forKey: .table)
        try c.encode(tickets, forKey: .tickets)
        if let weekAgo { try c.encode(weekAgo, forKey: .weekAgo) }
        try c.encode(dataQuality, forKey: .dataQuality)
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
    /// Minutes (ticket reply and resolution times): change relative.
    case minutes
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

    /// A figure with its change against `previous` (METRICS.md, "Change vs previous period").
    public init(key: String, label: String, kind: FigureKind, value: Double?, previous: Double?, target: Double? = nil)
    {
        self.key = key
        self.label = label
        self.kind = kind
        self.value = value
        self.previous = previous
        self.target = target
        if let value, let previous {
            switch kind {
            case .rate, .score: change = value - previous
            case .count, .seconds, .minutes: change = previous != 0 ? (value - previous) / previous : nil
            }
        }
    }

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

/// The headline of a day against the same weekday one week before (`previous` and `change` are that day's).
public struct WeekAgoComparison: Sendable, Encodable {
    public var date: String
    public var weekday: String
    public var headline: [HeadlineFigure]

    public init(date: String, weekday: String, headline: [HeadlineFigure]) {
        self.date = date
        self.weekday = weekday
        self.headline = headline
    }
}
