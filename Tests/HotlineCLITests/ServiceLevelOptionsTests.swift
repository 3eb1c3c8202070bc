import ArgumentParser
import Foundation
import Testing

@testable import HotlineCLI

/// `--sl-seconds` and `--sl-target`: declared once for `report` and `staffing`, with one set of bounds.
@Suite struct ServiceLevelOptionsTests {
    func message(_ arguments: [String]) -> String? {
        do {
            _ = try HotlineCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return HotlineCommand.oneLine(for: error)
        }
    }

    @Test func aReportMayMeasureAgainstAHundredPercentTarget() {
        #expect(message(["report", "x.csv", "--sl-target", "100"]) == nil)
        #expect(message(["report", "x.csv", "--sl-target", "100%"]) == nil)
    }

    @Test func staffingRefusesAHundredPercentTargetSayingWhy() throws {
        let text = try #require(message(["staffing", "x.csv", "--sl-target", "100%"]))
        #expect(text.hasPrefix("--sl-target 100%: staffing needs a target below 100%"))
        #expect(text.hasSuffix("e.g. 80."))
        #expect(message(["staffing", "x.csv", "--sl-target", "99.5"]) == nil)
    }

    @Test func bothCommandsShareTheThresholdBounds() {
        for command in ["report", "staffing"] {
            #expect(message([command, "x.csv", "--sl-seconds", "0"])?.contains("above 0") == true)
            #expect(message([command, "x.csv", "--sl-seconds", "3601"])?.contains("at most 3600") == true)
            #expect(message([command, "x.csv", "--sl-seconds", "3600"]) == nil)
        }
    }
}
