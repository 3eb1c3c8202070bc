import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

/// The export hashes each caller from its bytes as they come: they must be exactly the caller's text.
struct CallerBytesTests {
    @Test(arguments: [
        "13800001234", "+8613800001234", "0013800001234", "0", "000", "+0", "123456789012345678", "anonymous-ish",
        "客户 李", "8613800001234 ext 5",
    ])
    func theBytesOfACallerAreThoseOfItsText(caller: String) throws {
        let context = ReadContext(
            symbols: SymbolTable(), calendar: LocalCalendar(zone: TimeZone(identifier: "UTC") ?? .gmt))
        let bytes = Array(caller.utf8)
        let key = try #require(bytes.withUnsafeBufferPointer { context.callerKey($0) } ?? nil)
        var streamed: [UInt8] = []
        context.forEachCallerByte(key) { streamed.append($0) }
        #expect(String(decoding: streamed, as: UTF8.self) == context.callerText(key))
    }
}
