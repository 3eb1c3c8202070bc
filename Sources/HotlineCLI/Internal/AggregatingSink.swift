import HotlineIngest
import HotlineMetrics
import HotlineModel

/// Where the report pipeline's ingest sends what it reads: calls to the call aggregator, tickets to the ticket
/// aggregator, agent events kept for after the reading, rejects to the report's first few and to `onReject`
/// (the rejects file), bytes to the progress line.
///
/// On one thread calls reach the aggregator a few hundred at a time (for its batched caller look-ups). On
/// several, calls and tickets each get a stage of their own thread, fed in batches; blocks read in parallel go
/// on whole and come back to ingest for reuse. The two stages are written out rather than shared through a
/// generic stage: a closure call per record measured 10-40% slower on the 10M-call benchmark.
final class AggregatingSink: IngestSink {
    /// Records handed between the stages at a time.
    static let batchSize = 4096

    private let aggregator: CallAggregator
    private let tickets: TicketAggregator
    /// The journey's calls and tickets, kept only when a ticket export is among the inputs.
    private let journey: (calls: JourneyCalls, tickets: JourneyTickets)?
    private let onReject: (Reject) -> Void
    private let firstRejectsKept: Int
    private let progress: ProgressMeter?
    private(set) var firstRejects: [Reject] = []
    /// Agent events are few (logins, pauses): kept here and handed to the aggregator after the reading.
    private(set) var agentEvents: [AgentEvent] = []

    private var batch: [CallRecord] = []
    private let batchLimit: Int
    private var ticketBatch: [TicketRecord] = []
    /// The second thread's stages; nil on one thread.
    private let stages: Stages?

    private struct Stages {
        let calls: BatchPipe<CallRecord>
        let tickets: BatchPipe<TicketRecord>
        let callWorker: WorkerThread
        let ticketWorker: WorkerThread
    }

    /// `ingest` gets the whole blocks back for reuse; `threads` above 1 aggregates on stages of their own.
    init(
        aggregator: CallAggregator, tickets: TicketAggregator, journey: (JourneyCalls, JourneyTickets)?,
        ingest: InputIngest, threads: Int, progress: ProgressMeter?, firstRejectsKept: Int,
        onReject: @escaping (Reject) -> Void
    ) {
        self.aggregator = aggregator
        self.tickets = tickets
        self.journey = journey
        self.progress = progress
        self.firstRejectsKept = firstRejectsKept
        self.onReject = onReject
        if threads <= 1 {
            batchLimit = 256
            stages = nil
        } else {
            batchLimit = Self.batchSize
            let callPipe = BatchPipe<CallRecord>()
            let ticketPipe = BatchPipe<TicketRecord>()
            // Each aggregator is used only on its stage's thread until the join.
            let (callStage, ticketStage, reader) = (
                HandOver(value: aggregator), HandOver(value: tickets), HandOver(value: ingest)
            )
            let (journeyCalls, journeyTickets) = (HandOver(value: journey?.0), HandOver(value: journey?.1))
            let callWorker = WorkerThread {
                while let batch = callPipe.pop() {
                    callStage.value.add(contentsOf: batch)
                    journeyCalls.value?.add(contentsOf: batch)
                    // Whole blocks from parallel reading go back to be filled again (`recycle` is thread-safe).
                    if batch.count > Self.batchSize { reader.value.recycle(batch) }
                }
            }
            let ticketWorker = WorkerThread {
                while let batch = ticketPipe.pop() {
                    for ticket in batch {
                        ticketStage.value.add(ticket)
                        journeyTickets.value?.add(ticket)
                    }
                }
            }
            stages = Stages(calls: callPipe, tickets: ticketPipe, callWorker: callWorker, ticketWorker: ticketWorker)
        }
        batch.reserveCapacity(batchLimit)
    }

    func call(_ call: CallRecord) {
        batch.append(call)
        if batch.count == batchLimit { flushCalls() }
    }

    /// Blocks read in parallel go on whole, after the calls before them.
    func calls(_ block: [CallRecord]) {
        guard let stages else {
            for call in block { self.call(call) }
            return
        }
        flushCalls()
        stages.calls.push(block)
    }

    func ticket(_ ticket: TicketRecord) {
        guard let stages else {
            tickets.add(ticket)
            journey?.tickets.add(ticket)
            return
        }
        ticketBatch.append(ticket)
        if ticketBatch.count == Self.batchSize {
            stages.tickets.push(ticketBatch)
            ticketBatch.removeAll(keepingCapacity: true)
        }
    }

    func agentEvent(_ event: AgentEvent) { agentEvents.append(event) }

    func reject(_ reject: Reject) {
        if firstRejects.count < firstRejectsKept { firstRejects.append(reject) }
        onReject(reject)
    }

    func bytesRead(_ count: Int) { progress?.advance(by: count) }

    /// Hands on what is left and waits for the stages; then the agent events, which come after every call.
    func finish() {
        flushCalls()
        if let stages {
            stages.tickets.push(ticketBatch)
            stages.tickets.close()
            stages.calls.close()
            stages.ticketWorker.join()
            stages.callWorker.join()
        }
        for event in agentEvents { aggregator.add(event) }
    }

    private func flushCalls() {
        guard !batch.isEmpty else { return }
        if let stages {
            stages.calls.push(batch)
            batch = []
            batch.reserveCapacity(batchLimit)
        } else {
            aggregator.add(contentsOf: batch)
            journey?.calls.add(contentsOf: batch)
            batch.removeAll(keepingCapacity: true)
        }
    }
}
