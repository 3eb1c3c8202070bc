/// The order of day, month and year in an export's dates: `ymd` is ISO 8601 (`2025-01-25`), the default;
/// `dmy` and `mdy` are what spreadsheet programs write when they re-save a CSV (`25/01/2025 1:30`,
/// `1/25/2025 1:30 PM`), by the locale of the machine that saved it.
public enum DateOrder: String, CaseIterable, Sendable {
    case ymd, dmy, mdy
}
