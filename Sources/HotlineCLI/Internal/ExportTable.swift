import Foundation
import HotlineModel
import HotlineReport

/// What `hotline export` writes its tables as: gzip-compressed CSV (RFC 4180, UTF-8, a header row) or JSON Lines.
enum ExportFormat: Sendable {
    case csv, jsonl

    var fileExtension: String {
        switch self {
        case .csv: "csv.gz"
        case .jsonl: "jsonl.gz"
        }
    }

    var name: String {
        switch self {
        case .csv: "csv"
        case .jsonl: "jsonl"
        }
    }
}

/// A column of an exported table: its name and its type as docs/EXPORT.md and `_schema.json` give it.
struct ExportColumn: Sendable {
    var name: String
    var type: String
}

/// The export schema (docs/EXPORT.md): version 1 of the tables and their columns, in file order.
enum ExportSchema {
    static let version = 1

    static let calls: [ExportColumn] = columns(
        "call_key:string", "direction:string", "queue:string", "category:string", "subcategory:string",
        "agent:string", "caller_key:string", "enqueued_at:timestamp", "answered_at:timestamp",
        "ended_at:timestamp", "local_day:date", "local_interval:string", "wait_s:decimal(12,3)",
        "talk_s:decimal(12,3)", "hold_s:decimal(12,3)", "wrap_s:decimal(12,3)", "outcome:string",
        "sl_threshold_s:integer", "ivr_path:string", "ivr_s:decimal(12,3)", "ivr_category:string", "csat:integer",
        "nps:integer", "source_file:string", "source_line:integer")

    static let tickets: [ExportColumn] = columns(
        "ticket_id:string", "status:string", "priority:string", "category:string", "subcategory:string",
        "channel:string", "group:string", "assignee:string", "created_at:timestamp", "first_reply_at:timestamp",
        "solved_at:timestamp", "reopens:integer", "satisfaction:string", "call_key:string", "requester_key:string",
        "local_day:date", "source_file:string", "source_line:integer")

    static let agentEvents: [ExportColumn] = columns(
        "agent:string", "kind:string", "at:timestamp", "reason:string", "local_day:date")

    static let rejects: [ExportColumn] = columns(
        "file:string", "line:integer", "field:string", "kind:string", "detail:string")

    /// The tables in the order `_schema.json` lists them, with whether they are partitioned by day.
    static let tables: [(name: String, partitioned: Bool, columns: [ExportColumn])] = [
        ("calls", true, calls), ("tickets", true, tickets), ("agent_events", true, agentEvents),
        ("rejects", false, rejects),
        // Written only when the configuration sets business hours / SLA targets (ExportCalendar).
        ("calendar", false, ExportCalendar.columns), ("sla_targets", false, ExportCalendar.slaColumns),
    ]

    private static func columns(_ specs: String...) -> [ExportColumn] {
        specs.map { spec in
            let parts = spec.split(separator: ":", maxSplits: 1)
            return ExportColumn(name: String(parts[0]), type: String(parts[1]))
        }
    }

    /// `_schema.json`: the version, the format and every table's columns, written the same way every time.
    /// `rejectsByDay`: the nightly's export, whose rejects are partitioned too (``ExportSink/NightDay``).
    static func json(format: ExportFormat, rejectsByDay: Bool = false) -> String {
        var out = "{\n  \"schema_version\": \(version),\n  \"format\": \"\(format.name)\",\n"
        out += "  \"compression\": \"gzip\",\n  \"partitioning\": \"day=YYYY-MM-DD (local day)\",\n  \"tables\": {\n"
        out += tables.enumerated().map { i, table in
            let partitioned = table.partitioned || (rejectsByDay && table.name == "rejects")
            var text = "    \"\(table.name)\": {\n      \"partitioned_by_day\": \(partitioned),\n"
            text += "      \"columns\": [\n"
            text += table.columns.map { "        {\"name\": \"\($0.name)\", \"type\": \"\($0.type)\"}" }
                .joined(separator: ",\n")
            return text + "\n      ]\n    }"
        }.joined(separator: ",\n")
        return out + "\n  }\n}\n"
    }
}

/// One exported table: a gzip stream per local day (`DIR/NAME/day=YYYY-MM-DD/part-0.EXT`), or one file
/// (`DIR/NAME/part-0.EXT`) when not partitioned, each opened with its first row (or at ``commit()`` for an
/// unpartitioned table that got none, so the rejects file is always there). Rows are buffered per part and handed
/// ``memberSize`` bytes at a time to the ``DeflateWorker``, which compresses each buffer into a gzip member and
/// writes it on its own thread: memory is one buffer per open day, and the worker's few queued buffers.
final class ExportTableWriter {
    let name: String
    let columns: [ExportColumn]
    private let folder: String
    private let format: ExportFormat
    private let partitioned: Bool
    private let deflater: DeflateWorker
    private var parts: [Int: Part] = [:]
    /// Parts open at once (a buffer and a file descriptor each); past this the one written least recently sends
    /// its rows and is closed until its day comes again (docs/EXPORT.md, "Layout").
    let openLimit: Int
    private var openCount = 0
    private var clock = 0

    private final class Part {
        let writer: GzipFileWriter
        var pending: [UInt8] = []
        var isOpen = true
        var lastUse = 0
        init(writer: GzipFileWriter) { self.writer = writer }
    }

    init(
        folder: String, name: String, columns: [ExportColumn], format: ExportFormat, partitioned: Bool,
        deflater: DeflateWorker, openLimit: Int = 64
    ) {
        self.deflater = deflater
        self.openLimit = max(1, openLimit)
        self.folder = folder
        self.name = name
        self.columns = columns
        self.format = format
        self.partitioned = partitioned
    }

    /// The path of the part of `day` (ignored when not partitioned).
    func path(day: Int) -> String {
        let base = folder + "/" + name + "/"
        let file = "part-0." + format.fileExtension
        return partitioned ? base + "day=\(CivilDate(dayNumber: day))/" + file : base + file
    }

    /// Adds an encoded row to the part of `day`.
    func add(_ row: UnsafeBufferPointer<UInt8>, day: Int) throws {
        let key = partitioned ? day : 0
        let part = try parts[key] ?? open(key)
        clock += 1
        part.lastUse = clock
        if !part.isOpen {
            try makeRoom()
            part.isOpen = true
            openCount += 1
        }
        part.pending += row
        if part.pending.count >= Self.memberSize { try send(part) }
    }

    /// The rows a gzip member holds, about: a member starts its dictionary afresh, so smaller members compress worse
    /// (86 MB of calls at level 1: 64 KiB members 18.4 MB, 256 KiB 18.0 MB, 1 MiB 17.8 MB); 256 KiB keeps the
    /// buffers of 64 open days at 16 MiB.
    static let memberSize = 1 << 18

    /// Hands the part's buffered rows to the deflate thread and starts a new buffer.
    private func send(_ part: Part) throws {
        try deflater.send(.write(part.pending), to: part.writer)
        part.pending = []
        part.pending.reserveCapacity(Self.memberSize + 1024)
    }

    /// Closes the part written least recently when as many as ``openLimit`` are open.
    private func makeRoom() throws {
        guard openCount >= openLimit,
            let oldest = parts.values.filter(\.isOpen).min(by: { $0.lastUse < $1.lastUse })
        else { return }
        try deflater.send(.write(oldest.pending), to: oldest.writer)
        oldest.pending = []
        try deflater.send(.suspend, to: oldest.writer)
        oldest.isOpen = false
        openCount -= 1
    }

    private func open(_ key: Int) throws -> Part {
        try makeRoom()
        let part = Part(writer: try GzipFileWriter(path: path(day: key)))
        openCount += 1
        if format == .csv { part.pending = ExportRow.header(columns) }
        parts[key] = part
        return part
    }

    /// Sends every part's last rows and its commit to the deflate thread, day by day; the parts are in place once
    /// ``DeflateWorker/finish()`` returns without error.
    func commit() throws {
        if !partitioned && parts.isEmpty { _ = try open(0) }
        for key in parts.keys.sorted() {
            guard let part = parts[key] else { continue }
            try deflater.send(.write(part.pending), to: part.writer)
            part.pending = []
            try deflater.send(.commit, to: part.writer)
        }
    }

    /// Removes the part of `day` an earlier run wrote, and its folder when that is left empty (the nightly, for a day
    /// that no longer has rows of this table).
    func remove(day: Int) throws { try Self.removePart(path(day: day)) }

    /// Removes a part file if it is there, and its `day=` folder when that is left empty.
    static func removePart(_ file: String) throws {
        guard unlink(file) == 0 || errno == ENOENT else {
            throw OutputFile.WriteError(path: file, reason: "cannot remove it (\(OutputFile.errnoText()))")
        }
        rmdir((file as NSString).deletingLastPathComponent)
    }

    /// Gives up on every part not yet in place (call it once the deflate thread is done): their temporary files
    /// are removed.
    func discard() {
        for part in parts.values { part.writer.discard() }
        parts = [:]
    }
}
