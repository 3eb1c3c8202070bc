import Foundation
import Testing

/// The night builds its reports together, each stored day read once for all of them; each must be the report
/// `hotline report --store` builds alone for its period.
extension NightlyTests {
    /// `hotline report --store` over a period as text.
    func storeText(from: String, to: String) throws -> String {
        let run = try EndToEnd.run(
            ["report", "--store", store, "--config", config, "--from", from, "--to", to, "--format", "text"])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    @Test func reportsBuiltTogetherEqualEachBuiltAlone() throws {
        for day in 1...3 { try writeDay("2026-09-0\(day)", 3 + day) }
        #expect(try nightly("2026-09-01").status == 0)
        // Tonight: the 18th's, the week's from Monday the 16th, the month's; and September 1st's again (late data),
        // whose days are read on their own (two months before).
        for day in 16...18 { try writeDay("2026-11-\(day)", 5 + day % 3) }
        try writeDay("2026-09-01", 2, name: "late-2026-09-01.csv", idPrefix: "L")
        #expect(try nightly("2026-11-18").status == 0)
        let out = scratch + "/out/"
        let reports = [
            ("daily/2026-11-18.txt", "2026-11-18", "2026-11-18"),
            ("week-to-date/2026-11-18.txt", "2026-11-16", "2026-11-18"),
            ("month-to-date/2026-11-18.txt", "2026-11-01", "2026-11-18"),
            ("daily/2026-09-01.txt", "2026-09-01", "2026-09-01"),
        ]
        for (file, from, to) in reports {
            #expect(try String(contentsOfFile: out + file, encoding: .utf8) == storeText(from: from, to: to), "\(file)")
        }
        #expect(try offered(out + "daily/2026-09-01.txt") == "6")
    }
}
