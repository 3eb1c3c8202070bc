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

    /// The zone and the UTC offsets it had over the period: `Asia/Shanghai (UTC+08:00)`, or across a
    /// daylight-saving change `Europe/Berlin (UTC+02:00, UTC+01:00 from 2026-10-25 02:00)`.
    static func zone(_ p: ReportPeriod) -> String {
        let offsets = p.utcOffsets.map { o in o.since.map { "\(o.text) from \($0)" } ?? o.text }
        if offsets.isEmpty || offsets == [p.timeZone] { return p.timeZone }
        return "\(p.timeZone) (\(offsets.joined(separator: ", ")))"
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
    static func span(from: CivilDate?, to: CivilDate?, days: Int?, separator: String, _ s: ReportStrings) -> String? {
        guard let from else { return nil }
        let to = to ?? from
        return from == to ? s.day(from) : s.span(from, to, days, separator)
    }

    /// Minutes (ticket times): `45m` under an hour, `5h07` under two days, `3d 04h` from two days (in English).
    static func minutes(_ value: Double?, _ s: ReportStrings) -> String {
        guard let value else { return none }
        return s.minutes(Int(value.rounded()))
    }

    static func minutes(_ value: Int?, _ s: ReportStrings) -> String { minutes(value.map(Double.init), s) }

    static func score(_ value: Double?) -> String { value.map { fixed($0, decimals: 2) } ?? none }

    static func figure(_ value: Double?, kind: FigureKind, _ s: ReportStrings) -> String {
        switch kind {
        case .count: count(value)
        case .rate: percent(value)
        case .seconds: duration(value)
        case .score: score(value)
        case .minutes: minutes(value, s)
        }
    }

    /// The change vs the previous period: `+1.2 pp` for rates, `+3.4%` for counts and times, `+0.05` for scores.
    static func change(_ change: Double?, kind: FigureKind, _ s: ReportStrings) -> String {
        guard let change else { return none }
        switch kind {
        case .rate: return signed(change * 100, decimals: 1) + s.points
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

    static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}

/// Text as it shows in a terminal: wide East-Asian characters take two columns, control characters from
/// inputs are neutralised so a queue name cannot move the cursor or break a line.
enum TerminalText {
    static func sanitized(_ text: String) -> String {
        if DisplayText.isPrintableASCII(text) { return text }
        return String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }

    static func width(_ text: String) -> Int {
        if DisplayText.isPrintableASCII(text) { return text.utf8.count }
        return text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// Whether a terminal gives `s` two columns: Unicode's East Asian Width W (wide) or F (fullwidth) — CJK
    /// ideographs, kana, Hangul, fullwidth forms, most emoji.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x1100 { return false }
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
            0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
            0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B,
            0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50,
            0x2B55, 0x2E80...0x303E, 0x3041...0x3247, 0x3250...0x4DBF, 0x4E00...0xA4CF, 0xA960...0xA97F,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x16FE0...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F320, 0x1F32D...0x1F335,
            0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4,
            0x1F3F8...0x1F43E, 0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
            0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC, 0x1F6D0...0x1F6D2,
            0x1F6D5...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7F0, 0x1F90C...0x1F93A,
            0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default: return false
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
