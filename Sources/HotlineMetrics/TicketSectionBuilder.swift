import HotlineModel

/// Turns a ``TicketAggregator`` into the ``TicketSection`` of the report, over the report's days.
///
/// Orders are fixed: days in time order, categories in taxonomy order, subcategories by created then name,
/// priorities urgent to none, SLA cells by category then priority, table rows by their dimension values.
public struct TicketSectionBuilder {
    public var aggregator: TicketAggregator
    public var symbols: SymbolTable
    /// The report's first and last local day (nil: no data and no bounds).
    public var fromDay: Int?
    public var toDay: Int?

    public init(aggregator: TicketAggregator, symbols: SymbolTable, fromDay: Int?, toDay: Int?) {
        self.aggregator = aggregator
        self.symbols = symbols
        self.fromDay = fromDay
        self.toDay = toDay
    }

    public func build() -> TicketSection {
        let a = aggregator
        let end = Int32(toDay ?? Int(a.lastDay ?? 0))
        let totals = TicketFigures(a.total, backlog: a.backlogChanges.total(through: end))
        var previousBacklog: Int?
        if let previous = a.query.previous {
            previousBacklog = a.backlogChanges.total(through: Int32(previous.to.dayNumber))
        }
        let previous = a.query.previous == nil ? nil : TicketFigures(a.previous, backlog: previousBacklog)

        var days: [TicketDayRow] = []
        if let fromDay, let toDay, toDay - fromDay <= 366, toDay >= fromDay {
            var open = a.backlogChanges.total(through: Int32(fromDay - 1))
            for day in fromDay...toDay {
                open += a.backlogChanges[Int32(day)]
                let acc = a.byDay[Int32(day)]
                days.append(
                    TicketDayRow(
                        date: CivilDate(dayNumber: day).description,
                        weekday: CivilDate.weekdayNames[CivilDate.weekday(ofDayNumber: day)], created: acc.created,
                        solved: acc.solved, backlog: open))
            }
        }
        let categories = CallCategory.allCases.map { category -> TicketGroupRow in
            let keys = a.subcategoryIndex.keys.filter { $0.category == category && !$0.subcategory.isNone }
            var subs: [(name: String, acc: TicketAccumulator)] = keys.map { key in
                (symbols[key.subcategory], a.subcategory(category, key.subcategory) ?? TicketAccumulator())
            }
            subs.sort { $0.acc.created != $1.acc.created ? $0.acc.created > $1.acc.created : $0.name < $1.name }
            let i = Int(category.rawValue)
            return TicketGroupRow(
                name: category.name,
                figures: TicketFigures(a.byCategory[i], backlog: a.categoryBacklogChanges[i].total(through: end)),
                subcategories: subs.map {
                    TicketGroupRow(name: $0.name, figures: TicketFigures($0.acc, backlog: nil), subcategories: nil)
                })
        }
        let priorities = TicketPriority.allCases.compactMap { priority -> TicketGroupRow? in
            let i = Int(priority.rawValue)
            let backlog = a.priorityBacklogChanges[i].total(through: end)
            let acc = a.byPriority[i]
            guard !acc.isEmpty || backlog > 0 else { return nil }
            return TicketGroupRow(
                name: priority.name, figures: TicketFigures(acc, backlog: backlog), subcategories: nil)
        }
        var sla: [SLACell] = []
        for category in CallCategory.allCases {
            for priority in TicketPriority.allCases {
                let acc = a.byCell[Int(category.rawValue) * TicketPriority.allCases.count + Int(priority.rawValue)]
                guard acc.slaWithTarget > 0 else { continue }
                sla.append(
                    SLACell(
                        category: category.name, priority: priority.name, withTarget: acc.slaWithTarget,
                        breached: acc.slaBreached, breachRate: Double(acc.slaBreached) / Double(acc.slaWithTarget)))
            }
        }
        let bounds: [(String, Int, Int?)] = [
            ("< 1 h", 0, 60), ("1-4 h", 60, 240), ("4-8 h", 240, 480), ("8-24 h", 480, 1440), ("1-2 d", 1440, 2880),
            ("2-3 d", 2880, 4320), ("3-7 d", 4320, 10080), ("> 7 d", 10080, nil),
        ]
        // A time of exactly 60 minutes is "within 1 h": buckets hold (from, to] minutes, as the percentiles do.
        let distribution = bounds.map { label, lower, upper in
            ResolutionBucket(
                label: label, fromMinutes: lower, toMinutes: upper,
                counts: CallCategory.allCases.map { category in
                    a.resolutionByCategory[Int(category.rawValue)].count(
                        from: lower == 0 ? 0 : lower + 1, to: upper.map { $0 + 1 })
                })
        }
        let s = a.settings
        return TicketSection(
            clock: s.clock, businessHours: s.businessHours?.description,
            slaTargets: s.slaTargets.map {
                SLATargetRow(
                    category: $0.category?.name, priority: $0.priority?.name, firstReplyMinutes: $0.firstReplyMinutes,
                    resolutionMinutes: $0.resolutionMinutes)
            },
            headline: headline(totals, previous), totals: totals, days: days, categories: categories,
            priorities: priorities, sla: sla, resolutionDistribution: distribution, table: table(end: end),
            outsidePeriod: a.outsidePeriod, solvedWithoutTime: a.solvedWithoutTime)
    }

    private func headline(_ now: TicketFigures, _ before: TicketFigures?) -> [HeadlineFigure] {
        let clock = aggregator.settings.clock
        func item(
            _ key: HeadlineKey, _ label: String, _ kind: FigureKind, _ direction: FigureDirection,
            _ value: (TicketFigures) -> Double?
        ) -> HeadlineFigure {
            HeadlineFigure(
                key: key, label: label, kind: kind, value: value(now), previous: before.flatMap(value),
                direction: direction)
        }
        return [
            item(.ticketsCreated, "Tickets created", .count, .neutral) { Double($0.created) },
            item(.ticketsSolved, "Tickets solved", .count, .neutral) { Double($0.solved) },
            item(.resolutionMedian, "Resolution, median (\(clock))", .minutes, .lowerIsBetter) {
                $0.resolutionP50Minutes.map(Double.init)
            },
            item(.resolutionP90, "Resolution, 90th percentile", .minutes, .lowerIsBetter) {
                $0.resolutionP90Minutes.map(Double.init)
            },
            item(.firstReplyMedian, "First reply, median", .minutes, .lowerIsBetter) {
                $0.firstReplyP50Minutes.map(Double.init)
            },
            item(.slaBreaches, "SLA breaches", .rate, .lowerIsBetter) { $0.slaBreachRate },
            item(.backlog, "Backlog at period end", .count, .lowerIsBetter) { $0.backlog.map(Double.init) },
            item(.reopened, "Reopened", .rate, .lowerIsBetter) { $0.reopenRate },
            item(.ticketSatisfaction, "Ticket satisfaction", .rate, .higherIsBetter) { $0.satisfaction },
        ]
    }

    private func table(end: Int32) -> TicketTable {
        let a = aggregator
        let dims = a.query.ticketDimensions
        let hasDate = dims.contains(.date)
        let hasWeekday = dims.contains(.weekday)
        func text(_ dim: Dimension, _ key: TicketAggregator.RowKey) -> String {
            switch dim {
            case .date: CivilDate(dayNumber: Int(key.day)).description
            case .weekday: CivilDate.weekdayNames[Int(key.weekday)]
            case .category: CallCategory(rawValue: key.category)?.name ?? ""
            case .subcategory: symbols[key.subcategory]
            case .priority: TicketPriority(rawValue: key.priority)?.name ?? ""
            case .channel: DisplayText.cut(symbols[key.channel])
            case .group: DisplayText.cut(symbols[key.group])
            case .assignee, .agent: DisplayText.cut(symbols[key.assignee])
            case .interval, .hour, .queue, .ivrPath, .ivrNode: ""
            }
        }
        func order(_ dim: Dimension, _ l: TicketAggregator.RowKey, _ r: TicketAggregator.RowKey) -> Bool? {
            switch dim {
            case .date where l.day != r.day: l.day < r.day
            case .weekday where l.weekday != r.weekday: l.weekday < r.weekday
            case .category where l.category != r.category: l.category < r.category
            case .priority where l.priority != r.priority: l.priority < r.priority
            case .date, .weekday, .category, .priority, .interval, .hour, .queue, .ivrPath, .ivrNode: nil
            default:
                text(dim, l) != text(dim, r) ? text(dim, l) < text(dim, r) : nil
            }
        }
        let rows = zip(a.rowIndex.keys, a.byRow).sorted { lhs, rhs in
            for dim in dims { if let less = order(dim, lhs.0, rhs.0) { return less } }
            return false
        }
        return TicketTable(
            dimensions: dims.map { $0 == .agent ? "assignee" : $0.rawValue },
            rows: rows.map { key, acc in
                var undated = key
                undated.day = 0
                undated.weekday = 0
                // The backlog of a dated row is at the end of its day; of an undated one at the period's end; a
                // weekday row has no single day end.
                let backlog: Int? =
                    hasWeekday
                    ? nil
                    : (a.backlogChanges(ofRow: undated)?.total(through: hasDate ? key.day : end) ?? 0)
                return TicketTableRow(
                    keys: dims.map { text($0, key) }, figures: TicketFigures(acc, backlog: backlog))
            })
    }
}
