import Foundation
import HotlineModel

/// Turns the raw fields of one ticket, from any export, into a ``TicketRecord`` or the reason it is rejected.
///
/// Rules (docs/FORMATS.md, "Tickets, every export"): an id and a creation time are required; times are ISO 8601 or
/// `YYYY-MM-DD HH:MM:SS` (a time without offset is read in the source zone and counted), or a spreadsheet's
/// `25/01/2025 1:30` in a CSV whose `tickets.csv.date_order` is `dmy` or `mdy`; status and priority
/// words are Zendesk's, Freshdesk's or Chinese, or the configuration's; the solve time is `solved_at`, else
/// Freshdesk's closed time; a first reply given only as minutes (Zendesk) or hours (Freshdesk) is placed that long
/// after creation. Rejected: a reply or a solve before creation, an unknown status or priority, a number that is
/// not one, a satisfaction that is neither good/bad nor 1-5, bytes that are not text.
final class TicketNormaliser {
    struct Failure: Error {
        var field: String
        var kind: RejectKind
        var detail: String
    }

    private let context: ReadContext
    /// The date order of the export being read: the configuration's for ticket CSVs, ISO 8601 for XML and JSON.
    var dateOrder = DateOrder.ymd
    private var statusCache: [Int16] = []
    private var priorityCache: [Int16] = []

    init(context: ReadContext) { self.context = context }

    /// A ticket from `fields` (indexed by ``TicketField/slot``), or the first problem found.
    func ticket(
        _ fields: [UnsafeBufferPointer<UInt8>?], location: RecordLocation, summary: inout InputSummary
    ) -> Result<TicketRecord, Failure> {
        @inline(__always) func bytes(_ f: TicketField) -> UnsafeBufferPointer<UInt8> {
            fields[f.slot].map(ByteParsing.trimmed) ?? UnsafeBufferPointer(start: nil, count: 0)
        }
        func shown(_ f: TicketField) -> String {
            let text = String(decoding: bytes(f), as: UTF8.self)
            return text.count > 40 ? "'\(text.prefix(40))...'" : "'\(text)'"
        }
        func fail(_ f: TicketField, _ kind: RejectKind, _ detail: String) -> Result<TicketRecord, Failure> {
            .failure(Failure(field: f.rawValue, kind: kind, detail: detail))
        }
        let idBytes = bytes(.id)
        guard !idBytes.isEmpty else { return fail(.id, .missingID, "empty") }
        guard let idSymbolText = Self.text(idBytes) else {
            return fail(.id, .badEncoding, "bytes that are not valid \(summary.encoding)")
        }
        if let byte = idBytes.first(where: DisplayText.isControl) {
            return fail(.id, .controlByte, ByteParsing.controlByteText(byte, field: TicketField.id.rawValue))
        }
        // Times.
        func time(_ f: TicketField) -> Instant?? {
            context.instant(
                bytes(f), withoutOffset: &summary.timestampsWithoutOffset, otherOffset: &summary.offsetOtherThanZone,
                order: dateOrder)
        }
        // A spreadsheet's date the date order cannot read says which order would.
        func hint(_ f: TicketField) -> String {
            ByteParsing.suggestedDateOrder(bytes(f), order: dateOrder).map {
                $0.contains(" or ")
                    ? " (a spreadsheet's date? set tickets.csv.date_order: \($0))"
                    : " (a month above 12? set tickets.csv.date_order: \($0))"
            } ?? ""
        }
        func badTime(_ f: TicketField) -> Result<TicketRecord, Failure> {
            fail(f, .badTime, "expected an ISO 8601 time or empty, found \(shown(f))\(hint(f))")
        }
        guard let createdOrNil = time(.createdAt), let created = createdOrNil else {
            return fail(
                .createdAt, .badTime,
                bytes(.createdAt).isEmpty
                    ? "missing" : "expected an ISO 8601 time, found \(shown(.createdAt))\(hint(.createdAt))")
        }
        guard let updated = time(.updatedAt) else { return badTime(.updatedAt) }
        guard let solvedAt = time(.solvedAt) else { return badTime(.solvedAt) }
        guard let closedAt = time(.closedAt) else { return badTime(.closedAt) }
        guard let replyAt = time(.firstReplyAt) else { return badTime(.firstReplyAt) }
        // Durations the export computed itself.
        func number(_ f: TicketField) -> Double?? {
            let b = bytes(f)
            if b.isEmpty { return .some(nil) }
            guard let ms = ByteParsing.seconds(b) else { return nil }
            return Double(ms) / 1000
        }
        func badNumber(_ f: TicketField) -> Result<TicketRecord, Failure> {
            fail(f, .badNumber, "expected a number >= 0 or empty, found \(shown(f))")
        }
        guard let replyMinutesGiven = number(.firstReplyMinutes) else { return badNumber(.firstReplyMinutes) }
        guard let replyHours = number(.firstReplyHours) else { return badNumber(.firstReplyHours) }
        guard let resolutionMinutesGiven = number(.resolutionMinutes) else { return badNumber(.resolutionMinutes) }
        guard let resolutionHours = number(.resolutionHours) else { return badNumber(.resolutionHours) }
        guard let reopens = number(.reopens) else { return badNumber(.reopens) }
        if let reopens, reopens != reopens.rounded() {
            return fail(.reopens, .badNumber, "expected a whole number, found \(shown(.reopens))")
        }
        let replyMinutes = replyMinutesGiven ?? replyHours.map { $0 * 60 }
        let resolutionMinutes = resolutionMinutesGiven ?? resolutionHours.map { $0 * 60 }
        var firstReply = replyAt
        if firstReply == nil, let replyMinutes {
            firstReply = created + Milliseconds((replyMinutes * 60_000).rounded())
        }
        let solved = solvedAt ?? closedAt
        if let firstReply, firstReply < created {
            return fail(.firstReplyAt, .replyBeforeCreated, "first reply before created_at")
        }
        if let solved, solved < created {
            return fail(solvedAt != nil ? .solvedAt : .closedAt, .solvedBeforeCreated, "solved before created_at")
        }
        // Words.
        let status: TicketStatus
        if fields[TicketField.status.slot] == nil {
            // An export with no status column at all: solved exactly when it has a solve time.
            status = solved != nil ? .solved : .open
        } else {
            guard let known = lookUpStatus(bytes(.status)) else {
                return fail(
                    .status, .unknownStatus,
                    "expected new, open, pending, hold, solved, closed (or a configured word), found \(shown(.status))")
            }
            status = known
        }
        guard let priority = lookUpPriority(bytes(.priority)) else {
            return fail(
                .priority, .unknownPriority,
                "expected urgent, high, normal/medium, low (or a configured word), found \(shown(.priority))")
        }
        var satisfaction: TicketSatisfaction?
        let sat = bytes(.satisfaction)
        if !sat.isEmpty {
            if let score = ByteParsing.smallInteger(sat) {
                guard (1...5).contains(score) else {
                    return fail(
                        .satisfaction, .scoreOutOfRange, "expected 1-5, good or bad, found \(shown(.satisfaction))")
                }
                satisfaction = .score(Int8(score))
            } else {
                let word = String(decoding: sat, as: UTF8.self).lowercased()
                switch Self.satisfactionWords[word] {
                case .some(.some(let rating)): satisfaction = rating
                case .some(.none): satisfaction = nil
                case nil:
                    return fail(
                        .satisfaction, .scoreOutOfRange, "expected 1-5, good or bad, found \(shown(.satisfaction))")
                }
            }
        }
        // Text.
        // A function, not a string: the message is built only for a record that needs it.
        // A control byte (NUL) is named as such; U+FFFD is what the XML reader makes of one, so it is named too.
        func badBytes(_ f: TicketField) -> Result<TicketRecord, Failure> {
            if let byte = bytes(f).first(where: DisplayText.isControl) {
                return fail(f, .controlByte, ByteParsing.controlByteText(byte, field: f.rawValue))
            }
            if String(decoding: bytes(f), as: UTF8.self).unicodeScalars.contains("\u{FFFD}") {
                return fail(f, .controlByte, "a control byte or undecodable bytes (U+FFFD) in field \(f.rawValue)")
            }
            return fail(f, .badEncoding, "bytes that are not valid \(summary.encoding)")
        }
        func text(_ f: TicketField) -> Symbol? { context.interner.intern(bytes(f)) }
        guard let channel = text(.channel) else { return badBytes(.channel) }
        guard let group = text(.group) else { return badBytes(.group) }
        guard let assignee = text(.assignee) else { return badBytes(.assignee) }
        guard let type = text(.ticketType) else { return badBytes(.ticketType) }
        guard let tags = text(.tags) else { return badBytes(.tags) }
        guard let subject = Self.text(bytes(.subject)) else { return badBytes(.subject) }
        // The journey's links: an explicit call id (the field, else a `call:<id>` tag) and the requester's phone.
        var callID = bytes(.callID)
        if callID.isEmpty, let tagged = Self.taggedCallID(bytes(.tags)) { callID = tagged }
        if let byte = callID.first(where: DisplayText.isControl) {
            return fail(.callID, .controlByte, ByteParsing.controlByteText(byte, field: TicketField.callID.rawValue))
        }
        guard let requester = context.callerKey(bytes(.requesterPhone)) else { return badBytes(.requesterPhone) }
        var record =
            TicketRecord(
                location: location, id: idSymbolText, key: TicketRecord.key(forID: idBytes), channel: channel,
                group: group, assignee: assignee, ticketType: type, tags: tags, subject: subject, priority: priority,
                status: status, createdAt: created, updatedAt: updated, firstReplyAt: firstReply,
                solvedAt: solved, reopens: reopens.map { Int($0) }, satisfaction: satisfaction,
                exportedFirstReplyMinutes: replyMinutes, exportedResolutionMinutes: resolutionMinutes)
        record.callKey = callID.isEmpty ? 0 : CallRecord.key(callID)
        record.requester = requester
        return .success(record)
    }

    /// `bytes` as a String when they are valid UTF-8, else nil: what `String(validating:as:)` gives, without its
    /// generic code's type metadata look-ups on every call (a tenth of reading a ticket export).
    @inline(__always) private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        UTF8Validation.isValid(bytes) ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// The id of a `call:<id>` tag among tags separated by spaces, commas or semicolons (Zendesk joins them with
    /// spaces, CSV exports with commas).
    static func taggedCallID(_ tags: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var i = 0
        while i < tags.count {
            while i < tags.count, Self.isTagSeparator(tags[i]) { i += 1 }
            var end = i
            while end < tags.count, !Self.isTagSeparator(tags[end]) { end += 1 }
            // `call:` in any case, compared byte by byte: an array of its bytes made per ticket was an allocation each.
            if end - i > 5, tags[i] | 0x20 == UInt8(ascii: "c"), tags[i + 1] | 0x20 == UInt8(ascii: "a"),
                tags[i + 2] | 0x20 == UInt8(ascii: "l"), tags[i + 3] | 0x20 == UInt8(ascii: "l"),
                tags[i + 4] == UInt8(ascii: ":")
            {
                return UnsafeBufferPointer(rebasing: tags[(i + 5)..<end])
            }
            i = end
        }
        return nil
    }

    private static func isTagSeparator(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: "\t")
            || b == UInt8(ascii: "|")
    }

    /// Satisfaction words: a rating, or none for "asked, no answer".
    static let satisfactionWords: [String: TicketSatisfaction?] = [
        "good": .good, "bad": .bad, "satisfied": .good, "dissatisfied": .bad, "unsatisfied": .bad,
        "happy": .good, "extremely happy": .good, "unhappy": .bad, "extremely unhappy": .bad,
        "neutral": TicketSatisfaction?.none,
        "满意": .good, "非常满意": .good, "不满意": .bad, "非常不满意": .bad, "一般": TicketSatisfaction?.none,
        "offered": TicketSatisfaction?.none, "unoffered": TicketSatisfaction?.none,
        "not offered": TicketSatisfaction?.none, "none": TicketSatisfaction?.none,
    ]

    private func lookUpStatus(_ bytes: UnsafeBufferPointer<UInt8>) -> TicketStatus? {
        cached(bytes, &statusCache) { word in context.mappings.ticketStatusWords[word] ?? TicketStatus(word: word) }
    }

    private func lookUpPriority(_ bytes: UnsafeBufferPointer<UInt8>) -> TicketPriority? {
        if bytes.isEmpty { return TicketPriority.none }
        return cached(bytes, &priorityCache) { word in
            context.mappings.ticketPriorityWords[word] ?? TicketPriority(word: word)
        }
    }

    /// Word look-ups cached by interned symbol, so each distinct word is matched once.
    private func cached<T: RawRepresentable<UInt8>>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ cache: inout [Int16], _ lookUp: (String) -> T?
    ) -> T? {
        guard let symbol = context.interner.intern(bytes) else { return nil }
        let i = Int(symbol.rawValue)
        if i < cache.count, cache[i] != -2 { return cache[i] < 0 ? nil : T(rawValue: UInt8(cache[i])) }
        let found = lookUp(context.symbols[symbol].lowercased())
        if cache.count <= i { cache += Array(repeating: -2, count: i + 1 - cache.count) }
        cache[i] = found.map { Int16($0.rawValue) } ?? -1
        return found
    }
}
