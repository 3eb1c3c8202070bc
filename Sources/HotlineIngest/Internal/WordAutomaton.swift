/// An Aho-Corasick automaton over the UTF-8 bytes of lower-cased words: one pass over a value finds the first
/// rule (lowest index) any of whose words it contains.
///
/// Words are matched as byte strings. Both sides are lower-cased UTF-8, so a match always starts and ends on a
/// character's bytes (UTF-8 is self-synchronising): `支付` matches inside `支付-重复支付退款` and nowhere else.
///
/// - Complexity: building O(total word bytes × alphabet of a node); matching O(n) in the value's bytes, whatever
///   the number of words.
struct WordAutomaton {
    /// Edges of each state, flattened: `edgeStart[s]..<edgeStart[s + 1]` index `edgeBytes` and `edgeTargets`.
    private var edgeStart: [Int32] = []
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    /// The root's edges, dense: most bytes of a value that matches nothing come back to the root.
    private var rootNext = [Int32](repeating: 0, count: 256)
    private var fail: [Int32] = []
    /// The lowest rule index of a word ending here or at a suffix of here; `Int32.max` for none.
    private var output: [Int32] = []

    /// `words` pairs each word (lower-cased) with the index of its rule.
    init(words: [(word: String, rule: Int)]) {
        // Trie with each node's edges in a linked list over shared arrays, searched linearly (a node has one or two
        // children; the root's are also kept dense): a dictionary, then an array, per node was 11%, then 7%, of a
        // one-day report, at every start (17,000 nodes for the sample configuration).
        var firstEdge: [Int32] = [-1]
        var nextEdge: [Int32] = []
        var bytes: [UInt8] = []
        var targets: [Int32] = []
        var out: [Int32] = [.max]
        func child(_ state: Int, _ byte: UInt8) -> Int32? {
            if state == 0 { return rootNext[Int(byte)] == 0 ? nil : rootNext[Int(byte)] }
            var edge = firstEdge[state]
            while edge >= 0 {
                if bytes[Int(edge)] == byte { return targets[Int(edge)] }
                edge = nextEdge[Int(edge)]
            }
            return nil
        }
        func edges(of state: Int) -> [(byte: UInt8, target: Int32)] {
            var list: [(byte: UInt8, target: Int32)] = []
            var edge = firstEdge[state]
            while edge >= 0 {
                list.append((bytes[Int(edge)], targets[Int(edge)]))
                edge = nextEdge[Int(edge)]
            }
            return list
        }
        for (word, rule) in words where !word.isEmpty {
            var state = 0
            for byte in word.utf8 {
                if let next = child(state, byte) {
                    state = Int(next)
                } else {
                    let target = Int32(firstEdge.count)
                    firstEdge.append(-1)
                    out.append(.max)
                    nextEdge.append(firstEdge[state])
                    bytes.append(byte)
                    targets.append(target)
                    firstEdge[state] = Int32(bytes.count - 1)
                    if state == 0 { rootNext[Int(byte)] = target }
                    state = Int(target)
                }
            }
            out[state] = min(out[state], Int32(clamping: rule))
        }
        let count = firstEdge.count
        edgeStart.reserveCapacity(count + 1)
        for state in 0..<count {
            edgeStart.append(Int32(edgeBytes.count))
            let list =
                firstEdge[state] >= 0 && nextEdge[Int(firstEdge[state])] < 0
                ? [(byte: bytes[Int(firstEdge[state])], target: targets[Int(firstEdge[state])])]
                : edges(of: state).sorted(by: { $0.byte < $1.byte })
            for edge in list {
                edgeBytes.append(edge.byte)
                edgeTargets.append(edge.target)
            }
        }
        edgeStart.append(Int32(edgeBytes.count))

        // Failure links, breadth first; outputs inherit their suffix's.
        fail = [Int32](repeating: 0, count: count)
        var queue: [Int32] = edges(of: 0).map(\.target).sorted()
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            var edge = firstEdge[state]
            while edge >= 0 {
                let (byte, target) = (bytes[Int(edge)], targets[Int(edge)])
                edge = nextEdge[Int(edge)]
                var f = Int(fail[state])
                while true {
                    if let next = child(f, byte), Int(next) != Int(target) {
                        fail[Int(target)] = next
                        break
                    }
                    if f == 0 {
                        fail[Int(target)] = 0
                        break
                    }
                    f = Int(fail[f])
                }
                out[Int(target)] = min(out[Int(target)], out[Int(fail[Int(target)])])
                queue.append(target)
            }
        }
        output = out
    }

    @inline(__always) private func next(_ state: Int, _ byte: UInt8) -> Int? {
        if state == 0 { return Int(rootNext[Int(byte)]) }
        var lo = Int(edgeStart[state])
        let hi = Int(edgeStart[state + 1])
        while lo < hi {
            if edgeBytes[lo] == byte { return Int(edgeTargets[lo]) }
            if edgeBytes[lo] > byte { return nil }
            lo += 1
        }
        return nil
    }

    /// The lowest rule index among the words `value` contains, nil when it contains none.
    func firstRule(in value: String) -> Int? {
        var best = Int32.max
        var state = 0
        var value = value
        value.withUTF8 { bytes in
            for byte in bytes {
                while true {
                    if let target = next(state, byte) {
                        state = target
                        break
                    }
                    state = Int(fail[state])
                }
                let found = output[state]
                if found < best { best = found }
            }
        }
        return best == .max ? nil : Int(best)
    }
}
