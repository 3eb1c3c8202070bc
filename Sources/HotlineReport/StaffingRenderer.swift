import Foundation
import HotlineMetrics
import HotlineModel

/// The staffing table alone (`hotline staffing`): text, CSV or JSON.
public struct StaffingRenderer {
    public var format: OutputFormat
    /// The language of the text table; CSV and JSON stay English.
    public var language: ReportLanguage

    public init(format: OutputFormat, language: ReportLanguage = .english) {
        self.format = format
        self.language = language
    }

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
        case .text, .html, .xlsx:
            var out = ""
            let p = report.period
            out += ReportStrings.of(language).notes.staffingTitle(
                p.from?.description ?? "-", p.to?.description ?? "-", p.days, DisplayFormat.zone(p))
            TextReportRenderer(language: language).staffing(report, &out)
            return out
        }
    }
}
