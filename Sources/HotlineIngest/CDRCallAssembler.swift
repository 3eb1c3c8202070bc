import HotlineModel

/// One CDR line: a channel leg, as the PBX wrote it.
struct CDRLeg {
    var location: RecordLocation
    var start: Instant
    /// When the leg was answered (by anyone: `Queue()` answers the caller's channel itself); nil when it was not.
    var answer: Instant?
    var end: Instant
    var billsec: Milliseconds
    var answered: Bool
    /// `disposition` upper-cased (FreeSWITCH: the hangup cause).
    var disposition: String
    var dialect: AsteriskCDRReader.Dialect
    var caller: String
    var dst: String
    var context: String
    var channel: String
    var dstChannel: String
    /// `lastapp`, lower-cased.
    var app = ""
    /// The queue of a `Queue()` leg (the first argument of `lastdata`); nil for other applications.
    var queue: String?
    /// What ties the legs of a call: its `linkedid`, else its `uniqueid`; empty when the layout has neither.
    var callID = ""
}

/// Turns the legs of one call into the call, following the PBX's conventions (docs/METRICS.md, "Calls from CDRs").
///
/// - A call with a `Queue()` leg is an inbound call offered to that queue, whatever context it started in (an
///   extension may dial a queue). `Queue()` answers the caller's channel as soon as it starts (announcements, music
///   on hold), so its CDR says ANSWERED with `billsec` = the whole wait even when no agent took the call: the call
///   is answered only when an agent channel was bridged — `dstchannel` set on an answered queue leg, or a later
///   answered leg of the call that bridged a channel. The answer time and talk are those of that bridging leg;
///   otherwise the caller waited in the queue until the leg ended: abandoned (short under the threshold).
/// - Any other call takes its direction from the dialplan context of its first leg: the configuration's
///   `asterisk_cdr.contexts`, else FreePBX/Asterisk (and FreeSWITCH) conventions — `from-internal*`, `ext-local`,
///   `from-queue*`, `macro-*` (and FreeSWITCH's `default`) originate internal calls, or outbound ones when the
///   number dialled is longer than an extension; everything else (`from-trunk`, `from-pstn`, `from-did-direct`,
///   `ivr-N`, FreeSWITCH's `public`, unknown contexts) is inbound. An inbound call's queue is its context.
/// - An inbound call that reached no queue and was bridged to no one, and ended in a menu context or a menu
///   application, ended in the IVR (`CDRCallAssembler+IVR`).
final class CDRCallAssembler {
    enum Result {
        case call(CallRecord)
        case outbound
        case `internal`
    }

    let context: ReadContext
    /// Calls whose queue leg said ANSWERED but never bridged an agent.
    private(set) var agentLessQueueLegs = 0

    init(context: ReadContext) { self.context = context }

    func call(from unsorted: [CDRLeg]) -> Result {
        // Safe: the reader hands on groups of at least one leg.
        let legs =
            unsorted.count > 1
            ? unsorted.sorted { ($0.start, $0.location.line) < ($1.start, $1.location.line) } : unsorted
        let first = legs[0]
        let end = legs.map(\.end).max() ?? first.end
        let caller = context.callerKey(forText: legs.first { !$0.caller.isEmpty }?.caller ?? "")
        if let queueLeg = legs.first(where: { $0.queue != nil }) {
            let queueName = queueLeg.queue ?? ""
            let bridging =
                legs.first { $0.queue != nil && $0.answered && !$0.dstChannel.isEmpty }
                ?? legs.first { $0.queue == nil && $0.answered && !$0.dstChannel.isEmpty && $0.start >= queueLeg.start }
            var call = CallRecord(
                location: first.location, callKey: CallRecord.key(first.callID),
                queue: context.symbols.intern(queueName), caller: caller,
                enqueuedAt: queueLeg.start, endedAt: max(end, queueLeg.start), outcome: .abandoned)
            // Menu legs before the queue leg (ForkCDR, a Local channel): the path, and the time until the queue.
            let menus = legs.filter { $0.queue == nil && $0.start <= queueLeg.start && isMenu($0.context) }
            if let firstMenu = menus.first {
                call.ivrPath = path(menus.map(\.context))
                call.ivrTime = queueLeg.start - firstMenu.start
            }
            if let bridging, let answered = bridging.answer {
                let at = max(answered, queueLeg.start)
                call.answeredAt = at
                call.wait = at - queueLeg.start
                call.talk = bridging.billsec
                call.outcome = .answered
            } else {
                if legs.contains(where: { $0.queue != nil && $0.answered }) { agentLessQueueLegs += 1 }
                let left = legs.filter { $0.queue != nil }.map(\.end).max() ?? queueLeg.end
                call.wait = max(0, left - queueLeg.start)
            }
            return .call(call)
        }
        switch direction(context: first.context, dialled: first.dst, dialect: first.dialect) {
        case .outbound: return .outbound
        case .internal: return .internal
        case .inbound: break
        }
        if let menuCall = ivrOnlyCall(legs, caller: caller, end: end) { return .call(menuCall) }
        let answeredLeg = legs.first { $0.answered }
        let outcome: CallOutcome
        if answeredLeg != nil {
            outcome = .answered
        } else {
            switch first.dialect {
            case .asterisk: outcome = legs.contains { $0.disposition == "NO ANSWER" } ? .abandoned : .timeout
            case .freeswitch:
                outcome =
                    legs.contains { ["NO_ANSWER", "NO_USER_RESPONSE", "ALLOTTED_TIMEOUT"].contains($0.disposition) }
                    ? .timeout : .abandoned
            }
        }
        let answeredAt = answeredLeg?.answer
        var call = CallRecord(
            location: first.location, callKey: CallRecord.key(first.callID),
            queue: context.symbols.intern(first.dialect == .freeswitch ? "" : first.context), caller: caller,
            enqueuedAt: first.start, answeredAt: answeredAt, endedAt: end,
            wait: max(0, (answeredAt ?? end) - first.start), talk: answeredLeg?.billsec ?? 0, outcome: outcome)
        // Bridged to someone after the menus (a direct extension, a ring group): a plain call that went through them.
        // The legs do not tell how long the menus took before the bridge: the path only.
        let menus = legs.filter { isMenu($0.context) }
        if !menus.isEmpty { call.ivrPath = path(menus.map(\.context)) }
        return .call(call)
    }

    /// The direction of a call that reached no queue, from the context it started in.
    func direction(context name: String, dialled: String, dialect: AsteriskCDRReader.Dialect) -> CallDirection {
        let lower = name.lowercased()
        if let configured = context.mappings.cdrContexts[lower] {
            return configured == .internal && Self.isExternalNumber(dialled) ? .outbound : configured
        }
        let originating =
            lower.hasPrefix("from-internal") || lower == "ext-local" || lower.hasPrefix("from-queue")
            || lower.hasPrefix("macro-") || (dialect == .freeswitch && lower == "default")
        guard originating else { return .inbound }
        return Self.isExternalNumber(dialled) ? .outbound : .internal
    }

    /// A number longer than an extension (more than six digits, or with a `+`): dialled out through a trunk.
    static func isExternalNumber(_ dialled: String) -> Bool {
        let digits = dialled.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        return dialled.hasPrefix("+") || digits > 6
    }
}
