import Foundation
import Testing

@testable import HotlineModel

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ChunkedWriteTests {
    /// A temporary file, open for reading and writing, unlinked when done.
    func withTemporaryFile(_ body: (Int32) throws -> Void) throws {
        var template = Array((NSTemporaryDirectory() + "/chunked-write-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        try #require(fd >= 0)
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        defer { close(fd) }
        try body(fd)
    }

    func contents(of fd: Int32, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, 0) }
        return Array(bytes.prefix(max(0, n)))
    }

    /// Bytes that differ from chunk to chunk, so that a chunk written twice or skipped shows.
    let bytes = (0..<(2 * ChunkedWrite.chunk + 12_345)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 18) }

    @Test func aBufferOfSeveralChunksIsWrittenWholeAtItsOffset() throws {
        try withTemporaryFile { fd in
            let problem = bytes.withUnsafeBytes { ChunkedWrite.all($0, to: fd, at: 1000) }
            #expect(problem == nil)
            let written = contents(of: fd, count: 1000 + bytes.count + 1)
            #expect(written.count == 1000 + bytes.count)
            #expect(written.prefix(1000).allSatisfy { $0 == 0 })
            #expect(Array(written.dropFirst(1000)) == bytes)
        }
    }

    @Test func withoutAnOffsetTheBytesFollowTheFilePosition() throws {
        try withTemporaryFile { fd in
            let head: [UInt8] = Array("head".utf8)
            #expect(head.withUnsafeBytes { ChunkedWrite.all($0, to: fd) } == nil)
            #expect(bytes.withUnsafeBytes { ChunkedWrite.all($0, to: fd) } == nil)
            #expect(contents(of: fd, count: head.count + bytes.count + 1) == head + bytes)
        }
    }

    @Test func aRefusedWriteSaysWhy() throws {
        let problem = bytes.withUnsafeBytes { ChunkedWrite.all($0, to: -1, at: 0) }
        #expect(problem == String(cString: strerror(EBADF)))
        #expect([UInt8]().withUnsafeBytes { ChunkedWrite.all($0, to: -1) } == nil)
    }
}
