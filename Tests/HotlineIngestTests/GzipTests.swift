import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

@Suite struct GzipTests {
    typealias H = IngestHarness
    let scratch = NSTemporaryDirectory() + "hotline-gzip-\(UUID().uuidString)"

    init() throws { try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true) }

    /// gzip's own output, as logrotate writes it.
    func gzip(_ source: String, to target: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c '\(source)' > '\(target)'"]
        try process.run()
        process.waitUntilExit()
    }

    @Test func aCompressedRotatedQueueLogIsInflatedOrderedAndContinued() throws {
        try gzip(H.fixtures + "/rotated/queue_log.1", to: scratch + "/queue_log.1.gz")
        let (h, summaries) = H.read(paths: [H.fixtures + "/rotated/queue_log", scratch + "/queue_log.1.gz"])
        #expect(h.rejects.isEmpty)
        #expect(h.calls.count == 2)
        #expect(summaries[1].notes.first == "gzip-compressed")
        #expect(summaries[1].records == 12)
    }

    @Test func concatenatedMembersAreReadOn() throws {
        try gzip(H.fixtures + "/rotated/queue_log.1", to: scratch + "/a.gz")
        try gzip(H.fixtures + "/rotated/queue_log", to: scratch + "/b.gz")
        let both =
            try Data(contentsOf: URL(fileURLWithPath: scratch + "/a.gz"))
            + Data(contentsOf: URL(fileURLWithPath: scratch + "/b.gz"))
        try both.write(to: URL(fileURLWithPath: scratch + "/both.gz"))
        let (h, summaries) = H.read(paths: [scratch + "/both.gz"])
        #expect(summaries[0].records == 12 + 2)
        #expect(h.calls.count == 2 && h.rejects.isEmpty)
    }

    @Test func trailingGarbageAfterAMemberIsSkippedWithANote() throws {
        try gzip(H.fixtures + "/rotated/queue_log.1", to: scratch + "/a.gz")
        var padded = try Data(contentsOf: URL(fileURLWithPath: scratch + "/a.gz"))
        padded.append(Data(repeating: 0, count: 512))
        try padded.write(to: URL(fileURLWithPath: scratch + "/padded.gz"))
        let (_, summaries) = H.read(paths: [scratch + "/padded.gz"])
        #expect(summaries[0].records == 12)
        #expect(summaries[0].error?.reason == nil)
        #expect(
            summaries[0].notes.contains("512 bytes after the end of the gzip data, not gzip, ignored (as gzip does)"))
    }

    @Test func aCutStreamIsAnErrorNamingTheFile() throws {
        try gzip(H.fixtures + "/queue_log-all-events", to: scratch + "/full.gz")
        let full = try Data(contentsOf: URL(fileURLWithPath: scratch + "/full.gz"))
        try full.prefix(full.count / 2).write(to: URL(fileURLWithPath: scratch + "/cut.gz"))
        let (_, summaries) = H.read(paths: [scratch + "/cut.gz"])
        #expect(summaries[0].error?.reason == "cannot decode: the gzip data ends before its end")
    }

    @Test func aCutCompressedCDRFileSaysTheGzipIsCutNotThatTheXMLIsBroken() throws {
        let cdr = try String(contentsOfFile: H.fixtures + "/freeswitch/answered.cdr.xml", encoding: .utf8)
        let many = scratch + "/many.cdr.xml"
        try String(repeating: cdr, count: 2000).write(toFile: many, atomically: true, encoding: .utf8)
        try gzip(many, to: scratch + "/many.gz")
        let full = try Data(contentsOf: URL(fileURLWithPath: scratch + "/many.gz"))
        try full.prefix(full.count * 3 / 4).write(to: URL(fileURLWithPath: scratch + "/cut.cdr.gz"))
        let (h, summaries) = H.read(paths: [scratch + "/cut.cdr.gz"])
        #expect(summaries[0].error?.reason == "cannot decode: the gzip data ends before its end")
        #expect(h.calls.count > 100)  // the CDRs before the cut are read
    }
}
