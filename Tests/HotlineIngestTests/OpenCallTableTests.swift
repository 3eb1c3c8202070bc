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

    func key(_ i: Int) -> UInt64 { UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15 }

    /// `n` calls opened a second apart, each with one later event, in a table that holds `limit` in memory.
    func table(_ n: Int, limit: Int) -> OpenCallTable {
        var table = OpenCallTable(limit: limit)
        for i in 0..<n {
            table.open(
                key: key(i), callID: "call-\(i)", enqueuedAt: Instant(seconds: Int64(i)), queue: Symbol(rawValue: 7),
                caller: CallerKey(rawValue: UInt64(i) + 100), location: RecordLocation(file: 0, line: Int32(i * 2)))
            if let position = table.position(of: key(i)) {
                table[position].flags |= OpenCallTable.Call.answered
                table[position].answeredAt = Int64(i) * 1000 + 500
                table.addEvent(RecordLocation(file: 0, line: Int32(i * 2 + 1)), at: position)
            }
        }
        return table
    }

    @Test func pastItsLimitTheOlderCallsGoToDiskAndComeBackWithTheirStateWhenAnEventArrives() throws {
        var open = table(1000, limit: 64)
        #expect(open.count == 1000)
        // The first call was spilled long ago: its state, id and events come back with it.
        let found = open.position(of: key(0))
        let position = try #require(found)
        let call = open[position]
        #expect(call.answeredAt == 500)
        #expect(call.caller == 100)
        #expect(call.queue == Symbol(rawValue: 7))
        #expect(open.callID(at: position) == "call-0")
        #expect(open.events(at: position) == [RecordLocation(file: 0, line: 0), RecordLocation(file: 0, line: 1)])
        open.remove(at: position)
        #expect(open.count == 999)
        // A key never opened is found nowhere.
        let never = open.position(of: 42)
        #expect(never == nil)
    }

    @Test func everyCallLeftOpenIsDrainedOnceWhetherInMemoryOrSpilled() {
        var open = table(1000, limit: 64)
        for i in stride(from: 0, to: 1000, by: 3) {
            if let position = open.position(of: key(i)) { open.remove(at: position) }
        }
        var drained: [String: [RecordLocation]] = [:]
        var count = 0
        open.drain { id, events in
            drained[id] = events
            count += 1
        }
        let left = (0..<1000).filter { $0 % 3 != 0 }
        #expect(count == left.count)
        #expect(Set(drained.keys) == Set(left.map { "call-\($0)" }))
        #expect(
            left.allSatisfy {
                drained["call-\($0)"]
                    == [RecordLocation(file: 0, line: Int32($0 * 2)), RecordLocation(file: 0, line: Int32($0 * 2 + 1))]
            })
        #expect(open.count == 0)
    }
}

extension OpenCallTable {
    /// Opens a call under a callid given as text (the reader gives the bytes where they lie).
    mutating func open(
        key: UInt64, callID: String, enqueuedAt: Instant, queue: Symbol, caller: CallerKey?, location: RecordLocation
    ) {
        Array(callID.utf8).withUnsafeBufferPointer { bytes in
            open(key: key, callID: bytes, enqueuedAt: enqueuedAt, queue: queue, caller: caller, location: location)
        }
    }
}
