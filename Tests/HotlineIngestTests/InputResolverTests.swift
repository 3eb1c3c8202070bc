import Foundation
import Testing

@testable import HotlineIngest

@Suite struct InputResolverTests {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "hotline-resolver-\(UUID().uuidString)"
        for path in ["b/2.csv", "b/1.csv", "a.csv", ".hidden/x.csv", "b/.y.csv"] {
            let full = root + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: full, contents: Data("x".utf8))
        }
    }

    @Test func directoriesAreReadRecursivelyInSortedOrderWithoutHiddenFiles() {
        let resolution = InputResolver.resolve([root])
        #expect(resolution.files == [root + "/a.csv", root + "/b/1.csv", root + "/b/2.csv"])
        #expect(resolution.problems.isEmpty && resolution.skipped.isEmpty)
    }

    @Test func theFolderWalkListsWhatFoundationsEnumeratorListsLinksToFoldersNotDescended() throws {
        try FileManager.default.createDirectory(atPath: root + "/c/d/e", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root + "/c/d/e/3.csv", contents: Data("x".utf8))
        _ = FileManager.default.createFile(atPath: root + "/c/notes.md", contents: Data("x".utf8))
        try FileManager.default.createSymbolicLink(atPath: root + "/c/to-b", withDestinationPath: root + "/b")
        try FileManager.default.createSymbolicLink(atPath: root + "/c/to-a.csv", withDestinationPath: root + "/a.csv")
        let visible = { (paths: [String]) in paths.filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } } }
        let foundation = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
        #expect(visible(InputResolver.walk(root)).sorted() == visible(foundation).sorted())
        #expect(InputResolver.walk(root).contains("c/to-b") && !InputResolver.walk(root).contains("c/to-b/1.csv"))
    }

    @Test func aDirectoryGivenThroughASymlinkIsReadThroughIt() throws {
        let link = root + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: root + "/b")
        defer { try? FileManager.default.removeItem(atPath: link) }
        #expect(InputResolver.resolve([link]).files == [link + "/1.csv", link + "/2.csv"])
    }

    @Test func globsExpandSortedAndAFileNamedTwiceIsReadOnce() {
        let files = InputResolver.resolve([root + "/b/*.csv", root + "/b/1.csv"]).files
        #expect(files == [root + "/b/1.csv", root + "/b/2.csv"])
    }

    @Test func aPatternMatchingNothingIsAProblemNamingIt() {
        let resolution = InputResolver.resolve([root + "/none-*.csv"])
        #expect(resolution.files.isEmpty)
        #expect(resolution.problems.map(\.reason) == ["cannot read: no file matches this pattern"])
    }

    @Test func aFIFOInAFolderIsSkippedAndNamedButOneNamedOnTheCommandLineIsRead() throws {
        let fifo = root + "/b/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        let folder = InputResolver.resolve([root + "/b"])
        #expect(folder.files == [root + "/b/1.csv", root + "/b/2.csv"])
        #expect(folder.skipped.map(\.description) == ["\(fifo): skipped: not a regular file (a FIFO)"])
        #expect(InputResolver.resolve([root + "/b/p*.csv"]).skipped.map(\.path) == [fifo])
        // `report <(zcat calls.csv.gz)`: the user named the pipe.
        #expect(InputResolver.resolve([fifo]).files == [fifo])
    }

    @Test(.enabled(if: geteuid() == 0, "mknod needs root"))
    func aDeviceNodeInAFolderIsSkipped() throws {
        let device = root + "/b/null.csv"
        #expect(mknod(device, S_IFCHR | 0o600, dev_t(1 << 8 | 3)) == 0)  // 1:3, /dev/null
        let resolution = InputResolver.resolve([root + "/b"])
        #expect(resolution.files == [root + "/b/1.csv", root + "/b/2.csv"])
        #expect(resolution.skipped.map(\.reason) == ["not a regular file (a character device)"])
    }

    @Test func aBrokenLinkInAFolderIsSkippedAndNamed() throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/b/gone.csv", withDestinationPath: root + "/nowhere")
        #expect(InputResolver.resolve([root + "/b"]).skipped.map(\.reason) == ["a broken symbolic link"])
    }

    @Test func theInboxReadsOnlyRegularFilesAndLinksThatStayInsideIt() throws {
        let inbox = root + "/b"
        let outside = root + "-outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        _ = FileManager.default.createFile(atPath: outside + "/secret.csv", contents: Data("x".utf8))
        try FileManager.default.createSymbolicLink(
            atPath: inbox + "/out.csv", withDestinationPath: outside + "/secret.csv")
        try FileManager.default.createSymbolicLink(atPath: inbox + "/in.csv", withDestinationPath: "1.csv")
        try FileManager.default.createSymbolicLink(atPath: inbox + "/parent.csv", withDestinationPath: "../a.csv")
        #expect(mkfifo(inbox + "/pipe.csv", 0o600) == 0)
        let roots = [InputResolver.root(of: inbox)]
        let resolution = InputResolver.resolve([inbox], within: roots)
        // in.csv is 1.csv again: read once.
        #expect(resolution.files == [inbox + "/1.csv", inbox + "/2.csv"])
        #expect(
            resolution.skipped.map(\.description) == [
                "\(inbox)/out.csv: skipped: a symbolic link to a file outside the inbox",
                "\(inbox)/parent.csv: skipped: a symbolic link to a file outside the inbox",
                "\(inbox)/pipe.csv: skipped: not a regular file (a FIFO)",
            ])
        // Named in the configuration, a FIFO is still not read: the job would wait for a writer with its lock held.
        #expect(InputResolver.resolve([inbox + "/pipe.csv"], within: roots).files.isEmpty)
        #expect(InputResolver.resolve([inbox + "/out.csv"], within: roots).files.isEmpty)
    }

    @Test func theRootOfAnInboxEntryIsItsFolder() {
        #expect(InputResolver.root(of: root + "/b") == root + "/b")
        #expect(InputResolver.root(of: root + "/b/1.csv") == root + "/b")
        #expect(InputResolver.root(of: root + "/b/*/x-*.csv") == root + "/b")
    }
}
