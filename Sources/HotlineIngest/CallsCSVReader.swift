import Foundation
import HotlineModel

/// Reads the native call-log CSV (`calls-csv`, docs/FORMATS.md) into ``CallRecord``s and ``Reject``s.
///
/// Accepts a header row naming the columns in any order, case-insensitively; `call_id`, `enqueued_at`,
/// `ended_at` and `outcome` are required, the others optional, extra columns ignored (and listed once in the
/// input summary). An optional `nps` column (0-10) feeds the NPS figure. Times are ISO 8601 with an offset;
/// one without is read in the configured zone and counted; with `calls_csv.date_order: dmy` or `mdy`, also a
/// spreadsheet's `25/01/2025 1:30`. Durations are seconds or `H:MM:SS`; missing ones are derived from the times.
///
/// Rejects, naming the field: an empty `call_id`; a wrong field count; a missing or unparsable time;
/// answered or ended before enqueued, ended before answered; negative or non-numeric durations; an unknown
/// outcome or direction; an answered call with no answer time, or an unanswered one with one; `csat` outside
/// 1-5, `nps` outside 0-10; undecodable bytes in a text field; malformed quoting; an over-long record.
final class CallsCSVReader {
    enum Column: String, CaseIterable {
        case callID = "call_id", queue, category, direction, caller, agent
        case enqueuedAt = "enqueued_at", answeredAt = "answered_at", endedAt = "ended_at"
        case wait = "wait_s", talk = "talk_s", hold = "hold_s", wrap = "wrap_s"
        case outcome, ivrPath = "ivr_path", ivrSeconds = "ivr_s", csat, nps

        static let required: [Column] = [.callID, .enqueuedAt, .endedAt, .outcome]
    }

    /// Column positions from a header row.
    struct Header {
        var index: [Column: Int] = [:]
        var fieldCount: Int
        var ignored: [String] = []

        /// Reads a header row; nil when it does not name the columns that make a calls-csv. `mapping` gives the
        /// export's header for native columns under another name (`call_id` -> `Call ID`).
        init?(names: [String], mapping: [String: String] = [:]) {
            fieldCount = names.count
            let renamed = Dictionary(
                mapping.map { ($0.value.lowercased(), $0.key) }, uniquingKeysWith: { first, _ in first })
            for (i, raw) in names.enumerated() {
                let trimmed = raw.trimmingCharacters(in: .whitespaces).lowercased()
                let name = renamed[trimmed] ?? trimmed
                if let column = Column(rawValue: name), index[column] == nil {
                    index[column] = i
                } else {
                    ignored.append(raw)
                }
            }
            guard index[.callID] != nil, index[.enqueuedAt] != nil else { return nil }
        }

        var missingRequired: [Column] { Column.required.filter { index[$0] == nil } }
    }

    private let header: Header
    private let context: ReadContext
    private let fileIndex: Int32
    private let path: String
    private var outcomeCache: [Int16] = []
    private var directionCache: [Int16] = []
    private var outcomeMemo = ShortFieldMemo<CallOutcome>()
    private var directionMemo = ShortFieldMemo<CallDirection>()

    init(header: Header, context: ReadContext, fileIndex: Int32, path: String) {
        self.header = header
        self.context = context
        self.fileIndex = fileIndex
        self.path = path
    }

    /// Where `column` is in a record, -1 when the header lacks it. Looked up once per file, before the loop.
    private func position(_ column: Column) -> Int { header.index[column] ?? -1 }

    /// Where reading stopped before the end: the record there was left unread.
    struct Resume: Equatable {
        /// Bytes from the start of the CSV reader's source.
        var offset: Int
        var line: Int
    }

    /// Reads the records of `csv` (after the header), calling `accept` or `reject` for each.
    ///
    /// Reading stops, leaving the record unread and returning where it starts, at the first record starting at
    /// or after `offsetLimit`, and, when `cut` says the input was cut out of a larger file, at a last record no
    /// line end closed (it may go on past the cut).
    @discardableResult
    func read(
        _ csv: CSVReader, summary: inout InputSummary, cut: Bool = false, offsetLimit: Int = .max,
        accept: (inout CallRecord) -> Void, reject: (Reject) -> Void
    ) throws -> Resume? {
        let p = (
            id: position(.callID), queue: position(.queue), label: position(.category),
            direction: position(.direction), caller: position(.caller), agent: position(.agent),
            enq: position(.enqueuedAt), ans: position(.answeredAt), end: position(.endedAt),
            wait: position(.wait), talk: position(.talk), hold: position(.hold), wrap: position(.wrap),
            outcome: position(.outcome), ivr: position(.ivrPath), ivrSeconds: position(.ivrSeconds),
            csat: position(.csat), nps: position(.nps)
        )
        let expected = header.fieldCount
        // Held in locals for the loop: reached through `self` they were retained and released on every record
        // (a tenth of the reading thread's time).
        let context = self.context
        let interner = context.interner
        var resume: Resume?
        let gapsBefore = csv.skippedBytes
        defer { summary.addGaps(skipped: csv.skippedBytes, before: gapsBefore, firstLine: csv.firstSkippedLine) }
        try csv.readRecords(while: { (record: borrowing CSVRecordView) -> Bool in
            if record.offset >= offsetLimit || (cut && !record.terminated) {
                resume = Resume(offset: record.offset, line: record.line)
                return false
            }
            summary.records += 1
            // Rejects the record; true, the reading goes on, so a check can `return fail(...)`.
            func fail(_ field: String, _ kind: RejectKind, _ detail: String) -> Bool {
                summary.rejectedByKind[kind, default: 0] += 1
                reject(
                    Reject(
                        file: path, line: record.line, field: field, kind: kind, detail: detail,
                        raw: rawText(record, callerColumn: p.caller)))
                return true
            }
            if let problem = record.problem {
                switch problem {
                case .tooLong(let limit):
                    return fail("record", .recordTooLong, "longer than \(limit) bytes; skipped to its end")
                case .textAfterClosingQuote(let field):
                    return fail(name(field - 1), .badQuoting, "text after the closing quote")
                case .unterminatedQuote(let field):
                    return fail(name(field - 1), .badQuoting, "quote not closed before the end of the file")
                case .unmatchedQuote(let field, let line):
                    return fail(
                        name(field - 1), .badQuoting, CSVReader.Problem.unmatchedQuoteText(line - record.line))
                }
            }
            guard record.fieldCount == expected else {
                return fail("record", .fieldCount, "expected \(expected) fields, found \(record.fieldCount)")
            }
            @inline(__always) func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
                i < 0 ? UnsafeBufferPointer(start: nil, count: 0) : ByteParsing.trimmed(record.field(i))
            }
            func shown(_ i: Int) -> String {
                let text = String(decoding: bytes(i), as: UTF8.self)
                return text.count > 40 ? "'\(text.prefix(40))...'" : "'\(text)'"
            }

            let id = bytes(p.id)
            guard !id.isEmpty else {
                return fail("call_id", .missingID, "empty")
            }
            if ByteParsing.hasByteBelowSpace(id), let byte = id.first(where: DisplayText.isControl) {
                return fail("call_id", .controlByte, ByteParsing.controlByteText(byte, field: "call_id"))
            }
            // Times.
            @inline(__always) func time(_ i: Int, _ field: String) -> Instant?? {
                context.instant(
                    bytes(i), withoutOffset: &summary.timestampsWithoutOffset,
                    otherOffset: &summary.offsetOtherThanZone, order: context.mappings.callsDateOrder)
            }
            // A spreadsheet's date the date order cannot read says which order would.
            func hint(_ i: Int) -> String {
                ByteParsing.suggestedDateOrder(bytes(i), order: context.mappings.callsDateOrder).map {
                    $0.contains(" or ")
                        ? " (a spreadsheet's date? set calls_csv.date_order: \($0))"
                        : " (a month above 12? set calls_csv.date_order: \($0))"
                } ?? ""
            }
            guard let enqueuedOrNil = time(p.enq, "enqueued_at"), let enqueued = enqueuedOrNil else {
                return fail(
                    "enqueued_at", .badTime,
                    bytes(p.enq).isEmpty
                        ? "missing" : "expected an ISO 8601 time, found \(shown(p.enq))\(hint(p.enq))")
            }
            guard let endedOrNil = time(p.end, "ended_at"), let ended = endedOrNil else {
                return fail(
                    "ended_at", .badTime,
                    bytes(p.end).isEmpty
                        ? "missing" : "expected an ISO 8601 time, found \(shown(p.end))\(hint(p.end))")
            }
            guard let answeredAt = time(p.ans, "answered_at") else {
                return fail(
                    "answered_at", .badTime,
                    "expected an ISO 8601 time or empty, found \(shown(p.ans))\(hint(p.ans))")
            }
            guard let outcome = outcome(bytes(p.outcome), interner: interner) else {
                return fail(
                    "outcome", .unknownOutcome,
                    "expected answered, abandoned, timeout, transferred, callback, self_served or ivr_abandoned, found \(shown(p.outcome))"
                )
            }
            if let answeredAt, answeredAt < enqueued {
                return fail("answered_at", .answeredBeforeEnqueued, "answered before enqueued_at")
            }
            guard ended >= enqueued else {
                return fail("ended_at", .endedBeforeEnqueued, "ended before enqueued_at")
            }
            if let answeredAt, ended < answeredAt {
                return fail("ended_at", .endedBeforeAnswered, "ended before answered_at")
            }
            // Durations: given, or derived from the times. Outer nil: present but not a duration.
            func duration(_ i: Int) -> Milliseconds?? {
                let b = bytes(i)
                if b.isEmpty { return .some(nil) }
                guard let value = ByteParsing.duration(b) else { return nil }
                return value
            }
            guard let waitGiven = duration(p.wait) else {
                return fail("wait_s", .badDuration, "expected seconds >= 0, found \(shown(p.wait))")
            }
            guard let talkGiven = duration(p.talk) else {
                return fail("talk_s", .badDuration, "expected seconds >= 0, found \(shown(p.talk))")
            }
            guard let holdGiven = duration(p.hold) else {
                return fail("hold_s", .badDuration, "expected seconds >= 0, found \(shown(p.hold))")
            }
            guard let wrapGiven = duration(p.wrap) else {
                return fail("wrap_s", .badDuration, "expected seconds >= 0, found \(shown(p.wrap))")
            }
            guard let ivrTime = duration(p.ivrSeconds) else {
                return fail("ivr_s", .badDuration, "expected seconds >= 0, found \(shown(p.ivrSeconds))")
            }
            let answered = outcome == .answered || outcome == .transferred
            var answerTime = answeredAt
            if answered && answerTime == nil {
                guard let wait = waitGiven else {
                    return fail(
                        "answered_at", .inconsistentOutcome, "outcome \(outcome.name) needs answered_at or wait_s")
                }
                answerTime = enqueued + wait
            }
            if !answered && answeredAt != nil {
                return fail("answered_at", .inconsistentOutcome, "set on a call whose outcome is \(outcome.name)")
            }
            // A call that ended in the IVR never waited in a queue: its time is the IVR's, not a wait.
            let wait = outcome.endsInIVR ? 0 : waitGiven ?? ((answerTime ?? ended) - enqueued)
            let hold = holdGiven ?? 0
            let talk = talkGiven ?? (answerTime.map { max(0, ended - $0 - hold) } ?? 0)
            let wrap = wrapGiven ?? 0

            // Scores.
            var csat: Int8?
            if !bytes(p.csat).isEmpty {
                guard let v = ByteParsing.smallInteger(bytes(p.csat)), (1...5).contains(v) else {
                    return fail("csat", .scoreOutOfRange, "expected 1-5 or empty, found \(shown(p.csat))")
                }
                csat = Int8(v)
            }
            var nps: Int8?
            if !bytes(p.nps).isEmpty {
                guard let v = ByteParsing.smallInteger(bytes(p.nps)), (0...10).contains(v) else {
                    return fail("nps", .scoreOutOfRange, "expected 0-10 or empty, found \(shown(p.nps))")
                }
                nps = Int8(v)
            }
            guard let direction = direction(bytes(p.direction), interner: interner) else {
                return fail("direction", .unknownDirection, "expected inbound or outbound, found \(shown(p.direction))")
            }
            // Text fields, interned; bad bytes reject naming the field.
            func text(_ i: Int) -> Symbol? { interner.intern(bytes(i)) }
            // A function, not a string: building the message for every record was a String allocation per row.
            func badBytes(_ i: Int, _ field: String) -> Bool {
                if let byte = bytes(i).first(where: DisplayText.isControl) {
                    return fail(field, .controlByte, ByteParsing.controlByteText(byte, field: field))
                }
                return fail(field, .badEncoding, "bytes that are not valid \(summary.encoding)")
            }
            guard let queue = text(p.queue) else { return badBytes(p.queue, "queue") }
            guard let label = text(p.label) else { return badBytes(p.label, "category") }
            guard let ivrPath = text(p.ivr) else { return badBytes(p.ivr, "ivr_path") }
            guard let agent = text(p.agent) else { return badBytes(p.agent, "agent") }
            guard let caller = context.callerKey(bytes(p.caller)) else { return badBytes(p.caller, "caller") }
            summary.accepted += 1
            if direction != .inbound {
                // Outbound and internal calls enter no queue: counted, and left out of every queue figure.
                if direction == .outbound { summary.outbound += 1 } else { summary.internalCalls += 1 }
                return true
            }
            var call = CallRecord(
                location: RecordLocation(file: fileIndex, line: Int32(clamping: record.line)),
                callKey: CallRecord.key(id), queue: queue, label: label,
                ivrPath: ivrPath, ivrTime: ivrTime, direction: direction,
                caller: caller, agent: agent, enqueuedAt: enqueued, answeredAt: answerTime, endedAt: ended,
                wait: wait, talk: talk, hold: hold, wrap: wrap, outcome: outcome, csat: csat, nps: nps)
            accept(&call)
            return true
        })
        return resume
    }

    private func name(_ field: Int) -> String {
        guard field >= 0 else { return "record" }
        return Column.allCases.first { header.index[$0] == field }?.rawValue ?? "field \(field + 1)"
    }

    @inline(__always) private func outcome(_ bytes: UnsafeBufferPointer<UInt8>, interner: FieldInterner)
        -> CallOutcome?
    {
        if let known = outcomeMemo.recall(bytes) { return known }
        guard let symbol = interner.intern(bytes) else { return nil }
        let i = Int(symbol.rawValue)
        if i < outcomeCache.count, outcomeCache[i] != -2 {
            let found = outcomeCache[i] < 0 ? nil : CallOutcome(rawValue: UInt8(outcomeCache[i]))
            if let found { outcomeMemo.remember(bytes, as: found) }
            return found
        }
        let word = context.symbols[symbol].lowercased()
        let aliases: [String: CallOutcome] = [
            "answered": .answered, "answer": .answered, "abandoned": .abandoned, "abandon": .abandoned,
            "timeout": .timeout, "timed_out": .timeout, "timed out": .timeout, "transferred": .transferred,
            "transfer": .transferred, "callback": .callback, "call back": .callback, "self_served": .selfServed,
            "self served": .selfServed, "ivr_abandoned": .ivrAbandoned, "ivr abandoned": .ivrAbandoned,
        ]
        let found = context.mappings.outcomeWords[word] ?? aliases[word]
        if outcomeCache.count <= i { outcomeCache += Array(repeating: -2, count: i + 1 - outcomeCache.count) }
        outcomeCache[i] = found.map { Int16($0.rawValue) } ?? -1
        return found
    }

    @inline(__always) private func direction(_ bytes: UnsafeBufferPointer<UInt8>, interner: FieldInterner)
        -> CallDirection?
    {
        if bytes.isEmpty { return .inbound }
        if let known = directionMemo.recall(bytes) { return known }
        guard let symbol = interner.intern(bytes) else { return nil }
        let i = Int(symbol.rawValue)
        if i < directionCache.count, directionCache[i] != -2 {
            let found = directionCache[i] < 0 ? nil : CallDirection(rawValue: UInt8(directionCache[i]))
            if let found { directionMemo.remember(bytes, as: found) }
            return found
        }
        let word = context.symbols[symbol].lowercased()
        let found: CallDirection? =
            context.mappings.directionWords[word]
            ?? (["inbound", "in", "incoming", "呼入"].contains(word)
                ? .inbound : ["outbound", "out", "outgoing", "呼出"].contains(word) ? .outbound : nil)
        if directionCache.count <= i { directionCache += Array(repeating: -2, count: i + 1 - directionCache.count) }
        directionCache[i] = found.map { Int16($0.rawValue) } ?? -1
        return found
    }

    /// The record as read, for the rejects file, with the caller masked unless asked otherwise.
    /// The record as read, its caller field masked in place: only that field, so a caller `1` leaves the `1`s of
    /// the timestamps alone.
    private func rawText(_ record: borrowing CSVRecordView, callerColumn: Int) -> String {
        let raw = record.raw
        guard context.maskCallers, callerColumn >= 0, callerColumn < record.fieldCount,
            let rawBase = raw.baseAddress
        else { return String(decoding: raw, as: UTF8.self) }
        let field = ByteParsing.trimmed(record.field(callerColumn))
        guard let fieldBase = field.baseAddress, !field.isEmpty else { return String(decoding: raw, as: UTF8.self) }
        let start = fieldBase - rawBase
        guard start >= 0, start + field.count <= raw.count else {
            // An escaped quoted field (`""`) is a copy, not in the raw bytes: mask the whole record's identifiers.
            return Masking.maskIdentifiers(in: String(decoding: raw, as: UTF8.self))
        }
        let caller = String(decoding: field, as: UTF8.self)
        return String(decoding: UnsafeBufferPointer(rebasing: raw[..<start]), as: UTF8.self) + Masking.mask(caller)
            + String(decoding: UnsafeBufferPointer(rebasing: raw[(start + field.count)...]), as: UTF8.self)
    }
}

extension CallsCSVReader: FormatReader {
    /// A calls-csv read on this thread (``InputIngest`` cuts one that can be cut into blocks before it gets here).
    static func read(
        _ input: OpenedInput, in ingest: InputIngest, summary: inout InputSummary, into sink: any IngestSink
    ) throws {
        guard let (csv, header) = input.callsCSV else { return }
        let reader = CallsCSVReader(
            header: header, context: ingest.context, fileIndex: input.index, path: input.display)
        try reader.read(csv, summary: &summary, accept: ingest.classifying(into: sink), reject: sink.reject)
    }
}
