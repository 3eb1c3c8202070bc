import Foundation
import GRDB
import HotlineMetrics
import HotlineModel

/// The nightly job's SQLite store (through GRDB): the manifest of input files read, which local days each file
/// touched, their rejects and unmatched labels, and one aggregate snapshot per local day. Reports over any
/// period merge the day snapshots; no record is kept.
///
/// Every night's changes go in one transaction, so a run killed at any point leaves the store as it was. A file
/// that is not SQLite, or a SQLite file of another program, is refused with its name, never overwritten.
public final class Store {
    public let path: String
    private let db: DatabaseQueue

    /// `HOTL` as SQLite's application id: what tells a hotline store from any other SQLite file.
    static let applicationID: Int32 = 0x484F_544C

    /// Opens (or creates) the store at `path`, bringing its schema up to date.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        let exists = FileManager.default.fileExists(atPath: path)
        if readOnly && !exists {
            throw StoreError.failed(path: path, reason: "no store here (run hotline nightly first)")
        }
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        do {
            db = try DatabaseQueue(path: path, configuration: config)
            let (appID, tables) = try db.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                )
            }
            if appID != Self.applicationID && (appID != 0 || tables > 0) {
                throw StoreError.notAStore(path: path, reason: "a SQLite database of another program")
            }
            if !readOnly { try Self.migrator.migrate(db) }
            if try db.read({ try Self.migrator.hasBeenSuperseded($0) }) { throw StoreError.newerSchema(path: path) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAStore(path: path, reason: "not a SQLite database")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.notAStore(path: path, reason: "the database is damaged")
        } catch {
            throw StoreError.failed(path: path, reason: "\(error)")
        }
    }

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: "PRAGMA application_id = \(Store.applicationID)")
            try db.create(table: "file") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull().unique()
                t.column("size", .integer).notNull()
                t.column("modified", .integer).notNull()
                t.column("sha256", .text).notNull()
                t.column("format", .text).notNull()
                t.column("encoding", .text).notNull()
                t.column("records", .integer).notNull()
                t.column("accepted", .integer).notNull()
                t.column("rejected", .integer).notNull()
                t.column("rejectedByKind", .text).notNull()
                t.column("notes", .text).notNull()
                t.column("error", .text)
                t.column("firstDay", .integer)
                t.column("lastDay", .integer)
                t.column("run", .integer).notNull()
            }
            try db.create(table: "fileDay") { t in
                t.column("file", .integer).notNull().references("file", onDelete: .cascade)
                t.column("day", .integer).notNull()
                t.primaryKey(["file", "day"])
            }
            try db.create(index: "fileDayByDay", on: "fileDay", columns: ["day"])
            try db.create(table: "reject") { t in
                t.column("file", .integer).notNull().references("file", onDelete: .cascade)
                t.column("line", .integer).notNull()
                t.column("field", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("detail", .text).notNull()
                t.column("raw", .text).notNull()
            }
            try db.create(index: "rejectByFile", on: "reject", columns: ["file", "line"])
            try db.create(table: "unmatched") { t in
                t.column("file", .integer).notNull().references("file", onDelete: .cascade)
                t.column("field", .text).notNull()
                t.column("value", .text).notNull()
                t.column("count", .integer).notNull()
            }
            try db.create(table: "day") { t in
                t.primaryKey("day", .integer)
                t.column("latestEnqueue", .integer)
                t.column("hasTickets", .boolean).notNull()
                t.column("snapshot", .blob).notNull()
            }
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "run") { t in
                t.primaryKey("id", .integer)
                t.column("files", .integer).notNull()
                t.column("days", .integer).notNull()
            }
        }
        // The daily reports of earlier days that late data changed and that are still to be written: set in the
        // night's transaction, cleared once written, so a night that fails after its commit (killed while writing,
        // an output folder it cannot write) leaves them for the next run.
        migrator.registerMigration("v2") { db in
            try db.create(table: "pendingReport") { t in
                t.primaryKey("day", .integer)
            }
        }
        // Each day's calls added up (``DaySnapshot/encodedCallTotals()``), for `index.html`, which lists every day
        // kept: decoding a day's whole snapshot for three figures cost more than the rest of a night. Days stored
        // before have none and are added up from their snapshot.
        migrator.registerMigration("v3") { db in
            try db.alter(table: "day") { t in t.add(column: "callTotals", .blob) }
        }
        return migrator
    }()

    // MARK: - Reading

    public func manifest() throws -> [ManifestEntry] {
        try read { db in
            let days = try Row.fetchAll(db, sql: "SELECT file, day FROM fileDay ORDER BY file, day")
            var byFile: [Int64: [Int32]] = [:]
            for row in days { byFile[row["file"], default: []].append(row["day"]) }
            return try Row.fetchAll(db, sql: "SELECT * FROM file ORDER BY path").map { row in
                ManifestEntry(row: row, days: byFile[row["id"]] ?? [])
            }
        }
    }

    /// Paths of the files that touched any day of `days`, in path order.
    public func files(touching days: ClosedRange<Int32>) throws -> [String] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT f.path FROM file f JOIN fileDay d ON d.file = f.id
                    WHERE d.day BETWEEN ? AND ? ORDER BY f.path
                    """, arguments: [days.lowerBound, days.upperBound])
        }
    }

    /// The snapshots of `days`; with `ticketsOnly`, only those with tickets (the backlog before a period).
    public func snapshots(_ days: ClosedRange<Int32>, ticketsOnly: Bool = false) throws -> [DaySnapshot] {
        let blobs = try read { db in
            try Data.fetchAll(
                db,
                sql:
                    "SELECT snapshot FROM day WHERE day BETWEEN ? AND ? \(ticketsOnly ? "AND hasTickets" : "") ORDER BY day",
                arguments: [days.lowerBound, days.upperBound])
        }
        do {
            return try blobs.map { try DaySnapshot(decoding: Array($0)) }
        } catch {
            throw StoreError.notAStore(path: path, reason: "\(error)")
        }
    }

    /// Calls `body` with each snapshot of `days` in day order, decoding one at a time (a year never sits in
    /// memory); with `ticketsOnly`, only days with tickets.
    public func forEachSnapshot(
        _ days: ClosedRange<Int32>, ticketsOnly: Bool = false, _ body: (DaySnapshot) throws -> Void
    ) throws {
        try read { db in
            let rows = try Data.fetchCursor(
                db,
                sql:
                    "SELECT snapshot FROM day WHERE day BETWEEN ? AND ? \(ticketsOnly ? "AND hasTickets" : "") ORDER BY day",
                arguments: [days.lowerBound, days.upperBound])
            while let blob = try rows.next() {
                let snapshot: DaySnapshot
                do {
                    snapshot = try DaySnapshot(decoding: Array(blob))
                } catch {
                    throw StoreError.notAStore(path: path, reason: "\(error)")
                }
                try body(snapshot)
            }
        }
    }

    /// Each stored day of `days` in order, its calls added up without their waits: as stored with the day, or
    /// from its snapshot for a day stored before the totals were (``DaySnapshot/callTotals(decoding:)``).
    public func forEachDayTotal(_ days: ClosedRange<Int32>, _ body: (Int32, CallAccumulator) throws -> Void) throws {
        try read { db in
            // A store opened read-only is not migrated: it may have no totals yet.
            let kept = try db.columns(in: "day").contains { $0.name == "callTotals" }
            let columns =
                kept
                ? "callTotals, CASE WHEN callTotals IS NULL THEN snapshot END AS snapshot"
                : "NULL AS callTotals, snapshot"
            let rows = try Row.fetchCursor(
                db, sql: "SELECT day, \(columns) FROM day WHERE day BETWEEN ? AND ? ORDER BY day",
                arguments: [days.lowerBound, days.upperBound])
            while let row = try rows.next() {
                let day: Int32 = row["day"]
                let total: CallAccumulator
                do {
                    if let totals: Data = row["callTotals"] {
                        total = try DaySnapshot.callTotals(decodingTotals: Array(totals))
                    } else {
                        let snapshot: Data? = row["snapshot"]
                        total = try DaySnapshot.callTotals(decoding: Array(snapshot ?? Data())).calls
                    }
                } catch {
                    throw StoreError.notAStore(path: path, reason: "\(error)")
                }
                try body(day, total)
            }
        }
    }

    /// The latest call enqueue time of everything stored (ms), for whether repeat calls are still provisional.
    public func latestEnqueue() throws -> Int64? {
        try read { try Int64.fetchOne($0, sql: "SELECT max(latestEnqueue) FROM day") }
    }

    /// The first and last day with a snapshot.
    public func storedDays() throws -> ClosedRange<Int32>? {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT min(day) AS lo, max(day) AS hi FROM day")
            guard let lo: Int32 = row?["lo"], let hi: Int32 = row?["hi"] else { return nil }
            return lo...hi
        }
    }

    /// The first `limit` rejects of the given files, in path and line order, and their unmatched labels.
    public func rejects(paths: [String], limit: Int) throws -> [Reject] {
        guard !paths.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT f.path, r.line, r.field, r.kind, r.detail, r.raw FROM reject r JOIN file f ON f.id = r.file
                    WHERE f.path IN (\(databaseQuestionMarks(count: paths.count)))
                    ORDER BY f.path, r.line LIMIT \(limit)
                    """, arguments: StatementArguments(paths)
            ).map { row in
                Reject(
                    file: row["path"], line: row["line"], field: row["field"],
                    kind: RejectKind(rawValue: row["kind"]) ?? .badQuoting, detail: row["detail"], raw: row["raw"])
            }
        }
    }

    public func unmatched(paths: [String]) throws -> [(value: UnmatchedValue, count: Int)] {
        guard !paths.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT u.field, u.value, sum(u.count) AS n FROM unmatched u JOIN file f ON f.id = u.file
                    WHERE f.path IN (\(databaseQuestionMarks(count: paths.count)))
                    GROUP BY u.field, u.value ORDER BY n DESC, u.field, u.value
                    """, arguments: StatementArguments(paths)
            ).map { (UnmatchedValue(field: $0["field"], value: $0["value"]), $0["n"]) }
        }
    }

    /// The settings the stored days were computed with (``NightChanges/fingerprint``), nil in a new store.
    public func fingerprint() throws -> String? {
        try read { try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = 'fingerprint'") }
    }

    /// The days whose daily reports late data changed and that are not yet written again, in day order.
    public func pendingReports() throws -> [Int32] {
        try read { try Int32.fetchAll($0, sql: "SELECT day FROM pendingReport ORDER BY day") }
    }

    /// Marks the daily reports of `days` as written (or as needing nothing more). Writes nothing when `days` is
    /// empty, so a night with nothing pending leaves every byte of the store as it was.
    public func clearPendingReports(_ days: [Int32]) throws {
        guard !days.isEmpty else { return }
        try write { db in
            for day in days { try db.execute(sql: "DELETE FROM pendingReport WHERE day = ?", arguments: [day]) }
        }
    }

    public func runCount() throws -> Int { try read { try Int.fetchOne($0, sql: "SELECT count(*) FROM run") ?? 0 } }

    // MARK: - Writing

    /// Writes one night's changes in a single transaction: all of them, or (if anything fails or the process
    /// dies) none.
    public func commit(_ night: NightChanges) throws {
        guard !night.isEmpty else { return }
        try write { db in
            let run = (try Int.fetchOne(db, sql: "SELECT count(*) FROM run") ?? 0) + 1
            for file in night.files {
                try db.execute(sql: "DELETE FROM file WHERE path = ?", arguments: [file.entry.path])
                let e = file.entry
                try db.execute(
                    sql: """
                        INSERT INTO file (path, size, modified, sha256, format, encoding, records, accepted, rejected,
                          rejectedByKind, notes, error, firstDay, lastDay, run)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        e.path, e.size, e.modified, e.sha256, e.summary.format?.rawValue ?? "", e.summary.encoding,
                        e.summary.records,
                        e.summary.accepted, e.summary.rejected, ManifestEntry.encode(e.summary.rejectedByKind),
                        ManifestEntry.encode(e.summary.notes), e.summary.error?.reason, e.days.first, e.days.last, run,
                    ])
                let id = db.lastInsertedRowID
                for day in e.days {
                    try db.execute(sql: "INSERT INTO fileDay (file, day) VALUES (?, ?)", arguments: [id, day])
                }
                for r in file.rejects {
                    try db.execute(
                        sql: "INSERT INTO reject (file, line, field, kind, detail, raw) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [id, r.line, r.field, r.kind.rawValue, r.detail, r.raw])
                }
                for (value, count) in file.unmatched {
                    try db.execute(
                        sql: "INSERT INTO unmatched (file, field, value, count) VALUES (?, ?, ?, ?)",
                        arguments: [id, value.field, value.value, count])
                }
            }
            if let fingerprint = night.fingerprint {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO setting (key, value) VALUES ('fingerprint', ?)",
                    arguments: [fingerprint])
            }
            if night.replaceAll {
                try db.execute(sql: "DELETE FROM day")
                try db.execute(sql: "DELETE FROM file")
            }
            for entry in night.touched {
                try db.execute(
                    sql: "UPDATE file SET modified = ? WHERE path = ?", arguments: [entry.modified, entry.path])
            }
            for day in night.removedDays {
                try db.execute(sql: "DELETE FROM day WHERE day = ?", arguments: [day])
            }
            for day in night.pendingReports {
                try db.execute(sql: "INSERT OR IGNORE INTO pendingReport (day) VALUES (?)", arguments: [day])
            }
            for snapshot in night.snapshots {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO day (day, latestEnqueue, hasTickets, snapshot, callTotals)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        snapshot.day, snapshot.latestEnqueue, !snapshot.tickets.isEmpty, Data(snapshot.encoded()),
                        Data(snapshot.encodedCallTotals()),
                    ])
            }
            try db.execute(
                sql: "INSERT INTO run (id, files, days) VALUES (?, ?, ?)",
                arguments: [run, night.files.count, night.snapshots.count + night.removedDays.count])
        }
    }

    // MARK: - Errors name the store

    /// A read whose failure (a locked, damaged or vanished database) names the store, not only SQLite's words.
    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try db.read(body)
        } catch {
            throw named(error)
        }
    }

    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try db.write(body)
        } catch {
            throw named(error)
        }
    }

    private func named(_ error: Error) -> Error {
        if error is StoreError { return error }
        if let error = error as? DatabaseError {
            return StoreError.failed(path: path, reason: "SQLite: \(error.message ?? "\(error.resultCode)")")
        }
        return StoreError.failed(path: path, reason: "\(error)")
    }

    /// The SHA-256 of a file's bytes, read in 1 MiB pieces.
    public static func sha256(path: String) throws -> (size: Int64, digest: String) {
        try ContentHash.sha256(path: path)
    }
}

/// What one night changes in the store.
public struct NightChanges {
    public struct FileRead {
        public var entry: ManifestEntry
        public var rejects: [Reject]
        public var unmatched: [(value: UnmatchedValue, count: Int)]

        public init(entry: ManifestEntry, rejects: [Reject], unmatched: [(value: UnmatchedValue, count: Int)]) {
            self.entry = entry
            self.rejects = rejects
            self.unmatched = unmatched
        }
    }

    public var files: [FileRead] = []
    public var snapshots: [DaySnapshot] = []
    /// Days left with no data (a changed file no longer touches them).
    public var removedDays: [Int32] = []
    /// Files whose modification time changed but not their content: only the time is updated.
    public var touched: [ManifestEntry] = []
    /// The settings the snapshots were computed with: zone, interval, thresholds, rules, business hours, targets.
    public var fingerprint: String?
    /// A rebuild: every stored file and day is replaced.
    public var replaceAll = false
    /// Earlier days whose daily reports are to be written again (late data changed them); they stay in the store
    /// until ``Store/clearPendingReports(_:)``.
    public var pendingReports: [Int32] = []

    public init() {}

    public var isEmpty: Bool {
        files.isEmpty && snapshots.isEmpty && removedDays.isEmpty && touched.isEmpty && pendingReports.isEmpty
    }
}
