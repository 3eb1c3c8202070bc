import HotlineModel
import Testing

@testable import HotlineIngest

@Suite struct OpenCallTableTests {
    func location(_ line: Int) -> RecordLocation { RecordLocation(file: Int32(line % 3), line: Int32(line)) }

    @Test func callsLeftOpenDrainInLineOrderWithTheirIDsAndEveryEvent() {
        var table = OpenCallTable()
        // Enough closed calls that the id buffer is compacted and event links are reused on the way.
        let n = 120_000
        for i in 0..<n {
            table.open(
                key: UInt64(i) &* 0x9E37_79B9_7F4A_7C15, callID: "1794794400.\(i)-队列", enqueuedAt: Instant(seconds: 0),
                queue: .none, caller: nil, location: RecordLocation(file: 0, line: Int32(i * 3)))
        }
        for i in 0..<n {
            let position = table.position(of: UInt64(i) &* 0x9E37_79B9_7F4A_7C15) ?? -1
            table.addEvent(RecordLocation(file: 0, line: Int32(i * 3 + 1)), at: position)
            if i % 2 == 0 {
                table.addEvent(RecordLocation(file: 0, line: Int32(i * 3 + 2)), at: position)
                table.remove(at: position)
            }
        }
        // A later event of an odd call takes a link an even call gave back.
        let last = table.position(of: UInt64(n - 1) &* 0x9E37_79B9_7F4A_7C15) ?? -1
        table.addEvent(RecordLocation(file: 1, line: 7), at: last)
        #expect(table.count == n / 2)
        var drained: [(String, [RecordLocation])] = []
        table.drain { drained.append(($0, $1)) }
        #expect(drained.count == n / 2)
        #expect(table.count == 0)
        for (k, (callID, events)) in drained.enumerated() {
            let i = 2 * k + 1
            #expect(callID == "1794794400.\(i)-队列")
            var expected = [
                RecordLocation(file: 0, line: Int32(i * 3)), RecordLocation(file: 0, line: Int32(i * 3 + 1)),
            ]
            if i == n - 1 { expected.append(RecordLocation(file: 1, line: 7)) }
            #expect(events == expected)
            if callID != "1794794400.\(i)-队列" || events != expected { break }
        }
    }

    @Test func aLongCallIDKeepsEveryByte() {
        var table = OpenCallTable()
        let id = String(repeating: "x", count: 300) + "尾"
        table.open(
            key: 1, callID: id, enqueuedAt: Instant(seconds: 0), queue: .none, caller: nil, location: location(4))
        table.open(
            key: 2, callID: "", enqueuedAt: Instant(seconds: 0), queue: .none, caller: nil, location: location(5))
        #expect(table.callID(at: 0) == id && table.callID(at: 1) == "")
    }
}
