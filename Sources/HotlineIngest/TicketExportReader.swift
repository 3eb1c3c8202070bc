import Foundation
import HotlineModel

/// Ticket exports: the three readers, duplicate ids across files, and what each file says about itself.
enum TicketExportReader: FormatReader {
    static func read(
        _ input: OpenedInput, in ingest: InputIngest, summary: inout InputSummary, into sink: any IngestSink
    ) throws {
        let (stream, format, path, index) = (input.stream, input.format, input.display, input.index)
        let reject = sink.reject
        let (context, ticketNormaliser) = (ingest.context, ingest.ticketNormaliser)
        var deleted = 0
        var disagreements = 0
        var duplicates = 0
        var linkable = 0
        // Ids are unique within one help desk only: Freshdesk's ticket 28 is not Zendesk's.
        var system: UInt64 = format == .ticketsCSV ? 0 : 1
        let accept = { (ticket: inout TicketRecord) in
            if ticket.status == .deleted {
                // Deleted tickets are in incremental exports so a copy can drop them: counted, left out.
                deleted += 1
                return
            }
            guard ingest.ticketKeys.insert(ticket.key ^ (system &* 0x9E37_79B9_7F4A_7C15)).inserted else {
                duplicates += 1
                reject(
                    Reject(
                        file: path, line: Int(ticket.location.line), field: "id", kind: .duplicateTicket,
                        detail:
                            "ticket \(ticket.id) was read before (in this or another export of the same help desk); the first copy counts"
                    ))
                return
            }
            if disagrees(ticket) { disagreements += 1 }
            if ticket.callKey != 0 || ticket.requester != nil { linkable += 1 }
            ingest.ticketClassifier.classify(&ticket)
            sink.ticket(ticket)
        }
        let seen: Set<TicketField>
        ticketNormaliser.dateOrder = format == .ticketsCSV ? context.mappings.ticketsDateOrder : .ymd
        switch format {
        case .ticketsCSV:
            let csv = CSVReader(source: stream, limits: context.limits)
            guard let names = try csv.nextRecordStrings(path: path) else { throw IngestError.empty(path: path) }
            guard let header = TicketsCSVReader.Header(names: names, mapping: context.mappings.ticketColumns) else {
                let found = names.prefix(6).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
                throw IngestError.notACallLog(
                    path: path, reason: "the header names no ticket id and creation time columns (found: \(found))")
            }
            summary.notes.append("\(header.layout) layout")
            system = header.layout == "Zendesk-style" ? 1 : header.layout == "Freshdesk-style" ? 2 : 3
            if !header.ignored.isEmpty {
                let shown = header.ignored.prefix(12).joined(separator: ", ")
                let more = header.ignored.count > 12 ? " and \(header.ignored.count - 12) more" : ""
                summary.notes.append("ignored columns: \(shown)\(more)")
            }
            seen = Set(header.index.keys)
            try TicketsCSVReader(
                csv: csv, header: header, normaliser: ticketNormaliser, fileIndex: index, path: path,
                maskCallers: context.maskCallers
            ).read(summary: &summary, accept: accept, reject: reject)
        case .ticketsXML:
            let reader = TicketsXMLReader(
                source: stream, normaliser: ticketNormaliser, elements: context.mappings.ticketElements,
                fileIndex: index,
                path: path)
            try reader.read(summary: &summary, accept: accept, reject: reject)
            seen = reader.fieldsSeen
        default:
            let reader = TicketsJSONReader(source: stream, normaliser: ticketNormaliser, fileIndex: index, path: path)
            try reader.read(summary: &summary, accept: accept, reject: reject)
            seen = reader.fieldsSeen
            if reader.superseded > 0 {
                summary.notes.append(
                    "\(reader.superseded) earlier \(reader.superseded == 1 ? "version" : "versions") of tickets listed again later in the file: the last counts"
                )
            }
        }
        // What the export lacks, so empty figures are explained rather than guessed.
        var lacking = TicketField.reported.filter { field, _ in
            !seen.contains(field)
                && !(field == .firstReplyAt && (seen.contains(.firstReplyMinutes) || seen.contains(.firstReplyHours)))
                && !(field == .solvedAt && seen.contains(.closedAt))
        }.map(\.1)
        if summary.accepted == 0 { lacking = [] }
        if !lacking.isEmpty {
            summary.notes.append("no \(lacking.joined(separator: ", ")) in this export: those figures stay empty")
        }
        if summary.accepted > 0 && linkable == 0 {
            summary.notes.append(
                "its tickets carry no call reference (call_id, a call:<id> tag) nor requester phone: they are not linked to calls, the journey figures stay empty"
            )
        }
        if deleted > 0 { summary.notes.append("\(deleted) deleted \(deleted == 1 ? "ticket" : "tickets"), left out") }
        if disagreements > 0 {
            summary.notes.append(
                "\(disagreements) \(disagreements == 1 ? "ticket" : "tickets") whose export's own resolution or first-reply minutes differ from the times by more than a minute: the figures use the times"
            )
        }
        if duplicates > 0 {
            summary.accepted -= duplicates
            summary.rejectedByKind[.duplicateTicket, default: 0] += duplicates
        }
    }

    /// The export's own minutes against those computed from its times (calendar), more than a minute apart.
    static func disagrees(_ ticket: TicketRecord) -> Bool {
        if let minutes = ticket.exportedResolutionMinutes, let solved = ticket.solvedAt {
            if abs(Double(solved - ticket.createdAt) / 60_000 - minutes) > 1 { return true }
        }
        return false
    }
}
