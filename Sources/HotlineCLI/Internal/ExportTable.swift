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

/// One row of an exported table being encoded, cell by cell, as CSV or as a JSON object.
///
/// Text from the inputs goes through ``text(_:)``: in CSV neutralised against formula injection and escaped as
/// the other CSV outputs are (``CSVReportRenderer/textCell(_:)``); in JSON a string. Numbers and times are ASCII
/// the row writes itself.
final class ExportRow {
    private(set) var bytes: [UInt8] = []
    let format: ExportFormat
    /// `"name":` of each column, for JSON.
    private let keys: [[UInt8]]
    private var index = 0

    init(format: ExportFormat, columns: [ExportColumn]) {
        self.format = format
        keys = columns.map { Array(("\"" + $0.name + "\":").utf8) }
        bytes.reserveCapacity(512)
    }

    /// The header line of a CSV file.
    static func header(_ columns: [ExportColumn]) -> [UInt8] {
        Array((columns.map(\.name).joined(separator: ",") + "\n").utf8)
    }

    /// Starts the next row.
    func begin() {
        bytes.removeAll(keepingCapacity: true)
        index = 0
        if format == .jsonl { bytes.append(UInt8(ascii: "{")) }
    }

    /// Ends the row with its line break.
    func end() {
        if format == .jsonl { bytes.append(UInt8(ascii: "}")) }
        bytes.append(UInt8(ascii: "\n"))
    }

    private func separate() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        if format == .jsonl { bytes += keys[index] }
        index += 1
    }

    /// A text cell from the inputs; empty text is an empty cell (null in JSON).
    func text(_ value: String) {
        guard !value.isEmpty else { return null() }
        separate()
        bytes += Self.encodedText(value, format: format)
    }

    /// A cell already encoded by ``encodedText(_:format:)`` (cached per symbol).
    func encoded(_ cell: [UInt8]) {
        separate()
        if cell.isEmpty && format == .jsonl { bytes += Self.null } else { bytes += cell }
    }

    private static let null = Array("null".utf8)

    /// An empty cell (null in JSON).
    func null() {
        separate()
        if format == .jsonl { bytes += Self.null }
    }

    /// ASCII text that needs no escaping (a name of hotline's, a day): a string in JSON.
    func word(_ value: String) {
        separate()
        if format == .jsonl { bytes.append(UInt8(ascii: "\"")) }
        bytes += value.utf8
        if format == .jsonl { bytes.append(UInt8(ascii: "\"")) }
    }

    /// A key as 16 lower-case hex digits (a string in JSON): the call and caller keys, written straight into the row.
    func hex(_ value: UInt64) {
        separate()
        if format == .jsonl { bytes.append(UInt8(ascii: "\"")) }
        for shift in stride(from: 60, through: 0, by: -4) {
            bytes.append(Self.hexDigits[Int((value >> UInt64(shift)) & 0xF)])
        }
        if format == .jsonl { bytes.append(UInt8(ascii: "\"")) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    func integer<T: BinaryInteger>(_ value: T?) {
        guard let value else { return null() }
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        Self.digits(Int(value.magnitude), width: 1, into: &bytes)
    }

    /// Milliseconds as seconds with three decimals (`12.345`).
    func seconds(_ value: Milliseconds?) {
        guard let value else { return null() }
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        Self.digits(Int(magnitude / 1000), width: 1, into: &bytes)
        bytes.append(UInt8(ascii: "."))
        Self.digits(Int(magnitude % 1000), width: 3, into: &bytes)
    }

    /// A UTC time with milliseconds: `2026-11-16T02:00:00.000Z`; empty when absent.
    func time(_ value: Instant?) {
        guard let value else { return null() }
        separate()
        if format == .jsonl { bytes.append(UInt8(ascii: "\"")) }
        let day = value.milliseconds.floorDivided(by: 86_400_000)
        let ms = Int(value.milliseconds - day * 86_400_000)
        Self.day(Int(day), into: &bytes)
        bytes.append(UInt8(ascii: "T"))
        Self.digits(ms / 3_600_000, width: 2, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.digits(ms / 60_000 % 60, width: 2, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.digits(ms / 1000 % 60, width: 2, into: &bytes)
        bytes.append(UInt8(ascii: "."))
        Self.digits(ms % 1000, width: 3, into: &bytes)
        bytes.append(UInt8(ascii: "Z"))
        if format == .jsonl { bytes.append(UInt8(ascii: "\"")) }
    }

    /// A local day, `YYYY-MM-DD`.
    func localDay(_ dayNumber: Int) {
        separate()
        if format == .jsonl { bytes.append(UInt8(ascii: "\"")) }
        Self.day(dayNumber, into: &bytes)
        if format == .jsonl { bytes.append(UInt8(ascii: "\"")) }
    }

    /// A local time of day `HH:MM` from seconds since midnight.
    func clock(_ secondOfDay: Int) {
        separate()
        if format == .jsonl { bytes.append(UInt8(ascii: "\"")) }
        Self.digits(secondOfDay / 3600, width: 2, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.digits(secondOfDay / 60 % 60, width: 2, into: &bytes)
        if format == .jsonl { bytes.append(UInt8(ascii: "\"")) }
    }

    private static func day(_ dayNumber: Int, into bytes: inout [UInt8]) {
        let date = CivilDate(dayNumber: dayNumber)
        digits(date.year, width: 4, into: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(date.month, width: 2, into: &bytes)
        bytes.append(UInt8(ascii: "-"))
        digits(date.day, width: 2, into: &bytes)
    }

    /// `value` (not negative) in decimal, zero-padded to `width`: the digits are written from the right into
    /// zeros appended once (a division per digit, not two).
    private static func digits(_ value: Int, width: Int, into bytes: inout [UInt8]) {
        var count = 1
        var power = 10
        while count < 19 && power <= value {
            count += 1
            power &*= 10
        }
        count = max(count, width)
        let start = bytes.count
        // Byte by byte: appending a repeatElement, or a buffer, goes through a generic path ten times slower.
        for _ in 0..<count { bytes.append(UInt8(ascii: "0")) }
        var rest = value
        var i = start + count - 1
        while rest > 0 {
            bytes[i] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            i -= 1
        }
    }

    /// Input text as one cell: CSV neutralised and escaped; a JSON string. Empty text is an empty cell.
    static func encodedText(_ value: String, format: ExportFormat) -> [UInt8] {
        guard !value.isEmpty else { return [] }
        switch format {
        case .csv: return Array(CSVReportRenderer.textCell(value).utf8)
        case .jsonl: return jsonString(value)
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped.
    static func jsonString(_ value: String) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(value.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        for b in value.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20, 0x7F:
                out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
        return out
    }
}

/// One exported table: a gzip stream per local day (`DIR/NAME/day=YYYY-MM-DD/part-0.EXT`), or one file
/// (`DIR/NAME/part-0.EXT`) when not partitioned, each opened with its first row (or at ``commit()`` for an
/// unpartitioned table that got none, so the rejects file is always there). Rows are buffered per part and handed
/// 64 KiB at a time to the ``DeflateWorker``, which compresses and writes them on its own thread: memory is one
/// buffer and one deflate stream per open day, and the worker's few queued buffers.
final class ExportTableWriter {
    let name: String
    let columns: [ExportColumn]
    private let folder: String
    private let format: ExportFormat
    private let partitioned: Bool
    private let deflater: DeflateWorker
    /// zlib's compression level (``ExportSink/Options/level``).
    private let level: Int32
    private var parts: [Int: Part] = [:]
    /// Parts open at once (a deflate stream and a file descriptor each); past this the one written least
    /// recently ends its gzip member and is closed until its day comes again (docs/EXPORT.md, "Layout").
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
        deflater: DeflateWorker, level: Int32, openLimit: Int = 64
    ) {
        self.deflater = deflater
        self.level = level
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
    func add(_ row: [UInt8], day: Int) throws {
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
        if part.pending.count >= 1 << 16 { try send(part) }
    }

    /// Hands the part's buffered rows to the deflate thread and starts a new buffer.
    private func send(_ part: Part) throws {
        try deflater.send(.write(part.pending), to: part.writer)
        part.pending = []
        part.pending.reserveCapacity(1 << 16 + 1024)
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
        let part = Part(writer: try GzipFileWriter(path: path(day: key), level: level))
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
