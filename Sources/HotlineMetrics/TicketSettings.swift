import HotlineModel

/// The ticket side of the thresholds (docs/CONFIG.md `tickets`): business hours, holidays, SLA targets.
public struct TicketSettings: Sendable, Equatable {
    /// When set, reply and resolution times count business time only.
    public var businessHours: BusinessHours?
    /// First matching target wins; tickets no target matches are left out of the SLA breach rate.
    public var slaTargets: [SLATarget] = []
    /// A 1-5 score at or above this counts as satisfied.
    public var satisfiedScore = 4
    /// A ticket without a call reference links by its requester phone to that caller's latest answered call that
    /// ended at most this many hours before the ticket was created (docs/METRICS.md, "Journey").
    public var linkWindowHours = 24

    public init() {}

    /// `business` or `calendar`: how reply and resolution times are measured.
    public var clock: String { businessHours == nil ? "calendar" : "business" }

    public func target(_ category: CallCategory, _ priority: TicketPriority) -> SLATarget? {
        slaTargets.first {
            $0.matches(category, priority) && ($0.firstReplyMinutes != nil || $0.resolutionMinutes != nil)
        }
    }
}
