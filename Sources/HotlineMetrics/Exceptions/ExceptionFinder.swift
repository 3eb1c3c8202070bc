import HotlineModel

/// Finds the period's exceptions (docs/METRICS.md, "Exceptions"): runs of intervals below the service-level target,
/// abandonment spikes, volume far from the usual, category shares that jumped, IVR nodes whose drop-off jumped,
/// queues below target, and days whose data is missing. "Usual" is the same weekday and time of day over the other
/// days the data holds in the usual window: the four weeks before the period (and the period before, when longer)
/// and the period's own days. The nightly store reads the same days, so a report from files and one from the store
/// agree; a day after the period, often only part of a day at the data's edge, never weighs in the usual.
///
/// - Complexity: O(days x slots x same-weekday days) over ``DayProfiles``: small next to reading the calls.
public struct ExceptionFinder {
    let aggregates: CallAggregates
    let calendar: LocalCalendar
    let symbols: SymbolTable
    let settings: ExceptionSettings
    /// The period's days; nil when there is no data and no bound.
    let period: ClosedRange<Int32>?

    public init(
        aggregates: CallAggregates, calendar: LocalCalendar, symbols: SymbolTable, settings: ExceptionSettings,
        period: ClosedRange<Int32>?
    ) {
        self.aggregates = aggregates
        self.calendar = calendar
        self.symbols = symbols
        self.settings = settings
        self.period = period
    }

    private var profiles: DayProfiles { aggregates.profiles }

    /// The days the usual comes from.
    var usualWindow: ClosedRange<Int32>? {
        guard let period else { return nil }
        let from = period.lowerBound
        let usualFrom = from - Int32(ExceptionSettings.usualDays)
        let previousFrom = aggregates.query.previous.map { Int32($0.from.dayNumber) } ?? from
        return min(previousFrom, usualFrom)...period.upperBound
    }

    /// The days with calls in the usual window.
    private var dataDays: [Int32] {
        guard let usualWindow else { return [] }
        return profiles.days.filter { usualWindow.contains($0) }
    }
    private var slots: Int { profiles.slotsPerDay }

    /// Every exception, most calls affected first (then by kind, time and place).
    public func find() -> [ReportException] {
        guard let period else { return [] }
        let dataDays = self.dataDays
        var found: [ReportException] = []
        for day in period {
            let usualDays = sameWeekday(as: day, among: dataDays)
            let missing = missingData(day, usualDays: usualDays)
            if let missing { found.append(missing) }
            guard let cells = profiles.cells(of: day) else { continue }
            let usual = pooled(usualDays)
            found += serviceLevelRuns(day, Array(cells), usual: usual, usualDays: usualDays.count)
            found += abandonmentRuns(day, Array(cells), usual: usual, usualDays: usualDays.count)
            if missing == nil, !usualDays.isEmpty {
                found += volumeRuns(day, Array(cells), usual: usual, usualDays: usualDays.count)
            }
        }
        found += shareJumps(period, dataDays: dataDays)
        found += ivrDropOffJumps(period)
        found += queuesBelowTarget(period)
        return Self.ranked(found)
    }

    /// What happened when and where first, by calls affected; a queue's whole-period figure and the tickets' last,
    /// as they sum up the runs above them.
    static func ranked(_ found: [ReportException]) -> [ReportException] {
        let order: [ReportException.Kind] = [
            .missingData, .serviceLevel, .abandonment, .volumeLow, .volumeHigh, .categoryShare, .ivrDropOff,
            .queueBelowTarget,
            .ticketSLABreaches, .backlogJump,
        ]
        func rank(_ kind: ReportException.Kind) -> Int { order.firstIndex(of: kind) ?? order.count }
        func key(_ e: ReportException) -> (Int, Int, Int) {
            let wholePeriod = e.kind == .queueBelowTarget || e.kind == .ticketSLABreaches || e.kind == .backlogJump
            return (wholePeriod ? 1 : 0, -e.callsAffected, rank(e.kind))
        }
        return found.sorted {
            key($0) != key($1)
                ? key($0) < key($1)
                : ($0.from, $0.queue ?? "", $0.category ?? "", $0.subcategory ?? "", $0.ivrNode ?? "")
                    < ($1.from, $1.queue ?? "", $1.category ?? "", $1.subcategory ?? "", $1.ivrNode ?? "")
        }
    }

    /// The other days with data on the same weekday as `day`.
    func sameWeekday(as day: Int32, among days: [Int32]) -> [Int32] {
        let weekday = CivilDate.weekday(ofDayNumber: Int(day))
        return days.filter { $0 != day && CivilDate.weekday(ofDayNumber: Int($0)) == weekday }
    }

    /// The slots of `days` added together.
    private func pooled(_ days: [Int32]) -> [DayProfiles.Cell] {
        var sum = Array(repeating: DayProfiles.Cell(), count: slots)
        for day in days {
            guard let cells = profiles.cells(of: day) else { continue }
            for (i, cell) in cells.enumerated() { sum[i].merge(cell) }
        }
        return sum
    }

    // MARK: - Runs of intervals

    /// Maximal runs of consecutive slots where `bad` holds.
    private func runs(_ count: Int, _ bad: (Int) -> Bool) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var start: Int?
        for i in 0...count {
            let isBad = i < count && bad(i)
            if isBad, start == nil { start = i }
            if !isBad, let s = start {
                found.append(s..<i)
                start = nil
            }
        }
        return found
    }

    private func serviceLevelRuns(_ day: Int32, _ cells: [DayProfiles.Cell], usual: [DayProfiles.Cell], usualDays: Int)
        -> [ReportException]
    {
        let target = aggregates.settings.serviceLevelTarget
        let minimum = settings.minOfferedPerInterval
        let enough = enoughCalls(cells)
        return runs(cells.count) { i in
            cells[i].eligible >= minimum && (cells[i].serviceLevel ?? 1) < target
        }.compactMap { run in
            let sum = total(cells, run)
            let affected = sum.eligible - Int(sum.answeredWithin)
            guard affected >= enough else { return nil }
            var e = exception(.serviceLevel, day: day, run: run, figure: "service_level", sum: sum)
            e.value = sum.serviceLevel
            e.target = target
            e.usual = usualDays > 0 ? total(usual, run).serviceLevel : nil
            e.usualDays = usualDays
            e.callsAffected = affected
            return e
        }
    }

    private func abandonmentRuns(_ day: Int32, _ cells: [DayProfiles.Cell], usual: [DayProfiles.Cell], usualDays: Int)
        -> [ReportException]
    {
        let minimum = settings.minOfferedPerInterval
        return runs(cells.count) { i in
            guard cells[i].eligible >= minimum, let rate = cells[i].abandonmentRate, rate > settings.abandonmentLimit
            else { return false }
            guard usualDays > 0, let normal = usual[i].abandonmentRate else { return true }
            return rate >= normal * settings.abandonmentTimesUsual
        }.compactMap { run in
            let sum = total(cells, run)
            guard Int(sum.abandoned) >= enoughCalls(cells) else { return nil }
            var e = exception(.abandonment, day: day, run: run, figure: "abandonment_rate", sum: sum)
            e.value = sum.abandonmentRate
            e.target = settings.abandonmentLimit
            e.usual = usualDays > 0 ? total(usual, run).abandonmentRate : nil
            e.usualDays = usualDays
            e.callsAffected = Int(sum.abandoned)
            return e
        }
    }

    private func volumeRuns(_ day: Int32, _ cells: [DayProfiles.Cell], usual: [DayProfiles.Cell], usualDays: Int)
        -> [ReportException]
    {
        let n = Double(usualDays)
        let change = settings.volumeChange
        func expected(_ i: Int) -> Double { Double(usual[i].offered) / n }
        var found: [ReportException] = []
        for high in [true, false] {
            let spans = runs(cells.count) { i in
                let offered = Double(cells[i].offered)
                let normal = expected(i)
                return high
                    ? offered >= normal * (1 + change) && offered - normal >= 1
                    : offered <= normal * (1 - change) && normal - offered >= 1
            }
            for run in spans {
                let sum = total(cells, run)
                let normal = run.reduce(0.0) { $0 + expected($1) }
                let difference = Int((Double(sum.offered) - normal).magnitude.rounded())
                guard difference >= enoughCalls(cells) else { continue }
                var e = exception(high ? .volumeHigh : .volumeLow, day: day, run: run, figure: "offered", sum: sum)
                e.value = Double(sum.offered)
                e.usual = normal
                e.usualDays = usualDays
                e.callsAffected = difference
                found.append(e)
            }
        }
        return found
    }

    /// A run means something when it touched enough calls: the interval minimum, and at least 1% of the day's.
    private func enoughCalls(_ cells: [DayProfiles.Cell]) -> Int {
        max(settings.minOfferedPerInterval, cells.reduce(0) { $0 + $1.eligible } / 100)
    }

    private func total(_ cells: [DayProfiles.Cell], _ run: Range<Int>) -> DayProfiles.Cell {
        var sum = DayProfiles.Cell()
        for i in run { sum.merge(cells[i]) }
        return sum
    }

    private func exception(
        _ kind: ReportException.Kind, day: Int32, run: Range<Int>, figure: String, sum: DayProfiles.Cell
    ) -> ReportException {
        let interval = Int(calendar.intervalSeconds)
        let start = local(day, secondOfDay: run.lowerBound * interval)
        let end = local(day, secondOfDay: run.upperBound * interval)
        return ReportException(
            kind: kind, from: start.iso, to: end.iso, day: CivilDate(dayNumber: Int(day)).description,
            fromClock: start.clock, toClock: end.clock, figure: figure, usualDays: 0, callsAffected: 0,
            offered: Int(sum.offered), abandoned: Int(sum.abandoned), longestWaitSeconds: Int(sum.longestWait))
    }

    /// A wall-clock time of a local day (24:00 is the next day's midnight), as ISO 8601 with its offset and as
    /// `HH:MM`.
    private func local(_ day: Int32, secondOfDay: Int) -> (iso: String, clock: String) {
        Self.local(day, secondOfDay: secondOfDay, calendar: calendar)
    }

    static func local(_ day: Int32, secondOfDay: Int, calendar: LocalCalendar) -> (iso: String, clock: String) {
        let wall = Int64(day) * 86_400 + Int64(secondOfDay)
        let utc = calendar.utcSecond(fromWall: wall)
        let offset = calendar.offset(atSecond: utc)
        let date = CivilDate(dayNumber: Int(wall.floorDivided(by: 86_400)))
        let second = Int(wall - Int64(date.dayNumber) * 86_400)
        let clock = Self.two(second / 3600) + ":" + Self.two(second / 60 % 60)
        let sign = offset < 0 ? "-" : "+"
        let zone = sign + Self.two(Int(offset.magnitude) / 3600) + ":" + Self.two(Int(offset.magnitude) / 60 % 60)
        let shown = secondOfDay >= 86_400 ? "24:00" : clock
        return ("\(date)T\(clock):" + Self.two(second % 60) + zone, shown)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    // MARK: - Days, shares, queues

    private func missingData(_ day: Int32, usualDays: [Int32]) -> ReportException? {
        let offered = profiles.cells(of: day).map { $0.reduce(0) { $0 + Int($1.offered) } } ?? 0
        // The same weekday where there is one, else every other day with data once there are three (the first
        // days of a hotline's data say little of a usual day).
        let others = usualDays.isEmpty ? dataDays.filter { $0 != day } : usualDays
        guard !usualDays.isEmpty || others.count >= 3 else { return nil }
        let normal =
            Double(
                others.reduce(0) { sum, d in sum + (profiles.cells(of: d)?.reduce(0) { $0 + Int($1.offered) } ?? 0) })
            / Double(others.count)
        guard normal >= Double(settings.minOfferedPerInterval), Double(offered) < normal * settings.missingShare else {
            return nil
        }
        var e = exception(.missingData, day: day, run: 0..<slots, figure: "offered", sum: DayProfiles.Cell())
        e.abandoned = nil
        e.longestWaitSeconds = nil
        e.offered = offered
        e.value = Double(offered)
        e.usual = normal
        e.usualDays = others.count
        e.callsAffected = Int((normal - Double(offered)).rounded())
        return e
    }

    private func shareJumps(_ period: ClosedRange<Int32>, dataDays: [Int32]) -> [ReportException] {
        let inPeriod = dataDays.filter { period.contains($0) }
        guard !inPeriod.isEmpty else { return [] }
        // A one-day report compares with the same weekday where the data has one.
        var others = dataDays.filter { !period.contains($0) }
        if inPeriod.count == 1, let day = inPeriod.first {
            let same = sameWeekday(as: day, among: others)
            if !same.isEmpty { others = same }
        }
        guard !others.isEmpty else { return [] }
        func counts(_ days: [Int32]) -> [SubcategoryKey: Int] {
            days.reduce(into: [:]) { sum, day in
                for (key, n) in profiles.subcategoryOffered(on: day) { sum[key, default: 0] += n }
            }
        }
        let now = counts(inPeriod)
        let before = counts(others)
        let total = now.values.reduce(0, +)
        let usualTotal = before.values.reduce(0, +)
        guard total > 0, usualTotal > 0 else { return [] }
        func jumped(_ n: Int, _ usualN: Int) -> Bool {
            let share = Double(n) / Double(total)
            let usual = Double(usualN) / Double(usualTotal)
            return n >= settings.minOfferedPerInterval && share - usual >= settings.shareJump && share >= usual * 1.5
        }
        let start = local(period.lowerBound, secondOfDay: 0)
        let end = local(period.upperBound, secondOfDay: 86_400)
        func make(_ category: CallCategory, _ subcategory: String?, _ n: Int, _ usualN: Int) -> ReportException {
            let usualShare = Double(usualN) / Double(usualTotal)
            return ReportException(
                kind: .categoryShare, from: start.iso, to: end.iso,
                day: CivilDate(dayNumber: Int(period.lowerBound)).description, fromClock: start.clock,
                toClock: end.clock, category: category.name, subcategory: subcategory, figure: "share",
                value: Double(n) / Double(total), usual: usualShare, usualDays: others.count,
                callsAffected: Int((Double(n) - usualShare * Double(total)).rounded()), offered: n)
        }
        var found: [ReportException] = []
        var flaggedCategories = Set<CallCategory>()
        for (key, n) in now where !key.subcategory.isNone && jumped(n, before[key] ?? 0) {
            found.append(make(key.category, symbols[key.subcategory], n, before[key] ?? 0))
            flaggedCategories.insert(key.category)
        }
        for category in CallCategory.allCases where !flaggedCategories.contains(category) {
            let n = now.filter { $0.key.category == category }.values.reduce(0, +)
            let usualN = before.filter { $0.key.category == category }.values.reduce(0, +)
            if jumped(n, usualN) { found.append(make(category, nil, n, usualN)) }
        }
        return found
    }

    /// Queues whose service level over the period missed their own target (or whose abandonment rose above
    /// theirs): each queue judged by what it is held to (ServiceTargets), not the report's default.
    private func queuesBelowTarget(_ period: ClosedRange<Int32>) -> [ReportException] {
        let s = aggregates.settings
        let start = local(period.lowerBound, secondOfDay: 0)
        let end = local(period.upperBound, secondOfDay: 86_400)
        return aggregates.byQueue.flatMap { queue, acc -> [ReportException] in
            let eligible = acc.offered - acc.shortAbandoned
            guard eligible >= settings.minQueueOffered else { return [] }
            let own = s.target(queue: symbols[queue])
            func exception(figure: String, value: Double, target: Double, affected: Int) -> ReportException {
                ReportException(
                    kind: .queueBelowTarget, from: start.iso, to: end.iso,
                    day: CivilDate(dayNumber: Int(period.lowerBound)).description, fromClock: start.clock,
                    toClock: end.clock, queue: symbols[queue], figure: figure, value: value, usualDays: 0,
                    target: target, callsAffected: affected, offered: acc.offered, abandoned: acc.abandoned,
                    longestWaitSeconds: acc.longestWait.map { Int(($0 + 999) / 1000) },
                    thresholdSeconds: own.thresholdSeconds == s.serviceLevelSeconds ? nil : own.thresholdSeconds)
            }
            var found: [ReportException] = []
            let level = Double(acc.answeredWithinThreshold) / Double(eligible)
            if level < own.serviceLevelTarget {
                found.append(
                    exception(
                        figure: "service_level", value: level, target: own.serviceLevelTarget,
                        affected: eligible - acc.answeredWithinThreshold))
            }
            let abandonment = Double(acc.abandoned) / Double(eligible)
            if let limit = own.abandonmentTarget, abandonment > limit {
                // Calls affected: those abandoned beyond what the target allows.
                let allowed = Int((limit * Double(eligible)).rounded(.down))
                found.append(
                    exception(
                        figure: "abandonment_rate", value: abandonment, target: limit, affected: acc.abandoned - allowed
                    ))
            }
            return found
        }
    }
}
