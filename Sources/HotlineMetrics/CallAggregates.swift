import HotlineModel

/// A category and one of its subcategories.
public struct SubcategoryKey: Hashable, Sendable, FastHashable {
    public var category: CallCategory
    public var subcategory: Symbol

    public var fastHash: UInt64 { UInt64(category.rawValue) << 32 | UInt64(subcategory.rawValue) }
}

/// One row of the `--by` table: the values of the chosen dimensions, the others left at zero.
public struct RowKey: Hashable, Sendable, FastHashable {
    public var day: Int32 = 0
    /// Elapsed interval of the day when `date` is a dimension, else the wall-clock slot of the day.
    public var interval: Int32 = 0
    public var hour: Int8 = 0
    public var weekday: Int8 = 0
    public var category: UInt8 = 0
    public var queue: Symbol = .none
    public var subcategory: Symbol = .none
    public var agent: Symbol = .none
    /// The call's IVR path; with `ivr_node`, the node (a prefix of the path) once the rows are fanned out.
    public var ivrPath: Symbol = .none
    public var ivrNode: Symbol = .none

    public var fastHash: UInt64 {
        let time =
            UInt64(UInt32(bitPattern: day)) << 32 | UInt64(UInt32(bitPattern: interval)) << 12
            | UInt64(UInt8(bitPattern: hour)) << 4 | UInt64(UInt8(bitPattern: weekday)) << 1
        let names = UInt64(queue.rawValue) | UInt64(subcategory.rawValue) << 24 | UInt64(category) << 56
        let ivr = UInt64(ivrPath.rawValue) | UInt64(ivrNode.rawValue) << 32
        return time ^ (names &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(agent.rawValue) &* 0xC2B2_AE3D_27D4_EB4F)
            ^ (ivr &* 0x1656_67B1_9E37_79F9)
    }
}

/// Everything a report needs from the calls, after the pass.
public struct CallAggregates: Sendable {
    public var settings: MetricSettings
    public var query: CallQuery
    public var total: CallAccumulator
    public var previous: CallAccumulator
    public var bySlot: [CallAccumulator]
    public var byDay: [Int32: CallAccumulator]
    public var byQueue: [Symbol: CallAccumulator]
    public var byCategory: [CallCategory: CallAccumulator]
    public var bySubcategory: [SubcategoryKey: CallAccumulator]
    public var byRow: [RowKey: CallAccumulator]
    public var heatmap: [[Int]]
    public var peakBySlot: [Int]
    public var peakByDay: [Int32: Int]
    /// Per local day, the peak of each wall-clock slot (what the nightly store keeps).
    public var peakByDaySlot: [Int32: [Int]] = [:]
    /// Per local day, how many calls wait second by second, when the query keeps it.
    public var waitingByDay: [Int32: WaitingTimeline] = [:]
    public var firstDay: Int32?
    public var lastDay: Int32?
    /// Answered calls that ended after this instant may still become repeats with data not yet read.
    public var repeatsProvisionalAfter: Instant?
    /// Calls read that fall outside the period or the filters.
    public var outside: Int
    /// Answered calls by agent (repeat figures left out).
    public var byAgent: [Symbol: CallAccumulator] = [:]
    /// Logged-in and paused time and rings not answered, by agent, where a queue log gave agent events.
    public var agentActivity: [Symbol: AgentActivity] = [:]
    /// Per wall-clock slot, the distinct agents answering summed over the days: / days = observed staffing.
    public var agentDaysBySlot: [Int] = []
    /// The same by weekday (0 = Monday): `[weekday][slot]`, summed over the period's days of that weekday.
    public var agentDaysByWeekdaySlot: [[Int]] = []
    /// Every day read within the filters, in the period or not, by wall-clock slot (the exceptions' usual).
    public var profiles = DayProfiles(slotsPerDay: 1)
    /// Queues with calls in the previous period.
    public var previousQueues = Set<Symbol>()
    /// The queues and days of every call read, whatever the period and filters; empty and nil when not known (a
    /// report from the store).
    public var queuesRead: [Symbol] = []
    public var daysRead: ClosedRange<Int32>?
    /// The IVR calls of the period and filters (docs/METRICS.md, "IVR"); empty when the inputs carry no IVR data.
    public var ivr = IVRAccumulator<String>()
}
