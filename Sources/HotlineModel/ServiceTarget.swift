/// What a line of calls is held to: answered within `thresholdSeconds` for `serviceLevelTarget` of its calls, and
/// at most `abandonmentTarget` of them given up (docs/METRICS.md, "Targets per queue and category").
public struct ServiceTarget: Sendable, Equatable, Hashable, Encodable {
    public var thresholdSeconds: Int
    /// A fraction 0...1.
    public var serviceLevelTarget: Double
    /// A fraction 0...1; nil: abandonment has no target and is never highlighted as missing one.
    public var abandonmentTarget: Double?

    public init(thresholdSeconds: Int, serviceLevelTarget: Double, abandonmentTarget: Double? = nil) {
        self.thresholdSeconds = thresholdSeconds
        self.serviceLevelTarget = serviceLevelTarget
        self.abandonmentTarget = abandonmentTarget
    }

    enum CodingKeys: String, CodingKey {
        case thresholdSeconds = "service_level_s", serviceLevelTarget = "service_level_target"
        case abandonmentTarget = "abandonment_target"
    }

    /// This target with what `override` sets over it.
    public func applying(_ override: ServiceTargetOverride) -> ServiceTarget {
        ServiceTarget(
            thresholdSeconds: override.thresholdSeconds ?? thresholdSeconds,
            serviceLevelTarget: override.serviceLevelTarget ?? serviceLevelTarget,
            abandonmentTarget: override.abandonmentTarget ?? abandonmentTarget)
    }

    /// Whether a service level misses this target (nil: no calls to judge).
    public func misses(serviceLevel: Double?) -> Bool { serviceLevel.map { $0 < serviceLevelTarget } ?? false }

    /// Whether an abandonment rate is above this target (never when there is no target).
    public func misses(abandonmentRate: Double?) -> Bool {
        guard let abandonmentTarget, let abandonmentRate else { return false }
        return abandonmentRate > abandonmentTarget
    }
}

/// A queue's or a category's own targets in the configuration: each setting it leaves out is the default's.
public struct ServiceTargetOverride: Sendable, Equatable, Hashable {
    public var thresholdSeconds: Int?
    public var serviceLevelTarget: Double?
    public var abandonmentTarget: Double?

    public init(thresholdSeconds: Int? = nil, serviceLevelTarget: Double? = nil, abandonmentTarget: Double? = nil) {
        self.thresholdSeconds = thresholdSeconds
        self.serviceLevelTarget = serviceLevelTarget
        self.abandonmentTarget = abandonmentTarget
    }
}

/// The targets of every line: the default, then per queue (by name) and per category. A call is held to its
/// queue's target when the queue has one, else its category's, else the default: the queue is what is staffed
/// and what the caller chose, the category only what the call was about.
public struct ServiceTargets: Sendable, Equatable {
    public var queues: [String: ServiceTargetOverride] = [:]
    public var categories: [CallCategory: ServiceTargetOverride] = [:]

    public init(queues: [String: ServiceTargetOverride] = [:], categories: [CallCategory: ServiceTargetOverride] = [:])
    {
        self.queues = queues
        self.categories = categories
    }

    public var isEmpty: Bool { queues.isEmpty && categories.isEmpty }

    /// The target of one call of `queue` about `category`.
    public func target(default base: ServiceTarget, queue: String, category: CallCategory) -> ServiceTarget {
        if let q = queues[queue] { return base.applying(q) }
        if let c = categories[category] { return base.applying(c) }
        return base
    }

    /// The target a queue's row is judged by.
    public func target(default base: ServiceTarget, queue: String) -> ServiceTarget {
        queues[queue].map(base.applying) ?? base
    }

    /// The target a category's row is judged by.
    public func target(default base: ServiceTarget, category: CallCategory) -> ServiceTarget {
        categories[category].map(base.applying) ?? base
    }
}
