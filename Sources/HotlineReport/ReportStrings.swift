import HotlineModel

/// Every word the text and HTML reports print, and the workbook's sheet names and column titles, in one language: a
/// renderer asks its ``ReportStrings`` and never writes a phrase of its own.
///
/// Two instances, ``english`` and ``chinese`` (`ReportStrings+English.swift`, `ReportStrings+Chinese.swift`), built
/// with the memberwise initializer: a phrase added here and left out of either is a compile error, not a silent
/// English fallback. Phrases with figures are functions of them, already formatted by the caller (`80.0%`, `0:16`)
/// unless they take a raw number. JSON keys and CSV column names are not here: they stay English.
public struct ReportStrings: Sendable {
    /// What a count counts, for ``counted``: an English noun with its plural, a Chinese measure word.
    public enum Noun: Sendable {
        case call, ticket, file, moreFile, record, rating, shortAbandon, callback, resolutionTime, day
    }

    // MARK: Units and dates

    /// The HTML `lang` attribute.
    public var htmlLang: String
    /// `3,905 calls`, `1 file` / `3,905 通来电`.
    public var counted: @Sendable (Int, Noun) -> String
    /// A threshold in seconds: `20 s` / `20秒`.
    public var seconds: @Sendable (Int) -> String
    /// A window in hours: `72 h` / `72小时`.
    public var hours: @Sendable (Int) -> String
    /// Monday first, as short as a table column takes them.
    public var weekdays: [String]
    /// A day in a title or a sentence: `2026-11-10 (Tue)` / `2026年11月10日 (周二)`.
    public var day: @Sendable (CivilDate) -> String
    /// A date in a table column, next to its weekday: `2026-11-10` / `11-10`.
    public var tableDate: @Sendable (CivilDate) -> String
    /// A period of several days: from, to, the number of days (nil: not shown), the separator of the format.
    public var span: @Sendable (CivilDate, CivilDate, Int?, String) -> String
    /// Whole minutes of a ticket time: `45m`, `5h07`, `3d 04h` / `45分钟`, `5小时07分`, `3天04小时`.
    public var minutes: @Sendable (Int) -> String
    /// After a change of a rate, in points: ` pp` / `个百分点`.
    public var points: String
    /// A clock range: `09:45-12:00`.
    public var clockRange: @Sendable (String, String) -> String
    /// What `no data` says where a period has no day.
    public var noData: String
    /// A category of the taxonomy by its key (`payment`), as the report names it.
    public var category: @Sendable (CallCategory) -> String
    /// A ticket priority by its key (`urgent`).
    public var priority: @Sendable (TicketPriority) -> String
    /// A value read that is empty: `(unspecified)` subcategory.
    public var unspecified: String
    /// A call with no queue.
    public var noQueue: String
    /// `ok` in a staffing row that had the agents it needed.
    public var ok: String

    // MARK: The header

    /// The text title: calls only, calls and tickets, tickets only.
    public var textTitle: @Sendable (_ calls: Bool, _ tickets: Bool) -> String
    /// The HTML title and `<h1>`: calls, tickets, both; then the span.
    public var htmlTitle: @Sendable (_ calls: Bool, _ tickets: Bool, _ span: String) -> String
    /// The `<title>` of the HTML file.
    public var htmlDocumentTitle: @Sendable (String) -> String
    /// The nightly job's navigation: day before, all reports, day after.
    public var navigation: (previous: String, index: String, next: String)
    /// A day whose call data looks missing: the day, calls read, the usual number (formatted).
    public var alarm: @Sendable (String, Int, String) -> String
    /// Text: zone, interval minutes, service-level seconds, target; then short-abandon seconds, repeat hours.
    public var textSettings: @Sendable (String, Int, Int, String) -> String
    public var textRates: @Sendable (Int, Int) -> String
    /// Text, tickets only: the zone.
    public var textZone: @Sendable (String) -> String
    /// HTML: days, zone; and with calls, interval minutes, service-level seconds, target.
    public var htmlDays: @Sendable (Int, String) -> String
    public var htmlSettings: @Sendable (Int, Int, String) -> String
    /// What the changes compare with: the previous period's first and last day, the period's days, whether the
    /// comparison is partial (no changes shown) and the English reason why.
    public var comparison: @Sendable (CivilDate, CivilDate, Int, String?) -> String
    /// The filters: queues, categories (either may be empty).
    public var filters: @Sendable ([String], [String]) -> String
    public var ticketsNotFilteredByQueue: String
    /// The sites (nightly stores) merged into the report, and what counts only within each.
    public var sites: @Sendable ([String]) -> String
    /// A warning of the report builder (English from the metrics stage).
    public var warning: @Sendable (String) -> String
    /// Text: files, records, accepted, rejected, unreadable files.
    public var textInputs: @Sendable (Int, Int, Int, Int, Int) -> String
    /// HTML: the same.
    public var htmlInputs: @Sendable (Int, Int, Int, Int, Int) -> String
    /// Calls read outside the period or filters.
    public var callsOutsidePeriod: @Sendable (Int) -> String

    // MARK: Sections

    public var sections: Sections
    /// Column titles: ``textColumns`` as narrow as the 100-column text report needs, ``columns`` in full (HTML,
    /// spreadsheets).
    public var textColumns: Columns
    public var columns: Columns

    // MARK: Headline

    /// The headline's figures by their key; ``HeadlineFigure/label`` is the English of the metrics stage.
    public var figures: FigureLabels
    /// Target met or missed after a headline row: the target, formatted.
    public var targetMet: @Sendable (String) -> String
    public var targetMissed: @Sendable (String) -> String
    /// The HTML card badges: `target met 80.0%`.
    public var badgeMet: @Sendable (String) -> String
    public var badgeMissed: @Sendable (String) -> String
    /// A card's change: arrow and change, the previous value.
    public var versus: @Sendable (String, String) -> String
    public var provisionalCard: String
    /// Text: short abandons, timed out, callbacks, longest wait.
    public var alsoLine: @Sendable (Int, Int, Int, String) -> String
    /// Text: CSAT response rate, NPS (nil without NPS answers).
    public var responseLine: @Sendable (String, String?) -> String
    /// Text: the time after which repeats are provisional.
    public var provisionalNote: @Sendable (String) -> String

    // MARK: Exceptions

    public var exceptions: ExceptionStrings

    // MARK: Tables, notes, charts

    public var notes: NoteStrings
    public var tickets: TicketStrings
    public var dataQuality: DataQualityStrings
    public var index: IndexStrings
    /// The Excel workbook's sheet names and column titles the groups above do not have.
    public var workbook: WorkbookStrings
    /// The IVR section.
    public var ivr: IVRStrings = .english
    /// The journey section.
    public var journey: JourneyStrings = .english
}

extension ReportStrings {
    /// The strings of `language`.
    public static func of(_ language: ReportLanguage) -> ReportStrings {
        switch language {
        case .english: english
        case .chinese: chinese
        }
    }

    /// The weekday of a `YYYY-MM-DD` date, or the model's English name when it does not parse.
    func weekday(of date: String, else name: String) -> String {
        CivilDate(parsing: date).map { weekdays[$0.weekday] } ?? name
    }

    /// A model weekday name (`Tue`) in this language.
    func weekday(named name: String) -> String {
        CivilDate.weekdayNames.firstIndex(of: name).map { weekdays[$0] } ?? name
    }
}
