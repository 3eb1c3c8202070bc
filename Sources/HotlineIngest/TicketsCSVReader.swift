import Foundation
import HotlineModel

/// Reads help-desk ticket CSV exports (`tickets-csv`, docs/FORMATS.md) into ``TicketRecord``s and ``Reject``s.
///
/// The header decides the layout: Zendesk-style (`Id`, `Created at`, `Solved at`, `First reply time in
/// minutes`, `Satisfaction Score`, ...), Freshdesk-style (`Ticket ID`, `Created time`, `Resolved time`, `First
/// response time (in hrs)`, `Survey results`, ...), the field names themselves (`id`, `created_at`, ...), or any
/// other through the configuration's `tickets_csv.columns`. Unknown columns are ignored and listed once; the
/// fields a figure needs and the export lacks are named in the file's notes.
final class TicketsCSVReader {
    struct Header {
        var index: [TicketField: Int] = [:]
        var fieldCount: Int
        var ignored: [String] = []
        /// `Zendesk-style`, `Freshdesk-style`, `native` or `mapped`.
        var layout: String

        /// Export header words for each field, lower-cased.
        static let words: [String: TicketField] = {
            var words: [String: TicketField] = [:]
            for field in TicketField.allCases { words[field.rawValue] = field }
            let aliases: [(TicketField, [String])] = [
                (.id, ["id", "ticket id", "ticket_id", "nice id", "工单号", "工单编号", "工单id"]),
                (.subject, ["subject", "title", "主题", "标题"]),
                (.status, ["status", "状态"]),
                (.priority, ["priority", "优先级"]),
                (.ticketType, ["ticket type", "type", "类型", "工单类型"]),
                (.tags, ["tags", "标签"]),
                (.group, ["group", "组", "处理组"]),
                (.assignee, ["assignee", "agent", "处理人", "受理人"]),
                (.channel, ["via", "source", "channel", "渠道", "来源"]),
                (.createdAt, ["created at", "created time", "created", "创建时间"]),
                (.updatedAt, ["updated at", "last update time", "updated", "更新时间"]),
                (.solvedAt, ["solved at", "resolved time", "resolved at", "解决时间"]),
                (.closedAt, ["closed time", "closed at", "关闭时间"]),
                (.firstReplyAt, ["initial response time", "first reply at", "首次回复时间"]),
                (.firstReplyMinutes, ["first reply time in minutes"]),
                (.firstReplyHours, ["first response time (in hrs)"]),
                (.resolutionMinutes, ["full resolution time in minutes"]),
                (.resolutionHours, ["resolution time (in hrs)"]),
                (.reopens, ["reopens", "重开次数"]),
                (.satisfaction, ["satisfaction score", "survey results", "satisfaction", "满意度"]),
                (.callID, ["call id", "call_id", "通话id", "通话编号", "呼叫id", "来电id"]),
                // Freshdesk appends the contact's phones; a Chinese export names the caller's number.
                (
                    .requesterPhone,
                    [
                        "requester phone", "requester_phone", "phone", "mobile phone", "work phone", "联系电话", "来电号码",
                        "客户电话", "手机号",
                    ]
                ),
            ]
            for (field, list) in aliases { for word in list { words[word] = field } }
            return words
        }()

        /// Reads a header row; nil when it names no id and creation-time columns. `mapping` gives the export's
        /// header for ticket fields under another name (`created_at` -> `提交时间`).
        init?(names: [String], mapping: [String: String] = [:]) {
            fieldCount = names.count
            let renamed = Dictionary(
                mapping.compactMap { key, header in TicketField(rawValue: key).map { (header.lowercased(), $0) } },
                uniquingKeysWith: { first, _ in first })
            for (i, raw) in names.enumerated() {
                let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
                if let field = renamed[name] ?? Self.words[name], index[field] == nil {
                    index[field] = i
                } else {
                    ignored.append(raw)
                }
            }
            guard index[.id] != nil, index[.createdAt] != nil else { return nil }
            let lower = Set(names.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            if !mapping.isEmpty && mapping.values.contains(where: { lower.contains($0.lowercased()) }) {
                layout = "mapped"
            } else if lower.contains("created at") {
                layout = "Zendesk-style"
            } else if lower.contains("created time") {
                layout = "Freshdesk-style"
            } else {
                layout = "native"
            }
        }
    }

    private let csv: CSVReader
    private let header: Header
    private let normaliser: TicketNormaliser
    private let fileIndex: Int32
    private let path: String
    private let maskCallers: Bool

    init(
        csv: CSVReader, header: Header, normaliser: TicketNormaliser, fileIndex: Int32, path: String,
        maskCallers: Bool = true
    ) {
        self.maskCallers = maskCallers
        self.csv = csv
        self.header = header
        self.normaliser = normaliser
        self.fileIndex = fileIndex
        self.path = path
    }

    func read(summary: inout InputSummary, accept: (inout TicketRecord) -> Void, reject: (Reject) -> Void) throws {
        let positions = TicketField.allCases.map { header.index[$0] ?? -1 }
        let expected = header.fieldCount
        var fields = [UnsafeBufferPointer<UInt8>?](repeating: nil, count: positions.count)
        defer { summary.addGaps(skipped: csv.skippedBytes, firstLine: csv.firstSkippedLine) }
        try csv.forEachRecord { (record: borrowing CSVRecordView) in
            summary.records += 1
            var failure: (field: String, kind: RejectKind, detail: String)?
            if let problem = record.problem {
                switch problem {
                case .tooLong(let limit):
                    failure = ("record", .recordTooLong, "longer than \(limit) bytes; skipped to its end")
                case .textAfterClosingQuote(let field):
                    failure = (name(field - 1), .badQuoting, "text after the closing quote")
                case .unterminatedQuote(let field):
                    failure = (name(field - 1), .badQuoting, "quote not closed before the end of the file")
                case .unmatchedQuote(let field, let line):
                    failure = (
                        name(field - 1), .badQuoting, CSVReader.Problem.unmatchedQuoteText(line - record.line)
                    )
                }
            } else if record.fieldCount != expected {
                failure = ("record", .fieldCount, "expected \(expected) fields, found \(record.fieldCount)")
            } else {
                for (slot, position) in positions.enumerated() {
                    fields[slot] = position < 0 ? nil : record.field(position)
                }
                let location = RecordLocation(file: fileIndex, line: Int32(clamping: record.line))
                switch normaliser.ticket(fields, location: location, summary: &summary) {
                case .success(var ticket):
                    summary.accepted += 1
                    accept(&ticket)
                case .failure(let problem):
                    failure = (problem.field, problem.kind, problem.detail)
                }
            }
            if let failure {
                summary.rejectedByKind[failure.kind, default: 0] += 1
                reject(
                    Reject(
                        file: path, line: record.line, field: failure.field, kind: failure.kind,
                        detail: failure.detail, raw: rawText(record)))
            }
        }
    }

    /// The record as read, for the rejects file, with phone numbers, account ids and e-mail names masked unless
    /// asked otherwise.
    private func rawText(_ record: borrowing CSVRecordView) -> String {
        let text = String(decoding: record.raw, as: UTF8.self)
        return maskCallers ? Masking.maskIdentifiers(in: text) : text
    }

    private func name(_ field: Int) -> String {
        guard field >= 0 else { return "record" }
        return TicketField.allCases.first { header.index[$0] == field }?.rawValue ?? "field \(field + 1)"
    }
}
