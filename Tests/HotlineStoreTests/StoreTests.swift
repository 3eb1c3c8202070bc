import Foundation
import GRDB
import HotlineModel
import Testing

@testable import HotlineMetrics
@testable import HotlineStore

@Suite struct StoreTests {
    let directory: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hotline-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }()

    func snapshot(day: Int32) -> DaySnapshot {
        var snap = DaySnapshot(day: day)
        var acc = CallAccumulator()
        acc.offered = 3
        acc.answered = 2
        acc.waits.add(12_000)
        acc.waits.add(9_000_000)
        acc.longestWait = 9_000_000
        acc.answeredWaitSum = 9_012_000
        acc.repeats = 1
        acc.repeatEligible = 2
        snap.calls = [.init(interval: 20, slot: 20, hour: 10, queue: "热线 <cn>", category: 1, figures: acc)]
        snap.subcategories = [.init(category: 1, name: "refund", figures: acc)]
        snap.agents = [
            .init(name: "A1", figures: acc, loggedIn: 3_600_000, paused: 60_000, pausedByReason: ["lunch": 60_000])
        ]
        snap.agentsBySlot = [0, 2, 1]
        snap.peaks = [0, 3, 1]
        snap.latestEnqueue = 1_794_794_400_000
        var tickets = TicketAccumulator()
        tickets.created = 2
        tickets.resolution.add(minutesOf: 3_600_000)
        snap.tickets = [.init(category: 4, subcategory: "", priority: 0, figures: tickets, backlogChange: -1)]
        snap.ticketsSolvedWithoutTime = 1
        snap.journey = journey(day: day, solvedOn: day + 2)
        return snap
    }

    /// A day's journey: one escalated call of two, one chaser call the next day, one ticket solved on `solvedOn`
    /// after 90 minutes.
    func journey(day: Int32, solvedOn: Int32) -> JourneyAccumulator {
        var j = JourneyAccumulator()
        j.linkable = true
        (j.tickets, j.linkedByReference, j.offered) = (1, 1, 3)
        j.addAnswered(escalated: true, names: [.category: "payment", .ivrPath: "主菜单>支付"])
        j.addAnswered(escalated: false, names: [.category: "payment"])
        j.chaserCalls[.init(day: day + 1, category: .payment)] = 1
        j.resolutions[.init(solveDay: solvedOn, minutes: 90)] = 1
        return j
    }

    @Test func aDaySnapshotDecodesToWhatWasEncoded() throws {
        let snap = snapshot(day: 20_773)
        #expect(try DaySnapshot(decoding: snap.encoded()) == snap)
    }

    @Test func aDaysCallTotalsAreItsRowsAddedUpWithoutTheirWaits() throws {
        var snap = snapshot(day: 20_773)
        var other = snap.calls[0]
        (other.interval, other.queue, other.figures.offered, other.figures.longestWait) = (21, "en", 5, 7_000)
        other.figures.answeredWithinThreshold = 4
        other.figures.waits.add(1_000)
        snap.calls.append(other)
        var expected = CallAccumulator()
        for row in snap.calls { expected.merge(row.figures) }
        let (day, total) = try DaySnapshot.callTotals(decoding: snap.encoded())
        #expect(day == 20_773)
        #expect(total.waits.count == 0)
        expected.waits = WaitHistogram()
        #expect(total == expected)
        #expect(total.offered == 8 && total.answeredWithinThreshold == 4 && total.longestWait == 9_000_000)
        // What the store gives for a range, day by day.
        let store = try Store(path: directory + "/totals.sqlite")
        var night = NightChanges()
        night.snapshots = [snap, snapshot(day: 20_775)]
        try store.commit(night)
        var days: [Int32: Int] = [:]
        try store.forEachDayTotal(20_770...20_780) { days[$0] = $1.offered }
        #expect(days == [20_773: 8, 20_775: 3])
        #expect(throws: DaySnapshot.UnreadableSnapshot.self) {
            try DaySnapshot.callTotals(decoding: Array(snap.encoded().prefix(40)))
        }
    }

    @Test func aDaysStoredCallTotalsEqualTheTotalsOfItsSnapshot() throws {
        var snap = snapshot(day: 20_773)
        var other = snap.calls[0]
        (other.interval, other.queue, other.figures.offered, other.figures.abandoned) = (21, "en", 5, 2)
        snap.calls.append(other)
        let stored = try DaySnapshot.callTotals(decodingTotals: snap.encodedCallTotals())
        #expect(stored == (try DaySnapshot.callTotals(decoding: snap.encoded())).calls)
        #expect(stored.offered == 8 && stored.abandoned == 2 && stored.waits.count == 0)
        for bad in [[], [2], Array(snap.encodedCallTotals().dropLast()), snap.encodedCallTotals() + [0]] {
            #expect(throws: DaySnapshot.UnreadableSnapshot.self) { try DaySnapshot.callTotals(decodingTotals: bad) }
        }
    }

    /// A store an older hotline wrote (schema v2, no `callTotals` column) gives the same day totals read-only,
    /// and once opened for writing (migrated, its old days' totals empty) from the snapshots.
    @Test func dayTotalsOfDaysStoredBeforeTheTotalsColumnComeFromTheirSnapshots() throws {
        let path = directory + "/old.sqlite"
        var night = NightChanges()
        night.snapshots = [snapshot(day: 20_773), snapshot(day: 20_775)]
        try Store(path: path).commit(night)
        func totals(_ store: Store) throws -> [Int32: CallAccumulator] {
            var days: [Int32: CallAccumulator] = [:]
            try store.forEachDayTotal(20_770...20_780) { days[$0] = $1 }
            return days
        }
        let expected = try totals(Store(path: path, readOnly: true))
        #expect(expected.keys.sorted() == [20_773, 20_775] && expected[20_773]?.offered == 3)

        // One day's totals missing: that day alone is added up from its snapshot.
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "UPDATE day SET callTotals = NULL WHERE day = 20775") }
        #expect(try totals(Store(path: path, readOnly: true)) == expected)

        // The store as schema v2 left it.
        try queue.write { db in
            try db.execute(sql: "ALTER TABLE day DROP COLUMN callTotals")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3'")
        }
        try queue.close()
        #expect(try totals(Store(path: path, readOnly: true)) == expected)
        #expect(try totals(Store(path: path)) == expected)
        #expect(try Store(path: path, readOnly: true).snapshots(20_770...20_780).count == 2)
    }

    @Test func aStoredPeriodTakesContactToResolutionOnTheSolveDayFromEarlierCallDays() throws {
        var query = CallQuery()
        query.from = CivilDate(dayNumber: 20_775)
        query.to = CivilDate(dayNumber: 20_776)
        let period = StoredPeriod(
            settings: MetricSettings(), ticketSettings: TicketSettings(), query: query,
            calendar: LocalCalendar(zone: TimeZone(identifier: "Asia/Shanghai") ?? .gmt, intervalMinutes: 30),
            symbols: SymbolTable())
        // A call before the period whose ticket is solved in it, and one in the period solved after it.
        var before = DaySnapshot(day: 20_773)
        before.journey = journey(day: 20_773, solvedOn: 20_775)
        var inside = DaySnapshot(day: 20_775)
        inside.journey = journey(day: 20_775, solvedOn: 20_778)
        period.add(before)
        period.add(inside)
        let section = try #require(JourneySection(period.journey))
        // Escalations of the period's own days only; the chaser call and the resolution made in the period only.
        #expect(section.answered == 2 && section.escalated == 1 && section.chaserCalls == 1)
        #expect(section.resolved == 1 && section.contactToResolutionP50Minutes == 90)
    }

    @Test func aDamagedSnapshotIsAnErrorNotATrap() {
        let bytes = snapshot(day: 1).encoded()
        #expect(throws: (any Error).self) { try DaySnapshot(decoding: Array(bytes.prefix(bytes.count / 2))) }
        #expect(throws: (any Error).self) { try DaySnapshot(decoding: [9, 9, 9]) }
    }

    @Test func pendingReportsLandWithTheNightAndStayUntilCleared() throws {
        let path = directory + "/pending.sqlite"
        var night = NightChanges()
        night.snapshots = [snapshot(day: 20_773)]
        night.pendingReports = [20_772, 20_770]
        try Store(path: path).commit(night)
        // Another process (the next night) sees what the first left.
        let reopened = try Store(path: path)
        #expect(try reopened.pendingReports() == [20_770, 20_772])
        try reopened.clearPendingReports([20_770])
        #expect(try Store(path: path).pendingReports() == [20_772])
    }

    /// Found by `scripts/fuzz snapshot`: a wait count too large for its histogram slot trapped the decoder.
    @Test func aSnapshotWhoseCountsCannotBeHeldIsAnErrorNotATrap() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/snapshot-histogram-count-overflow")
        let bytes = try [UInt8](Data(contentsOf: fixture))
        #expect(throws: (any Error).self) { try DaySnapshot(decoding: bytes) }
        // A count claiming more elements than there are bytes left fails at once.
        #expect(throws: (any Error).self) { try DaySnapshot(decoding: [1, 2, 0x80, 0x80, 0x40]) }
    }

    @Test func aNightLandsWholeAndIsReadBack() throws {
        let store = try Store(path: directory + "/h.sqlite")
        var night = NightChanges()
        night.fingerprint = "Asia/Shanghai 30m 0123"
        var summary = InputSummary(path: "/in/a.csv", format: .callsCSV, encoding: "UTF-8")
        summary.records = 4
        summary.accepted = 3
        summary.rejectedByKind = [.badTime: 1]
        summary.notes = ["ignored columns: x"]
        let entry = ManifestEntry(
            path: "/in/a.csv", size: 10, modified: 5, sha256: "ab", summary: summary, days: [20_773, 20_774])
        night.files = [
            .init(
                entry: entry,
                rejects: [Reject(file: "/in/a.csv", line: 3, field: "enqueued_at", kind: .badTime, detail: "missing")],
                unmatched: [(UnmatchedValue(field: "category", value: "快递"), 2)])
        ]
        night.snapshots = [snapshot(day: 20_773), snapshot(day: 20_774)]
        try store.commit(night)
        #expect(try store.manifest() == [entry])
        #expect(try store.files(touching: 20_774...20_790) == ["/in/a.csv"])
        #expect(try store.snapshots(20_773...20_773) == [snapshot(day: 20_773)])
        #expect(try store.storedDays() == 20_773...20_774)
        #expect(
            try store.rejects(paths: ["/in/a.csv"], limit: 5).map(\.description) == [
                "/in/a.csv:3: enqueued_at: missing"
            ])
        #expect(try store.unmatched(paths: ["/in/a.csv"]).first?.count == 2)
        #expect(try store.fingerprint() == "Asia/Shanghai 30m 0123")
        #expect(try store.runCount() == 1)
        // An empty night writes nothing, not even a run.
        try store.commit(NightChanges())
        #expect(try store.runCount() == 1)
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        let path = directory + "/notes.sqlite"
        try Data("these are my notes, not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try Store(path: path)
        } throws: { error in
            "\(error)".contains("not a hotline store (not a SQLite database)")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("these are my notes"))
    }

    @Test func anotherProgramsSQLiteDatabaseIsRefused() throws {
        let path = directory + "/other.sqlite"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, "CREATE TABLE invoices (id INTEGER);"]
        guard (try? process.run()) != nil else { return }  // no sqlite3 shell: nothing to check
        process.waitUntilExit()
        #expect {
            try Store(path: path)
        } throws: { error in
            "\(error)".contains("a SQLite database of another program")
        }
    }

    @Test func reopeningAStoreKeepsItsBytes() throws {
        let path = directory + "/h.sqlite"
        _ = try Store(path: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        _ = try Store(path: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aStoreDamagedAfterOpeningIsNamedInTheError() throws {
        let path = directory + "/damaged.sqlite"
        let store = try Store(path: path)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 4096
        try Data(repeating: 0x41, count: size).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try store.storedDays()
        } throws: { error in
            "\(error)".hasPrefix(path + ": SQLite: ")
        }
    }
}
