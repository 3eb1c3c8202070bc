import Foundation
import HotlineConfig
import HotlineMetrics
import HotlineModel
import HotlineStore

/// A report over any period from the nightly store: the days' snapshots merged, the files that touched the
/// period in data quality. No input is read.
///
/// Several stores (one per site of a group of hotlines, built with the same settings) give one report: each day
/// of every site merged into one (`DaySnapshot.mergingSites`), then the days as for one store.
struct StoreReport {
    var stores: [(label: String, store: Store)]
    var settings: MetricSettings
    var ticketSettings: TicketSettings
    var query: CallQuery
    var zone: TimeZone
    var exceptionSettings = ExceptionSettings()
    var firstRejectsKept = 10

    /// Why a `--by` dimension cannot come from the store, or nil.
    static func problem(with dimensions: [HotlineMetrics.Dimension]) -> String? {
        let kept = StoredPeriod.callDimensions.union(StoredPeriod.ticketDimensions)
        guard let missing = dimensions.first(where: { !kept.contains($0) }) else { return nil }
        return
            "--by \(missing.rawValue) is not kept in the store (it keeps date, interval, hour, weekday, queue, category; for tickets also subcategory and priority); run report over the input files for it"
    }

    func build() throws -> Report { try Self.build([self])[0] }

    /// Several reports of the same stores, their days read once: the nightly job's daily, week-to-date and
    /// month-to-date reports share most of their days (each reads four weeks before its period for the usual), and
    /// decoding a stored day was most of writing them.
    static func build(_ reports: [StoreReport]) throws -> [Report] {
        let started = try reports.map { try $0.start() }
        let buildings = started.compactMap(\.building)
        // The days of all, as runs of days without a gap: a late day's report a month back reads its own days.
        var runs: [ClosedRange<Int32>] = []
        for days in buildings.map(\.days).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = runs.last, days.lowerBound <= last.upperBound &+ 1 {
                runs[runs.count - 1] = last.lowerBound...max(last.upperBound, days.upperBound)
            } else {
                runs.append(days)
            }
        }
        if let first = reports.first {
            for run in runs {
                try first.forEachDay(run, calendar: first.calendar()) { snap, exactPeaks in
                    for building in buildings where building.days.contains(snap.day) {
                        building.add(snap, exactPeaks: exactPeaks)
                    }
                }
            }
        }
        return try zip(reports, started).map { report, start in
            switch start {
            case .empty(let report): report
            case .building(let building): try report.finish(building)
            }
        }
    }

    private func calendar() -> LocalCalendar { LocalCalendar(zone: zone, intervalMinutes: settings.intervalMinutes) }

    /// A report whose days are being read: its period, and what the days read so far add up to.
    private final class Building {
        let query: CallQuery
        let from: CivilDate
        let to: CivilDate
        /// The days read in full: the period and the one before, and the four weeks of usual before the period.
        let days: ClosedRange<Int32>
        let calendar: LocalCalendar
        let symbols = SymbolTable()
        let period: StoredPeriod
        var sawTickets = false
        var inexactPeakDays = 0

        init(_ report: StoreReport, query: CallQuery, from: CivilDate, to: CivilDate, calendar: LocalCalendar) {
            (self.query, self.from, self.to, self.calendar) = (query, from, to, calendar)
            // The period and the one before in full (a one-day report's is the same weekday a week before), and
            // the four weeks before the period, the usual its exceptions compare with (ExceptionFinder.usualWindow);
            // earlier days only for their tickets (the backlog counts tickets from before the period); whether
            // repeat calls are still provisional depends on all the data stored. Days stream through one at a time.
            let usualFrom = from.dayNumber - ExceptionSettings.usualDays
            days = Int32(min((query.previous?.from ?? from).dayNumber, usualFrom))...Int32(to.dayNumber)
            period = StoredPeriod(
                settings: report.settings, ticketSettings: report.ticketSettings, query: query, calendar: calendar,
                symbols: symbols)
        }

        func add(_ snap: DaySnapshot, exactPeaks: Bool) {
            period.add(snap)
            sawTickets = sawTickets || !snap.tickets.isEmpty
            if !exactPeaks && snap.day >= Int32(from.dayNumber) { inexactPeakDays += 1 }
        }
    }

    private enum Start {
        /// A report of no day (an empty store, a period that ends before it starts).
        case empty(Report)
        case building(Building)

        var building: Building? {
            if case .building(let building) = self { building } else { nil }
        }
    }

    /// The report's period settled from the stores; its days are read next.
    private func start() throws -> Start {
        let calendar = calendar()
        var q = query
        let storedDays = try stores.compactMap { try $0.store.storedDays() }
        if q.from == nil || q.to == nil, let lo = storedDays.map(\.lowerBound).min(),
            let hi = storedDays.map(\.upperBound).max()
        {
            q.from = q.from ?? CivilDate(dayNumber: Int(lo))
            q.to = q.to ?? CivilDate(dayNumber: Int(hi))
        }
        guard let from = q.from, let to = q.to, from <= to else {
            let symbols = SymbolTable()
            let (calls, _) = StoredPeriod.aggregates(
                [], settings: settings, ticketSettings: ticketSettings, query: q, calendar: calendar, symbols: symbols)
            return .empty(
                ReportBuilder(
                    aggregates: calls, calendar: calendar, symbols: symbols, inputs: [], firstRejects: [],
                    unmatched: []
                ).build())
        }
        return .building(Building(self, query: q, from: from, to: to, calendar: calendar))
    }

    /// The report from its days read: the tickets of the days before them, the files, rejects and unmatched values
    /// of the period.
    private func finish(_ building: Building) throws -> Report {
        let (from, to, calendar, symbols, period) = (
            building.from, building.to, building.calendar, building.symbols, building.period
        )
        var sawTickets = building.sawTickets
        let first = building.days.lowerBound
        // Before the period only tickets count (the backlog): no day of two sites needs merging.
        for (_, store) in stores {
            if let stored = try store.storedDays(), stored.lowerBound < first {
                try store.forEachSnapshot(stored.lowerBound...(first - 1), ticketsOnly: true) { snap in
                    period.add(snap)
                    sawTickets = true
                }
            }
        }
        let inexactPeakDays = building.inexactPeakDays
        let (calls, tickets) = period.finish(
            latestEnqueue: try stores.compactMap { try $0.store.latestEnqueue() }.max())
        let days = Int32(from.dayNumber)...Int32(to.dayNumber)
        var inputs: [InputSummary] = []
        var rejects: [Reject] = []
        var unmatched: [(value: UnmatchedValue, count: Int)] = []
        for (_, store) in stores {
            let paths = try store.files(touching: days)
            let wanted = Set(paths)
            inputs += try store.manifest().filter { wanted.contains($0.path) }.map(\.summary)
            rejects += try store.rejects(paths: paths, limit: firstRejectsKept)
            unmatched += try store.unmatched(paths: paths)
        }
        if stores.count > 1 {
            // The sites' counts of a value added, in the order one store gives them: most first.
            var counts: [UnmatchedValue: Int] = [:]
            for (value, n) in unmatched { counts[value, default: 0] += n }
            unmatched = counts.map { ($0.key, $0.value) }.sorted {
                (-$0.count, $0.value.field, $0.value.value) < (-$1.count, $1.value.field, $1.value.value)
            }
        }
        var report = ReportBuilder(
            aggregates: calls, calendar: calendar, symbols: symbols, inputs: inputs,
            firstRejects: Array(rejects.prefix(firstRejectsKept)),
            unmatched: unmatched)
        report.exceptionSettings = exceptionSettings
        var built = report.build()
        if stores.count > 1 {
            built.sites = stores.map(\.label)
            if inexactPeakDays > 0 {
                built.warnings.append(
                    "peak calls waiting on \(inexactPeakDays) days add each site's peak (an upper bound): a store's days from before this version keep no waiting timeline; rebuild it with `hotline nightly --rebuild`"
                )
            }
        }
        if sawTickets {
            built.attach(
                tickets: TicketSectionBuilder(
                    aggregator: tickets, symbols: symbols, fromDay: from.dayNumber, toDay: to.dayNumber
                ).build(), calendar: calendar)
        }
        built.journey = JourneySection(period.journey)
        built.journey?.fromStore = true
        return built
    }

    /// Each stored day of `days` in order, the sites' snapshots of a day merged into one; with one store, as it
    /// is stored (decoded one day at a time).
    private func forEachDay(
        _ days: ClosedRange<Int32>, calendar: LocalCalendar, _ body: (DaySnapshot, _ exactPeaks: Bool) throws -> Void
    ) throws {
        guard stores.count > 1 else {
            for (_, store) in stores { try store.forEachSnapshot(days) { try body($0, true) } }
            return
        }
        let slotsPerDay = 86400 / Int(calendar.intervalSeconds)
        // A month at a time: a year of several sites never sits in memory at once.
        var chunkStart = days.lowerBound
        while chunkStart <= days.upperBound {
            let chunk = chunkStart...min(days.upperBound, chunkStart &+ 30)
            var byDay: [Int32: [DaySnapshot]] = [:]
            for (_, store) in stores {
                for snap in try store.snapshots(chunk) { byDay[snap.day, default: []].append(snap) }
            }
            for day in byDay.keys.sorted() {
                let (merged, exact) = DaySnapshot.mergingSites(
                    byDay[day] ?? [], calendar: calendar, slotsPerDay: slotsPerDay)
                try body(merged, exact)
            }
            if chunk.upperBound == days.upperBound { break }
            chunkStart = chunk.upperBound + 1
        }
    }
}

/// The settings the stored day snapshots depend on, as one short string: when it changes, the store must be
/// rebuilt (a new threshold changes every service level already stored).
enum SettingsFingerprint {
    static func of(_ config: HotlineConfiguration, settings: MetricSettings, zone: TimeZone, sourceZone: TimeZone?)
        -> String
    {
        var parts = [
            "v1", "zone=\(zone.identifier)", "source=\(sourceZone?.identifier ?? "")",
            "interval=\(settings.intervalMinutes)", "sl=\(settings.serviceLevelSeconds)",
            "short=\(settings.shortAbandonSeconds)", "repeat=\(settings.repeatWindowHours)",
            "satisfied=\(settings.satisfiedScore)",
        ]
        // A queue's or category's own threshold changes which of its calls were answered in service.
        for (queue, t) in settings.targets.queues.sorted(by: { $0.key < $1.key }) where t.thresholdSeconds != nil {
            parts.append("sl[\(queue)]=\(t.thresholdSeconds ?? 0)")
        }
        for (category, t) in settings.targets.categories.sorted(by: { $0.key < $1.key }) where t.thresholdSeconds != nil
        {
            parts.append("sl[\(category.name)]=\(t.thresholdSeconds ?? 0)")
        }
        if let hours = config.businessHours {
            parts.append(
                "hours=\(hours.weekdays.sorted()) \(hours.start)-\(hours.end) \(hours.holidays.map(\.description).sorted())"
            )
        }
        for t in config.slaTargets {
            parts.append(
                "sla=\(t.category?.name ?? "*") \(t.priority?.name ?? "*") \(t.firstReplyMinutes ?? -1) \(t.resolutionMinutes ?? -1)"
            )
        }
        for r in config.categoryRules.rules {
            parts.append(
                "rule=\(r.field.rawValue) \(r.words) \(r.pattern ?? "") \(r.category.name) \(r.subcategory ?? "")")
        }
        for (k, v) in config.mappings.callsColumns.sorted(by: { $0.key < $1.key }) { parts.append("col=\(k):\(v)") }
        for (k, v) in config.mappings.outcomeWords.sorted(by: { $0.key < $1.key }) {
            parts.append("out=\(k):\(v.name)")
        }
        for (k, v) in config.mappings.ticketColumns.sorted(by: { $0.key < $1.key }) { parts.append("tcol=\(k):\(v)") }
        for (k, v) in config.mappings.ticketStatusWords.sorted(by: { $0.key < $1.key }) {
            parts.append("st=\(k):\(v.name)")
        }
        for (k, v) in config.mappings.ticketPriorityWords.sorted(by: { $0.key < $1.key }) {
            parts.append("pr=\(k):\(v.name)")
        }
        // Only when set, so stores built before the setting existed keep their fingerprint.
        if config.mappings.callsDateOrder != .ymd { parts.append("cdate=\(config.mappings.callsDateOrder.rawValue)") }
        if config.mappings.ticketsDateOrder != .ymd {
            parts.append("tdate=\(config.mappings.ticketsDateOrder.rawValue)")
        }
        if config.ticketLinkWindowHours != 24 { parts.append("link=\(config.ticketLinkWindowHours)") }
        let ivr = config.mappings.ivr
        if !ivr.isDefault {
            parts.append(
                "ivr=\(ivr.selfService.sorted()) \(ivr.contexts.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }) "
                    + "\(ivr.pathVariable) \(ivr.statusVariable) \(ivr.digitsVariable) \(ivr.selfServiceStatuses.sorted())"
            )
        }
        // FNV-1a over the canonical text: short enough to read in an error message.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in parts.joined(separator: "\n").utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return "\(zone.identifier) \(settings.intervalMinutes)m " + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
