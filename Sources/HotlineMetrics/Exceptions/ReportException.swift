import HotlineModel

/// Something in the period that needs attention: what, when, where, how far from the usual or the target, and how
/// many calls it touched (docs/METRICS.md, "Exceptions"). Reports list them first, most calls affected first.
public struct ReportException: Sendable, Equatable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        /// Service level below its target over a run of consecutive intervals with enough calls.
        case serviceLevel = "service_level"
        /// Abandonment above its limit and well above the usual over a run of intervals.
        case abandonment
        /// Offered calls far above the usual for the weekday and time of day.
        case volumeHigh = "volume_high"
        /// Offered calls far below the usual: missing intervals of an export, or a quiet spell.
        case volumeLow = "volume_low"
        /// A category's or subcategory's share of the calls jumped.
        case categoryShare = "category_share"
        /// A queue's service level over the period below its target.
        case queueBelowTarget = "queue_below_target"
        /// A day with no calls, or far fewer than usual: an export that did not arrive whole.
        case missingData = "missing_data"
        /// An IVR node where far more callers hung up than usual.
        case ivrDropOff = "ivr_drop_off"
        /// Tickets breaching their SLA far more often than in the period compared with.
        case ticketSLABreaches = "ticket_sla_breaches"
        /// The ticket backlog at the period's end far above the compared period's.
        case backlogJump = "backlog_jump"
    }

    public var kind: Kind
    /// Start and end, ISO 8601 with the zone's offset.
    public var from: String
    public var to: String
    /// Local day and clock of the start and the end, for the report's lines (`2026-11-10`, `10:00`, `11:30`).
    public var day: String
    public var fromClock: String
    public var toClock: String
    public var queue: String?
    public var category: String?
    public var subcategory: String?
    /// The IVR node, as its path from the root (`ivr_drop_off` only).
    public var ivrNode: String?
    /// The figure measured: `service_level`, `abandonment_rate`, `offered`, `share`.
    public var figure: String
    public var value: Double?
    /// The same figure on the same weekday and time of day over the other days available; nil when none.
    public var usual: Double?
    /// How many days the usual is over.
    public var usualDays: Int
    public var target: Double?
    /// Calls the exception touched: not answered within the threshold, abandoned, above or below the usual.
    public var callsAffected: Int
    /// Offered calls in the exception's time and place.
    public var offered: Int
    /// Abandoned calls there (service level and abandonment runs).
    public var abandoned: Int?
    /// The longest wait there, seconds.
    public var longestWaitSeconds: Int?
    /// The service-level threshold the calls were held to, when a queue's own differs from the report's.
    public var thresholdSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case kind, from, to, queue, category, subcategory, ivrNode = "ivr_node", figure, value, usual, target
        case usualDays = "usual_days", callsAffected = "calls_affected", offered, abandoned
        case longestWaitSeconds = "longest_wait_s", thresholdSeconds = "threshold_s"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(queue, forKey: .queue)
        try c.encode(category, forKey: .category)
        try c.encode(subcategory, forKey: .subcategory)
        try c.encodeIfPresent(ivrNode, forKey: .ivrNode)
        try c.encode(figure, forKey: .figure)
        try c.encode(value, forKey: .value)
        try c.encode(usual, forKey: .usual)
        try c.encode(usualDays, forKey: .usualDays)
        try c.encode(target, forKey: .target)
        try c.encode(callsAffected, forKey: .callsAffected)
        try c.encode(offered, forKey: .offered)
        try c.encode(abandoned, forKey: .abandoned)
        try c.encode(longestWaitSeconds, forKey: .longestWaitSeconds)
        try c.encodeIfPresent(thresholdSeconds, forKey: .thresholdSeconds)
    }
}

/// The thresholds of the exceptions (configuration `exceptions`; defaults in brackets in docs/METRICS.md).
public struct ExceptionSettings: Sendable, Equatable {
    /// Days before a one-day period the nightly store's report takes the usual from: four weeks.
    public static let usualDays = 28

    /// An interval counts towards a run only with at least this many calls (offered less short abandons) [10].
    public var minOfferedPerInterval = 10
    /// An interval's abandonment is a spike above this rate [10 %] and at least ``abandonmentTimesUsual`` times
    /// the usual [2].
    public var abandonmentLimit = 0.10
    public var abandonmentTimesUsual = 2.0
    /// Offered calls this far from the usual, as a fraction of it [0.5], are a volume exception.
    public var volumeChange = 0.5
    /// A share of calls up by at least this many points [0.05] and 1.5 times the usual is a share jump.
    public var shareJump = 0.05
    /// A day with fewer calls than this share of its usual [0.5] is missing data.
    public var missingShare = 0.5
    /// A queue needs this many calls in the period to be judged against its target [20].
    public var minQueueOffered = 20
    /// An IVR node needs this many entries in the period, and as many on the usual days, to be judged [30].
    public var ivrMinNodeEntries = 30
    /// A node's drop-off up by at least this many points [0.05] and 1.5 times the usual is a drop-off jump.
    public var ivrDropOffJump = 0.05

    public init() {}
}
