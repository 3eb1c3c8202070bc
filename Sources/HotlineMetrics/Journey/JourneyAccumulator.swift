import HotlineModel

/// The journey figures of a period (docs/METRICS.md, "Journey"), as counts that merge like the other
/// accumulators: the nightly store keeps one per day and a report over stored days adds them up.
///
/// What counts where: escalations and chaser calls on the local day of the call, contact-to-resolution on the
/// ticket's solve day, linked tickets on the ticket's creation day.
public struct JourneyAccumulator: Sendable, Equatable {
    /// Answered calls and those of them with a linked ticket.
    public struct Escalations: Sendable, Equatable {
        public var answered = 0
        public var escalated = 0

        public init(answered: Int = 0, escalated: Int = 0) {
            self.answered = answered
            self.escalated = escalated
        }

        mutating func merge(_ other: Escalations) {
            answered += other.answered
            escalated += other.escalated
        }
    }

    /// The dimensions escalation is broken down by.
    public enum Breakdown: UInt8, CaseIterable, Sendable {
        case category, subcategory, queue, agent, ivrPath
    }

    /// Tickets created in the period, and those linked to a call by an explicit reference or by phone.
    public var tickets = 0
    public var linkedByReference = 0
    public var linkedByPhone = 0
    /// Tickets that name a call id no call read has: left unlinked rather than guessed by phone.
    public var unknownReferences = 0
    /// Whether any ticket read carries a call reference or a requester phone: without, the journey is unknown.
    public var linkable = false
    public var total = Escalations()
    /// By breakdown, then by name (`category` by its name, `subcategory` as `category/subcategory`).
    public var by: [Breakdown: [String: Escalations]] = [:]
    /// A linked ticket's contact-to-resolution: its local solve day and the whole minutes, rounded up.
    public struct Resolution: Hashable, Sendable, Comparable {
        public var solveDay: Int32
        public var minutes: Int

        public init(solveDay: Int32, minutes: Int) {
            self.solveDay = solveDay
            self.minutes = minutes
        }

        public static func < (a: Resolution, b: Resolution) -> Bool {
            (a.solveDay, a.minutes) < (b.solveDay, b.minutes)
        }
    }

    /// Contact-to-resolution of linked solved tickets -> tickets. A report's holds those solved in its period; a
    /// day snapshot's those of the day's calls, whatever their solve day (a report over stored days takes the ones
    /// solved in its period from every day before).
    public var resolutions: [Resolution: Int] = [:]
    /// Offered calls, and those made while a ticket of an earlier call of the caller was open.
    public var offered = 0
    /// Chaser calls by their local day and the category of the open ticket. A report's holds those of its period;
    /// a day snapshot's those chasing the tickets of the day's calls, whatever day they came (a report over stored
    /// days takes the ones of its period from every day before).
    public var chaserCalls: [Chaser: Int] = [:]

    public struct Chaser: Hashable, Sendable, Comparable {
        public var day: Int32
        public var category: CallCategory

        public init(day: Int32, category: CallCategory) {
            self.day = day
            self.category = category
        }

        public static func < (a: Chaser, b: Chaser) -> Bool { (a.day, a.category) < (b.day, b.category) }
    }

    public var chasers: Int { chaserCalls.values.reduce(0, +) }
    /// Chaser calls by the category of the open ticket.
    public var chasersByCategory: [CallCategory: Int] {
        var out: [CallCategory: Int] = [:]
        for (key, n) in chaserCalls { out[key.category, default: 0] += n }
        return out
    }

    public init() {}

    public var linkedTickets: Int { linkedByReference + linkedByPhone }

    public mutating func addAnswered(escalated: Bool, names: [Breakdown: String]) {
        let add = Escalations(answered: 1, escalated: escalated ? 1 : 0)
        total.merge(add)
        for (breakdown, name) in names { by[breakdown, default: [:]][name, default: Escalations()].merge(add) }
    }

    public mutating func merge(_ other: JourneyAccumulator) {
        tickets += other.tickets
        linkedByReference += other.linkedByReference
        linkedByPhone += other.linkedByPhone
        unknownReferences += other.unknownReferences
        linkable = linkable || other.linkable
        total.merge(other.total)
        for (breakdown, names) in other.by {
            for (name, n) in names { by[breakdown, default: [:]][name, default: Escalations()].merge(n) }
        }
        mergeResolutions(other, solvedIn: nil)
        offered += other.offered
        mergeChasers(other, on: nil)
    }

    /// Adds the other's resolutions, those solved on `days` only when given.
    public mutating func mergeResolutions(_ other: JourneyAccumulator, solvedIn days: ClosedRange<Int32>?) {
        for (r, n) in other.resolutions where days?.contains(r.solveDay) ?? true { resolutions[r, default: 0] += n }
    }

    /// Adds the other's chaser calls, those made on `days` only when given.
    public mutating func mergeChasers(_ other: JourneyAccumulator, on days: ClosedRange<Int32>?) {
        for (c, n) in other.chaserCalls where days?.contains(c.day) ?? true { chaserCalls[c, default: 0] += n }
    }

    /// Linked tickets with a contact-to-resolution.
    public var resolved: Int { resolutions.values.reduce(0, +) }

    /// The nearest-rank percentile `p` (0-100) of the contact-to-resolution minutes; nil without any.
    public func resolutionPercentile(_ p: Int) -> Int? {
        var byMinutes: [Int: Int] = [:]
        for (r, n) in resolutions { byMinutes[r.minutes, default: 0] += n }
        let count = resolved
        guard count > 0 else { return nil }
        let rank = max(1, (p * count + 99) / 100)
        var seen = 0
        for (minutes, n) in byMinutes.sorted(by: { $0.key < $1.key }) {
            seen += n
            if seen >= rank { return minutes }
        }
        return nil
    }
}
