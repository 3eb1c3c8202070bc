import HotlineModel

/// The thresholds every figure depends on (METRICS.md, defaults in brackets there). Reports name them.
public struct MetricSettings: Sendable, Equatable, Encodable {
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
    /// Abandonment-rate target, a fraction; nil: none (abandonment is then never highlighted as off target).
    public var abandonmentTarget: Double?
    /// Queues' and categories' own targets over the ones above.
    public var targets = ServiceTargets()

    public init() {}

    /// The target of every line no queue or category setting covers.
    public var defaultTarget: ServiceTarget {
        ServiceTarget(
            thresholdSeconds: serviceLevelSeconds, serviceLevelTarget: serviceLevelTarget,
            abandonmentTarget: abandonmentTarget)
    }

    /// The target a queue's row is judged by.
    public func target(queue: String) -> ServiceTarget { targets.target(default: defaultTarget, queue: queue) }

    /// The target a category's row is judged by.
    public func target(category: CallCategory) -> ServiceTarget {
        targets.target(default: defaultTarget, category: category)
    }

    private enum CodingKeys: String, CodingKey {
        case serviceLevelSeconds, serviceLevelTarget, shortAbandonSeconds, repeatWindowHours, satisfiedScore
        case intervalMinutes, abandonmentTarget, queueTargets, categoryTargets
    }

    private struct EncodedTarget: Encodable {
        var serviceLevelSeconds: Int
        var serviceLevelTarget: Double
        var abandonmentTarget: Double?
    }

    /// The settings a report was made with; queue and category targets only when there are some, so a report
    /// without them reads as before.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(serviceLevelSeconds, forKey: .serviceLevelSeconds)
        try c.encode(serviceLevelTarget, forKey: .serviceLevelTarget)
        try c.encode(shortAbandonSeconds, forKey: .shortAbandonSeconds)
        try c.encode(repeatWindowHours, forKey: .repeatWindowHours)
        try c.encode(satisfiedScore, forKey: .satisfiedScore)
        try c.encode(intervalMinutes, forKey: .intervalMinutes)
        try c.encodeIfPresent(abandonmentTarget, forKey: .abandonmentTarget)
        func encoded(_ t: ServiceTarget) -> EncodedTarget {
            EncodedTarget(
                serviceLevelSeconds: t.thresholdSeconds, serviceLevelTarget: t.serviceLevelTarget,
                abandonmentTarget: t.abandonmentTarget)
        }
        if !targets.queues.isEmpty {
            let queues = Dictionary(uniqueKeysWithValues: targets.queues.keys.map { ($0, encoded(target(queue: $0))) })
            try c.encode(queues, forKey: .queueTargets)
        }
        if !targets.categories.isEmpty {
            let categories = Dictionary(
                uniqueKeysWithValues: targets.categories.keys.map { ($0.name, encoded(target(category: $0))) })
            try c.encode(categories, forKey: .categoryTargets)
        }
    }

    var serviceLevelMillis: Milliseconds { Milliseconds(serviceLevelSeconds) * 1000 }
    var shortAbandonMillis: Milliseconds { Milliseconds(shortAbandonSeconds) * 1000 }
    var repeatWindowMillis: Milliseconds { Milliseconds(repeatWindowHours) * 3_600_000 }
}
