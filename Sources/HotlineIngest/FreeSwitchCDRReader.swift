import Foundation
import HotlineModel

/// Reads FreeSWITCH mod_xml_cdr documents (`freeswitch-xml-cdr`, docs/FORMATS.md) with libxml2's streaming
/// `xmlReader`: one `<cdr>` in memory at a time.
///
/// Parser options: no network (`XML_PARSE_NONET`), no DTD loading, no entity substitution, libxml2's default
/// limits on depth (256) and text nodes (10 MB); a DOCTYPE is refused before the parser sees it. Values under
/// `<variables>` are URL-decoded. With mod_callcenter variables (`cc_queue`, `cc_queue_joined_epoch`,
/// `cc_queue_answered_epoch`, `cc_queue_terminated_epoch`, `cc_queue_canceled_epoch`, `cc_cancel_reason`,
/// `cc_agent`) a leg is a queued call; without them a plain call whose queue is empty (wait = ring time), or, with
/// IVR variables and no bridge, a call that ended in the IVR (``FreeSwitchIVR``). An
/// answered leg with a `transfer_history` was transferred. Times come from `*_epoch` variables, else from `<callflow><times>` (microseconds). Each `<cdr>` is a record: accepted,
/// or rejected with its line (no start time, an end before the start); outbound legs are counted and left out.
/// Malformed XML rejects the `<cdr>` it is in and ends the file with one error naming the line.
final class FreeSwitchCDRReader {
    private let xml: StreamingXMLReader
    private let context: ReadContext
    private let fileIndex: Int32
    private let path: String

    init(source: ByteSource, context: ReadContext, fileIndex: Int32, path: String) {
        xml = StreamingXMLReader(source: source, path: path)
        self.context = context
        self.fileIndex = fileIndex
        self.path = path
    }

    func read(summary: inout InputSummary, accept: (inout CallRecord) -> Void, reject: (Reject) -> Void) throws {
        var path: [String] = []
        var variables: [String: String] = [:]
        var times: [String: String] = [:]
        var inCDR = false
        var cdrLine = 0
        var callflowSeen = false
        do {
            try xml.read { event in
                switch event {
                case .start(let name, let line, let empty):
                    if path.count == 1 && name == "cdr" {
                        inCDR = true
                        cdrLine = line
                        variables = [:]
                        times = [:]
                        callflowSeen = false
                    }
                    if !empty { path.append(name) }
                    if empty && path.count == 1 && name == "cdr" {
                        inCDR = false
                        finishCDR(
                            variables: [:], times: [:], line: cdrLine, summary: &summary, accept: accept,
                            reject: reject)
                    }
                case .end(let name):
                    if path.count == 3 && path[1] == "cdr" && path[2] == "callflow" { callflowSeen = true }
                    _ = path.popLast()
                    if path.count == 1 && name == "cdr" {
                        inCDR = false
                        finishCDR(
                            variables: variables, times: times, line: cdrLine, summary: &summary, accept: accept,
                            reject: reject)
                    }
                case .text(let value):
                    if path.count == 4 && path[2] == "variables" {
                        // Foundation's percent-decoding only where there is a `%`: it was an eighth of the time of
                        // a directory of CDRs, for values that are mostly plain.
                        variables[path[3]] =
                            value.utf8.contains(UInt8(ascii: "%")) ? (value.removingPercentEncoding ?? value) : value
                    } else if path.count == 5 && path[2] == "callflow" && path[3] == "times" && !callflowSeen {
                        times[path[4]] = value
                    }
                }
            }
        } catch let failure as IngestError where failure.kind == .malformed {
            // The reader parses ahead, so the record at fault may not have started yet: count one either way,
            // so the broken input never vanishes from the totals.
            let readBefore = summary.records
            summary.records += 1
            summary.rejectedByKind[.malformedXML, default: 0] += 1
            reject(
                Reject(
                    file: self.path, line: inCDR ? cdrLine : (failure.line ?? 1), field: inCDR ? "cdr" : "document",
                    kind: .malformedXML, detail: failure.detail))
            // A file that gave records is a call log cut short, not "not a call log".
            throw readBefore > 0
                ? IngestError.stopped(
                    path: self.path, reason: "after \(readBefore) records, malformed XML: \(failure.detail)")
                : IngestError.notACallLog(path: self.path, reason: "malformed XML: \(failure.detail)")
        }
    }

    /// Turns one `<cdr>`'s variables into a call, or a reject.
    private func finishCDR(
        variables v: [String: String], times: [String: String], line: Int, summary: inout InputSummary,
        accept: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) {
        summary.records += 1
        func fail(_ field: String, _ kind: RejectKind, _ detail: String) {
            summary.rejectedByKind[kind, default: 0] += 1
            reject(Reject(file: path, line: line, field: field, kind: kind, detail: detail))
        }
        func epoch(_ name: String) -> Instant? {
            guard let text = v[name], let seconds = Double(text), seconds > 0 else { return nil }
            return Instant(milliseconds: Int64((seconds * 1000).rounded()))
        }
        func micro(_ name: String) -> Instant? {
            guard let text = times[name], let us = Double(text), us > 0 else { return nil }
            return Instant(milliseconds: Int64((us / 1000).rounded()))
        }
        guard let start = epoch("start_epoch") ?? micro("created_time") else {
            return fail("start_epoch", .badTime, "no start time (start_epoch or callflow created_time)")
        }
        let answer = epoch("answer_epoch") ?? micro("answered_time")
        guard let end = epoch("end_epoch") ?? micro("hangup_time") else {
            return fail("end_epoch", .badTime, "no end time (end_epoch or callflow hangup_time)")
        }
        guard end >= start else { return fail("end_epoch", .endedBeforeEnqueued, "the call ended before it started") }
        summary.accepted += 1
        if (v["direction"] ?? v["call_direction"] ?? "inbound").lowercased() == "outbound" {
            summary.outbound += 1
            return
        }
        let caller = context.callerKey(forText: v["effective_caller_id_number"] ?? v["caller_id_number"] ?? "")
        let location = RecordLocation(file: fileIndex, line: Int32(clamping: line))
        let menus = FreeSwitchIVR(variables: v, settings: context.mappings.ivr, symbols: context.symbols)
        var call: CallRecord
        if let queue = v["cc_queue"], let joined = epoch("cc_queue_joined_epoch") {
            let answered = epoch("cc_queue_answered_epoch")
            let canceled = epoch("cc_queue_canceled_epoch")
            let terminated = epoch("cc_queue_terminated_epoch") ?? end
            let outcome: CallOutcome
            let left: Instant
            if let answered {
                // FreeSWITCH records a blind or attended transfer in transfer_history.
                outcome = (v["transfer_history"] ?? "").isEmpty ? .answered : .transferred
                left = answered
            } else {
                left = canceled ?? terminated
                switch (v["cc_cancel_reason"] ?? "").uppercased() {
                case "TIMEOUT", "NO_AGENT_TIMEOUT", "EXIT_WITH_KEY", "BREAK_OUT": outcome = .timeout
                default: outcome = .abandoned
                }
            }
            let ended = max(answered.map { _ in terminated } ?? left, left)
            call = CallRecord(
                location: RecordLocation(file: fileIndex, line: Int32(clamping: line)),
                callKey: CallRecord.key(v["uuid"] ?? ""),
                queue: context.symbols.intern(queue.split(separator: "@").first.map(String.init) ?? queue),
                caller: caller, agent: context.symbols.intern(v["cc_agent"] ?? ""), enqueuedAt: joined,
                answeredAt: answered, endedAt: ended, wait: max(0, left - joined),
                talk: answered.map { max(0, ended - $0) } ?? 0, outcome: outcome)
            if !menus.path.isNone {
                call.ivrPath = menus.path
                call.ivrTime = max(0, joined - start)
            }
        } else if menus.isIVR && !menus.bridged {
            // Menus and no queue, bridged to no one: the call ended in the IVR, all of it in the menus.
            call = CallRecord(
                location: location, callKey: CallRecord.key(v["uuid"] ?? ""), ivrPath: menus.path,
                ivrTime: end - start, caller: caller, enqueuedAt: start, endedAt: end,
                outcome: menus.selfServed ? .selfServed : .ivrAbandoned)
        } else {
            // A plain leg: no queue; the ring time is the wait.
            let cause = (v["hangup_cause"] ?? "").uppercased()
            let transferred = !(v["transfer_history"] ?? "").isEmpty
            let outcome: CallOutcome =
                answer != nil
                ? (transferred ? .transferred : .answered)
                : ["NO_ANSWER", "NO_USER_RESPONSE", "ALLOTTED_TIMEOUT"].contains(cause) ? .timeout : .abandoned
            let left = answer ?? end
            let billsec = v["billsec"].flatMap(Double.init).map { Milliseconds($0 * 1000) }
            call = CallRecord(
                location: RecordLocation(file: fileIndex, line: Int32(clamping: line)),
                callKey: CallRecord.key(v["uuid"] ?? ""), caller: caller,
                enqueuedAt: start, answeredAt: answer, endedAt: end, wait: max(0, left - start),
                talk: answer.map { billsec ?? max(0, end - $0) } ?? 0, outcome: outcome)
            call.ivrPath = menus.path
        }
        accept(&call)
    }
}

extension FreeSwitchCDRReader: FormatReader {
    static func read(
        _ input: OpenedInput, in ingest: InputIngest, summary: inout InputSummary, into sink: any IngestSink
    ) throws {
        let reader = FreeSwitchCDRReader(
            source: input.stream, context: ingest.context, fileIndex: input.index, path: input.display)
        try reader.read(summary: &summary, accept: ingest.classifying(into: sink), reject: sink.reject)
    }
}
