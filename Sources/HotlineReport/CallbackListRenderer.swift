import HotlineMetrics
import HotlineModel

/// The callers to call back, as text for the team's screen or CSV for a spreadsheet. Times are local
/// (`YYYY-MM-DD HH:MM:SS`); callers come as `caller` gives them (masked unless asked otherwise).
public struct CallbackListRenderer {
    public var language: ReportLanguage
    public var calendar: LocalCalendar
    public var symbols: SymbolTable
    public var caller: (CallerKey) -> String

    public init(
        language: ReportLanguage, calendar: LocalCalendar, symbols: SymbolTable, caller: @escaping (CallerKey) -> String
    ) {
        self.language = language
        self.calendar = calendar
        self.symbols = symbols
        self.caller = caller
    }

    struct Words {
        var title: (String, Int, Int) -> String
        var none: (String) -> String
        var noData: String
        var columns: [String]
    }

    var words: Words {
        switch language {
        case .english:
            Words(
                title: { day, n, hours in
                    "CALLERS TO CALL BACK  \(day): \(n) missed (abandoned, timed out or hung up in the IVR), not answered within \(hours) h"
                },
                none: { day in "No caller to call back for \(day)." }, noData: "No calls read.",
                columns: ["Caller", "First attempt", "Last attempt", "Attempts", "Longest wait", "Category", "Queue"])
        case .chinese:
            Words(
                title: { day, n, hours in "待回拨来电  \(day)：\(n) 位来电人未接通（放弃、超时或 IVR 内挂机），\(hours) 小时内未再接通" },
                none: { day in "\(day) 没有需要回拨的来电人。" }, noData: "未读到来电。",
                columns: ["来电号码", "首次来电", "最后来电", "次数", "最长等待", "类别", "队列"])
        }
    }

    /// Machine-readable column names, the same in every language.
    static let csvHeader = "caller,first_attempt,last_attempt,attempts,longest_wait_s,category,queue"

    private func local(_ t: Instant) -> String {
        let stamp = calendar.stamp(t)
        let s = Int(stamp.secondOfDay)
        // " HH:MM:SS" as bytes: a list of thousands of callers writes two times each.
        let time = String(unsafeUninitializedCapacity: 9) { b in
            let zero = UInt8(ascii: "0")
            for (i, v) in [s / 3600, s % 3600 / 60, s % 60].enumerated() {
                b[3 * i] = UInt8(ascii: i == 0 ? " " : ":")
                b[3 * i + 1] = zero + UInt8(v / 10)
                b[3 * i + 2] = zero + UInt8(v % 10)
            }
            return 9
        }
        return CivilDate(dayNumber: Int(stamp.day)).description + time
    }

    private func cells(_ row: CallbackList.Row) -> [String] {
        [
            caller(row.caller), local(row.firstAttempt), local(row.lastAttempt), String(row.attempts),
            String((row.longestWait + 999) / 1000), row.category.name, row.queue.isNone ? "IVR" : symbols[row.queue],
        ]
    }

    /// CSV with a header; every field neutralised against spreadsheet formulas.
    public func csv(_ rows: [CallbackList.Row]) -> String {
        var out = Self.csvHeader + "\n"
        for row in rows { out += cells(row).map(CSVReportRenderer.escape).joined(separator: ",") + "\n" }
        return out
    }

    public func text(_ rows: [CallbackList.Row], day: CivilDate?, windowHours: Int) -> String {
        let w = words
        guard let day else { return w.noData + "\n" }
        guard !rows.isEmpty else { return w.none(day.description) + "\n" }
        var out = w.title(day.description, rows.count, windowHours) + "\n\n"
        var table = TextTable(zip(w.columns, [16, 20, 20, 8, 12, 10, 14]).map { ($0, $1) })
        for row in rows {
            var c = cells(row)
            c[4] = DisplayFormat.duration(Int((row.longestWait + 999) / 1000))
            table.add(c.map { DisplayText.shown($0) })
        }
        table.render(into: &out, indent: "  ")
        return out
    }
}
