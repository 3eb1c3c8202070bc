import Foundation
import HotlineModel

/// Where a CDR line keeps each field: the layouts Asterisk, FreePBX and FreeSWITCH write, and any other named.
extension AsteriskCDRReader {
    /// How a layout says whether a leg was answered.
    enum Dialect: Equatable {
        /// `disposition`: ANSWERED, NO ANSWER, BUSY, FAILED, CONGESTION.
        case asterisk
        /// `hangup_cause` (NORMAL_CLEARING, NO_ANSWER, ...): answered when the leg has an answer time or billsec.
        case freeswitch
    }

    struct Columns: Equatable {
        var src = -1, dst = -1, dcontext = -1, channel = -1, dstchannel = -1, lastapp = -1, lastdata = -1
        /// `start` (or FreePBX's `calldate`); `answer` and `end` may be missing: derived from duration and billsec.
        var start = -1, answer = -1, end = -1, duration = -1, billsec = -1, disposition = -1
        var uniqueid: Int?
        var linkedid: Int?
        var minimumFields: Int
        var dialect = Dialect.asterisk
        /// The first line is a header naming the columns (FreePBX's CSV download), not a record.
        var hasHeader = false

        /// cdr_csv: `accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start, answer,
        /// end, duration, billsec, disposition, amaflags[, uniqueid, userfield[, peeraccount, linkedid, sequence]]`.
        static let cdrCSV = Columns(
            src: 1, dst: 2, dcontext: 3, channel: 5, dstchannel: 6, lastapp: 7, lastdata: 8, start: 9, answer: 10,
            end: 11, duration: 12, billsec: 13, disposition: 14, minimumFields: 16)
        /// The cdr_custom.conf sample order: `clid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata,
        /// start, answer, end, duration, billsec, disposition, amaflags, accountcode, uniqueid, userfield[, sequence]`.
        static let customClidFirst = Columns(
            src: 1, dst: 2, dcontext: 3, channel: 4, dstchannel: 5, lastapp: 6, lastdata: 7, start: 8, answer: 9,
            end: 10, duration: 11, billsec: 12, disposition: 13, uniqueid: 16, minimumFields: 15)
        /// FreeSWITCH mod_cdr_csv's default template: `caller_id_name, caller_id_number, destination_number,
        /// context, start_stamp, answer_stamp, end_stamp, duration, billsec, hangup_cause, uuid, bleg_uuid,
        /// accountcode, read_codec, write_codec`.
        static let freeswitchDefault = Columns(
            src: 1, dst: 2, dcontext: 3, dstchannel: 11, start: 4, answer: 5, end: 6, duration: 7, billsec: 8,
            disposition: 9, uniqueid: 10, minimumFields: 10, dialect: .freeswitch)

        /// Names a column may carry, for a header or a `cdr_custom`/template list: Asterisk's names, FreePBX's
        /// `calldate`, and FreeSWITCH's channel variables.
        private static let aliases: [String: String] = [
            "calldate": "start", "caller_id_number": "src", "destination_number": "dst", "context": "dcontext",
            "start_stamp": "start", "answer_stamp": "answer", "end_stamp": "end", "hangup_cause": "disposition",
            "uuid": "uniqueid", "bleg_uuid": "dstchannel",
        ]

        /// The layout a header or a mapping names, field by field (`clid,src,dst,dcontext,...`): a start
        /// (`start`, `calldate`, `start_stamp`), an end or a duration, `billsec` and a disposition (or FreeSWITCH's
        /// `hangup_cause`) are required; unknown names are allowed (and ignored).
        static func named(_ names: [String]) throws -> Columns {
            let lower = names.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            var columns = Columns(minimumFields: names.count)
            var freeswitch = false
            for (i, raw) in lower.enumerated() {
                let name = aliases[raw] ?? raw
                if raw == "hangup_cause" { freeswitch = true }
                switch name {
                case "src" where columns.src < 0: columns.src = i
                case "dst" where columns.dst < 0: columns.dst = i
                case "dcontext" where columns.dcontext < 0: columns.dcontext = i
                case "channel" where columns.channel < 0: columns.channel = i
                case "dstchannel" where columns.dstchannel < 0: columns.dstchannel = i
                case "lastapp" where columns.lastapp < 0: columns.lastapp = i
                case "lastdata" where columns.lastdata < 0: columns.lastdata = i
                case "start" where columns.start < 0: columns.start = i
                case "answer" where columns.answer < 0: columns.answer = i
                case "end" where columns.end < 0: columns.end = i
                case "duration" where columns.duration < 0: columns.duration = i
                case "billsec" where columns.billsec < 0: columns.billsec = i
                case "disposition" where columns.disposition < 0: columns.disposition = i
                case "uniqueid" where columns.uniqueid == nil: columns.uniqueid = i
                case "linkedid" where columns.linkedid == nil: columns.linkedid = i
                default: break
                }
            }
            var missing: [String] = []
            if columns.start < 0 { missing.append("start (or calldate)") }
            if columns.end < 0 && columns.duration < 0 { missing.append("end (or duration)") }
            if columns.billsec < 0 { missing.append("billsec") }
            if columns.disposition < 0 { missing.append("disposition (or hangup_cause)") }
            guard missing.isEmpty else {
                throw IngestError(
                    .setting, path: "cdr_columns", value: names.joined(separator: ","),
                    detail: "the CDR column list lacks \(missing.joined(separator: ", "))")
            }
            columns.dialect = freeswitch ? .freeswitch : .asterisk
            return columns
        }

        /// True when a line has times where `columns` puts the start (and the end, when it has one).
        static func fits(_ fields: [String], _ columns: Columns) -> Bool {
            fields.count >= columns.minimumFields && isTime(fields, columns.start)
                && (columns.end < 0 || isTime(fields, columns.end) || fields[columns.end].isEmpty)
        }

        /// The layout of a file from its first line: a FreePBX header, cdr_csv, the clid-first custom order, or
        /// FreeSWITCH's default template (the clid-first order has times at 8 and 10 too, so one position alone
        /// cannot tell them apart).
        static func detect(_ fields: [String]) -> Columns? {
            if let header = header(fields) { return header }
            if (16...25).contains(fields.count) && isTime(fields, 9) && isTime(fields, 11) {
                var columns = cdrCSV
                if fields.count >= 18 { columns.uniqueid = 16 }
                // Asterisk 12+ (`newcdrcolumns`): peeraccount, linkedid, sequence after uniqueid, userfield.
                if fields.count >= 21 { columns.linkedid = 19 }
                return columns
            }
            if (15...25).contains(fields.count) && isTime(fields, 8) && isTime(fields, 10) {
                var columns = customClidFirst
                if fields.count < 17 { columns.uniqueid = nil }
                return columns
            }
            if isFreeSwitchDefault(fields) { return freeswitchDefault }
            return nil
        }

        /// A header row of a CDR export (FreePBX's "CDR Reports" CSV download: `calldate,clid,src,dst,dcontext,
        /// channel,dstchannel,lastapp,...`): it names a start, a disposition and billsec.
        static func header(_ fields: [String]) -> Columns? {
            let lower = Set(fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            guard lower.contains("calldate") || lower.contains("start"), lower.contains("disposition"),
                lower.contains("billsec"), var columns = try? named(fields)
            else { return nil }
            columns.hasHeader = true
            return columns
        }

        /// mod_cdr_csv's default template: 15 fields, start and end stamps at 5 and 7 (1-based), a UUID at 11.
        static func isFreeSwitchDefault(_ fields: [String]) -> Bool {
            fields.count == 15 && isTime(fields, 4) && isTime(fields, 6)
                && (fields[5].isEmpty || isTime(fields, 5)) && isUUID(fields[10])
        }

        private static func isTime(_ fields: [String], _ i: Int) -> Bool {
            guard i >= 0 && i < fields.count else { return false }
            let s = fields[i].utf8
            return s.count == 19 && s.dropFirst(4).first == UInt8(ascii: "-")
                && s.dropFirst(10).first == UInt8(ascii: " ") && s.dropFirst(13).first == UInt8(ascii: ":")
        }

        private static func isUUID(_ text: String) -> Bool {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
        }
    }
}
