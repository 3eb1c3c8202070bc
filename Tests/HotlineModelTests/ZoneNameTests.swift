import Foundation
import Testing

@testable import HotlineModel

@Suite struct ZoneNameTests {
    func problem(_ name: String) -> String? {
        do {
            _ = try ZoneName.zone(name)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func cstIsRefusedAsAmbiguousNamingShanghaiChicagoAndHavana() {
        #expect(
            problem("CST")
                == "CST is ambiguous: China Standard Time is Asia/Shanghai, US Central is America/Chicago, Cuba is America/Havana"
        )
    }

    @Test(arguments: ["EST", "IST", "PST", "BST", "cst", "AST", "MST"])
    func ambiguousAbbreviationsNameEveryCandidate(name: String) throws {
        let text = try #require(problem(name))
        #expect(text.contains("is ambiguous:"))
        #expect(text.components(separatedBy: " is ").count >= 3)
    }

    @Test(arguments: [("JST", "Asia/Tokyo"), ("HKT", "Asia/Hong_Kong"), ("CET", "Europe/Berlin")])
    func anAbbreviationWithOneMeaningIsStillRefusedAndNamesItsZone(name: String, zone: String) throws {
        let text = try #require(problem(name))
        #expect(text.hasPrefix("\(name) is an abbreviation, not a zone:") && text.hasSuffix(zone))
    }

    @Test func aCityAloneOrTheWrongCaseSuggestsTheIdentifier() {
        #expect(problem("Shanghai") == "unknown time zone 'Shanghai': did you mean Asia/Shanghai?")
        #expect(problem("asia/shanghai") == "unknown time zone 'asia/shanghai': did you mean Asia/Shanghai?")
        #expect(problem("Mars/Olympus") == "unknown time zone 'Mars/Olympus'")
    }

    @Test(arguments: [
        ("Asia/Shanghai", 28800), ("America/Argentina/Buenos_Aires", -10800), ("US/Eastern", -18000),
        ("Asia/Kolkata", 19800), ("UTC", 0), ("GMT", 0),
        ("+08:00", 28800), ("+0800", 28800), ("+8", 28800), ("UTC+8", 28800), ("GMT-05:30", -19800),
        ("UTC-03:00", -10800),
    ])
    func ianaNamesUTCAndFixedOffsetsAreAccepted(name: String, seconds: Int) throws {
        let zone = try ZoneName.zone(name)
        // A January instant: no daylight saving in any of these.
        #expect(zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_767_225_600)) == seconds)
    }

    @Test func etcZonesAreRefused() {
        // Etc/GMT+8 is UTC-8, the opposite of what it seems to say; UTC is written UTC.
        #expect(problem("Etc/GMT+8") == "unknown time zone 'Etc/GMT+8'")
        #expect(problem("Etc/UTC") != nil)
    }

    @Test func everyZoneAnAbbreviationMessageSuggestsIsAccepted() {
        for meanings in ZoneName.abbreviations.values {
            for (_, identifier) in meanings { #expect(problem(identifier) == nil, "\(identifier)") }
        }
    }

    @Test(arguments: ["+8:0", "+15:00", "UTC+", "+08:60", "08:00", "Z"])
    func malformedOffsetsAreRefused(name: String) {
        #expect(problem(name) != nil)
    }

    @Test func aFixedOffsetIsShownAsUTCPlusHoursAndMinutes() throws {
        #expect(ZoneName.display(try ZoneName.zone("+08:00")) == "UTC+08:00")
        #expect(ZoneName.display(try ZoneName.zone("GMT-05:30")) == "UTC-05:30")
        #expect(ZoneName.display(try ZoneName.zone("Asia/Shanghai")) == "Asia/Shanghai")
        #expect(ZoneName.offset(0) == "UTC+00:00")
    }
}
