import Foundation
import HotlineModel

/// Reads Zendesk-style XML ticket exports (`tickets-xml`, docs/FORMATS.md) through libxml2's streaming reader: one
/// `<ticket>` in memory at a time, with the same safety options as the CDR reader (no network, no DTD, no
/// entities).
///
/// Child elements are kebab-case (`nice-id`, `created-at`, `solved-at`, `status-id`, `priority-id`,
/// `current-tags`, `group-id`, `assignee-id`, `satisfaction-score`); `nil="true"` elements are empty. The first
/// reply is the first public comment after the description by someone other than the requester. Other XML
/// exports name their elements through the configuration's `tickets.xml.elements`.
///
/// Zendesk's API v1 lists (`<records type="array"><record>`, views and searches) are read the same way, one
/// ticket per `<record>` child of `<records>`. Their `<score>` and `<base-score>` rank tickets in a view: they are
/// not satisfaction and are not read. A document with no ticket element at all is an error naming what it holds.
final class TicketsXMLReader {
    private let xml: StreamingXMLReader
    private let normaliser: TicketNormaliser
    private let elements: [String: TicketField]
    private let fileIndex: Int32
    private let path: String
    /// Which fields any ticket of the file had, for the "lacks" note.
    /// The fields any record of the file had.
    var fieldsSeen: Set<TicketField> { TicketFieldValues.fields(in: fieldMask) }
    private var fieldMask: UInt64 = 0

    /// Element names of the Zendesk XML export.
    static let zendeskElements: [String: TicketField] = [
        "nice-id": .id, "subject": .subject, "title": .subject, "status": .status, "status-id": .status,
        "priority": .priority, "priority-id": .priority, "ticket-type": .ticketType, "ticket-type-id": .ticketType,
        "type": .ticketType, "current-tags": .tags, "tags": .tags, "group": .group, "group-name": .group,
        "group-id": .group, "assignee": .assignee, "assignee-name": .assignee, "assignee-id": .assignee,
        "via": .channel,
        "via-id": .channel, "channel": .channel, "created-at": .createdAt, "updated-at": .updatedAt,
        "solved-at": .solvedAt, "closed-at": .closedAt, "first-reply-at": .firstReplyAt, "reopens": .reopens,
        "satisfaction-score": .satisfaction, "satisfaction": .satisfaction, "call-id": .callID,
        "requester-phone": .requesterPhone,
    ]

    /// Zendesk's numeric codes in `status-id`, `ticket-type-id` and `satisfaction-score`.
    static let statusCodes = ["0": "new", "1": "open", "2": "pending", "3": "solved", "4": "closed", "6": "hold"]
    static let typeCodes = ["0": "", "1": "question", "2": "incident", "3": "problem", "4": "task"]
    static let satisfactionCodes = ["0": "unoffered", "1": "offered", "4": "bad", "16": "good"]

    init(
        source: ByteSource, normaliser: TicketNormaliser, elements mapping: [String: String], fileIndex: Int32,
        path: String
    ) {
        xml = StreamingXMLReader(source: source, path: path)
        self.normaliser = normaliser
        var elements = Self.zendeskElements
        for (field, element) in mapping {
            if let field = TicketField(rawValue: field) { elements[element.lowercased()] = field }
        }
        self.elements = elements
        self.fileIndex = fileIndex
        self.path = path
    }

    private struct Comment {
        var author = ""
        var createdAt = ""
        var isPublic = true
    }

    func read(summary: inout InputSummary, accept: (inout TicketRecord) -> Void, reject: (Reject) -> Void) throws {
        var stack: [String] = []
        var ticketDepth: Int?
        var ticketLine = 0
        var values = TicketFieldValues()
        var plainID: String?
        var requester = ""
        var comments: [Comment] = []
        var text = ""
        // What the document holds, for the error when it holds no ticket: the root and its children's names.
        var root: String?
        var children: [String: Int] = [:]
        var childOrder: [String] = []
        func finishTicket() {
            if !values.has(.id), let plainID { values.set(.id, plainID) }
            if !values.has(.firstReplyAt), let reply = Self.firstReply(comments, requester: requester) {
                values.set(.firstReplyAt, reply)
            }
            fieldMask |= values.fieldMask
            summary.records += 1
            let location = RecordLocation(file: fileIndex, line: Int32(clamping: ticketLine))
            let result = values.withBuffers { normaliser.ticket($0, location: location, summary: &summary) }
            switch result {
            case .success(var ticket):
                summary.accepted += 1
                accept(&ticket)
            case .failure(let problem):
                summary.rejectedByKind[problem.kind, default: 0] += 1
                reject(
                    Reject(
                        file: path, line: ticketLine, field: problem.field, kind: problem.kind, detail: problem.detail))
            }
        }
        do {
            try xml.read { event in
                switch event {
                case .start(let name, let line, let isEmpty):
                    text = ""
                    // The stream wraps the document in a root of its own: the document's root is at depth 1.
                    if stack.count == 1 && root == nil { root = name }
                    if stack.count == 2 {
                        if children[name] == nil { childOrder.append(name) }
                        children[name, default: 0] += 1
                    }
                    let isRecord = name == "ticket" || (name == "record" && stack.count == 2 && stack[1] == "records")
                    if ticketDepth == nil && isRecord {
                        ticketDepth = stack.count
                        ticketLine = line
                        values.removeAll()
                        plainID = nil
                        requester = ""
                        comments = []
                        if isEmpty {
                            ticketDepth = nil
                            finishTicket()
                            return
                        }
                    } else if let depth = ticketDepth, name == "comment", stack.count == depth + 2 {
                        comments.append(Comment())
                    }
                    if !isEmpty { stack.append(name) }
                case .text(let value):
                    text += value
                case .end(let name):
                    defer {
                        _ = stack.popLast()
                        text = ""
                    }
                    guard let depth = ticketDepth else { return }
                    let level = stack.count - 1 - depth
                    if level == 0 {
                        ticketDepth = nil
                        finishTicket()
                    } else if level == 1 {
                        let value = Self.trimmed(text)
                        if name == "id" {
                            plainID = value
                        } else if name == "requester-id" || name == "requester" {
                            requester = value
                        } else if let field = elements[name] {
                            values.set(field, Self.decoded(value, element: name))
                        }
                    } else if level == 3, stack[depth + 1] == "comments", !comments.isEmpty {
                        let value = Self.trimmed(text)
                        switch name {
                        case "author-id", "author": comments[comments.count - 1].author = value
                        case "created-at": comments[comments.count - 1].createdAt = value
                        case "is-public", "public":
                            comments[comments.count - 1].isPublic = value.lowercased() != "false"
                        default: break
                        }
                    }
                }
            }
        } catch let failure as IngestError where failure.kind == .malformed {
            let readBefore = summary.records
            summary.records += 1
            summary.rejectedByKind[.malformedXML, default: 0] += 1
            reject(
                Reject(
                    file: path, line: ticketDepth != nil ? ticketLine : (failure.line ?? 1),
                    field: ticketDepth != nil ? "ticket" : "document", kind: .malformedXML, detail: failure.detail))
            throw readBefore > 0
                ? IngestError.stopped(
                    path: path, reason: "after \(readBefore) records, malformed XML: \(failure.detail)")
                : IngestError.notACallLog(path: path, reason: "malformed XML: \(failure.detail)")
        }
        if summary.records == 0 {
            // The most frequent child of the root, the first seen among equals.
            let most = childOrder.reduce(nil as String?) { best, name in
                best.map { children[name, default: 0] > children[$0, default: 0] ? name : $0 } ?? name
            }
            let holds =
                most.map { "the document holds <\($0)> elements" }
                ?? root.map { "the document's <\($0)> element is empty" } ?? "the document has no element"
            throw IngestError.noRecords(path: path, found: "no <ticket> element; \(holds)")
        }
    }

    /// `text` without leading and trailing ASCII white space. Foundation's trimming bridges through NSString and
    /// was 40% of the reading time; element text is nearly always already trimmed.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[start...end])
    }

    /// Zendesk's numeric codes as the words the normaliser knows.
    static func decoded(_ value: String, element: String) -> String {
        switch element {
        case "status-id": statusCodes[value] ?? value
        case "ticket-type-id": typeCodes[value] ?? value
        case "priority-id": value == "0" ? "" : value
        case "satisfaction-score": satisfactionCodes[value] ?? value
        default: value
        }
    }

    /// The first public comment, after the description, by someone other than the requester.
    private static func firstReply(_ comments: [Comment], requester: String) -> String? {
        comments.dropFirst().first { $0.isPublic && !$0.createdAt.isEmpty && $0.author != requester }?.createdAt
    }
}
