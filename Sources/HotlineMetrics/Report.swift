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
    /// The same for the mean day of each weekday, where the period holds at least two of each; else empty.
    public var staffingByWeekday: [WeekdayStaffing] = []
    /// Agents by name: calls answered, handle time, and where a queue log says so, logged-in and paused time.
    public var agents: [AgentRow]
    public var waitDistribution: [WaitBucket]
    public var table: ReportTable
    /// Ticket figures; nil when no ticket export was read.
    public var tickets: TicketSection?
    /// The menus in front of the queues; nil when the inputs hold no IVR call.
    public var ivr: IVRSection?
    /// Calls that became tickets and calls that chased them; nil when no ticket export was read or none of its
    /// tickets can be linked to a call.
    public var journey: JourneySection?
    /// What needs attention, most calls affected first.
    public var exceptions: [ReportException] = []
    /// Service level by day and wall-clock interval over the period (up to 62 days), where an outage stands out.
    public var serviceLevelByDay: [DaySlots] = []
    /// A filter or period that matched no call, naming what exists.
    public var warnings: [String] = []
    /// The sites merged into a report from several nightly stores, as named on the command line; empty otherwise.
    public var sites: [String] = []
    /// Links to the reports around this one (the nightly job's daily reports); nil for an ad-hoc report.
    public var navigation: ReportNavigation?
    public var dataQuality: DataQuality

    enum CodingKeys: String, CodingKey {
        case period, thresholds, filters, sites, warnings, exceptions, serviceLevelByDay = "service_level_by_day",
            headline,
            totals, intervals, days, heatmap, categories,
            queues,
            agents, staffing, staffingByWeekday = "staffing_by_weekday"
        case waitDistribution = "wait_distribution", table, tickets, ivr, journey
        case dataQuality = "data_quality"
    }

    /// Written out so `tickets` is `null` when no ticket export was read: the JSON keeps one shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(period, forKey: .period)
        try c.encode(thresholds, forKey: .thresholds)
        try c.encode(filters, forKey: .filters)
        // Only for a merge of sites, so every other report keeps its shape.
        if !sites.isEmpty { try c.encode(sites, forKey: .sites) }
        try c.encode(warnings, forKey: .warnings)
        try c.encode(exceptions, forKey: .exceptions)
        try c.encode(serviceLevelByDay, forKey: .serviceLevelByDay)
        try c.encode(headline, forKey: .headline)
        try c.encode(totals, forKey: .totals)
        try c.encode(intervals, forKey: .intervals)
        try c.encode(days, forKey: .days)
        try c.encode(heatmap, forKey: .heatmap)
        try c.encode(categories, forKey: .categories)
        try c.encode(queues, forKey: .queues)
        try c.encode(agents, forKey: .agents)
        try c.encode(staffing, forKey: .staffing)
        try c.encode(staffingByWeekday, forKey: .staffingByWeekday)
        try c.encode(waitDistribution, forKey: .waitDistribution)
        try c.encode(table, forKey: .table)
        try c.encode(tickets, forKey: .tickets)
        try c.encode(ivr, forKey: .ivr)
        try c.encode(journey, forKey: .journey)
        try c.encode(dataQuality, forKey: .dataQuality)
    }
}

public struct ReportPeriod: Sendable, Encodable {
    /// First and last local day; nil when there was no data and no bound. Encoded as `YYYY-MM-DD`.
    public var from: CivilDate?
    public var to: CivilDate?
    public var days: Int
    /// The IANA name of the zone, or `UTC+08:00` for a fixed offset.
    public var timeZone: String
    /// The UTC offsets the zone had over the period (two or more when daylight saving changed inside it); empty
    /// when the period has no days.
    public var utcOffsets: [ZoneOffset] = []
    public var intervalMinutes: Int
    /// The days the changes compare with; encoded as `YYYY-MM-DD`.
    public var previousFrom: CivilDate?
    public var previousTo: CivilDate?
    /// Local time (`YYYY-MM-DD HH:MM`) after which answered calls of the period may still turn out repeats with
    /// data not yet read; nil when the period ends a whole repeat window before the data does.
    public var repeatsProvisionalAfter: String?
    /// Why the comparison with the previous period shows no changes (it has fewer days or queues with data than
    /// the period); nil when it is whole.
    public var comparisonPartial: String?

    enum CodingKeys: String, CodingKey {
        case from, to, days, timeZone = "time_zone", utcOffsets = "utc_offsets", intervalMinutes = "interval_minutes"
        case previousFrom = "previous_from", previousTo = "previous_to"
        case repeatsProvisionalAfter = "repeats_provisional_after", comparisonPartial = "comparison_partial"
    }

    /// What the changes compare with, in words: the same weekday a week before for one day, else the days before.
    public var comparison: String? {
        guard let previousFrom, let previousTo else { return nil }
        if days == 1 {
            let weekday = CivilDate.weekdayNames[CivilDate.weekday(ofDayNumber: previousFrom.dayNumber)]
            return "\(weekday) \(previousFrom), the same weekday a week before"
        }
        return "\(previousFrom) .. \(previousTo), the \(days) days before"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        // The dates as the strings they always were in the JSON report (null when absent).
        try c.encode(from?.description, forKey: .from)
        try c.encode(to?.description, forKey: .to)
        try c.encode(days, forKey: .days)
        try c.encode(timeZone, forKey: .timeZone)
        try c.encode(utcOffsets, forKey: .utcOffsets)
        try c.encode(intervalMinutes, forKey: .intervalMinutes)
        try c.encode(previousFrom?.description, forKey: .previousFrom)
        try c.encode(previousTo?.description, forKey: .previousTo)
        try c.encode(repeatsProvisionalAfter, forKey: .repeatsProvisionalAfter)
        try c.encode(comparisonPartial, forKey: .comparisonPartial)
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

/// Which way a figure is better for the caller (or the customer waiting on a ticket).
public enum FigureDirection: Sendable, Equatable {
    case higherIsBetter, lowerIsBetter
    /// Neither, or not to be judged alone (waits of answered calls when abandonment rose).
    case neutral
}

public struct HeadlineFigure: Sendable, Encodable {
    public var key: HeadlineKey
    public var label: String
    public var kind: FigureKind
    public var value: Double?
    public var previous: Double?
    /// Percentage points for rates (0.012 = +1.2 pp), a fraction for counts and times, a difference for scores;
    /// nil when there is nothing honest to compare with (a partial previous period, a provisional figure).
    public var change: Double?
    /// The target the value is measured against, when there is one.
    public var target: Double?
    public var direction: FigureDirection
    /// The figure may still change with data not yet read (repeat calls inside the last window): never compared.
    public var provisional = false

    /// A figure with its change against `previous` (METRICS.md, "Change vs previous period").
    public init(
        key: HeadlineKey, label: String, kind: FigureKind, value: Double?, previous: Double?, target: Double? = nil,
        direction: FigureDirection = .neutral
    ) {
        self.key = key
        self.label = label
        self.kind = kind
        self.value = value
        self.previous = previous
        self.target = target
        self.direction = direction
        if let value, let previous {
            switch kind {
            case .rate, .score: change = value - previous
            case .count, .seconds, .minutes: change = previous != 0 ? (value - previous) / previous : nil
            }
        }
    }

    /// Whether the change is better (true) or worse (false) for the caller; nil when neutral or unchanged.
    public var better: Bool? {
        guard let change, change != 0 else { return nil }
        switch direction {
        case .higherIsBetter: return change > 0
        case .lowerIsBetter: return change < 0
        case .neutral: return nil
        }
    }

    enum CodingKeys: String, CodingKey { case key, label, kind, value, previous, change, target, better, provisional }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key.rawValue, forKey: .key)
        try c.encode(label, forKey: .label)
        try c.encode(kind, forKey: .kind)
        try c.encode(value, forKey: .value)
        try c.encode(previous, forKey: .previous)
        try c.encode(change, forKey: .change)
        try c.encode(target, forKey: .target)
        try c.encode(better, forKey: .better)
        try c.encode(provisional, forKey: .provisional)
    }
}

/// One day's intervals: offered calls and service level (nil where no call counts) of each wall-clock slot.
public struct DaySlots: Sendable, Encodable {
    public var date: String
    public var weekday: String
    public var offered: [Int]
    public var serviceLevel: [Double?]

    enum CodingKeys: String, CodingKey { case date, weekday, offered, serviceLevel = "service_level" }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(weekday, forKey: .weekday)
        try c.encode(offered, forKey: .offered)
        try c.encode(serviceLevel, forKey: .serviceLevel)
    }
}

/// Where a report of the nightly job sits among the others: relative links to the day before, the day after (written
/// the next night) and the index.
public struct ReportNavigation: Sendable {
    public var previous: String
    public var next: String
    public var index: String

    public init(previous: String, next: String, index: String) {
        self.previous = previous
        self.next = next
        self.index = index
    }
}
