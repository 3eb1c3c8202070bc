import HotlineMetrics
import HotlineModel

/// How figures read in text and HTML (METRICS.md, "Rounding and display").
///
/// Empty figures show as `-`, never 0; rates to one decimal of a percent; times as m:ss under an hour and
/// h:mm from an hour; counts in full with thousands separators.
enum DisplayFormat {
    static let none = "-"

    static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A count with its noun, singular for 1: `1 callback`, `2,410 callbacks`.
    static func count(_ value: Int, _ noun: String) -> String {
        count(value) + " " + (value == 1 ? noun : noun + "s")
    }

    static func count(_ value: Double?) -> String { value.map { count(Int($0.rounded())) } ?? none }

    static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return none }
        return fixed(fraction * 100, decimals: 1) + "%"
    }

    /// Seconds as m:ss under an hour, h:mm from an hour.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return none }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60):" + pad2(whole % 60) }
        let minutes = Int((seconds / 60).rounded())
        return "\(minutes / 60)h" + pad2(minutes % 60)
    }

    static func duration(_ seconds: Int?) -> String { duration(seconds.map(Double.init)) }

    /// A period as a title: one day with its weekday (`2026-11-10 (Tue)`), else `from .. to (7 days)`.
    static func span(from: String?, to: String?, days: Int?, separator: String) -> String? {
        guard let from else { return nil }
        let to = to ?? from
        if from == to, let date = HotlineModel.CivilDate(parsing: from) {
            return "\(from) (\(HotlineModel.CivilDate.weekdayNames[date.weekday]))"
        }
        return "\(from)\(separator)\(to)" + (days.map { " (\($0) days)" } ?? "")
    }

    /// Minutes (ticket times): `45m` under an hour, `5h07` under two days, `3d 04h` from two days.
    static func minutes(_ value: Double?) -> String {
        guard let value else { return none }
        let m = Int(value.rounded())
        if m < 60 { return "\(m)m" }
        if m < 2880 { return "\(m / 60)h" + pad2(m % 60) }
        return "\(m / 1440)d " + pad2(m % 1440 / 60) + "h"
    }

    static func minutes(_ value: Int?) -> String { minutes(value.map(Double.init)) }

    static func score(_ value: Double?) -> String { value.map { fixed($0, decimals: 2) } ?? none }

    static func figure(_ value: Double?, kind: FigureKind) -> String {
        switch kind {
        case .count: count(value)
        case .rate: percent(value)
        case .seconds: duration(value)
        case .score: score(value)
        case .minutes: minutes(value)
        }
    }

    /// The change vs the previous period: `+1.2 pp` for rates, `+3.4%` for counts and times, `+0.05` for scores.
    static func change(_ change: Double?, kind: FigureKind) -> String {
        guard let change else { return none }
        switch kind {
        case .rate: return signed(change * 100, decimals: 1) + " pp"
        case .count, .seconds, .minutes: return signed(change * 100, decimals: 1) + "%"
        case .score: return signed(change, decimals: 2)
        }
    }

    /// Fixed-point text with round-half-away-from-zero, independent of locale.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded(.toNearestOrAwayFromZero))
        let whole = scaled / Int64(scale)
        var text = "\(whole)"
        if decimals > 0 {
            let fraction = String(scaled % Int64(scale))
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return (value < 0 && scaled != 0 ? "-" : "") + text
    }

    static func signed(_ value: Double, decimals: Int) -> String {
        let text = fixed(value, decimals: decimals)
        return text.hasPrefix("-") ? text : "+" + text
    }

    private static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}

/// Text as it shows in a terminal: wide East-Asian characters take two columns, control characters from
/// inputs are neutralised so a queue name cannot move the cursor or break a line.
enum TerminalText {
    static func sanitized(_ text: String) -> String {
        String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }

    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default: false
        }
    }

    /// Cuts `text` to at most `columns` display columns, marking a cut with `~`.
    static func truncated(_ text: String, to columns: Int) -> String {
        guard width(text) > columns else { return text }
        var out = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let w = isWide(scalar) ? 2 : 1
            if used + w > columns - 1 { break }
            out.unicodeScalars.append(scalar)
            used += w
        }
        return out + "~"
    }

    static func padRight(_ text: String, _ columns: Int) -> String {
        let t = truncated(sanitized(text), to: columns)
        return t + String(repeating: " ", count: max(0, columns - width(t)))
    }

    static func padLeft(_ text: String, _ columns: Int) -> String {
        let t = truncated(sanitized(text), to: columns)
        return String(repeating: " ", count: max(0, columns - width(t))) + t
    }
}
