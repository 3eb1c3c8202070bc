import HotlineModel

/// The groups of ``ReportStrings``: section titles, column titles, headline figures, exceptions, table notes,
/// tickets, data quality, the nightly index.
extension ReportStrings {
    /// Section titles; where the HTML report's title says more, an `html` entry of its own.
    public struct Sections: Sendable {
        public var needsAttention: String
        public var headline: String
        public var queues: String
        public var tickets: String
        public var queueLoad: String
        public var days: String
        public var categories: String
        public var agents: String
        public var staffing: String
        public var htmlStaffing: String
        public var staffingByWeekday: String
        public var busiestHours: String
        public var htmlHeatmap: String
        public var waits: String
        public var dataQuality: String
        public var ticketsByCategory: String
        public var ticketsByPriority: String
        public var slaBreaches: String
        public var htmlSLA: String
        public var resolution: String
        public var ticketsByDay: String
        public var htmlBacklog: String
        public var serviceLevelMap: String
    }

    /// One title per table column, each table taking the ones it shows. An Excel sheet takes its column titles from
    /// here too (``ReportStrings/columns``).
    public struct Columns: Sendable {
        public var start: String
        public var date: String
        public var weekday: String
        public var hour: String
        public var all: String
        public var offered: String
        public var answered: String
        public var abandoned: String
        public var shortAbandoned: String
        public var serviceLevel: String
        public var abandonment: String
        public var asa: String
        public var waitP90: String
        public var aht: String
        public var csat: String
        public var peak: String
        public var repeatCalls: String
        public var share: String
        public var satisfied: String
        public var categoryAndSubcategory: String
        public var category: String
        public var queue: String
        public var agent: String
        public var handleTime: String
        public var transfer: String
        public var loggedIn: String
        public var paused: String
        public var occupancy: String
        public var rangNoAnswer: String
        public var callsPerDay: String
        public var required: String
        public var observed: String
        public var gap: String
        public var serviceLevelAtRequired: String
        public var asaAtRequired: String
        public var file: String
        public var format: String
        public var encoding: String
        public var records: String
        public var accepted: String
        public var rejected: String
        public var field: String
        public var value: String
        public var calls: String
        public var created: String
        public var solved: String
        public var backlog: String
        public var firstReplyP50: String
        public var resolutionP50: String
        public var resolutionP90: String
        public var slaBreaches: String
        public var reopened: String
        public var ticketSatisfied: String
        public var priority: String
        public var within: String
        public var thisPeriod: String
        public var previous: String
        public var change: String
    }

    /// The headline figures, by the metrics' keys.
    public struct FigureLabels: Sendable {
        public var offered: String
        public var answered: String
        /// The service-level threshold in seconds.
        public var serviceLevel: @Sendable (Int) -> String
        /// The short-abandon threshold in seconds.
        public var abandonment: @Sendable (Int) -> String
        public var asa: String
        public var waitP90: String
        public var aht: String
        public var csat: String
        /// The least score that counts as satisfied.
        public var csatSatisfied: @Sendable (Int) -> String
        /// The repeat window in hours.
        public var repeatCalls: @Sendable (Int) -> String
        public var transferRate: String
        public var ticketsCreated: String
        public var ticketsSolved: String
        /// The ticket clock: `business` or `calendar`.
        public var resolutionMedian: @Sendable (String) -> String
        public var resolutionP90: String
        public var firstReplyMedian: String
        public var slaBreaches: String
        public var backlog: String
        public var reopened: String
        public var ticketSatisfaction: String
    }

    /// What needs attention: when, what, how big (``ExceptionWording``).
    public struct ExceptionStrings: Sendable {
        public var nothingStandsOut: String
        public var textNote: String
        public var htmlNote: String
        /// Exceptions not listed: text, HTML.
        public var moreText: @Sendable (Int) -> String
        public var moreHTML: @Sendable (Int) -> String
        public var allDay: String
        public var wholePeriod: String
        /// A weekday and `MM-DD`.
        public var dated: @Sendable (String, String) -> String
        /// Service level: queue (nil: all), value, usual (nil: none), target.
        public var serviceLevel: @Sendable (String?, String, String?, String) -> String
        /// Calls not answered in the threshold: calls, seconds, abandoned (nil or 0: not said), longest wait.
        public var notAnswered: @Sendable (Int, Int, Int?, String?) -> String
        /// Abandonment: value, usual, limit; then abandoned of offered.
        public var abandonment: @Sendable (String, String?, String) -> String
        public var abandonedOf: @Sendable (Int, Int) -> String
        /// A queue's abandonment above its own target: queue, value, target; then calls abandoned beyond the
        /// target, all abandoned.
        public var queueAbandonment: @Sendable (String, String, String) -> String
        public var abandonedBeyond: @Sendable (Int, Int) -> String
        /// Offered calls against the usual: offered, usual, `+` or `-`, the difference.
        public var volume: @Sendable (Int, String, String, String) -> String
        /// A category's share: name, share, usual share, calls more.
        public var categoryShare: @Sendable (String, String, String, Int) -> String
        /// An IVR node's drop-off: node, drop-off, usual; then hung up there, entered it, hung up more than usual.
        public var ivrDropOff: @Sendable (String, String, String) -> String
        public var ivrHungUp: @Sendable (Int, Int, Int) -> String
        /// Ticket SLA breaches: rate, the compared period's rate; tickets more.
        public var ticketSLA: @Sendable (String, String) -> String
        public var ticketSLADetail: @Sendable (Int) -> String
        /// Backlog: now, at the end of the period compared.
        public var backlogJump: @Sendable (String, String) -> String
        /// Missing data: calls read, usual.
        public var missingData: @Sendable (Int, String) -> String
        public var missingDetail: String
    }

    /// The notes under and beside the call tables and charts.
    public struct NoteStrings: Sendable {
        /// Text: the load table's note for a period of this many days.
        public var loadNote: @Sendable (Int) -> String
        /// HTML: the load section's title for a period of this many days.
        public var htmlLoadTitle: @Sendable (Int) -> String
        public var quietIntervals: @Sendable (Int) -> String
        /// Text: satisfied scores (`4-5`), repeat window hours.
        public var categoriesNote: @Sendable (String, Int) -> String
        /// HTML: satisfied scores (`4-5`), repeat window hours.
        public var htmlCategoriesNote: @Sendable (String, Int) -> String
        public var agentsNote: String
        public var htmlAgentsNote: String
        public var agentsMore: @Sendable (Int) -> String
        /// Agents listed at each end, all agents.
        public var agentsShown: @Sendable (Int, Int) -> String
        /// Text: target, seconds.
        public var staffingNote: @Sendable (String, Int) -> String
        public var staffingObservedNote: String
        /// HTML: target, seconds, whether agents were observed.
        public var htmlStaffingNote: @Sendable (String, Int, Bool) -> String
        public var staffingByWeekdayNote: String
        public var htmlStaffingByWeekday: String
        /// A weekday and the days its mean is over.
        public var weekdayDays: @Sendable (String, Int) -> String
        /// A run short of agents: from, to, most agents short (0: enough seen), lowest service level.
        public var staffingRun: @Sendable (String, String, Int, String?) -> String
        /// The gap cell of an interval that missed its target with enough agents: text, HTML.
        public var gapMissed: String
        public var htmlGapMissed: String
        /// Text: the staffing table's title line: from, to, days, zone.
        public var staffingTitle: @Sendable (String, String, Int, String) -> String
        public var busiestNote: String
        /// Text: median, p90, p99.
        public var waitsNote: @Sendable (String, String, String) -> String
        /// HTML: median, p90, p99, longest, threshold seconds.
        public var htmlWaitsNote: @Sendable (String, String, String, String, Int) -> String
        /// A wait bucket: from, to (nil: open) seconds; text, chart.
        public var waitBucket: @Sendable (Int, Int?) -> String
        public var chartWaitBucket: @Sendable (Int, Int?) -> String
        /// The service-level map: target; a cell's date, clock, service level, calls.
        public var serviceLevelMapNote: @Sendable (String) -> String
        public var serviceLevelMapCell: @Sendable (String, String, String, Int) -> String
        /// Text: what a `!` after a figure means.
        public var offTargetMark: String
        /// A target: service level, threshold seconds, abandonment target (nil: none).
        public var target: @Sendable (String, Int, String?) -> String
        /// The rows held to targets of their own, `name: target` joined.
        public var ownTargets: @Sendable (String) -> String
        /// The HTML footer: service-level seconds, short-abandon seconds.
        public var footer: @Sendable (Int, Int) -> String
        public var chartDays: String
        public var chartLoad: String
        public var chartWaits: String
        public var chartResolution: String
        public var chartBacklog: String
        public var legendAnswered: String
        public var legendAbandoned: String
        public var legendOther: String
        public var legendServiceLevel: String
        public var legendTarget: @Sendable (String) -> String
        public var legendCreated: String
        public var legendBacklog: String
    }

    /// The ticket sections.
    public struct TicketStrings: Sendable {
        /// Business hours as the metrics describe them (`Mon-Fri 09:00-18:00`), in this language.
        public var businessHours: @Sendable (String) -> String
        /// Text: the clock note with business hours (nil: calendar time).
        public var clockNote: @Sendable (String?) -> String
        public var htmlClockNote: @Sendable (String?) -> String
        /// Text: solved, resolution times, first replies, breached, solved with a target, ratings.
        public var solvedLine: @Sendable (Int, Int, Int, Int, Int, Int) -> String
        /// HTML: solved, resolution times, first replies, ratings.
        public var htmlSolvedLine: @Sendable (Int, Int, Int, Int) -> String
        public var outsidePeriod: @Sendable (Int) -> String
        public var solvedWithoutTime: @Sendable (Int) -> String
        public var categoriesNote: String
        /// HTML: the satisfied scores (`4-5`).
        public var htmlCategoriesNote: @Sendable (String) -> String
        public var slaNote: String
        public var noTargets: String
        public var noneWithTarget: String
        /// The targets, each from ``slaTarget``: text, HTML.
        public var targets: @Sendable ([String]) -> String
        public var htmlTargets: @Sendable ([String]) -> String
        /// A target: category, priority (nil: any), first reply, resolution (formatted minutes; nil: none).
        public var slaTarget: @Sendable (CallCategory?, TicketPriority?, String?, String?) -> String
        /// Text: median, p90; HTML: the section title with them.
        public var resolutionNote: @Sendable (String, String) -> String
        public var htmlResolutionTitle: @Sendable (String, String) -> String
        /// A resolution bucket by its bounds in minutes, and the metrics' English label.
        public var resolutionBucket: @Sendable (Int, Int?, String) -> String
        public var byDayNote: String
    }

    /// The data-quality section and the input listing.
    public struct DataQualityStrings: Sendable {
        public var noneRejected: String
        public var allMatched: String
        /// Reasons with their counts, formatted.
        public var rejectedByReason: @Sendable ([String]) -> String
        public var firstRejects: String
        /// Text: records no rule matched.
        public var unmatched: @Sendable (Int) -> String
        public var htmlUnmatched: String
        public var moreUnmatched: @Sendable (Int) -> String
        /// A file's error and notes: path, message; text, HTML.
        public var error: @Sendable (String, String) -> String
        public var note: @Sendable (String, String) -> String
        public var htmlError: @Sendable (String, String) -> String
        public var htmlNote: @Sendable (String, String) -> String
        /// The files not listed: files, whether none is listed, records, rejected.
        public var listingSummary: @Sendable (Int, Bool, Int, Int) -> String
    }

    /// The nightly job's `index.html`.
    public struct IndexStrings: Sendable {
        public var title: String
        /// The service-level target.
        public var note: @Sendable (String) -> String
        public var day: String
        public var daily: String
        public var weekToDate: String
        public var monthToDate: String
        public var html: String
        public var text: String
        /// Why a day looks missing: calls read (0: none), the usual.
        public var missing: @Sendable (Int, Int?) -> String
    }
}
