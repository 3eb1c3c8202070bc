import Foundation
import HotlineModel

/// Reads Asterisk CDRs (`asterisk-cdr`, cdr_csv `Master.csv`, FORMATS.md) into calls.
///
/// Accepts the cdr_csv layout (`accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start,
/// answer, end, duration, billsec, disposition, amaflags`, then optionally `uniqueid, userfield` and `peeraccount,
/// linkedid, sequence`), and the cdr_custom sample order that starts with `clid` (recognised by where the start time
/// is). Times `YYYY-MM-DD HH:MM:SS` are read in `--tz`, the server's zone. A CDR is a channel leg: legs sharing a
/// `linkedid` are merged into one call (earliest start and answer, latest end). The queue is the first argument of a
/// `Queue` application, else the dialplan context. ANSWERED is answered (wait = answer - start, talk = billsec),
/// NO ANSWER abandoned, BUSY, FAILED and CONGESTION timed out. Text that is not UTF-8 (seen in real `clid`s) is
/// decoded with replacement characters; the fields the figures use are numbers and times.
final class AsteriskCDRReader {
    struct Columns {
        var src: Int, dst: Int, dcontext: Int, lastapp: Int, lastdata: Int
        var start: Int, answer: Int, end: Int, duration: Int, billsec: Int, disposition: Int
        var linkedid: Int?
        var minimumFields: Int

        static let cdrCSV = Columns(
            src: 1, dst: 2, dcontext: 3, lastapp: 7, lastdata: 8, start: 9, answer: 10, end: 11, duration: 12,
            billsec: 13,
            disposition: 14, linkedid: nil, minimumFields: 16)
        static let customClidFirst = Columns(
            src: 1, dst: 2, dcontext: 3, lastapp: 6, lastdata: 7, start: 8, answer: 9, end: 10, duration: 11,
            billsec: 12,
            disposition: 13, linkedid: nil, minimumFields: 15)

        /// The layout a cdr_custom mapping names, field by field (`clid,src,dst,dcontext,...`): `start`, `end`,
        /// `billsec` and `disposition` are required; unknown names are allowed (and ignored).
        static func named(_ names: [String]) throws -> Columns {
            let lower = names.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            func index(_ name: String) -> Int? { lower.firstIndex(of: name) }
            let missing = ["start", "end", "billsec", "disposition"].filter { index($0) == nil }
            guard missing.isEmpty else {
                throw CDRColumnsError(message: "the CDR column list lacks \(missing.joined(separator: ", "))")
            }
            // Safe: the four required names were just found.
            return Columns(
                src: index("src") ?? -1, dst: index("dst") ?? -1, dcontext: index("dcontext") ?? -1,
                lastapp: index("lastapp") ?? -1, lastdata: index("lastdata") ?? -1, start: index("start") ?? 0,
                answer: index("answer") ?? -1, end: index("end") ?? 0, duration: index("duration") ?? -1,
                billsec: index("billsec") ?? 0, disposition: index("disposition") ?? 0, linkedid: index("linkedid"),
                minimumFields: names.count)
        }

        /// True when a line has `YYYY-MM-DD HH:MM:SS` times where `columns` puts the start and the end.
        static func fits(_ fields: [String], _ columns: Columns) -> Bool {
            func isTime(_ i: Int) -> Bool {
                i < fields.count && fields[i].count == 19 && fields[i].dropFirst(10).first == " "
            }
            return fields.count >= columns.minimumFields && isTime(columns.start) && isTime(columns.end)
        }

        /// The layout whose start and end times are where the first line has `YYYY-MM-DD HH:MM:SS` values: the
        /// clid-first order has times at 8 and 9 too, so one position alone cannot tell them apart.
        static func detect(_ fields: [String]) -> Columns? {
            func isTime(_ i: Int) -> Bool {
                i < fields.count && fields[i].count == 19 && fields[i].dropFirst(10).first == " "
            }
            if isTime(9) && isTime(11) {
                var columns = cdrCSV
                // Asterisk 12+ (`newcdrcolumns`): peeraccount, linkedid, sequence after uniqueid, userfield.
                if fields.count >= 21 { columns.linkedid = 19 }
                return columns
            }
            return isTime(8) && isTime(10) ? customClidFirst : nil
        }
    }

    /// A call being assembled from its legs.
    private struct Call {
        var location: RecordLocation
        var start: Instant
        var answer: Instant?
        var end: Instant
        var talk: Milliseconds
        var answered: Bool
        var disposition: String
        var caller: String
        var queue: String
    }

    private let csv: CSVReader
    private let context: ReadContext
    /// A cdr_custom layout given by name; nil to recognise the layout from the first line.
    private let mapping: Columns?
    private let fileIndex: Int32
    private let path: String

    init(csv: CSVReader, context: ReadContext, fileIndex: Int32, path: String, mapping: Columns? = nil) {
        self.csv = csv
        self.context = context
        self.mapping = mapping
        self.fileIndex = fileIndex
        self.path = path
    }

    func read(summary: inout InputSummary, accept: (inout CallRecord) -> Void, reject: (Reject) -> Void) throws {
        var columns: Columns? = mapping
        var open: [String: Call] = [:]
        var order: [String] = []
        var latestStart = Instant(milliseconds: .min)
        var merged = 0

        func emit(_ call: Call) {
            let outcome: CallOutcome =
                call.answered
                ? .answered : call.disposition == "NO ANSWER" ? .abandoned : .timeout
            let answeredAt = call.answered ? (call.answer ?? call.start) : nil
            var record = CallRecord(
                location: call.location, queue: context.symbols.intern(call.queue),
                caller: context.callerKey(forText: call.caller), enqueuedAt: call.start, answeredAt: answeredAt,
                endedAt: call.end, wait: max(0, (answeredAt ?? call.end) - call.start),
                talk: call.answered ? call.talk : 0, outcome: outcome)
            accept(&record)
        }
        /// Emits calls whose legs can no longer arrive: ended two hours before the latest start read.
        func flush(all: Bool) {
            var kept: [String] = []
            for key in order {
                guard let call = open[key] else { continue }
                if all || call.end + 7_200_000 < latestStart {
                    emit(call)
                    open[key] = nil
                } else {
                    kept.append(key)
                }
            }
            order = kept
        }

        try csv.forEachRecord { record in
            summary.records += 1
            let read = (0..<record.fieldCount).map { record.string($0) }
            let fields = FieldList(values: read)
            var rejection: (String, RejectKind, String)?
            if let problem = record.problem, case .tooLong(let limit) = problem {
                rejection = ("record", .recordTooLong, "longer than \(limit) bytes; skipped to its end")
            } else if columns == nil {
                columns = Columns.detect(read)
            }
            if rejection == nil, let c = columns {
                if read.count < c.minimumFields {
                    rejection = (
                        "record", .fieldCount, "expected at least \(c.minimumFields) fields, found \(read.count)"
                    )
                } else if let start = time(fields[c.start]), let end = time(fields[c.end]) {
                    if end < start {
                        rejection = ("end", .endedBeforeEnqueued, "ended before it started")
                    } else {
                        summary.accepted += 1
                        let disposition = fields[c.disposition].uppercased()
                        let answered = disposition == "ANSWERED"
                        let billsec = Milliseconds((Double(fields[c.billsec]) ?? 0) * 1000)
                        let duration = Milliseconds((Double(fields[c.duration]) ?? 0) * 1000)
                        var answer = time(fields[c.answer])
                        if answered && (answer == nil || answer == start) && duration > billsec {
                            answer = start + (duration - billsec)
                        }
                        let app = fields[c.lastapp].lowercased()
                        let queue =
                            app == "queue"
                            ? String(fields[c.lastdata].split(whereSeparator: { $0 == "," || $0 == "|" }).first ?? "")
                            : fields[c.dcontext]
                        let leg = Call(
                            location: RecordLocation(file: fileIndex, line: Int32(clamping: record.line)), start: start,
                            answer: answered ? answer : nil, end: end, talk: billsec, answered: answered,
                            disposition: disposition, caller: fields[c.src], queue: queue)
                        latestStart = max(latestStart, start)
                        if let linked = c.linkedid.map({ fields[$0] }), !linked.isEmpty {
                            if var call = open[linked] {
                                merged += 1
                                call.start = min(call.start, leg.start)
                                call.end = max(call.end, leg.end)
                                if leg.answered {
                                    call.answered = true
                                    call.answer = min(call.answer ?? leg.answer ?? leg.start, leg.answer ?? leg.start)
                                    call.talk = max(call.talk, leg.talk)
                                }
                                if app == "queue" { call.queue = leg.queue }
                                open[linked] = call
                            } else {
                                open[linked] = leg
                                order.append(linked)
                            }
                        } else {
                            emit(leg)
                        }
                    }
                } else {
                    rejection = ("start", .badTime, "expected YYYY-MM-DD HH:MM:SS start and end times")
                }
            } else if rejection == nil {
                rejection = ("record", .fieldCount, "not a cdr_csv line: no start time in field 9 or 10")
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
        if merged > 0 { summary.notes.append("\(merged) legs merged into their calls by linkedid") }
        summary.notes.append("times read in \(context.sourceCalendar.zone.identifier), as the server's local time")
    }

    private func time(_ text: String) -> Instant? {
        guard !text.isEmpty else { return nil }
        guard let parsed = Array(text.utf8).withUnsafeBufferPointer({ ByteParsing.timestamp($0) }) else { return nil }
        if let offset = parsed.offset { return Instant(milliseconds: parsed.wallMillis - offset * 1000) }
        let wall = parsed.wallMillis.floorDivided(by: 1000)
        return Instant(seconds: context.sourceCalendar.utcSecond(fromWall: wall))
    }
}

/// A CDR column list that cannot describe a call.
public struct CDRColumnsError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Fields of a CDR line by position; a position past the end, or -1 for a column the layout lacks, reads as empty.
private struct FieldList {
    var values: [String]

    subscript(index: Int) -> String { index >= 0 && index < values.count ? values[index] : "" }
}
