import Foundation
import HotlineMetrics

/// The report model as JSON: snake_case keys in sorted order, unrounded values, null for empty figures, rates as
/// fractions 0...1, times in seconds.
public struct JSONReportRenderer: ReportRenderer {
    public init() {}

    public func render<Output: TextOutputStream>(_ report: Report, into out: inout Output) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(report)
        out.write(String(decoding: data, as: UTF8.self))
        out.write("\n")
    }
}
