import HotlineModel

/// Rebuilds queued calls from queue_log events, per callid, across the files of one log.
///
/// ENTERQUEUE opens a call; CONNECT answers it; COMPLETECALLER/COMPLETEAGENT end it answered, TRANSFER,
/// BLINDTRANSFER and ATTENDEDTRANSFER transferred, ABANDON abandoned, EXITWITHTIMEOUT/EXITEMPTY/EXITWITHKEY timed
/// out. A call still open at the end of a file stays open for the next file (rotation); one still open when
/// every file is read is incomplete, and each of its events is rejected — never dropped silently. A call whose
/// end arrives without its ENTERQUEUE (the log started mid-call) gets its enqueue time from the wait and talk
/// the end event carries, and is counted in a note.
final class QueueLogAssembler {
    private struct OpenCall {
        var callID: String
        var enqueuedAt: Instant
        var queue: Symbol
        var caller: CallerKey?
        var agent: Symbol = .none
        var answeredAt: Instant?
        var holdSeconds: Double?
        var location: RecordLocation
        /// Every event of the call, for rejects if it never ends.
        var events: [RecordLocation]
    }

    private var open: [UInt64: OpenCall] = [:]
    private let context: ReadContext
    /// Ends that arrived without their ENTERQUEUE, per file index.
    private(set) var derivedStarts: [Int32: Int] = [:]

    init(context: ReadContext) { self.context = context }

    /// Takes one event; returns the finished call when the event ends one, and any earlier call it cut short.
    func handle(_ event: QueueLogEvent, cutShort: (IncompleteCall) -> Void) -> CallRecord? {
        switch event.kind {
        case .enterQueue:
            if let previous = open[event.callKey] {
                cutShort(
                    IncompleteCall(
                        callID: previous.callID, events: previous.events, reason: "entered a queue again before ending")
                )
            }
            open[event.callKey] = OpenCall(
                callID: event.callID, enqueuedAt: event.time, queue: event.queue, caller: event.caller,
                location: event.location, events: [event.location])
            return nil
        case .connect:
            guard var call = open[event.callKey] else { return nil }
            call.agent = event.agent
            call.answeredAt = event.time
            call.holdSeconds = event.holdSeconds
            call.events.append(event.location)
            open[event.callKey] = call
            return nil
        case .complete, .transfer, .abandon, .exit:
            return finish(event)
        default:
            if var call = open[event.callKey] {
                call.events.append(event.location)
                open[event.callKey] = call
            }
            return nil
        }
    }

    private func finish(_ event: QueueLogEvent) -> CallRecord {
        let outcome: CallOutcome =
            switch event.kind {
            case .complete: .answered
            case .transfer: .transferred
            case .abandon: .abandoned
            default: .timeout
            }
        let talk = Milliseconds(((event.talkSeconds ?? 0) * 1000).rounded())
        var call: OpenCall
        if let known = open.removeValue(forKey: event.callKey) {
            call = known
        } else {
            // The ENTERQUEUE is before the first line read: the end event says how long the call waited and talked.
            let hold = Milliseconds(((event.holdSeconds ?? 0) * 1000).rounded())
            call = OpenCall(
                callID: event.callID, enqueuedAt: event.time + -(hold + talk), queue: event.queue, caller: nil,
                location: event.location, events: [])
            derivedStarts[event.location.file, default: 0] += 1
        }
        let answered = outcome == .answered || outcome == .transferred
        if answered && call.agent.isNone { call.agent = event.agent }
        let holdSeconds = event.holdSeconds ?? call.holdSeconds
        let wait: Milliseconds
        if let holdSeconds {
            wait = Milliseconds((holdSeconds * 1000).rounded())
        } else if let answeredAt = call.answeredAt {
            wait = answeredAt - call.enqueuedAt
        } else {
            wait = max(0, event.time - call.enqueuedAt - (answered ? talk : 0))
        }
        let answeredAt = answered ? (call.answeredAt ?? call.enqueuedAt + wait) : nil
        let ended = max(event.time, call.enqueuedAt + wait)
        let caller = call.caller
        return CallRecord(
            location: call.location, callKey: event.callKey, queue: call.queue, direction: .inbound, caller: caller,
            agent: call.agent,
            enqueuedAt: call.enqueuedAt, answeredAt: answeredAt, endedAt: ended, wait: wait, talk: answered ? talk : 0,
            outcome: outcome)
    }

    /// The calls still open after the last file: each is incomplete.
    func drainIncomplete() -> [IncompleteCall] {
        let calls = open.values.sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
        open.removeAll()
        return calls.map {
            IncompleteCall(callID: $0.callID, events: $0.events, reason: "entered the queue and never ended")
        }
    }
}

/// A call that cannot be completed: its events become rejects.
struct IncompleteCall {
    var callID: String
    var events: [RecordLocation]
    var reason: String
}
