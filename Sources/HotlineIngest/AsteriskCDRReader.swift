import Foundation
import HotlineModel

/// Reads CDR files — Asterisk `cdr_csv` Master.csv, `cdr_custom` orders, FreePBX's CSV download and FreeSWITCH's
/// `mod_cdr_csv` — into calls (`asterisk-cdr`, `freeswitch-cdr-csv`; docs/FORMATS.md).
///
/// Layouts: see ``Columns``; a layout is recognised from the first line (a header is read as one, not counted as a
/// record) or named by the configuration. Times `YYYY-MM-DD HH:MM:SS` are read in the server's zone
/// (`--source-tz`); a layout without an end time ends a leg at start + `duration`, one without an answer time
/// answers it at end − `billsec`. Text that is not UTF-8 (seen in real `clid`s) is decoded with replacement
/// characters; the fields the figures use are numbers and times.
///
/// A CDR is a channel leg, not a call. Legs sharing a `linkedid` — or, without one, a `uniqueid` (ForkCDR,
/// follow-me and Dial retries write several rows for one channel) — are one call, assembled by
/// ``CDRCallAssembler``: a call that reached `Queue()` is offered to that queue, answered only when an agent
/// channel was bridged; any other call takes its direction from its dialplan context.
final class AsteriskCDRReader {
    private let csv: CSVReader
    private let context: ReadContext
    /// A layout given by name; nil to recognise the layout from the first line.
    private let mapping: Columns?
    private let fileIndex: Int32
    private let path: String
    /// Times read without an offset, and the first offset that is not the report zone's, for the summary.
    private var timesWithoutOffset = 0
    private var otherOffset: Int?

    init(csv: CSVReader, context: ReadContext, fileIndex: Int32, path: String, mapping: Columns? = nil) {
        self.csv = csv
        self.context = context
        self.mapping = mapping
        self.fileIndex = fileIndex
        self.path = path
    }

    func read(summary: inout InputSummary, accept: (inout CallRecord) -> Void, reject: (Reject) -> Void) throws {
        defer {
            summary.timestampsWithoutOffset += timesWithoutOffset
            summary.offsetOtherThanZone = summary.offsetOtherThanZone ?? otherOffset
        }
        var columns: Columns? = mapping
        let assembler = CDRCallAssembler(context: context)
        var open: [String: [CDRLeg]] = [:]
        var order: [String] = []
        var latestStart = Instant(milliseconds: .min)
        var merged = 0
        var groupedBy = ""

        func emit(_ legs: [CDRLeg]) {
            switch assembler.call(from: legs) {
            case .call(var call): accept(&call)
            case .outbound: summary.outbound += 1
            case .internal: summary.internalCalls += 1
            }
        }
        /// Emits calls whose legs can no longer arrive: ended two hours before the latest start read.
        func flush(all: Bool) {
            var kept: [String] = []
            for key in order {
                guard let legs = open[key] else { continue }
                let end = legs.map(\.end).max() ?? latestStart
                if all || end + 7_200_000 < latestStart {
                    emit(legs)
                    open[key] = nil
                } else {
                    kept.append(key)
                }
            }
            order = kept
        }

        try csv.forEachRecord { record in
            let read = (0..<record.fieldCount).map { record.string($0) }
            if columns == nil, record.line == 1, let header = Columns.header(read) {
                // A header row (FreePBX's CSV download) names the columns: it is not a record.
                columns = header
                return
            }
            if let c = columns, c.hasHeader, record.line == 1, Columns.header(read) != nil { return }
            summary.records += 1
            let fields = FieldList(values: read)
            var rejection: (String, RejectKind, String)?
            if let problem = record.problem, case .tooLong(let limit) = problem {
                rejection = ("record", .recordTooLong, "longer than \(limit) bytes; skipped to its end")
            } else if let problem = record.problem, case .unmatchedQuote(_, let line) = problem {
                rejection = ("record", .badQuoting, CSVReader.Problem.unmatchedQuoteText(line - record.line))
            } else if columns == nil {
                columns = Columns.detect(read)
            }
            if rejection == nil, let c = columns {
                switch leg(fields, c, location: RecordLocation(file: fileIndex, line: Int32(clamping: record.line))) {
                case .failure(let problem):
                    rejection = (problem.field, problem.kind, problem.detail)
                case .success(var leg):
                    summary.accepted += 1
                    latestStart = max(latestStart, leg.start)
                    let linked = c.linkedid.map { fields[$0] } ?? ""
                    let unique = c.uniqueid.map { fields[$0] } ?? ""
                    leg.callID = linked.isEmpty ? unique : linked
                    let key = !linked.isEmpty ? "l:" + linked : !unique.isEmpty ? "u:" + unique : ""
                    if key.isEmpty {
                        emit([leg])
                    } else if open[key] != nil {
                        merged += 1
                        groupedBy = linked.isEmpty ? "uniqueid" : "linkedid"
                        open[key]?.append(leg)
                    } else {
                        open[key] = [leg]
                        order.append(key)
                    }
                }
            } else if rejection == nil {
                rejection = ("record", .fieldCount, "not a CDR line: no start time in field 9 or 10")
            }
            if let (field, kind, detail) = rejection {
                summary.rejectedByKind[kind, default: 0] += 1
                reject(
                    Reject(
                        file: path, line: record.line, field: field, kind: kind, detail: detail,
                        raw: String(decoding: record.raw, as: UTF8.self)))
            }
            if summary.records % 1024 == 0 { flush(all: false) }
        }
        flush(all: true)
        summary.addGaps(skipped: csv.skippedBytes, firstLine: csv.firstSkippedLine)
        if merged > 0 { summary.notes.append("\(merged) legs merged into their calls by \(groupedBy)") }
        if assembler.agentLessQueueLegs > 0 {
            let n = assembler.agentLessQueueLegs
            summary.notes.append(
                "\(n) \(n == 1 ? "call" : "calls") answered by Queue() with no agent channel bridged: counted as waiting in the queue until the caller hung up"
            )
        }
        summary.notes.append("times read in \(context.sourceCalendar.zone.identifier), as the server's local time")
    }

    /// One line as a leg, or why it is rejected (field, kind, detail).
    private func leg(_ fields: FieldList, _ c: Columns, location: RecordLocation) -> Result<
        CDRLeg, CDRLineProblem
    > {
        guard fields.values.count >= c.minimumFields else {
            return .failure(
                CDRLineProblem(
                    "record", .fieldCount, "expected at least \(c.minimumFields) fields, found \(fields.values.count)"))
        }
        guard let start = time(fields[c.start]) else {
            return .failure(CDRLineProblem("start", .badTime, "expected a YYYY-MM-DD HH:MM:SS start time"))
        }
        let duration = seconds(fields[c.duration])
        let billsec = seconds(fields[c.billsec]) ?? 0
        let end: Instant
        if c.end >= 0, !fields[c.end].isEmpty || duration == nil {
            guard let written = time(fields[c.end]) else {
                return .failure(CDRLineProblem("end", .badTime, "expected a YYYY-MM-DD HH:MM:SS end time"))
            }
            end = written
        } else if let duration {
            end = start + duration
        } else {
            return .failure(CDRLineProblem("duration", .badNumber, "no end time and no duration in seconds"))
        }
        guard end >= start else {
            return .failure(CDRLineProblem("end", .endedBeforeEnqueued, "ended before it started"))
        }
        let disposition = fields[c.disposition].uppercased()
        var answer = c.answer >= 0 ? time(fields[c.answer]) : nil
        let answered: Bool
        switch c.dialect {
        case .asterisk: answered = disposition == "ANSWERED"
        case .freeswitch: answered = answer != nil || billsec > 0
        }
        // cdr_csv writes answer = start for some unanswered and bridged legs; billsec is what was talked.
        if answered && (answer == nil || answer == start) && (end - start) > billsec && billsec > 0 {
            answer = end + -billsec
        }
        let app = fields[c.lastapp].lowercased()
        let queue =
            app == "queue"
            ? String(fields[c.lastdata].split(whereSeparator: { $0 == "," || $0 == "|" }).first ?? "") : nil
        return .success(
            CDRLeg(
                location: location, start: start, answer: answered ? (answer ?? start) : nil, end: end,
                billsec: billsec, answered: answered, disposition: disposition, dialect: c.dialect,
                caller: fields[c.src], dst: fields[c.dst], context: fields[c.dcontext], channel: fields[c.channel],
                dstChannel: fields[c.dstchannel], app: app, queue: queue))
    }

    private func seconds(_ text: String) -> Milliseconds? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value >= 0, value < 1e9 else {
            return nil
        }
        return Milliseconds((value * 1000).rounded())
    }

    /// A CDR time, read as every reader reads one (``ReadContext/instant(_:withoutOffset:otherOffset:order:)``).
    private func time(_ text: String) -> Instant? {
        guard !text.isEmpty else { return nil }
        let instant = Array(text.utf8).withUnsafeBufferPointer {
            context.instant($0, withoutOffset: &timesWithoutOffset, otherOffset: &otherOffset)
        }
        return instant ?? nil
    }
}

/// Why a CDR line is rejected.
private struct CDRLineProblem: Error {
    var field: String
    var kind: RejectKind
    var detail: String

    init(_ field: String, _ kind: RejectKind, _ detail: String) {
        self.field = field
        self.kind = kind
        self.detail = detail
    }
}

/// Fields of a CDR line by position; a position past the end, or -1 for a column the layout lacks, reads as empty.
private struct FieldList {
    var values: [String]

    subscript(index: Int) -> String { index >= 0 && index < values.count ? values[index] : "" }
}

extension AsteriskCDRReader: FormatReader {
    /// Asterisk and FreeSWITCH CSV CDRs: the configured column list, else the layout the first line shows, else
    /// FreeSWITCH's default template.
    static func read(
        _ input: OpenedInput, in ingest: InputIngest, summary: inout InputSummary, into sink: any IngestSink
    ) throws {
        let named = try ingest.options.cdrColumnNames.map(Columns.named)
        let reader = AsteriskCDRReader(
            csv: CSVReader(source: input.stream, limits: ingest.context.limits), context: ingest.context,
            fileIndex: input.index, path: input.display,
            mapping: named
                ?? (input.format == .freeswitchCDRCSV && InputIngest.cdrLayout(input.head) == nil
                    ? .freeswitchDefault : nil))
        try reader.read(summary: &summary, accept: ingest.classifying(into: sink), reject: sink.reject)
    }
}
