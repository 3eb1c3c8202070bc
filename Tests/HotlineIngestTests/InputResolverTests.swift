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
        let (files, problems) = InputResolver.resolve([root])
        #expect(files == [root + "/a.csv", root + "/b/1.csv", root + "/b/2.csv"])
        #expect(problems.isEmpty)
    }

    @Test func aDirectoryGivenThroughASymlinkIsReadThroughIt() throws {
        let link = root + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: root + "/b")
        defer { try? FileManager.default.removeItem(atPath: link) }
        #expect(InputResolver.resolve([link]).files == [link + "/1.csv", link + "/2.csv"])
    }

    @Test func globsExpandSortedAndAFileNamedTwiceIsReadOnce() {
        let (files, _) = InputResolver.resolve([root + "/b/*.csv", root + "/b/1.csv"])
        #expect(files == [root + "/b/1.csv", root + "/b/2.csv"])
    }

    @Test func aPatternMatchingNothingIsAProblemNamingIt() {
        let (files, problems) = InputResolver.resolve([root + "/none-*.csv"])
        #expect(files.isEmpty)
        #expect(problems.map(\.reason) == ["cannot read: no file matches this pattern"])
    }
}
