import HotlineModel

/// Rebuilds queued calls from queue_log events, per callid, across the files of one log.
///
/// ENTERQUEUE opens a call; CONNECT answers it; COMPLETECALLER/COMPLETEAGENT end it answered, TRANSFER,
/// BLINDTRANSFER and ATTENDEDTRANSFER transferred, ABANDON abandoned, EXITWITHTIMEOUT/EXITEMPTY/EXITWITHKEY timed
/// out. A call still open at the end of a file stays open for the next file (rotation); one still open when
/// every file is read is incomplete, and each of its events is rejected — never dropped silently. A call whose
/// end arrives without its ENTERQUEUE (the log started mid-call) gets its enqueue time from the wait and talk
/// the end event carries, and is counted in a note.
///
/// Open calls are held compactly (``OpenCallTable``: about 130 bytes each, no object per call), so a log whose
/// ends never came — millions of ENTERQUEUE lines — is read in bounded memory per call.
///
/// DID and IVRAPPEND events come before their call's ENTERQUEUE: they wait in a ``PendingIVRTable`` and give the
/// queued call its IVR path and time, or become an IVR-only call (`QueueLogAssembler+IVR`).
final class QueueLogAssembler {
    private var open = OpenCallTable()
    let context: ReadContext
    /// Ends that arrived without their ENTERQUEUE, per file index.
    private(set) var derivedStarts: [Int32: Int] = [:]
    /// Menu events waiting for their ENTERQUEUE, and what the IVR part has worked out once.
    var pendingIVR = PendingIVRTable()
    var extendedPaths: [UInt64: Symbol] = [:]
    var selfServiceChoices: [SIMD3<UInt32>: Bool] = [:]
    /// Calls that ended in the menus, and DIDs of callids that reached neither a menu nor a queue, per file index.
    var ivrOnlyCalls: [Int32: Int] = [:]
    var didsAlone: [Int32: Int] = [:]

    init(context: ReadContext) { self.context = context }

    /// Takes one event; hands `accept` the call it ends (and any IVR-only calls it shows ended), and `cutShort`
    /// any earlier call it cut short.
    func handle(_ event: QueueLogEvent, cutShort: (IncompleteCall) -> Void, accept: (inout CallRecord) -> Void) {
        // Menus that can no longer reach a queue leave before the calls after them.
        if pendingIVR.count > 0 { flushIVR(pendingIVR.expired(at: event.time.milliseconds), accept: accept) }
        switch event.kind {
        case .did, .ivrAppend:
            if let position = open.position(of: event.callKey) {
                // A menu after the queue (EXITWITHKEY to an IVR) belongs to the queued call's events.
                open.addEvent(event.location, at: position)
            } else {
                addMenuEvent(event)
                if pendingIVR.count > pendingIVR.limit {
                    flushIVR(pendingIVR.expired(at: event.time.milliseconds), accept: accept)
                }
            }
        case .enterQueue:
            if let previous = open.position(of: event.callKey) {
                cutShort(
                    IncompleteCall(
                        callID: open.callID(at: previous), events: open.events(at: previous),
                        reason: "entered a queue again before ending"))
                open.remove(at: previous)
            }
            open.open(
                key: event.callKey, callID: event.callIDBytes, enqueuedAt: event.time, queue: event.queue,
                caller: event.caller, location: event.location)
            if let (path, time) = menusBefore(event.callKey, enqueuedAt: event.time),
                let position = open.position(of: event.callKey)
            {
                open[position].ivrPath = path
                open[position].ivrMillis = Int32(clamping: time)
            }
        case .connect:
            guard let position = open.position(of: event.callKey) else { return }
            open[position].agent = event.agent
            open[position].answeredAt = event.time.milliseconds
            open[position].flags |= OpenCallTable.Call.answered
            if let hold = event.holdSeconds {
                open[position].holdSeconds = hold
                open[position].flags |= OpenCallTable.Call.hasHold
            } else {
                open[position].flags &= ~OpenCallTable.Call.hasHold
            }
            open.addEvent(event.location, at: position)
        case .complete, .transfer, .abandon, .exit:
            var call = finish(event)
            accept(&call)
        default:
            if let position = open.position(of: event.callKey) { open.addEvent(event.location, at: position) }
        }
    }

    /// What an ended call needs of its open state.
    private struct Started {
        var enqueuedAt: Instant
        var queue: Symbol
        var caller: CallerKey?
        var agent: Symbol = .none
        var answeredAt: Instant?
        var holdSeconds: Double?
        var location: RecordLocation
        var ivrPath = Symbol.none
        var ivrTime: Milliseconds?
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
        var call: Started
        if let position = open.position(of: event.callKey) {
            let known = open.remove(at: position)
            call = Started(
                enqueuedAt: Instant(milliseconds: known.enqueuedAt), queue: known.queue,
                caller: known.flags & OpenCallTable.Call.hasCaller != 0 ? CallerKey(rawValue: known.caller) : nil,
                agent: known.agent,
                answeredAt: known.flags & OpenCallTable.Call.answered != 0
                    ? Instant(milliseconds: known.answeredAt) : nil,
                holdSeconds: known.flags & OpenCallTable.Call.hasHold != 0 ? known.holdSeconds : nil,
                location: known.location, ivrPath: known.ivrPath,
                ivrTime: known.ivrPath.isNone ? nil : Milliseconds(known.ivrMillis))
        } else {
            // The ENTERQUEUE is before the first line read: the end event says how long the call waited and talked.
            let hold = Milliseconds(((event.holdSeconds ?? 0) * 1000).rounded())
            call = Started(
                enqueuedAt: event.time + -(hold + talk), queue: event.queue, caller: nil, location: event.location)
            if let (path, time) = menusBefore(event.callKey, enqueuedAt: call.enqueuedAt) {
                (call.ivrPath, call.ivrTime) = (path, time)
            }
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
        var record = CallRecord(
            location: call.location, callKey: event.callKey, queue: call.queue, direction: .inbound, caller: caller,
            agent: call.agent,
            enqueuedAt: call.enqueuedAt, answeredAt: answeredAt, endedAt: ended, wait: wait, talk: answered ? talk : 0,
            outcome: outcome)
        (record.ivrPath, record.ivrTime) = (call.ivrPath, call.ivrTime)
        return record
    }

    /// Calls `body` with each call still open after the last file (each is incomplete), in the order of their
    /// first lines, one at a time.
    func drainIncomplete(_ body: (IncompleteCall) -> Void) {
        open.drain { callID, events in
            body(IncompleteCall(callID: callID, events: events, reason: "entered the queue and never ended"))
        }
    }
}

/// A call that cannot be completed: its events become rejects.
struct IncompleteCall {
    var callID: String
    var events: [RecordLocation]
    var reason: String
}
