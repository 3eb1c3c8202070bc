import HotlineModel

/// Everything that flows out of ingest, in one place: classified calls (one by one, or whole blocks read in
/// parallel), classified tickets, agent state changes and rejected records, in reading order whatever the number
/// of threads, and the bytes read for a progress display. All calls come on the thread that called
/// ``InputIngest/read(_:into:)``.
public protocol IngestSink: AnyObject {
    /// A classified inbound call.
    func call(_ call: CallRecord)
    /// A block of classified calls read in parallel, in order with those given to ``call(_:)``. The sink owns the
    /// array; it may give it back with ``InputIngest/recycle(_:)`` once done with it (any thread).
    func calls(_ block: [CallRecord])
    /// A classified ticket of a ticket export (duplicates and deleted tickets are already left out).
    func ticket(_ ticket: TicketRecord)
    /// An agent state change (login, logoff, pause, unpause, ring not answered) a queue log holds.
    func agentEvent(_ event: AgentEvent)
    /// A record that was not accepted, with its file, line, field and reason.
    func reject(_ reject: Reject)
    /// Raw bytes read from a file, chunk by chunk.
    func bytesRead(_ count: Int)
}

extension IngestSink {
    public func calls(_ block: [CallRecord]) { for record in block { call(record) } }
    public func ticket(_ ticket: TicketRecord) {}
    public func agentEvent(_ event: AgentEvent) {}
    public func bytesRead(_ count: Int) {}
}

/// A sink that keeps everything in memory, in order (tests, the small files a worker thread reads whole).
public final class CollectingSink: IngestSink {
    public private(set) var calls: [CallRecord] = []
    public private(set) var tickets: [TicketRecord] = []
    public private(set) var agentEvents: [AgentEvent] = []
    public private(set) var rejects: [Reject] = []

    public init() {}

    public func call(_ call: CallRecord) { calls.append(call) }
    public func ticket(_ ticket: TicketRecord) { tickets.append(ticket) }
    public func agentEvent(_ event: AgentEvent) { agentEvents.append(event) }
    public func reject(_ reject: Reject) { rejects.append(reject) }
}
