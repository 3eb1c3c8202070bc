import Foundation
import HotlineMetrics
import HotlineModel
import HotlineReport
import HotlineStore

/// The nightly `index.html`: every day with a report kept, and whether the night's day looks to miss its calls.
extension NightlyRun {
    /// Writes `index.html`; a night whose day has no call at all while other days have some is missing its export.
    func writeIndex(store: Store, day: CivilDate, inputs: Set<String>, _ outcome: inout Outcome) throws {
        let index = try indexDays(store: store)
        if outcome.missingData == nil, let tonight = index.first(where: { $0.date == day.description }),
            tonight.offered ?? 0 == 0, index.contains(where: { ($0.offered ?? 0) > 0 })
        {
            // A 24-hour hotline has calls every day: none at all is a failed export, whatever the usual.
            outcome.missingData = "\(day): no calls read: the call export is missing"
        }
        let page = IndexPageRenderer(serviceLevelTarget: settings.serviceLevelTarget, language: language).render(index)
        write(Array(page.utf8), to: "\(outputDirectory)/index.html", inputs: inputs, &outcome)
    }

    /// The days of `index.html`: every day with a report kept, newest first, with its figures from the store and
    /// whether its calls look missing (none, or fewer than the configured share of the same weekday's usual over
    /// the four weeks before).
    private func indexDays(store: Store) throws -> [IndexPageRenderer.Day] {
        let folders = ["daily", "week-to-date", "month-to-date"]
        var reports: [Int: [String]] = [:]
        for folder in folders {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: "\(outputDirectory)/\(folder)")) ?? []
            where name.hasSuffix(".html") {
                // Only the job's own names: a date, nothing else a folder may hold.
                guard let date = CivilDate(parsing: String(name.dropLast(5))), "\(date).html" == name else { continue }
                reports[date.dayNumber, default: []].append(folder)
            }
        }
        guard let first = reports.keys.min(), let last = reports.keys.max() else { return [] }
        var figures: [Int: CallAccumulator] = [:]
        try store.forEachDayTotal(Int32(first - ExceptionSettings.usualDays)...Int32(last)) { day, total in
            figures[Int(day)] = total
        }
        let share = ExceptionSettings(config).missingShare
        let words = ReportStrings.of(language).index
        return reports.keys.sorted(by: >).map { day in
            let acc = figures[day] ?? CallAccumulator()
            let f = CallFigures(acc, settings: settings)
            let usualDays = (1...4).map { day - 7 * $0 }.compactMap { figures[$0] }.filter { $0.offered > 0 }
            let usual =
                usualDays.isEmpty ? nil : Double(usualDays.reduce(0) { $0 + $1.offered }) / Double(usualDays.count)
            var missing: String?
            if acc.offered == 0, !figures.values.allSatisfy({ $0.offered == 0 }) {
                missing = words.missing(0, nil)
            } else if let usual, Double(acc.offered) < usual * share {
                missing = words.missing(acc.offered, Int(usual.rounded()))
            }
            return IndexPageRenderer.Day(
                date: CivilDate(dayNumber: day).description,
                weekday: CivilDate.weekdayNames[CivilDate.weekday(ofDayNumber: day)],
                offered: acc.offered, serviceLevel: f.serviceLevel, abandonmentRate: f.abandonmentRate,
                missing: missing, folders: folders.filter { reports[day]?.contains($0) == true })
        }
    }
}
