import Foundation
import HotlineModel

/// Reads Zendesk API ticket JSON (`tickets-json`): list pages (`GET /api/v2/tickets.json`), incremental
/// exports (`/api/v2/incremental/tickets.json`) and the legacy full export (`/api/v2/exports/tickets.json`),
/// streamed one ticket object at a time.
///
/// Fields: `id`, `subject`, `status`, `priority`, `type`, `tags` (joined by spaces), `group_id`, `assignee_id`,
/// `via.channel`, `created_at`, `updated_at`, `satisfaction_rating.score`; with `include=metric_sets`, the
/// metric set's `solved_at`, `reopens`, `reply_time_in_minutes.calendar` and
/// `full_resolution_time_in_minutes.calendar`. The legacy full export lists its tickets under `"results"` (beside
/// `field_headers` and `next_page`) with flat fields: `ticket_type`, `group_name`, `assignee_name`, `via` as a
/// word, `current_tags` as one string, `solved_at`, `reopens`, `satisfaction_score` as words (`Good`, `Bad`,
/// `Offered`, `Not Offered`), `first_reply_time_in_minutes` and `full_resolution_time_in_minutes` as strings,
/// capitalised statuses (`Deleted` tickets are counted and left out, as from incremental exports) and times like
/// `2012-09-06 12:18:55 -0800`. Records are numbered (the file has no lines). An incremental export may list a
/// ticket again after an update: within a file the last version counts, as Zendesk advises. A document whose
/// array is empty is an error.
final class TicketsJSONReader {
    private let source: ByteSource
    private let normaliser: TicketNormaliser
    private let fileIndex: Int32
    private let path: String
    /// The fields any record of the file had.
    var fieldsSeen: Set<TicketField> { TicketFieldValues.fields(in: fieldMask) }
    private var fieldMask: UInt64 = 0
    /// Versions of a ticket replaced by a later one in the same file.
    private(set) var superseded = 0

    init(source: ByteSource, normaliser: TicketNormaliser, fileIndex: Int32, path: String) {
        self.source = source
        self.normaliser = normaliser
        self.fileIndex = fileIndex
        self.path = path
    }

    /// The deepest nesting a ticket object may have (a real one has 4 or 5 levels).
    static let maxNesting = TicketJSONFields.maxNesting

    func read(summary: inout InputSummary, accept: (inout TicketRecord) -> Void, reject: (Reject) -> Void) throws {
        var kept: [UInt64: Int] = [:]
        var tickets: [TicketRecord] = []
        func fail(_ number: Int, _ field: String, _ kind: RejectKind, _ detail: String) {
            summary.rejectedByKind[kind, default: 0] += 1
            reject(Reject(file: path, line: number, field: field, kind: kind, detail: detail))
        }
        var fields = TicketJSONFields()
        var values = TicketFieldValues()
        /// A ticket's fields, read, normalised and kept.
        func take(_ number: Int) {
            fieldMask |= values.fieldMask
            let location = RecordLocation(file: fileIndex, line: Int32(clamping: number))
            switch values.withBuffers({ normaliser.ticket($0, location: location, summary: &summary) }) {
            case .success(let ticket):
                summary.accepted += 1
                if let earlier = kept[ticket.key] {
                    tickets[earlier] = ticket
                    superseded += 1
                } else {
                    kept[ticket.key] = tickets.count
                    tickets.append(ticket)
                }
            case .failure(let problem):
                fail(number, problem.field, problem.kind, problem.detail)
            }
        }
        let array: (key: String, count: Int)
        do {
            array = try JSONArrayElements(keys: ["tickets", "results"]).forEach(in: source) { bytes, number in
                // Nearly every ticket is read where it lies in the buffer.
                values.removeAll()
                guard let length = fields.readObject(at: bytes, into: &values) else { return nil }
                summary.records += 1
                take(number)
                return length
            } _: { bytes, number, depth in
                summary.records += 1
                guard let bytes else { return fail(number, "record", .recordTooLong, "a ticket over 16 MB; skipped") }
                // Depth first: the decoder recurses, so a record nested thousands deep is refused before it.
                guard depth <= Self.maxNesting else {
                    return fail(
                        number, "record", .nestingTooDeep,
                        "nested \(depth) levels deep; a ticket is read up to \(Self.maxNesting)")
                }
                if let refused = Self.fields(of: bytes, reader: &fields, into: &values) {
                    return fail(number, "record", refused.kind, refused.detail)
                }
                take(number)
            }
        } catch let failure as IngestError where failure.kind == .malformed {
            throw IngestError.notACallLog(path: path, reason: "not a Zendesk ticket JSON document: \(failure.detail)")
        }
        guard array.count > 0 else {
            throw IngestError.noRecords(path: path, found: "the \"\(array.key)\" array is empty")
        }
        if array.key == "results" { summary.notes.append("Zendesk legacy full export (\"results\")") }
        for var ticket in tickets { accept(&ticket) }
    }

    /// The fields of one ticket object, or why it is refused. The byte reader reads nearly every ticket; what it
    /// leaves (a syntax error, bad UTF-8, a fraction or exponent, a trailing comma) Foundation decodes, as before.
    static func fields(
        of bytes: [UInt8], reader: inout TicketJSONFields, into values: inout TicketFieldValues
    ) -> (kind: RejectKind, detail: String)? {
        values.removeAll()
        if bytes.withUnsafeBufferPointer({ reader.read($0, into: &values) }) { return nil }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else {
            if !UTF8Validation.isValid(bytes) { return (.badEncoding, "bytes that are not valid UTF-8") }
            return (.malformedJSON, "not a JSON object")
        }
        collect(object, into: &values)
        return nil
    }

    /// The fields of one Zendesk ticket object, as text: the rules ``TicketJSONFields`` follows from the bytes, used
    /// for the objects it leaves to Foundation.
    static func collect(_ o: [String: Any], into values: inout TicketFieldValues) {
        func text(_ value: Any?) -> String? {
            switch value {
            case let s as String: s
            case let n as NSNumber: n.stringValue
            default: nil
            }
        }
        func set(_ field: TicketField, _ value: Any?) {
            if let t = text(value) { values.set(field, t) }
        }
        set(.id, o["id"])
        set(.subject, o["subject"] ?? o["raw_subject"])
        set(.status, o["status"])
        if o.keys.contains("priority") { values.set(.priority, text(o["priority"]) ?? "") }
        set(.ticketType, o["type"] ?? o["ticket_type"])
        if let tags = o["tags"] as? [Any] { values.set(.tags, tags.compactMap(text).joined(separator: " ")) }
        if !values.has(.tags) { set(.tags, o["current_tags"]) }
        set(.group, o["group_id"] ?? o["group_name"])
        set(.assignee, o["assignee_id"] ?? o["assignee_name"])
        set(.channel, (o["via"] as? [String: Any])?["channel"] ?? (o["via"] as? String))
        set(.createdAt, o["created_at"])
        set(.updatedAt, o["updated_at"])
        // The journey's links: a call id key, and the caller of a voice ticket (`via.source.from.phone`).
        set(.callID, o["call_id"])
        let from = ((o["via"] as? [String: Any])?["source"] as? [String: Any])?["from"] as? [String: Any]
        set(.requesterPhone, o["requester_phone"] ?? from?["phone"])
        if let rating = o["satisfaction_rating"] as? [String: Any] { set(.satisfaction, rating["score"]) }
        // The legacy full export's flat fields.
        set(.satisfaction, o["satisfaction_score"])
        set(.solvedAt, o["solved_at"])
        set(.reopens, o["reopens"])
        set(.firstReplyMinutes, o["first_reply_time_in_minutes"])
        set(.resolutionMinutes, o["full_resolution_time_in_minutes"])
        if let metrics = o["metric_set"] as? [String: Any] {
            set(.solvedAt, metrics["solved_at"])
            set(.reopens, metrics["reopens"])
            set(.firstReplyMinutes, (metrics["reply_time_in_minutes"] as? [String: Any])?["calendar"])
            set(.resolutionMinutes, (metrics["full_resolution_time_in_minutes"] as? [String: Any])?["calendar"])
        }
    }
}
