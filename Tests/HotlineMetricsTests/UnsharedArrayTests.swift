import Testing

@testable import HotlineMetrics

@Suite struct UnsharedArrayTests {
    @Test func appendsGrowAndKeepEveryValueInOrder() {
        let array = UnsharedArray<Int>(capacity: 1)
        for i in 0..<1000 { array.append(i) }
        array.append(repeating: 7, count: 3)
        #expect(array.count == 1003)
        #expect(array.elements == Array(0..<1000) + [7, 7, 7])
    }

    @Test func elementsAreChangedInPlace() {
        let counts = UnsharedArray<[Int]>(repeating: [], count: 4)
        counts[2].append(5)
        counts[2].append(6)
        counts[0] = [1]
        #expect(counts.elements == [[1], [], [5, 6], []])
    }

    @Test func removeAllReleasesTheValuesAndKeepsTheArrayUsable() {
        final class Census { var alive = 0 }
        final class Tracked {
            let census: Census
            init(_ census: Census) {
                self.census = census
                census.alive += 1
            }
            deinit { census.alive -= 1 }
        }
        let census = Census()
        do {
            let array = UnsharedArray<Tracked>()
            for _ in 0..<100 { array.append(Tracked(census)) }
            #expect(census.alive == 100)
            array.removeAll()
            #expect(census.alive == 0 && array.count == 0)
            array.append(Tracked(census))
            #expect(census.alive == 1)
        }
        #expect(census.alive == 0)
    }
}
