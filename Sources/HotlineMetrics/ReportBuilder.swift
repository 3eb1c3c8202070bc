import HotlineModel

/// Turns the aggregates of a pass, and what ingest said about the inputs, into the ``Report`` model.
///
/// Orders are fixed so outputs are byte-identical for identical inputs: time-of-day slots and days in time
/// order (every day of the period, also those without calls); categories in taxonomy order; subcategories by
/// offered calls, then name; queues by name; table rows by their dimension values in the order given.
public struct ReportBuilder {
    public var aggregates: CallAggregates
    public var calendar: LocalCalendar
    public var symbols: SymbolTable
    public var inputs: [InputSummary]
    public var firstRejects: [Reject]
    public var unmatched: [(value: UnmatchedValue, count: Int)]
    /// First and last local day of other data read in the same run (tickets), so an open period covers it too.
    public var otherDays: (first: Int, last: Int)?
    /// The thresholds of the exceptions listed first in the report.
    public var exceptionSettings = ExceptionSettings()

    public init(
        aggregates: CallAggregates, calendar: LocalCalendar, symbols: SymbolTable, inputs: [InputSummary],
        firstRejects: [Reject], unmatched: [(value: UnmatchedValue, count: Int)]
    ) {
        self.aggregates = aggregates
        self.calendar = calendar
        self.symbols = symbols
        self.inputs = inputs
        self.firstRejects = firstRejects
        self.unmatched = unmatched
    }

    public func build() -> Report {
        let a = aggregates
        let settings = a.settings
        func figures(_ acc: CallAccumulator?) -> CallFigures {
            CallFigures(acc ?? CallAccumulator(), settings: settings)
        }
        let totals = figures(a.total)
        let fromDay = a.query.from?.dayNumber ?? [a.firstDay.map(Int.init), otherDays?.first].compactMap { $0 }.min()
        let toDay = a.query.to?.dayNumber ?? [a.lastDay.map(Int.init), otherDays?.last].compactMap { $0 }.max()
        let previous = a.query.previous

        var period = ReportPeriod(
            from: fromDay.map { CivilDate(dayNumber: $0) }, to: toDay.map { CivilDate(dayNumber: $0) },
            days: fromDay.flatMap { f in toDay.map { max(0, $0 - f + 1) } } ?? 0,
            timeZone: ZoneName.display(calendar.zone), intervalMinutes: settings.intervalMinutes,
            previousFrom: previous?.from, previousTo: previous?.to,
            repeatsProvisionalAfter: provisionalAfter(toDay: toDay),
            // Without day profiles (a report of tables only) the earlier period's days are not known; such a
            // report shows no comparison, so none is checked.
            comparisonPartial: a.query.keepsDayProfiles ? previous.flatMap { partialComparison($0) } : nil)
        if let fromDay, let toDay, fromDay <= toDay {
            period.utcOffsets = ZoneOffset.offsets(of: calendar, fromDay: fromDay, toDay: toDay)
        }

        let intervals = (0..<a.bySlot.count).map { slot in
            IntervalRow(
                start: Self.clock(slot * Int(calendar.intervalSeconds)), figures: figures(a.bySlot[slot]),
                peakWaiting: a.peakBySlot[slot])
        }
        var dayNumbers: [Int] = []
        if let fromDay, let toDay, toDay - fromDay <= 366 {
            dayNumbers = Array(fromDay...max(fromDay, toDay))
        } else {
            dayNumbers = a.byDay.keys.map(Int.init).sorted()
        }
        let days = dayNumbers.map { day in
            DayRow(
                date: CivilDate(dayNumber: day).description,
                weekday: CivilDate.weekdayNames[CivilDate.weekday(ofDayNumber: day)],
                figures: figures(a.byDay[Int32(day)]), peakWaiting: a.peakByDay[Int32(day)] ?? 0)
        }
        func share(_ n: Int) -> Double? { a.total.offered > 0 ? Double(n) / Double(a.total.offered) : nil }
        let categories = CallCategory.allCases.map { category in
            let subs = a.bySubcategory.filter { $0.key.category == category }
                .map { (name: symbols[$0.key.subcategory], acc: $0.value) }
                .sorted { $0.acc.offered != $1.acc.offered ? $0.acc.offered > $1.acc.offered : $0.name < $1.name }
                .map {
                    GroupRow(
                        name: $0.name, share: share($0.acc.offered), figures: figures($0.acc),
                        target: settings.target(category: category))
                }
            let acc = a.byCategory[category]
            return CategoryRow(
                category: category.name, chineseName: category.chineseName, share: share(acc?.offered ?? 0),
                figures: figures(acc), subcategories: subs, target: settings.target(category: category))
        }
        let queues = a.byQueue.map { (key: symbols[$0.key], name: DisplayText.cut(symbols[$0.key]), acc: $0.value) }
            .sorted { $0.name < $1.name }
            .map {
                GroupRow(
                    name: $0.name, share: share($0.acc.offered), figures: figures($0.acc),
                    target: settings.target(queue: $0.key))
            }

        let bounds: [(Int, Int?)] = [
            (0, 5), (6, 10), (11, 20), (21, 30), (31, 45), (46, 60), (61, 120), (121, 180), (181, 300), (301, 600),
            (601, nil),
        ]
        let waitDistribution = bounds.map { lower, upper in
            let n = a.total.waits.count(from: lower, to: upper.map { $0 + 1 })
            return WaitBucket(
                from: lower, to: upper, calls: n,
                share: a.total.waits.count > 0 ? Double(n) / Double(a.total.waits.count) : nil)
        }

        var report = Report(
            period: period, thresholds: settings,
            filters: ReportFilters(
                queues: a.query.queues.sorted(), categories: a.query.categories.sorted().map(\.name)),
            headline: headline(
                current: totals, previous: previous == nil ? nil : figures(a.previous),
                comparable: period.comparisonPartial == nil, provisional: period.repeatsProvisionalAfter != nil),
            totals: totals, intervals: intervals, days: days, heatmap: a.heatmap, categories: categories,
            queues: queues, staffing: staffing(intervals: intervals, days: period.days),
            staffingByWeekday: staffingByWeekday(dayNumbers), agents: agents(),
            waitDistribution: waitDistribution, table: table(),
            exceptions: ExceptionFinder(
                aggregates: a, calendar: calendar, symbols: symbols, settings: exceptionSettings,
                period: fromDay.flatMap { f in toDay.map { Int32(f)...Int32(max(f, $0)) } }
            ).find(),
            serviceLevelByDay: dayNumbers.count > 62 ? [] : dayNumbers.map { slots(of: $0) }, warnings: warnings(),
            dataQuality: dataQuality())
        report.ivr = IVRSection(a.ivr)
        return report
    }

    /// The wall-clock slots of a day of the period: offered calls and service level.
    private func slots(of day: Int) -> DaySlots {
        let cells = aggregates.profiles.cells(of: Int32(day)).map(Array.init) ?? []
        return DaySlots(
            date: CivilDate(dayNumber: day).description,
            weekday: CivilDate.weekdayNames[CivilDate.weekday(ofDayNumber: day)],
            offered: cells.map { Int($0.offered) }, serviceLevel: cells.map(\.serviceLevel))
    }

    /// A filter or period that matched no call, naming what the data holds (a typo in `--queue` is not a quiet
    /// day).
    private func warnings() -> [String] {
        let a = aggregates
        guard let read = a.daysRead else { return [] }
        var warnings: [String] = []
        let queuesRead = a.queuesRead.map { symbols[$0] }.filter { !$0.isEmpty }.sorted()
        for queue in a.query.queues.sorted() where !queuesRead.contains(queue) {
            warnings.append("queue '\(queue)' matched no call; queues read: \(queuesRead.joined(separator: ", "))")
        }
        for category in a.query.categories where (a.byCategory[category]?.offered ?? 0) == 0 {
            warnings.append("category '\(category.name)' matched no call in the period and filters")
        }
        if let from = a.query.from, let to = a.query.to, a.total.offered == 0 {
            let span = "\(CivilDate(dayNumber: Int(read.lowerBound))) .. \(CivilDate(dayNumber: Int(read.upperBound)))"
            if Int(read.upperBound) < from.dayNumber || Int(read.lowerBound) > to.dayNumber {
                warnings.append("no call falls in \(from) .. \(to); the calls read span \(span)")
            }
        }
        return warnings
    }

    /// Why the previous period cannot be compared whole: it has calls on fewer days, or in fewer queues, than the
    /// period (an export missing there, a queue added since); nil when it can.
    private func partialComparison(_ previous: (from: CivilDate, to: CivilDate)) -> String? {
        let a = aggregates
        let range = Int32(previous.from.dayNumber)...Int32(previous.to.dayNumber)
        let before = a.profiles.days.filter { range.contains($0) }.count
        let now = a.byDay.values.filter { $0.offered > 0 }.count
        if before < now {
            return "the earlier period has calls on \(before) of its days, this one on \(now): no changes shown"
        }
        let queues = a.byQueue.filter { $0.value.offered > 0 }.count
        if a.previousQueues.count < queues {
            return
                "the earlier period has calls in \(a.previousQueues.count) queues, this one in \(queues): no changes shown"
        }
        return nil
    }

    /// The local time after which repeat figures are provisional, when that is inside the period.
    private func provisionalAfter(toDay: Int?) -> String? {
        guard let instant = aggregates.repeatsProvisionalAfter, let toDay else { return nil }
        let t = instant.seconds
        guard t < calendar.startOfDay(toDay + 1) else { return nil }
        let (second, offset) = calendar.wallClock(atSecond: t)
        let day = CivilDate(dayNumber: Int((t + offset).floorDivided(by: 86400)))
        return "\(day) \(Self.clock(second))"
    }

    // MARK: - Staffing

    /// Erlang C per slot of the mean day of each weekday, where the period holds at least two of every weekday
    /// (a mean day averages the busy Mondays with the quiet Sundays); empty otherwise.
    private func staffingByWeekday(_ dayNumbers: [Int]) -> [WeekdayStaffing] {
        let a = aggregates
        let targets = staffingTargets()
        let byWeekday = Dictionary(grouping: dayNumbers) { CivilDate.weekday(ofDayNumber: $0) }
        guard (0..<7).allSatisfy({ (byWeekday[$0]?.count ?? 0) >= 2 }) else { return [] }
        let slots = a.bySlot.count
        let anyAgent = a.agentDaysBySlot.contains { $0 > 0 }
        let overallAHT = a.total.answered > 0 ? Double(a.total.handleTimeSum) / Double(a.total.answered) / 1000 : nil
        return (0..<7).map { weekday in
            let days = byWeekday[weekday] ?? []
            var cells = Array(repeating: DayProfiles.Cell(), count: slots)
            for day in days {
                for (i, cell) in (a.profiles.cells(of: Int32(day)) ?? []).enumerated() where i < slots {
                    cells[i].merge(cell)
                }
            }
            let n = Double(days.count)
            let rows = (0..<slots).map { slot in
                let perDay = Double(cells[slot].offered) / n
                let slotCalls = a.bySlot[slot]
                let aht =
                    slotCalls.answered > 0
                    ? Double(slotCalls.handleTimeSum) / Double(slotCalls.answered) / 1000 : overallAHT
                let model = erlangC(calls: perDay, ahtSeconds: aht ?? 0, targets: targets)
                let seen =
                    weekday < a.agentDaysByWeekdaySlot.count && slot < a.agentDaysByWeekdaySlot[weekday].count
                    ? Double(a.agentDaysByWeekdaySlot[weekday][slot]) / n : 0
                return StaffingRow(
                    start: Self.clock(slot * Int(calendar.intervalSeconds)), callsPerDay: perDay, ahtSeconds: aht,
                    requiredAgents: model.agents, serviceLevel: model.serviceLevel, asaSeconds: model.asaSeconds,
                    occupancy: model.occupancy, observedAgents: anyAgent ? seen : nil,
                    observedServiceLevel: cells[slot].serviceLevel)
            }
            return WeekdayStaffing(weekday: CivilDate.weekdayNames[weekday], days: days.count, rows: rows)
        }
    }

    /// The targets the period's calls are held to: each queue with calls by its own, the rest by their
    /// categories' (or the default). One line of agents answers every class from one queue, so all share one wait
    /// distribution: it meets every class's target when it meets the hardest (`erlangC`).
    private func staffingTargets() -> [ServiceTarget] {
        let s = aggregates.settings
        guard !s.targets.isEmpty else { return [s.defaultTarget] }
        var found = Set<ServiceTarget>()
        var uncovered = false
        for (queue, acc) in aggregates.byQueue where acc.offered > 0 {
            if let own = s.targets.queues[symbols[queue]] {
                found.insert(s.defaultTarget.applying(own))
            } else {
                uncovered = true
            }
        }
        if uncovered {
            for (category, acc) in aggregates.byCategory where acc.offered > 0 {
                found.insert(s.target(category: category))
            }
        }
        if found.isEmpty { found.insert(s.defaultTarget) }
        return found.sorted {
            ($0.thresholdSeconds, -$0.serviceLevelTarget) < ($1.thresholdSeconds, -$1.serviceLevelTarget)
        }
    }

    /// Erlang C for the hardest of `targets`: the most agents any of them needs.
    private func erlangC(calls: Double, ahtSeconds: Double, targets: [ServiceTarget]) -> ErlangC.Staffing {
        var best: ErlangC.Staffing?
        for t in targets {
            let model = ErlangC.staffing(
                calls: calls, intervalSeconds: Double(calendar.intervalSeconds), ahtSeconds: ahtSeconds,
                thresholdSeconds: Double(t.thresholdSeconds), target: t.serviceLevelTarget)
            if best.map({ model.agents > $0.agents }) ?? true { best = model }
        }
        return best
            ?? ErlangC.staffing(
                calls: calls, intervalSeconds: Double(calendar.intervalSeconds), ahtSeconds: ahtSeconds,
                thresholdSeconds: Double(aggregates.settings.serviceLevelSeconds),
                target: aggregates.settings.serviceLevelTarget)
    }

    /// Erlang C per time-of-day slot over the mean day of the period.
    private func staffing(intervals: [IntervalRow], days: Int) -> [StaffingRow] {
        let targets = staffingTargets()
        let dayCount = Double(max(1, days))
        let anyAgent = aggregates.agentDaysBySlot.contains { $0 > 0 }
        let total = aggregates.total
        let overallAHT = total.answered > 0 ? Double(total.handleTimeSum) / Double(total.answered) / 1000 : nil
        return intervals.enumerated().map { slot, row in
            let perDay = Double(row.figures.offered) / dayCount
            // A slot without answered calls borrows the period's handle time.
            let aht = row.figures.ahtSeconds ?? overallAHT
            let model = erlangC(calls: perDay, ahtSeconds: aht ?? 0, targets: targets)
            let observed =
                slot < aggregates.agentDaysBySlot.count ? Double(aggregates.agentDaysBySlot[slot]) / dayCount : 0
            return StaffingRow(
                start: row.start, callsPerDay: perDay, ahtSeconds: aht, requiredAgents: model.agents,
                serviceLevel: model.serviceLevel, asaSeconds: model.asaSeconds, occupancy: model.occupancy,
                observedAgents: anyAgent ? observed : nil, observedServiceLevel: row.figures.serviceLevel)
        }
    }

    // MARK: - Agents

    private func agents() -> [AgentRow] {
        let a = aggregates
        let names = Set(a.byAgent.keys).union(a.agentActivity.keys)
        return names.map { agent -> AgentRow in
            let acc = a.byAgent[agent] ?? CallAccumulator()
            let activity = a.agentActivity[agent]
            let available = activity.map { $0.loggedIn - $0.paused }
            return AgentRow(
                name: DisplayText.cut(symbols[agent]), figures: CallFigures(acc, settings: a.settings),
                loggedInSeconds: activity.map { Double($0.loggedIn) / 1000 },
                pausedSeconds: activity.map { Double($0.paused) / 1000 },
                occupancy: available.flatMap { $0 > 0 ? Double(acc.handleTimeSum) / Double($0) : nil },
                ringNoAnswer: activity?.ringNoAnswer ?? 0)
        }.sorted { $0.name < $1.name }
    }

    // MARK: - Headline

    /// The headline: each figure with its change, judged for the caller (docs/METRICS.md, "Comparisons"). Waits
    /// of answered calls are neutral when abandonment rose (callers who gave up are not in them); provisional
    /// repeat calls and a partial previous period show no change.
    private func headline(current: CallFigures, previous: CallFigures?, comparable: Bool, provisional: Bool)
        -> [HeadlineFigure]
    {
        let s = aggregates.settings
        func item(
            _ key: HeadlineKey, _ label: String, _ kind: FigureKind, _ direction: FigureDirection,
            _ value: (CallFigures) -> Double?, target: Double? = nil
        ) -> HeadlineFigure {
            var figure = HeadlineFigure(
                key: key, label: label, kind: kind, value: value(current), previous: previous.flatMap(value),
                target: target, direction: direction)
            if !comparable { figure.change = nil }
            return figure
        }
        var figures = [
            item(.offered, "Offered", .count, .neutral) { Double($0.offered) },
            item(.answered, "Answered", .count, .neutral) { Double($0.answered) },
            item(
                .serviceLevel, "Service level (\(s.serviceLevelSeconds) s)", .rate, .higherIsBetter,
                { $0.serviceLevel }, target: s.serviceLevelTarget),
            item(.abandonment, "Abandonment (>= \(s.shortAbandonSeconds) s)", .rate, .lowerIsBetter) {
                $0.abandonmentRate
            },
            item(.asa, "Average speed of answer", .seconds, .lowerIsBetter) { $0.asaSeconds },
            item(.waitP90, "Wait, 90th percentile", .seconds, .lowerIsBetter) {
                $0.waitP90Seconds.map(Double.init)
            },
            item(.aht, "Average handle time", .seconds, .neutral) { $0.ahtSeconds },
            item(.csat, "CSAT (1-5)", .score, .higherIsBetter) { $0.csatMean },
            item(.csatSatisfied, "CSAT satisfied (>= \(s.satisfiedScore))", .rate, .higherIsBetter) {
                $0.csatSatisfied
            },
            item(.repeatCalls, "Repeat calls (\(s.repeatWindowHours) h)", .rate, .lowerIsBetter) {
                $0.repeatCallRate
            },
            item(.transferRate, "Transfer rate", .rate, .lowerIsBetter) { $0.transferRate },
        ]
        let abandonmentRose = (figures.first { $0.key == .abandonment }?.change ?? 0) > 0
        for i in figures.indices {
            if abandonmentRose && (figures[i].key == .asa || figures[i].key == .waitP90) {
                figures[i].direction = .neutral
            }
            if provisional && figures[i].key == .repeatCalls {
                figures[i].provisional = true
                figures[i].change = nil
            }
        }
        return figures
    }

    // MARK: - The --by table

    private func table() -> ReportTable {
        let dims = aggregates.query.callDimensions
        let hasDate = dims.contains(.date)
        let rows = aggregates.byRow.sorted { lhs, rhs in
            for dim in dims {
                let (l, r) = (lhs.key, rhs.key)
                switch dim {
                case .date where l.day != r.day: return l.day < r.day
                case .interval where l.interval != r.interval: return l.interval < r.interval
                case .hour where l.hour != r.hour: return l.hour < r.hour
                case .weekday where l.weekday != r.weekday: return l.weekday < r.weekday
                case .category where l.category != r.category: return l.category < r.category
                case .queue where l.queue != r.queue: return symbols[l.queue] < symbols[r.queue]
                case .subcategory where l.subcategory != r.subcategory:
                    return symbols[l.subcategory] < symbols[r.subcategory]
                case .agent where l.agent != r.agent: return symbols[l.agent] < symbols[r.agent]
                case .ivrPath where l.ivrPath != r.ivrPath: return symbols[l.ivrPath] < symbols[r.ivrPath]
                case .ivrNode where l.ivrNode != r.ivrNode: return symbols[l.ivrNode] < symbols[r.ivrNode]
                default: continue
                }
            }
            // A total order, so equal-looking rows never come out in hash order.
            let (l, r) = (lhs.key, rhs.key)
            return (l.day, l.interval, l.hour, l.weekday, l.category) < (
                r.day, r.interval, r.hour, r.weekday, r.category
            )
                || ((l.day, l.interval, l.hour, l.weekday, l.category) == (
                    r.day, r.interval, r.hour, r.weekday, r.category
                )
                    && (
                        l.queue.rawValue, l.subcategory.rawValue, l.agent.rawValue, l.ivrPath.rawValue,
                        l.ivrNode.rawValue
                    )
                        < (
                            r.queue.rawValue, r.subcategory.rawValue, r.agent.rawValue, r.ivrPath.rawValue,
                            r.ivrNode.rawValue
                        ))
        }
        return ReportTable(
            dimensions: dims.map(\.rawValue),
            rows: rows.map { key, acc in
                TableRow(
                    keys: dims.map { value(of: $0, in: key, hasDate: hasDate) },
                    figures: CallFigures(acc, settings: aggregates.settings))
            })
    }

    private func value(of dim: Dimension, in key: RowKey, hasDate: Bool) -> String {
        switch dim {
        case .date: return CivilDate(dayNumber: Int(key.day)).description
        case .interval:
            guard hasDate else { return Self.clock(Int(key.interval) * Int(calendar.intervalSeconds)) }
            // The wall-clock start; on a daylight-saving day with its offset, as 01:00 happens twice.
            let day = Int(key.day)
            let start = calendar.startOfDay(day) + Int64(key.interval) * calendar.intervalSeconds
            let (second, offset) = calendar.wallClock(atSecond: start)
            let label = Self.clock(second)
            return calendar.lengthOfDay(day) == 86400 ? label : label + Self.offsetText(offset)
        case .hour: return key.hour < 10 ? "0\(key.hour)" : "\(key.hour)"
        case .weekday: return CivilDate.weekdayNames[Int(key.weekday)]
        case .queue: return DisplayText.cut(symbols[key.queue])
        case .category: return CallCategory(rawValue: key.category)?.name ?? ""
        case .subcategory: return symbols[key.subcategory]
        case .agent: return DisplayText.cut(symbols[key.agent])
        case .ivrPath: return symbols[key.ivrPath]
        case .ivrNode: return symbols[key.ivrNode]
        case .priority, .channel, .group, .assignee: return ""  // not a calls dimension (callDimensions)
        }
    }

    // MARK: - Data quality

    private func dataQuality() -> DataQuality {
        var byKind: [RejectKind: Int] = [:]
        for input in inputs { byKind.merge(input.rejectedByKind, uniquingKeysWith: +) }
        let reasons = byKind.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { ReasonCount(reason: $0.key.rawValue, count: $0.value) }
        return DataQuality(
            inputs: inputs.map {
                InputRow(
                    path: $0.path, format: $0.format?.rawValue ?? "", encoding: $0.encoding, records: $0.records,
                    accepted: $0.accepted,
                    rejected: $0.rejected, error: $0.error?.reason, notes: $0.notes)
            },
            records: inputs.reduce(0) { $0 + $1.records }, accepted: inputs.reduce(0) { $0 + $1.accepted },
            rejected: inputs.reduce(0) { $0 + $1.rejected }, filesFailed: inputs.filter { $0.error != nil }.count,
            callsOutsidePeriod: aggregates.outside,
            rejectsByReason: reasons, firstRejects: firstRejects.map(\.description),
            unmatched: unmatched.map { UnmatchedCount(field: $0.value.field, value: $0.value.value, count: $0.count) })
    }

    // MARK: - Labels

    static func clock(_ secondOfDay: Int) -> String {
        let h = secondOfDay / 3600
        let m = secondOfDay % 3600 / 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    static func offsetText(_ offset: Int64) -> String {
        let sign = offset < 0 ? "-" : "+"
        let magnitude = Int(abs(offset))
        return sign + clock(magnitude)
    }
}
