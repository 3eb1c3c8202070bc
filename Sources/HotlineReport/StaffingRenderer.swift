import Foundation
import HotlineMetrics

/// The staffing table alone (`hotline staffing`): text, CSV or JSON.
public struct StaffingRenderer {
    public var format: OutputFormat

    public init(format: OutputFormat) { self.format = format }

    public func rendered(_ report: Report) throws -> String {
        switch format {
        case .csv:
            var out = "start,calls_per_day,aht_s,required_agents,service_level,asa_s,occupancy,observed_agents\n"
            for row in report.staffing {
                out +=
                    [
                        row.start, CSVReportRenderer.number(row.callsPerDay), CSVReportRenderer.number(row.ahtSeconds),
                        "\(row.requiredAgents)", CSVReportRenderer.number(row.serviceLevel),
                        CSVReportRenderer.number(row.asaSeconds), CSVReportRenderer.number(row.occupancy),
                        CSVReportRenderer.number(row.observedAgents),
                    ].joined(separator: ",") + "\n"
            }
            return out
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(report.staffing), as: UTF8.self) + "\n"
        case .text, .html:
            var out = ""
            let p = report.period
            out +=
                "HOTLINE STAFFING  \(p.from ?? "-") .. \(p.to ?? "-") (\(p.days) \(p.days == 1 ? "day" : "days")), \(DisplayFormat.zone(p))\n"
            TextReportRenderer().staffing(report, &out)
            return out
        }
    }
}
