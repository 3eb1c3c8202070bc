import Foundation
import HotlineModel

/// Reads an Asterisk queue_log (`asterisk-queue-log`, FORMATS.md) into events for a ``QueueLogAssembler``.
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

    private let csv: CSVReader
    private let layout: Layout
    private let context: ReadContext
    private let assembler: QueueLogAssembler
    private let fileIndex: Int32
    private let path: String
    private(set) var eventCounts: [String: Int] = [:]

    init(
        csv: CSVReader, layout: Layout, context: ReadContext, assembler: QueueLogAssembler, fileIndex: Int32,
        path: String
    ) {
        self.csv = csv
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
        var systemEvents = 0
        var agentEvents = 0
        try csv.forEachRecord { record in
            summary.records += 1
            // No local function captures `record` here: that crashed the compiler (SILGen, Swift 6.3.1).
            var rejection: (field: String, kind: RejectKind, detail: String)?
            var parsed: QueueLogEvent?
            if let problem = record.problem, case .tooLong(let limit) = problem {
                rejection = ("record", .recordTooLong, "longer than \(limit) bytes; skipped to its end")
            } else {
                switch parse((0..<record.fieldCount).map { record.string($0) }, line: record.line) {
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
            eventCounts[event.name, default: 0] += 1
            if let change = agentChange(event) { agentEvent(change) }
            if event.kind == .agentSession {
                agentEvents += 1
                return
            }
            if event.kind == .system || event.callID == "NONE" {
                systemEvents += 1
                return
            }
            if var call = assembler.handle(event, cutShort: cutShort) {
                accept(&call)
            }
        }
        if systemEvents > 0 {
            summary.notes.append("\(systemEvents) system events skipped (QUEUESTART, CONFIGRELOAD, DID, ...)")
        }
        if agentEvents > 0 {
            summary.notes.append(
                "\(agentEvents) agent events (login, member, pause) read for the agent figures")
        }
        let unused = eventCounts.filter { QueueLogEvent.kind(of: $0.key) == .other }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        if !unused.isEmpty {
            summary.notes.append(
                "events not used by the call figures: " + unused.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            )
        }
    }

    /// The agent state change an event stands for, if any.
    private func agentChange(_ event: QueueLogEvent) -> AgentEvent? {
        guard !event.agent.isNone else { return nil }
        let kind: AgentEvent.Kind
        switch event.name {
        case "AGENTLOGIN", "AGENTCALLBACKLOGIN", "ADDMEMBER": kind = .login
        case "AGENTLOGOFF", "AGENTCALLBACKLOGOFF", "REMOVEMEMBER": kind = .logoff
        case "PAUSE", "PAUSEALL": kind = .pause(reason: context.symbols.intern(event.firstData))
        case "UNPAUSE", "UNPAUSEALL": kind = .unpause
        case "RINGNOANSWER": kind = .ringNoAnswer
        default: return nil
        }
        return AgentEvent(agent: event.agent, time: event.time, kind: kind)
    }

    private enum Parsed {
        case event(QueueLogEvent)
        case rejected(field: String, kind: RejectKind, detail: String)
    }

    private func parse(_ fields: [String], line: Int) -> Parsed {
        let time: String
        let callID: String
        let queue: String
        let agent: String
        let name: String
        var data: [String]
        var hold: Double?
        var talk: Double?
        var epoch = true
        switch layout {
        case .pipes:
            guard fields.count >= 5 else {
                return .rejected(
                    field: "record", kind: .fieldCount,
                    detail: "expected at least 5 fields separated by |, found \(fields.count)")
            }
            (time, callID, queue, agent, name) = (fields[0], fields[1], fields[2], fields[3], fields[4])
            data = Array(fields.dropFirst(5))
            (hold, talk) = QueueLogEvent.durations(name: name, data: data)
        case .table(let columns):
            let needed = [columns.time, columns.callID, columns.event, columns.queue, columns.agent].max() ?? 0
            guard fields.count > needed else {
                return .rejected(
                    field: "record", kind: .fieldCount,
                    detail: "expected at least \(needed + 1) fields, found \(fields.count)")
            }
            func at(_ i: Int) -> String { i >= 0 && i < fields.count ? fields[i] : "" }
            (time, callID, queue, agent, name) = (
                at(columns.time), at(columns.callID), at(columns.queue), at(columns.agent), at(columns.event)
            )
            epoch = columns.epochTime
            data = columns.data.map(at)
            if let h = columns.hold, let t = columns.talk {
                hold = Double(at(h))
                talk = Double(at(t))
                // The stats schema fills htime/ttime with 0 where they do not apply.
                if ["CONNECT", "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY", "EXITWITHKEY"].contains(name) { talk = nil }
            } else {
                (hold, talk) = QueueLogEvent.durations(name: name, data: data)
            }
        }
        guard let instant = parseTime(time, epoch: epoch) else {
            return .rejected(
                field: "time", kind: .badTime, detail: "expected epoch seconds, found '\(time.prefix(40))'")
        }
        guard !name.isEmpty else { return .rejected(field: "event", kind: .unknownOutcome, detail: "empty event name") }
        var caller = ""
        if name == "ENTERQUEUE" {
            // data1 is the URL, data2 the caller id; exports that shift them keep the caller in data1.
            let second = data.count > 1 ? data[1] : ""
            let first = data.first ?? ""
            caller = !second.isEmpty ? second : (first.allSatisfy { $0.isNumber || $0 == "+" } ? first : "")
        }
        return .event(
            QueueLogEvent(
                time: instant, callID: callID, callKey: QueueLogEvent.key(callID),
                queue: context.symbols.intern(queue == "NONE" ? "" : queue),
                agent: context.symbols.intern(agent == "NONE" ? "" : agent), name: name,
                kind: QueueLogEvent.kind(of: name),
                caller: caller, firstData: data.first ?? "", holdSeconds: hold, talkSeconds: talk,
                location: RecordLocation(file: fileIndex, line: Int32(clamping: line))))
    }

    private func parseTime(_ text: String, epoch: Bool) -> Instant? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds > 0 {
            return Instant(milliseconds: Int64((seconds * 1000).rounded()))
        }
        guard !epoch || !trimmed.isEmpty else { return nil }
        let parsed = Array(trimmed.utf8).withUnsafeBufferPointer { ByteParsing.timestamp($0) }
        guard let parsed else { return nil }
        if let offset = parsed.offset { return Instant(milliseconds: parsed.wallMillis - offset * 1000) }
        let wall = parsed.wallMillis.floorDivided(by: 1000)
        return Instant(seconds: context.sourceCalendar.utcSecond(fromWall: wall))
    }
}
