import HotlineModel

/// What the journey keeps of an offered call: its identities, times and the names escalation is broken down by.
/// Kept for every offered call only when a ticket export is among the inputs (about 56 bytes a call).
public struct JourneyCall: Sendable {
    public var callKey: UInt64
    /// ``CallerKey/rawValue``; nil without a caller.
    public var caller: UInt64?
    public var enqueuedAt: Instant
    public var endedAt: Instant
    /// Local day of the enqueue.
    public var day: Int32
    public var answered: Bool
    /// Within the report's queue and category filters.
    public var selected: Bool
    public var category: CallCategory
    public var subcategory: Symbol
    public var queue: Symbol
    public var agent: Symbol
    public var ivrPath: Symbol
}

/// What the journey keeps of a ticket.
public struct JourneyTicket: Sendable {
    public var callKey: UInt64
    public var requester: UInt64?
    public var createdAt: Instant
    /// Only for a solved or closed ticket.
    public var solvedAt: Instant?
    public var category: CallCategory
    public var createdDay: Int32
    public var solvedDay: Int32?
}

/// Collects the offered calls of a run for the journey. Used by one thread (the call stage).
public final class JourneyCalls {
    private let calendar: LocalCalendar
    private let queueFilter: Set<String>
    private let categoryFilter: Set<CallCategory>
    private let symbols: SymbolTable
    /// Queue symbols already matched against the filter: 1 selected, 0 not, -1 not looked at.
    private var queueSelected: [Int8] = []
    public private(set) var calls: [JourneyCall] = []

    public init(query: CallQuery, calendar: LocalCalendar, symbols: SymbolTable) {
        self.calendar = calendar
        self.symbols = symbols
        queueFilter = query.queues
        categoryFilter = query.categories
    }

    public func add(contentsOf batch: [CallRecord]) {
        for call in batch { add(call) }
    }

    public func add(_ call: CallRecord) {
        // IVR-only calls are never offered: no ticket links to them, none is a chaser call.
        guard call.direction == .inbound, !call.outcome.endsInIVR else { return }
        calls.append(
            JourneyCall(
                callKey: call.callKey, caller: call.caller?.rawValue, enqueuedAt: call.enqueuedAt,
                endedAt: call.endedAt, day: calendar.stamp(call.enqueuedAt).day, answered: call.isAnswered,
                selected: isSelected(call), category: call.category, subcategory: call.subcategory, queue: call.queue,
                agent: call.agent, ivrPath: call.ivrPath))
    }

    private func isSelected(_ call: CallRecord) -> Bool {
        guard categoryFilter.isEmpty || categoryFilter.contains(call.category) else { return false }
        guard !queueFilter.isEmpty else { return true }
        let q = Int(call.queue.rawValue)
        if q >= queueSelected.count { queueSelected += Array(repeating: -1, count: q + 1 - queueSelected.count) }
        if queueSelected[q] < 0 { queueSelected[q] = queueFilter.contains(symbols[call.queue]) ? 1 : 0 }
        return queueSelected[q] == 1
    }
}

/// Collects the tickets of a run for the journey. Used by one thread (the ticket stage).
public final class JourneyTickets {
    private let calendar: LocalCalendar
    public private(set) var tickets: [JourneyTicket] = []
    /// Whether any ticket carried a call reference or a requester phone.
    public private(set) var linkable = false

    public init(calendar: LocalCalendar) { self.calendar = calendar }

    public func add(_ ticket: TicketRecord) {
        guard ticket.status != .deleted else { return }
        if ticket.callKey != 0 || ticket.requester != nil { linkable = true }
        let solved = ticket.isSolved ? ticket.solvedAt : nil
        tickets.append(
            JourneyTicket(
                callKey: ticket.callKey, requester: ticket.requester?.rawValue, createdAt: ticket.createdAt,
                solvedAt: solved, category: ticket.category, createdDay: calendar.stamp(ticket.createdAt).day,
                solvedDay: solved.map { calendar.stamp($0).day }))
    }
}
