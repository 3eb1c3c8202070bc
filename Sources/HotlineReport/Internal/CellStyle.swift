import CXLSXWriter
import HotlineModel

/// How a workbook cell's number is stored and shown: each style is one cell format of the workbook, and says how a
/// figure of the report model becomes an Excel number (seconds to a fraction of a day, a date to its serial).
enum CellStyle: CaseIterable, Hashable {
    /// A column title: bold, on a light band.
    case header
    case text
    /// `#,##0`: calls, tickets, agents.
    case count
    /// `#,##0.0`: means per day (calls, agents seen).
    case decimal
    /// `0.0%` of a fraction 0...1.
    case percent
    /// Seconds, as Excel time `[h]:mm:ss`.
    case seconds
    /// Minutes (ticket times), as Excel time `[h]:mm`.
    case minutes
    /// A mean score (CSAT 1-5): `0.00`.
    case score
    /// `YYYY-MM-DD`, an Excel date.
    case date
    /// `HH:MM`, a time of day (an interval's start).
    case clock
    /// A change of a rate in percentage points: `+1.2 pp`.
    case changePoints
    /// A relative change: `+4.0%`.
    case changeRelative
    /// A change of a score: `+0.12`.
    case changeScore

    /// The Excel number format; nil for the general format.
    var numberFormat: String? {
        switch self {
        case .header, .text: nil
        case .count: "#,##0"
        case .decimal: "#,##0.0"
        case .percent: "0.0%"
        case .seconds: "[h]:mm:ss"
        case .minutes: "[h]:mm"
        case .score: "0.00"
        case .date: "yyyy-mm-dd"
        case .clock: "hh:mm"
        case .changePoints: "+0.0\" pp\";-0.0\" pp\";0.0\" pp\""
        case .changeRelative: "+0.0%;-0.0%;0.0%"
        case .changeScore: "+0.00;-0.00;0.00"
        }
    }

    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if self == .header {
            format_set_bold(format)
            format_set_bg_color(format, 0xE8EEF4)
            format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue))
        }
    }

    /// The number Excel stores for `value`: seconds and minutes as fractions of a day, points as points.
    func scaled(_ value: Double) -> Double? {
        switch self {
        case .seconds: value / 86_400
        case .minutes: value / 1_440
        case .changePoints: value * 100
        default: value
        }
    }

    /// Columns wide enough for the format's usual values (Excel's width unit: one digit).
    var minimumWidth: Double {
        switch self {
        case .header, .text: 8
        case .count, .decimal, .seconds, .minutes: 9
        case .percent, .score, .clock: 7
        case .date: 11
        case .changePoints, .changeRelative, .changeScore: 9
        }
    }
}

/// What one cell holds.
enum CellValue {
    case text(String)
    /// A figure, nil when it does not exist (an empty cell, never 0); `style` overrides the column's (the headline,
    /// where each row is another kind of figure).
    case number(Double?, style: CellStyle? = nil)
    case empty

    static func count(_ value: Int) -> CellValue { .number(Double(value)) }
    static func count(_ value: Int?) -> CellValue { .number(value.map(Double.init)) }

    /// A `YYYY-MM-DD` day as an Excel date (days since 1899-12-30), for a `.date` column; text when it is not one.
    static func date(_ text: String) -> CellValue {
        guard let date = CivilDate(parsing: text) else { return .text(text) }
        return .number(Double(date.dayNumber + 25_569))
    }

    /// An `HH:MM` start as a fraction of a day, for a `.clock` column; text when it is not one.
    static func clock(_ text: String) -> CellValue {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return .text(text) }
        return .number(Double(h * 60 + m) / 1_440)
    }
}
