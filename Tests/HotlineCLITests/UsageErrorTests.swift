import ArgumentParser
import Foundation
import Testing

@testable import HotlineCLI

/// A usage error found while running is ArgumentParser's `ValidationError`, printed as one line and exit 2 by
/// the one mapping in `HotlineCommand.run(_:)`, never logged and thrown as a bare exit code.
@Suite struct UsageErrorTests {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    @Test func anOutputOverAnInputIsAValidationErrorNamingTheFile() throws {
        let input = fixtures + "/calls-small.csv"
        for arguments in [["report", input, "--output", input], ["staffing", input, "--output", input]] {
            var command = try HotlineCommand.parseAsRoot(arguments)
            #expect(throws: ValidationError.self) { try command.run() }
            do {
                try command.run()
            } catch {
                #expect(HotlineCommand.oneLine(for: error).contains("is an input of this run"))
            }
        }
    }

    @Test func aValidationErrorFromRunExitsTwo() {
        let input = fixtures + "/calls-small.csv"
        #expect(HotlineCommand.run(["report", input, "--output", input]) == 2)
    }
}
