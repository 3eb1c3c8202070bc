import ArgumentParser
import Foundation
import HotlineSamples

extension HotlineCommand {
    /// `hotline samples`: regenerate the bundled sample inputs.
    struct Samples: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "samples",
            abstract:
                "Write the deterministic sample inputs of the payment hotline (four weeks of calls and escalated tickets)."
        )

        @Option(help: ArgumentHelp("Directory to write the sample files into (created if needed).", valueName: "dir"))
        var out: String

        @Option(help: ArgumentHelp("Random seed: the same seed writes the same bytes.", valueName: "n"))
        var seed: UInt64 = 2026

        func run() throws {
            let generator = SampleGenerator(seed: seed)
            let files = generator.files()
            for file in files {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                let path = (out as NSString).appendingPathComponent(file.name)
                do {
                    try OutputFile.write(bytes: file.bytes, to: path)
                } catch {
                    DiagnosticLogHandler.logger().error("\(error)")
                    throw HotlineExit.failure
                }
            }
            StandardError.write("hotline: wrote \(files.count) sample files to \(out)\n")
        }
    }
}
