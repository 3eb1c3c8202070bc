import Foundation
import Testing

/// `--output` and `--rejects` never destroy what they name: an input, a device, a FIFO, a link, another output;
/// and a write that fails (a full disk) is one line naming the file and exit 1, with nothing left behind.
@Suite(.enabled(if: EndToEnd.binary != nil, "needs the hotline binary: run `swift build` first"))
struct OutputSafetyTests {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    let scratch = NSTemporaryDirectory() + "hotline-outputs-\(UUID().uuidString)"
    var calls: String { scratch + "/calls.csv" }
    let original: Data

    init() throws {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        original = try Data(contentsOf: URL(fileURLWithPath: fixtures + "/calls-small.csv"))
        try original.write(to: URL(fileURLWithPath: calls))
    }

    static var isRoot: Bool { geteuid() == 0 }

    func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// A device node in the scratch folder like /dev/null (1:3) or /dev/full (1:7), so a test that went wrong
    /// could only replace its own node. Needs root.
    func device(_ name: String, minor: UInt32) throws -> String {
        let path = scratch + "/" + name
        #expect(mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | minor)) == 0)
        return path
    }

    /// A device that answers every write with ENOSPC: our own when root, else /dev/full (which a user cannot
    /// replace).
    func fullDevice() throws -> String { Self.isRoot ? try device("full", minor: 7) : "/dev/full" }

    func leftovers(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
    }

    @Test func rejectsNamingTheInputIsAUsageErrorAndTheCallLogIsKept() throws {
        let run = try EndToEnd.run(["report", calls, "--rejects", calls])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--rejects \(calls) is an input of this run: writing it would destroy it."))
        #expect(FileManager.default.contents(atPath: calls) == original)
    }

    @Test func anOutputThatIsAFileInsideAnInputFolderIsRefused() throws {
        let folder = scratch + "/inbox"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try original.write(to: URL(fileURLWithPath: folder + "/x.csv"))
        let run = try EndToEnd.run(["report", folder, "--output", scratch + "/./inbox/x.csv"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is an input of this run (\(folder)/x.csv)"))
        #expect(FileManager.default.contents(atPath: folder + "/x.csv") == original)
        // A link to an input is the input.
        try FileManager.default.createSymbolicLink(atPath: scratch + "/link.csv", withDestinationPath: calls)
        #expect(try EndToEnd.run(["report", calls, "--output", scratch + "/link.csv"]).status == 2)
        #expect(FileManager.default.contents(atPath: calls) == original)
    }

    @Test func theSameFileForOutputAndRejectsIsAUsageError() throws {
        let run = try EndToEnd.run(["report", calls, "--output", scratch + "/r.csv", "--rejects", scratch + "/r.csv"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("are the same file: one output would replace the other."))
        #expect(!FileManager.default.fileExists(atPath: scratch + "/r.csv"))
        let twice = try EndToEnd.run(["report", calls, "--output", scratch + "/r.csv", "--output", scratch + "//r.csv"])
        #expect(twice.status == 2)
    }

    @Test(.enabled(if: OutputSafetyTests.isRoot, "mknod needs root"))
    func aCharacterDeviceIsWrittenInPlaceNotReplaced() throws {
        let null = try device("null", minor: 3)
        let run = try EndToEnd.run(["report", calls, "--output", null, "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(fileType(null) == S_IFCHR)
        #expect(try leftovers(in: scratch).isEmpty)
    }

    @Test func aFIFOIsWrittenInPlaceNotReplaced() throws {
        let fifo = scratch + "/report.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on the other end, as a viewer would be.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        let run = try EndToEnd.run(["report", calls, "--output", fifo, "--format", "csv"])
        // A run that failed before opening the FIFO leaves the reader waiting for a writer: end it, so the test
        // fails rather than hangs.
        if run.status != 0 { reader.terminate() }
        let received = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(received.hasPrefix("date,interval,offered,"))
        #expect(fileType(fifo) == S_IFIFO)
    }

    @Test func aSymlinkIsFollowedAndTheLinkStays() throws {
        let folder = scratch + "/reports"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/latest.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: scratch + "/report.txt", withDestinationPath: "reports/latest.txt")
        let run = try EndToEnd.run(["report", calls, "--output", scratch + "/report.txt"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(fileType(scratch + "/report.txt") == S_IFLNK)
        let text = try String(contentsOfFile: folder + "/latest.txt", encoding: .utf8)
        #expect(text.hasPrefix("HOTLINE CALL REPORT"))
        #expect(try leftovers(in: folder).isEmpty && leftovers(in: scratch).isEmpty)
    }

    @Test func anExistingFileKeepsItsModeAndOwner() throws {
        let path = scratch + "/report.html"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o640) == 0)
        if Self.isRoot { #expect(chown(path, 4321, 4322) == 0) }
        let run = try EndToEnd.run(["report", calls, "--output", path])
        #expect(run.status == 0, "\(run.stderr)")
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o640)
        if Self.isRoot { #expect(info.st_uid == 4321 && info.st_gid == 4322) }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    }

    @Test(arguments: [["report"], ["staffing"], ["check"]])
    func aFullStandardOutputIsOneLineAndExitOne(command: [String]) throws {
        let run = try EndToEnd.run(command + [calls, "--tz", "Asia/Shanghai"], standardOutput: "/dev/full")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("hotline: error: cannot write <stdout>: no space left on device\n"))
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func aFullRejectsFileIsOneLineAndExitOneAndTheReportIsStillWritten() throws {
        let full = try fullDevice()
        let run = try EndToEnd.run(["report", calls, "--tz", "Asia/Shanghai", "--rejects", full])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("hotline: error: cannot write \(full): no space left on device\n"))
        #expect(run.stdout.hasPrefix("HOTLINE CALL REPORT"))
        #expect(fileType(full) == S_IFCHR)
    }

    @Test func aFullOutputDeviceIsOneLineAndExitOneAndStaysADevice() throws {
        let full = try fullDevice()
        let run = try EndToEnd.run(["report", calls, "--tz", "Asia/Shanghai", "--output", full, "--format", "html"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("hotline: error: cannot write \(full): no space left on device\n"))
        #expect(fileType(full) == S_IFCHR)
    }

    @Test(.enabled(if: OutputSafetyTests.isRoot, "mounting a small file system needs root"))
    func aFullDiskLeavesTheOldFileAndNoTemporaryFile() throws {
        let disk = scratch + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        guard try EndToEnd.status("/bin/mount", ["-t", "tmpfs", "-o", "size=8k", "tmpfs", disk]) == 0 else { return }
        defer { _ = try? EndToEnd.status("/bin/umount", [disk]) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: disk + "/report.html"))
        let run = try EndToEnd.run(["report", calls, "--tz", "Asia/Shanghai", "--output", disk + "/report.html"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("hotline: error: cannot write \(disk)/report.html: no space left on device\n"))
        #expect(FileManager.default.contents(atPath: disk + "/report.html") == Data("old".utf8))
        #expect(try leftovers(in: disk).isEmpty)
    }
}

extension EndToEnd {
    /// Runs the binary with standard output sent to `standardOutput` (a file or device path).
    static func run(_ arguments: [String], standardOutput: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary ?? "/nonexistent")
        process.arguments = arguments
        let out = try #require(FileHandle(forWritingAtPath: standardOutput))
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try out.close()
        return Result(status: process.terminationStatus, stdout: "", stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// The exit status of a helper program.
    static func status(_ program: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
