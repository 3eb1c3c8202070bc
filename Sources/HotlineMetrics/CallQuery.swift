import HotlineModel

/// What a report covers: the period, the filters, and the rows of its table.
public struct CallQuery: Sendable, Equatable {
    /// First and last local day of the period, inclusive; nil bounds are open (all the data).
    public var from: CivilDate?
    public var to: CivilDate?
    /// Only these queues (exact names); empty for all.
    public var queues: Set<String> = []
    /// Only these categories; empty for all.
    public var categories: Set<CallCategory> = []
    /// The rows of the CSV and JSON table. A subcategory is named within its category, so `subcategory`
    /// brings `category` in just before it when it is not there already.
    public var dimensions: [Dimension] = [.date, .interval] {
        didSet {
            if let sub = dimensions.firstIndex(of: .subcategory), !dimensions.contains(.category) {
                dimensions.insert(.category, at: sub)
            }
        }
    }

    public init() {}

    /// The dimensions of the calls table: those of ``dimensions`` that calls have, else `date, interval`.
    public var callDimensions: [Dimension] {
        let dims = dimensions.filter(\.appliesToCalls)
        return dims.isEmpty ? [.date, .interval] : dims
    }

    /// Ticket dimensions set apart from the calls' (the nightly store's day snapshots); nil: from ``dimensions``.
    public var ticketDimensionsOverride: [Dimension]?

    /// Whether the aggregates keep each day's waiting timeline (the nightly store's day snapshots).
    public var keepsWaitingTimelines = false

    /// Whether the aggregates keep the day profiles the exceptions compare with (``DayProfiles``): not for the
    /// nightly store's day snapshots, which keep no profile and are the most of a night's aggregating, nor for a
    /// report written only as CSV (its tables show no exception, comparison or day map).
    public var keepsDayProfiles = true

    /// The dimensions of the tickets table: those of ``dimensions`` that tickets have (`agent` meaning the
    /// assignee), else `date`.
    public var ticketDimensions: [Dimension] {
        if let ticketDimensionsOverride { return ticketDimensionsOverride }
        var dims: [Dimension] = []
        for dim in dimensions where dim.appliesToTickets {
            let mapped: Dimension = dim == .agent ? .assignee : dim
            if !dims.contains(mapped) { dims.append(mapped) }
        }
        return dims.isEmpty ? [.date] : dims
    }

    /// What the period compares with, when both bounds are given: for one day the same weekday a week before (a
    /// Tuesday is not like the Monday before it), else the period of equal length just before.
    public var previous: (from: CivilDate, to: CivilDate)? {
        guard let from, let to else { return nil }
        if from == to { return (CivilDate(dayNumber: from.dayNumber - 7), CivilDate(dayNumber: from.dayNumber - 7)) }
        let length = to.dayNumber - from.dayNumber + 1
        return (CivilDate(dayNumber: from.dayNumber - length), CivilDate(dayNumber: from.dayNumber - 1))
    }
}

/// A dimension of the `--by` table.
public enum Dimension: String, CaseIterable, Sendable, Codable {
    case date, interval, hour, weekday, queue, category, subcategory, agent
    /// The call's whole IVR path (empty without one).
    case ivrPath = "ivr_path"
    /// Every node the call visited (each prefix of its path): a call counts in several rows, so they do not add up.
    case ivrNode = "ivr_node"
    /// Ticket dimensions.
    case priority, channel, group, assignee

    public var appliesToCalls: Bool {
        switch self {
        case .date, .interval, .hour, .weekday, .queue, .category, .subcategory, .agent, .ivrPath, .ivrNode: true
        case .priority, .channel, .group, .assignee: false
        }
    }

    public var appliesToTickets: Bool {
        switch self {
        case .date, .weekday, .category, .subcategory, .agent, .priority, .channel, .group, .assignee: true
        case .interval, .hour, .queue, .ivrPath, .ivrNode: false
        }
    }
}
