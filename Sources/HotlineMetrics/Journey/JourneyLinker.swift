import HotlineModel

/// Links tickets to the calls they came from and counts the journey figures of a period (docs/METRICS.md,
/// "Journey"):
/// - a ticket with a call reference links to that call (the first answered leg of it, else its first leg); a
///   reference to a call no input has stays unlinked, not guessed by phone;
/// - else a ticket with a requester phone links to that caller's latest answered call that ended within the
///   window before the ticket was created;
/// - escalated: an answered call with a linked ticket; contact-to-resolution: the linked ticket's solve time minus
///   the call's enqueue time, whole minutes rounded up, on the solve day;
/// - a chaser call: an offered call of a caller enqueued while a ticket linked to an earlier call of that caller
///   was open (created <= enqueued < solved, or never solved), counted by the open ticket's category.
///
/// Calls and tickets arrive in any order and from any file; linking waits for all of them. O((calls + tickets)
/// log calls).
public struct JourneyLinker {
    public var window: Milliseconds
    public var fromDay: Int32?
    public var toDay: Int32?
    public var symbols: SymbolTable
    /// A day snapshot: contact-to-resolution and chaser calls of the tickets of the period's calls, whatever day
    /// they fall on (each keyed by its day), instead of those falling in the period (a report).
    public var byCallDay = false

    public init(window: Milliseconds, fromDay: Int32?, toDay: Int32?, symbols: SymbolTable) {
        self.window = window
        self.fromDay = fromDay
        self.toDay = toDay
        self.symbols = symbols
    }

    private func inPeriod(_ day: Int32) -> Bool {
        (fromDay.map { day >= $0 } ?? true) && (toDay.map { day <= $0 } ?? true)
    }

    /// The journey of the period.
    public func link(calls: [JourneyCall], tickets: [JourneyTicket], linkable: Bool) -> JourneyAccumulator {
        var journey = JourneyAccumulator()
        journey.linkable = linkable
        let links = self.links(calls: calls, tickets: tickets, journey: &journey)
        var escalated = [Bool](repeating: false, count: calls.count)
        for case let call? in links { escalated[call] = true }

        // Counted under symbol numbers and named once at the end: a String per answered call was most of the
        // linking's time.
        typealias Breakdown = JourneyAccumulator.Breakdown
        var counts: [Breakdown: [UInt64: JourneyAccumulator.Escalations]] = [:]
        for (i, call) in calls.enumerated() where call.selected && inPeriod(call.day) {
            journey.offered += 1
            guard call.answered else { continue }
            let add = JourneyAccumulator.Escalations(answered: 1, escalated: escalated[i] ? 1 : 0)
            journey.total.merge(add)
            let category = UInt64(call.category.rawValue)
            counts[.category, default: [:]][category, default: .init()].merge(add)
            counts[.subcategory, default: [:]][category << 32 | UInt64(call.subcategory.rawValue), default: .init()]
                .merge(add)
            counts[.queue, default: [:]][UInt64(call.queue.rawValue), default: .init()].merge(add)
            counts[.agent, default: [:]][UInt64(call.agent.rawValue), default: .init()].merge(add)
            if !call.ivrPath.isNone {
                counts[.ivrPath, default: [:]][UInt64(call.ivrPath.rawValue), default: .init()].merge(add)
            }
        }
        for (breakdown, byKey) in counts {
            for (key, n) in byKey {
                journey.by[breakdown, default: [:]][name(of: key, in: breakdown), default: .init()].merge(n)
            }
        }
        for (t, ticket) in tickets.enumerated() {
            guard let c = links[t], calls[c].selected, let solved = ticket.solvedAt, let day = ticket.solvedDay,
                inPeriod(byCallDay ? calls[c].day : day)
            else { continue }
            let minutes = Int((max(0, solved.milliseconds - calls[c].enqueuedAt.milliseconds) + 59_999) / 60_000)
            journey.resolutions[.init(solveDay: day, minutes: minutes), default: 0] += 1
        }
        countChasers(calls: calls, tickets: tickets, links: links, into: &journey)
        return journey
    }

    /// The name a breakdown's key stands for: a category (its raw value), `category/subcategory` (the category's
    /// raw value above the subcategory's symbol number), a queue, agent or path (a symbol number).
    private func name(of key: UInt64, in breakdown: JourneyAccumulator.Breakdown) -> String {
        func category(_ raw: UInt64) -> String { CallCategory(rawValue: UInt8(truncatingIfNeeded: raw))?.name ?? "" }
        let symbol = symbols[Symbol(rawValue: UInt32(truncatingIfNeeded: key))]
        switch breakdown {
        case .category: return category(key)
        case .subcategory: return category(key >> 32) + "/" + symbol
        case .queue, .agent, .ivrPath: return symbol
        }
    }

    /// The call each ticket links to, by index; counts the tickets of the period and how they linked.
    private func links(calls: [JourneyCall], tickets: [JourneyTicket], journey: inout JourneyAccumulator) -> [Int?] {
        // By call id: the first answered leg, else the first leg.
        var byKey: [UInt64: Int] = [:]
        for (i, call) in calls.enumerated() where call.callKey != 0 {
            if let j = byKey[call.callKey] {
                let better =
                    call.answered != calls[j].answered
                    ? call.answered : (call.enqueuedAt.milliseconds, i) < (calls[j].enqueuedAt.milliseconds, j)
                if better { byKey[call.callKey] = i }
            } else {
                byKey[call.callKey] = i
            }
        }
        // By caller: answered calls in the order they ended.
        var answered = calls.indices.compactMap { i in
            calls[i].answered
                ? calls[i].caller.map { (caller: $0, ended: calls[i].endedAt.milliseconds, call: i) } : nil
        }
        answered.sort { ($0.caller, $0.ended, $0.call) < ($1.caller, $1.ended, $1.call) }
        var runs: [UInt64: Range<Int>] = [:]
        var start = 0
        while start < answered.count {
            var end = start + 1
            while end < answered.count, answered[end].caller == answered[start].caller { end += 1 }
            runs[answered[start].caller] = start..<end
            start = end
        }
        return tickets.map { ticket in
            let counted = inPeriod(ticket.createdDay)
            if counted { journey.tickets += 1 }
            if ticket.callKey != 0 {
                guard let call = byKey[ticket.callKey] else {
                    if counted { journey.unknownReferences += 1 }
                    return nil
                }
                if counted { journey.linkedByReference += 1 }
                return call
            }
            guard let requester = ticket.requester, let run = runs[requester] else { return nil }
            // The latest call of the run that ended at or before the creation.
            var (low, high) = (run.lowerBound, run.upperBound)
            while low < high {
                let mid = (low + high) / 2
                if answered[mid].ended <= ticket.createdAt.milliseconds {
                    low = mid + 1
                } else {
                    high = mid
                }
            }
            guard low > run.lowerBound else { return nil }
            let (_, ended, call) = answered[low - 1]
            guard ticket.createdAt.milliseconds - ended <= window else { return nil }
            if counted { journey.linkedByPhone += 1 }
            return call
        }
    }

    private func countChasers(
        calls: [JourneyCall], tickets: [JourneyTicket], links: [Int?], into journey: inout JourneyAccumulator
    ) {
        // The linked tickets of each caller, by the caller of their call.
        var open: [UInt64: [(ticket: Int, call: Int)]] = [:]
        for (t, link) in links.enumerated() {
            guard let c = link, let caller = calls[c].caller else { continue }
            open[caller, default: []].append((t, c))
        }
        guard !open.isEmpty else { return }
        for call in calls where call.selected && (byCallDay || inPeriod(call.day)) {
            guard let caller = call.caller, let list = open[caller] else { continue }
            let at = call.enqueuedAt.milliseconds
            var chased: (ticket: JourneyTicket, call: Int)?
            for (t, c) in list {
                let ticket = tickets[t]
                guard calls[c].enqueuedAt.milliseconds < at, ticket.createdAt.milliseconds <= at,
                    ticket.solvedAt.map({ at < $0.milliseconds }) ?? true
                else { continue }
                // The earliest created of the open tickets names the category.
                if chased.map({ ticket.createdAt.milliseconds < $0.ticket.createdAt.milliseconds }) ?? true {
                    chased = (ticket, c)
                }
            }
            // A day snapshot counts a chaser call once: with the day of the call whose ticket it chases.
            if let chased, !byCallDay || inPeriod(calls[chased.call].day) {
                journey.chaserCalls[.init(day: call.day, category: chased.ticket.category), default: 0] += 1
            }
        }
    }
}
