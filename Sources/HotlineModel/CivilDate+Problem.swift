extension CivilDate {
    /// English month names, January first, for messages about dates.
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// Why `text` is not a day, as the end of a sentence: `2026-11-31: November has 30 days`, or the form to
    /// write it in. Nil when it is one.
    public static func problem(parsing text: String) -> String? {
        if CivilDate(parsing: text) != nil { return nil }
        let shown = DisplayText.shown(text)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return "'\(shown)' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-01" }
        guard (1...12).contains(month) else { return "\(shown): there is no month \(month) (01 to 12)" }
        let days = daysIn(month: month, year: year)
        // February's length depends on the year, so that one names it.
        let name = monthNames[month - 1] + (month == 2 ? " \(year)" : "")
        return day == 0 ? "\(shown): days start at 01" : "\(shown): \(name) has \(days) days"
    }
}
