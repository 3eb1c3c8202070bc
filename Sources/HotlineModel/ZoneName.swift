import Foundation

/// A time zone as a user names it (`--tz`, `time_zone:`): an IANA `Area/City` identifier, `UTC`/`GMT`, or a
/// fixed offset (`+08:00`, `+0800`, `+8`, `UTC+8`, `GMT-05:30`).
///
/// Abbreviations are refused, even those the system would take: `CST` is China Standard Time to a Shanghai
/// hotline and US Central to the system, 14 hours apart, so a guess would shift every day and interval.
public enum ZoneName {
    /// Why a name was refused, with the zones it may have meant.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var name: String
        /// Meaning -> IANA identifier, e.g. ("China Standard Time", "Asia/Shanghai"); empty when unknown.
        public var candidates: [Candidate]

        public struct Candidate: Equatable, Sendable {
            public var meaning: String
            public var identifier: String
        }

        public var description: String {
            let shown = DisplayText.shown(name)
            let named = candidates.map { "\($0.meaning) is \($0.identifier)" }.joined(separator: ", ")
            if candidates.count > 1 { return "\(shown) is ambiguous: \(named)" }
            if let only = candidates.first, ZoneName.abbreviations[name.uppercased()] != nil {
                return "\(shown) is an abbreviation, not a zone: \(only.meaning) is \(only.identifier)"
            }
            if let only = candidates.first { return "unknown time zone '\(shown)': did you mean \(only.identifier)?" }
            return "unknown time zone '\(shown)'"
        }

        /// What to write instead, for the end of a message.
        public static let hint =
            "name an IANA zone (Area/City, e.g. Asia/Shanghai), UTC, or a fixed offset such as +08:00"
    }

    /// The zone `text` names, or why it names none.
    public static func zone(_ text: String) throws(Problem) -> TimeZone {
        let name = text.trimmingCharacters(in: .whitespaces)
        if name == "UTC" || name == "GMT", let zone = TimeZone(identifier: name) { return zone }
        if let seconds = fixedOffset(name), let zone = TimeZone(secondsFromGMT: seconds) { return zone }
        // An Area/City the system knows by that name (ICU's look-up is case-sensitive; the identifier check
        // guards a system that would rename it), links such as `US/Eastern` and `Asia/Kolkata` included. `Etc/`
        // names are refused, as before: `Etc/GMT+8` is UTC-8, and UTC is written `UTC`. Not checked against
        // `knownTimeZoneIdentifiers`: building that list costs ~8 M instructions, a sixth of a one-day report's
        // start, and on Linux it leaves the links out (Asia/Kolkata, which the `IST` message suggests, was refused).
        if name.contains("/"), !name.hasPrefix("Etc/"), let zone = TimeZone(identifier: name), zone.identifier == name {
            return zone
        }
        if let known = abbreviations[name.uppercased()] {
            throw Problem(name: name, candidates: known.map { Problem.Candidate(meaning: $0.0, identifier: $0.1) })
        }
        // A city alone or a name in the wrong case: the identifier it most likely means.
        let key = name.lowercased().replacingOccurrences(of: " ", with: "_")
        let near = TimeZone.knownTimeZoneIdentifiers.first {
            $0.lowercased() == key || $0.lowercased().hasSuffix("/" + key)
        }
        throw Problem(name: name, candidates: near.map { [Problem.Candidate(meaning: name, identifier: $0)] } ?? [])
    }

    /// The zone of a name already checked (configuration, option), or nil for none.
    public static func resolved(_ name: String?) -> TimeZone? { name.flatMap { try? zone($0) } }

    /// Seconds east of UTC of `+08:00`, `-0530`, `+8`, `UTC+8`, `GMT+08:00`; nil for anything else.
    static func fixedOffset(_ text: String) -> Int? {
        var rest = Substring(text)
        for prefix in ["UTC", "GMT"] where rest.uppercased().hasPrefix(prefix) { rest = rest.dropFirst(3) }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        let body = rest.dropFirst()
        let hours: Int
        var minutes = 0
        if let colon = body.firstIndex(of: ":") {
            guard let h = Int(body[..<colon]), let m = Int(body[body.index(after: colon)...]),
                (1...2).contains(body[..<colon].count), body[body.index(after: colon)...].count == 2
            else { return nil }
            (hours, minutes) = (h, m)
        } else if body.count == 4, let hhmm = Int(body) {
            (hours, minutes) = (hhmm / 100, hhmm % 100)
        } else if (1...2).contains(body.count), let h = Int(body) {
            hours = h
        } else {
            return nil
        }
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":") }), hours <= 14, minutes < 60 else {
            return nil
        }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// The name a report prints: the IANA identifier, or `UTC+08:00` for a fixed offset.
    public static func display(_ zone: TimeZone) -> String {
        let id = zone.identifier
        // Foundation names a fixed-offset zone `GMT+0800`.
        if id.count == 8, id.hasPrefix("GMT+") || id.hasPrefix("GMT-") { return offset(zone.secondsFromGMT()) }
        return id
    }

    /// `UTC+08:00`, `UTC-05:30`, `UTC+00:00`.
    public static func offset(_ seconds: Int) -> String {
        let magnitude = abs(seconds) / 60
        let (h, m) = (magnitude / 60, magnitude % 60)
        return "UTC\(seconds < 0 ? "-" : "+")\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    /// Abbreviations people write for a zone, with what each may mean (the usual first).
    static let abbreviations: [String: [(String, String)]] = [
        "CST": [
            ("China Standard Time", "Asia/Shanghai"), ("US Central", "America/Chicago"), ("Cuba", "America/Havana"),
        ],
        "CDT": [("US Central daylight time", "America/Chicago"), ("Cuba daylight time", "America/Havana")],
        "IST": [
            ("India Standard Time", "Asia/Kolkata"), ("Israel Standard Time", "Asia/Jerusalem"),
            ("Irish Standard Time", "Europe/Dublin"),
        ],
        "BST": [("British Summer Time", "Europe/London"), ("Bangladesh Standard Time", "Asia/Dhaka")],
        "PST": [("US Pacific", "America/Los_Angeles"), ("Philippine Standard Time", "Asia/Manila")],
        "AST": [("Atlantic Standard Time", "America/Halifax"), ("Arabia Standard Time", "Asia/Riyadh")],
        "GST": [("Gulf Standard Time", "Asia/Dubai"), ("South Georgia Time", "Atlantic/South_Georgia")],
        "EST": [("US Eastern", "America/New_York"), ("Australian Eastern", "Australia/Sydney")],
        "MST": [("US Mountain", "America/Denver"), ("Arizona", "America/Phoenix")],
        "EDT": [("US Eastern daylight time", "America/New_York")],
        "PDT": [("US Pacific daylight time", "America/Los_Angeles")],
        "MDT": [("US Mountain daylight time", "America/Denver")],
        "HST": [("Hawaii Standard Time", "Pacific/Honolulu")],
        "AKST": [("Alaska Standard Time", "America/Anchorage")],
        "HKT": [("Hong Kong Time", "Asia/Hong_Kong")],
        "JST": [("Japan Standard Time", "Asia/Tokyo")],
        "KST": [("Korea Standard Time", "Asia/Seoul")],
        "SGT": [("Singapore Time", "Asia/Singapore")],
        "PHT": [("Philippine Time", "Asia/Manila")],
        "ICT": [("Indochina Time", "Asia/Bangkok")],
        "WIB": [("Western Indonesia Time", "Asia/Jakarta")],
        "PKT": [("Pakistan Standard Time", "Asia/Karachi")],
        "MSK": [("Moscow Time", "Europe/Moscow")],
        "CET": [("Central European Time", "Europe/Berlin")],
        "CEST": [("Central European Summer Time", "Europe/Berlin")],
        "EET": [("Eastern European Time", "Europe/Athens")],
        "WET": [("Western European Time", "Europe/Lisbon")],
        "AEST": [("Australian Eastern Standard Time", "Australia/Sydney")],
        "NZST": [("New Zealand Standard Time", "Pacific/Auckland")],
        "SAST": [("South Africa Standard Time", "Africa/Johannesburg")],
        "BRT": [("Brasília Time", "America/Sao_Paulo")],
    ]
}
