import Foundation
import Testing

/// `report --by ivr_node` / `--by ivr_path` from the command line.
@Suite(.enabled(if: EndToEnd.binary != nil, "needs the hotline binary: run `swift build` first"))
struct IVRDimensionCommandTests {
    let fixture =
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/calls-small.csv")
        .path

    func csv(_ by: String) throws -> [[String]] {
        let run = try EndToEnd.run([
            "report", fixture, "--tz", "Asia/Shanghai", "--by", by, "--format", "csv", "--csv-encoding", "utf-8",
            "--no-csv-bom",
        ])
        #expect(run.status == 0 || run.status == 3, "\(run.stderr)")
        return run.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func ivrNodeRowsCountEachCallInEveryNodeOfItsPathAndAddUpToMoreThanTheTotal() throws {
        let byNode = try csv("ivr_node")
        let byPath = try csv("ivr_path")
        #expect(byNode.first?.prefix(2) == ["ivr_node", "offered"])
        let nodes = Dictionary(uniqueKeysWithValues: byNode.dropFirst().map { ($0[0], Int($0[1]) ?? -1) })
        #expect(nodes["主菜单"] == 6)
        #expect(nodes["主菜单>支付"] == 2)
        let total = byPath.dropFirst().reduce(0) { $0 + (Int($1[1]) ?? 0) }
        #expect(nodes.values.reduce(0, +) > total)
    }

    @Test func theHelpOfByNamesTheIVRDimensionsAndSaysTheNodeRowsDoNotAddUp() throws {
        // The help is wrapped to the terminal: compare its words.
        let help = try EndToEnd.run(["report", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
        #expect(help.contains("ivr_path, ivr_node"))
        #expect(help.contains("so its rows add up to more than the total"))
    }
}
