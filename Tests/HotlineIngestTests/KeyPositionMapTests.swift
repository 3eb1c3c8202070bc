import Testing

@testable import HotlineIngest

/// ``KeyPositionMap``: the open calls' positions by key, with deletion that keeps every other key findable.
struct KeyPositionMapTests {
    @Test func manyOpensAndClosesInAnyOrderAgreeWithADictionary() {
        var map = KeyPositionMap()
        var reference: [UInt64: UInt32] = [:]
        // A fixed pseudo-random sequence (an LCG): keys from a small range, so that sets, overwrites and removals
        // of present and absent keys all happen, across several growths of the table.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for step in 0..<200_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = (state >> 33) % 5_000
            if (state >> 20) % 3 == 0 {
                map[key] = nil
                reference[key] = nil
            } else {
                map[key] = UInt32(step)
                reference[key] = UInt32(step)
            }
        }
        #expect(map.count == reference.count)
        for key in 0..<UInt64(5_000) { #expect(map[key] == reference[key]) }
    }

    @Test func keysThatShareAHomeSlotStayFindableWhenTheFirstIsRemoved() {
        var map = KeyPositionMap()
        // Keys 0...40 in a 64-slot table collide in places; removing every other one shifts the rest back.
        for key in UInt64(0)...40 { map[key] = UInt32(key) }
        for key in stride(from: UInt64(0), through: 40, by: 2) { map[key] = nil }
        for key in UInt64(0)...40 { #expect(map[key] == (key % 2 == 1 ? UInt32(key) : nil)) }
        #expect(map.count == 20)
    }
}
