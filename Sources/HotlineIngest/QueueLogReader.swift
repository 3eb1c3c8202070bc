import Foundation
import HotlineModel

/// Reads an Asterisk queue_log (`asterisk-queue-log`, docs/FORMATS.md) into events for a ``QueueLogAssembler``.
///
/// Accepts the raw file (`epoch|callid|queuename|agent|event|data1|...`, epoch seconds with or without a
/// fraction, no quoting) and a database-table export as CSV with a header naming `callid`, `event` and `time` or
/// `date_time` (plus `queuename`/`queue_name`, `agent`/`membername`/`type`, `data1..data5` or `param1..`), including
/// the stats schema whose `htime`/`ttime` columns carry hold and talk seconds. A time column that is not an
/// epoch is read as `YYYY-MM-DD HH:MM:SS` in the configured zone.
///
/// Every line is a record: accepted (part of a call, an agent or system event, or an event this reader does not
/// use, counted by name in a note) or rejected (too few fields, a bad time; and, when every file is read, the
/// events of calls that never ended).
final class QueueLogReader {
    enum Layout {
        case pipes
        case table(TableColumns)
    }

    struct TableColumns {
        var time: Int
        var epochTime: Bool
        var callID: Int
        var queue: Int
        var agent: Int
        var event: Int
        var data: [Int]
        var hold: Int?
        var talk: Int?

        /// Column positions from a header; nil when the header lacks callid, event or a time.
        init?(names: [String]) {
            let lower = names.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            func index(_ candidates: String...) -> Int? {
                candidates.lazy.compactMap { lower.firstIndex(of: $0) }.first
            }
            guard let callID = index("callid"), let event = index("event"),
                let time = index("date_time", "time")
            else { return nil }
            self.callID = callID
            self.event = event
            self.time = time
            epochTime = lower[time] == "date_time" || index("date_time") == nil
            queue = index("queuename", "queue_name", "queue") ?? -1
            agent = index("agent", "membername", "type") ?? -1
            let numbered = (1...5).compactMap { index("data\($0)") }
            data = numbered.isEmpty ? (1...5).compactMap { index("param\($0)") } : numbered
            hold = index("htime")
            talk = index("ttime")
        }
    }

    /// Where the lines come from: a raw file through its own splitter, a table export through the CSV reader.
    enum Records {
        case split(QueueLogLineSplitter)
        case csv(CSVReader)
    }

    private let records: Records
    private let layout: Layout
    private let context: ReadContext
    private let assembler: QueueLogAssembler
    private let fileIndex: Int32
    private let path: String
    /// Times read without an offset, and the first offset that is not the report zone's, for the summary.
    private var timesWithoutOffset = 0
    private var otherOffset: Int?
    /// What each event name (by symbol number) means, worked out once per name.
    private var meanings: [QueueLogEvent.Meaning?] = []
    /// Events read, by event-name symbol number.
    private var eventCounts: [Int] = []

    init(
        records: Records, layout: Layout, context: ReadContext, assembler: QueueLogAssembler, fileIndex: Int32,
        path: String
    ) {
        self.records = records
        self.layout = layout
        self.context = context
        self.assembler = assembler
        self.fileIndex = fileIndex
        self.path = path
    }

    func read(
        summary: inout InputSummary, accept: (inout CallRecord) -> Void, reject: (Reject) -> Void,
        cutShort: (IncompleteCall) -> Void, agentEvent: (AgentEvent) -> Void
    ) throws {
        switch records {
        case .split(let splitter):
            try read(
                splitter, summary: &summary, accept: accept, reject: reject, cutShort: cutShort,
                agentEvent: agentEvent)
        case .csv(let csv):
            try read(csv, summary: &summary, accept: accept, reject: reject, cutShort: cutShort, agentEvent: agentEvent)
        }
    }

    /// Generic so that each source's record loop is specialised with this body (one per file, no dispatch a line).
    private func read<Lines: RecordSplitting>(
        _ lines: Lines, summary: inout InputSummary, accept: (inout CallRecord) -> Void, reject: (Reject) -> Void,
        cutShort: (IncompleteCall) -> Void, agentEvent: (AgentEvent) -> Void
    ) throws {
        var systemEvents = 0
        var agentEvents = 0
        var ivrEvents = 0
        defer {
            summary.addGaps(skipped: lines.skippedBytes, firstLine: lines.firstSkippedLine)
            summary.timestampsWithoutOffset += timesWithoutOffset
            summary.offsetOtherThanZone = summary.offsetOtherThanZone ?? otherOffset
        }
        try lines.forEachRecord { record in
            summary.records += 1
            // No local function captures `record` here: that crashed the compiler (SILGen, Swift 6.3.1).
            var rejection: (field: String, kind: RejectKind, detail: String)?
            var parsed: QueueLogEvent?
            if let problem = record.problem, case .tooLong(let limit) = problem {
                rejection = ("record", .recordTooLong, "longer than \(limit) bytes; skipped to its end")
            } else if let problem = record.problem, case .unmatchedQuote(_, let line) = problem {
                rejection = ("record", .badQuoting, CSVReader.Problem.unmatchedQuoteText(line - record.line))
            } else {
                switch parse(record) {
                case .event(let event): parsed = event
                case .rejected(let field, let kind, let detail): rejection = (field, kind, detail)
                }
            }
            if let rejection {
                summary.rejectedByKind[rejection.kind, default: 0] += 1
                reject(
                    Reject(
                        file: path, line: record.line, field: rejection.field, kind: rejection.kind,
                        detail: rejection.detail, raw: String(decoding: record.raw, as: UTF8.self)))
                return
            }
            guard let event = parsed else { return }
            summary.accepted += 1
            let n = Int(event.name.rawValue)
            if n >= eventCounts.count { eventCounts += Array(repeating: 0, count: n + 1 - eventCounts.count) }
            eventCounts[n] += 1
            if let change = agentChange(event) { agentEvent(change) }
            if event.kind.isAgentSession {
                agentEvents += 1
                return
            }
            if event.kind == .system || event.callKey == Self.noneKey {
                systemEvents += 1
                return
            }
            if event.kind == .did || event.kind == .ivrAppend { ivrEvents += 1 }
            assembler.handle(event, cutShort: cutShort, accept: accept)
        }
        if systemEvents > 0 {
            summary.notes.append("\(systemEvents) system events skipped (QUEUESTART, CONFIGRELOAD, INFO, ...)")
        }
        if ivrEvents > 0 {
            summary.notes.append("\(ivrEvents) DID and IVRAPPEND events joined to their calls by callid")
        }
        if agentEvents > 0 {
            summary.notes.append("\(agentEvents) agent events (login, member, pause) read for the agent figures")
        }
        let unused = eventCounts.enumerated().filter { symbol, count in
            count > 0 && symbol < meanings.count && meanings[symbol]?.kind == .other
        }.map { (name: context.symbols[Symbol(rawValue: UInt32($0.offset))], count: $0.element) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }
        if !unused.isEmpty {
            summary.notes.append(
                "events not used by the call figures: "
                    + unused.map { "\($0.name) \($0.count)" }.joined(separator: ", "))
        }
    }

    private static let noneKey = QueueLogEvent.key("NONE")

    /// The agent state change an event stands for, if any.
    private func agentChange(_ event: QueueLogEvent) -> AgentEvent? {
        guard !event.agent.isNone else { return nil }
        let kind: AgentEvent.Kind
        switch event.kind {
        case .login: kind = .login
        case .logoff: kind = .logoff
        case .pause: kind = .pause(reason: event.reason)
        case .unpause: kind = .unpause
        case .ringNoAnswer: kind = .ringNoAnswer
        default: return nil
        }
        return AgentEvent(agent: event.agent, time: event.time, kind: kind)
    }

    private enum Parsed {
        case event(QueueLogEvent)
        case rejected(field: String, kind: RejectKind, detail: String)
    }

    /// Field `i` of a record as bytes; empty past the end or for a column the layout lacks (-1).
    @inline(__always) private func bytes(_ record: borrowing CSVRecordView, _ i: Int) -> UnsafeBufferPointer<UInt8> {
        i >= 0 && i < record.fieldCount ? record.field(i) : UnsafeBufferPointer(start: nil, count: 0)
    }

    /// Position of `data<n>` (1-based).
    @inline(__always) private func dataPosition(_ n: Int) -> Int {
        switch layout {
        case .pipes: return 4 + n
        case .table(let columns): return n <= columns.data.count ? columns.data[n - 1] : -1
        }
    }

    /// Reads one line from its bytes: Strings only for what is kept (a callid that starts or ends a call).
    private func parse(_ record: borrowing CSVRecordView) -> Parsed {
        let time: Int, callID: Int, queue: Int, agent: Int, event: Int
        var epoch = true
        var holdColumn: Int?
        var talkColumn: Int?
        switch layout {
        case .pipes:
            guard record.fieldCount >= 5 else {
                return .rejected(
                    field: "record", kind: .fieldCount,
                    detail: "expected at least 5 fields separated by |, found \(record.fieldCount)")
            }
            (time, callID, queue, agent, event) = (0, 1, 2, 3, 4)
        case .table(let columns):
            let needed = [columns.time, columns.callID, columns.event, columns.queue, columns.agent].max() ?? 0
            guard record.fieldCount > needed else {
                return .rejected(
                    field: "record", kind: .fieldCount,
                    detail: "expected at least \(needed + 1) fields, found \(record.fieldCount)")
            }
            (time, callID, queue, agent, event) = (
                columns.time, columns.callID, columns.queue, columns.agent, columns.event
            )
            epoch = columns.epochTime
            if columns.hold != nil && columns.talk != nil { (holdColumn, talkColumn) = (columns.hold, columns.talk) }
        }
        guard let instant = parseTime(bytes(record, time), epoch: epoch) else {
            let shown = String(decoding: bytes(record, time), as: UTF8.self).prefix(40)
            return .rejected(field: "time", kind: .badTime, detail: "expected epoch seconds, found '\(shown)'")
        }
        guard let name = context.interner.intern(ByteParsing.trimmed(bytes(record, event))), !name.isNone else {
            return .rejected(field: "event", kind: .unknownOutcome, detail: "empty or undecodable event name")
        }
        let meaning = meaning(of: name)
        let callBytes = bytes(record, callID)
        // Hold and talk: the stats schema's htime/ttime columns, else the data field the event keeps them in.
        var hold: Double?
        var talk: Double?
        if let holdColumn, let talkColumn {
            hold = seconds(bytes(record, holdColumn))
            talk = meaning.kind == .complete || meaning.kind == .transfer ? seconds(bytes(record, talkColumn)) : nil
        } else {
            hold = meaning.holdField.flatMap { seconds(bytes(record, dataPosition($0))) }
            talk = meaning.talkField.flatMap { seconds(bytes(record, dataPosition($0))) }
        }
        var caller: CallerKey?
        if meaning.kind == .enterQueue {
            // data1 is the URL, data2 the caller id; exports that shift them keep the caller in data1.
            let second = ByteParsing.trimmed(bytes(record, dataPosition(2)))
            let first = ByteParsing.trimmed(bytes(record, dataPosition(1)))
            let phoneLike = !first.isEmpty && first.allSatisfy { ByteParsing.isDigit($0) || $0 == UInt8(ascii: "+") }
            let chosen = !second.isEmpty ? second : (phoneLike ? first : UnsafeBufferPointer(start: nil, count: 0))
            caller = context.callerKey(chosen) ?? nil
        }
        let reason = meaning.kind == .pause ? (context.interner.intern(bytes(record, dataPosition(1))) ?? .none) : .none
        var kind = meaning.kind
        var ivr = (node: Symbol.none, other: Symbol.none, choice: Symbol.none)
        if kind == .info {
            kind = .system
            if ByteParsing.trimmed(bytes(record, dataPosition(1))).elementsEqual("IVRAPPEND".utf8) {
                guard let menu = ivrMenu(record) else {
                    return .rejected(
                        field: "data3", kind: .badEncoding, detail: "IVRAPPEND without a readable menu id or name")
                }
                (kind, ivr) = (.ivrAppend, menu)
            }
        }
        var read = QueueLogEvent(
            time: instant, callIDBytes: callBytes,
            callKey: QueueLogEvent.key(callBytes), queue: symbol(bytes(record, queue)),
            agent: symbol(bytes(record, agent)),
            name: name, kind: kind, caller: caller, reason: reason, holdSeconds: hold, talkSeconds: talk,
            location: RecordLocation(file: fileIndex, line: Int32(clamping: record.line)))
        (read.ivrNode, read.ivrOther, read.ivrChoice) = ivr
        return .event(read)
    }

    /// IVRAPPEND's menu (data4 the name, else data3 the id; `>` would split the node, so it becomes `/`) and choice
    /// (data2); nil when neither the name nor the id is readable text.
    private func ivrMenu(_ record: borrowing CSVRecordView) -> (node: Symbol, other: Symbol, choice: Symbol)? {
        func node(_ n: Int) -> Symbol? {
            let raw = ByteParsing.trimmed(bytes(record, dataPosition(n)))
            guard raw.contains(UInt8(ascii: ">")) else { return context.interner.intern(raw) }
            let copy = raw.map { $0 == UInt8(ascii: ">") ? UInt8(ascii: "/") : $0 }
            return copy.withUnsafeBufferPointer { context.interner.intern($0) }
        }
        let name = node(4) ?? .none
        let id = node(3) ?? .none
        guard !(name.isNone && id.isNone) else { return nil }
        let choice = node(2) ?? .none
        return name.isNone ? (id, .none, choice) : (name, id, choice)
    }

    /// What an event name means, worked out once per distinct name.
    private func meaning(of name: Symbol) -> QueueLogEvent.Meaning {
        let i = Int(name.rawValue)
        if i < meanings.count, let known = meanings[i] { return known }
        if i >= meanings.count { meanings += Array(repeating: nil, count: i + 1 - meanings.count) }
        let meaning = QueueLogEvent.Meaning(name: context.symbols[name])
        meanings[i] = meaning
        return meaning
    }

    /// A queue or agent name; `NONE` and bad bytes are no name.
    @inline(__always) private func symbol(_ raw: UnsafeBufferPointer<UInt8>) -> Symbol {
        let trimmed = ByteParsing.trimmed(raw)
        if Self.isNONE(trimmed) { return .none }
        return context.interner.intern(trimmed) ?? .none
    }

    /// `NONE`, the queue or agent of a line that has none. Byte by byte: `elementsEqual` against a String's UTF-8
    /// took a generic path, half of the time spent on these two fields.
    @inline(__always) static func isNONE(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == 4 && bytes[0] == UInt8(ascii: "N") && bytes[1] == UInt8(ascii: "O")
            && bytes[2] == UInt8(ascii: "N") && bytes[3] == UInt8(ascii: "E")
    }

    @inline(__always) private func seconds(_ raw: UnsafeBufferPointer<UInt8>) -> Double? {
        ByteParsing.seconds(ByteParsing.trimmed(raw)).map { Double($0) / 1000 }
    }

    /// Epoch seconds as Asterisk writes them, else a date and time read as every reader reads one
    /// (``ReadContext/instant(_:withoutOffset:otherOffset:order:)``, a queue_log table exported from MySQL).
    private func parseTime(_ raw: UnsafeBufferPointer<UInt8>, epoch: Bool) -> Instant? {
        let trimmed = ByteParsing.trimmed(raw)
        if let millis = ByteParsing.seconds(trimmed), millis > 0 { return Instant(milliseconds: millis) }
        guard !trimmed.isEmpty else { return nil }
        return context.instant(trimmed, withoutOffset: &timesWithoutOffset, otherOffset: &otherOffset) ?? nil
    }
}

extension QueueLogReader: FormatReader {
    /// A queue_log as Asterisk writes it (`|`-separated) or as a table exported with a header; its calls are
    /// assembled across the run's files, so the assembler and the calls cut short belong to `ingest`.
    static func read(
        _ input: OpenedInput, in ingest: InputIngest, summary: inout InputSummary, into sink: any IngestSink
    ) throws {
        let (context, path) = (ingest.context, input.display)
        let firstLine = input.head.split(whereSeparator: \.isNewline).first ?? ""
        let layout: Layout
        let records: Records
        if FormatSniffer.isQueueLogLine(firstLine) || (ingest.options.forcedFormat != nil && firstLine.contains("|")) {
            records = .split(QueueLogLineSplitter(source: input.stream, limits: context.limits))
            layout = .pipes
        } else {
            let csv = CSVReader(source: input.stream, limits: context.limits)
            guard let names = try csv.nextRecordStrings(path: path), let columns = TableColumns(names: names) else {
                throw IngestError.notACallLog(
                    path: path, reason: "queue_log export without callid, event and time columns")
            }
            layout = .table(columns)
            records = .csv(csv)
        }
        let reader = QueueLogReader(
            records: records, layout: layout, context: context, assembler: ingest.queueLog, fileIndex: input.index,
            path: path)
        try reader.read(
            summary: &summary, accept: ingest.classifying(into: sink), reject: sink.reject,
            cutShort: { ingest.cutShort.append($0) }, agentEvent: sink.agentEvent)
    }
}
