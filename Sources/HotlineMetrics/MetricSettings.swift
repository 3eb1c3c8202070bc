import HotlineModel

/// The thresholds every figure depends on (METRICS.md, defaults in brackets there). Reports name them.
public struct MetricSettings: Sendable, Equatable, Codable {
    /// Answered within this wait counts towards service level [20 s].
    public var serviceLevelSeconds: Int = 20
    /// Service-level target [80 %], a fraction.
    public var serviceLevelTarget: Double = 0.8
    /// Abandoned under this wait is a short abandon [5 s].
    public var shortAbandonSeconds: Int = 5
    /// A caller back within this many hours of the end of an answered call makes it a repeat [72 h].
    public var repeatWindowHours: Int = 72
    /// CSAT scores at or above this count as satisfied [4].
    public var satisfiedScore: Int = 4
    /// Interval length [30 min]: 15, 30 or 60.
    public var intervalMinutes: Int = 30

    public init() {}

    var serviceLevelMillis: Milliseconds { Milliseconds(serviceLevelSeconds) * 1000 }
    var shortAbandonMillis: Milliseconds { Milliseconds(shortAbandonSeconds) * 1000 }
    var repeatWindowMillis: Milliseconds { Milliseconds(repeatWindowHours) * 3_600_000 }
}
