import Foundation
import HotlineConfig
import HotlineMetrics
import HotlineModel
import HotlineStore

/// A report over any period from the nightly store: the days' snapshots merged, the files that touched the
/// period in data quality. No input is read.
struct StoreReport {
    var store: Store
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

    func build() throws -> Report {
        let calendar = LocalCalendar(zone: zone, intervalMinutes: settings.intervalMinutes)
        var q = query
        if q.from == nil || q.to == nil, let stored = try store.storedDays() {
            q.from = q.from ?? CivilDate(dayNumber: Int(stored.lowerBound))
            q.to = q.to ?? CivilDate(dayNumber: Int(stored.upperBound))
        }
        let symbols = SymbolTable()
        guard let from = q.from, let to = q.to, from <= to else {
            let (calls, _) = StoredPeriod.aggregates(
                [], settings: settings, ticketSettings: ticketSettings, query: q, calendar: calendar, symbols: symbols)
            return ReportBuilder(
                aggregates: calls, calendar: calendar, symbols: symbols, inputs: [], firstRejects: [], unmatched: []
            ).build()
        }
        // The period and the one before in full (a one-day report's is the same weekday a week before); for one
        // day also the four weeks before it, the usual its exceptions compare with (a longer period takes its usual
        // from its own days and the period before: eight more weeks for each week- and month-to-date report made
        // a night five times slower); earlier days only for their tickets (the backlog counts tickets from before
        // the period); whether repeat calls are still provisional depends on all the data stored. Days stream
        // through one at a time.
        let usualFrom = from == to ? from.dayNumber - ExceptionSettings.usualDays : from.dayNumber
        let first = Int32(min((q.previous?.from ?? from).dayNumber, usualFrom))
        let period = StoredPeriod(
            settings: settings, ticketSettings: ticketSettings, query: q, calendar: calendar, symbols: symbols)
        var sawTickets = false
        try store.forEachSnapshot(first...Int32(to.dayNumber)) { snap in
            period.add(snap)
            sawTickets = sawTickets || !snap.tickets.isEmpty
        }
        if let stored = try store.storedDays(), stored.lowerBound < first {
            try store.forEachSnapshot(stored.lowerBound...(first - 1), ticketsOnly: true) { snap in
                period.add(snap)
                sawTickets = true
            }
        }
        let (calls, tickets) = period.finish(latestEnqueue: try store.latestEnqueue())
        let days = Int32(from.dayNumber)...Int32(to.dayNumber)
        let paths = try store.files(touching: days)
        let wanted = Set(paths)
        let inputs = try store.manifest().filter { wanted.contains($0.path) }.map(\.summary)
        var report = ReportBuilder(
            aggregates: calls, calendar: calendar, symbols: symbols, inputs: inputs,
            firstRejects: try store.rejects(paths: paths, limit: firstRejectsKept),
            unmatched: try store.unmatched(paths: paths))
        report.exceptionSettings = exceptionSettings
        var built = report.build()
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
