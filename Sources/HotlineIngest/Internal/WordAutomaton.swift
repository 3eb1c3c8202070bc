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
        // Trie with sorted edge lists, built with dictionaries then flattened.
        var children: [[UInt8: Int32]] = [[:]]
        var out: [Int32] = [.max]
        for (word, rule) in words where !word.isEmpty {
            var state = 0
            for byte in word.utf8 {
                if let next = children[state][byte] {
                    state = Int(next)
                } else {
                    children.append([:])
                    out.append(.max)
                    children[state][byte] = Int32(children.count - 1)
                    state = children.count - 1
                }
            }
            out[state] = min(out[state], Int32(clamping: rule))
        }
        let count = children.count
        edgeStart.reserveCapacity(count + 1)
        for state in 0..<count {
            edgeStart.append(Int32(edgeBytes.count))
            for (byte, target) in children[state].sorted(by: { $0.key < $1.key }) {
                edgeBytes.append(byte)
                edgeTargets.append(target)
            }
        }
        edgeStart.append(Int32(edgeBytes.count))
        for (byte, target) in children[0] { rootNext[Int(byte)] = target }

        // Failure links, breadth first; outputs inherit their suffix's.
        fail = [Int32](repeating: 0, count: count)
        var queue: [Int32] = children[0].values.sorted()
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            for (byte, target) in children[state] {
                var f = Int(fail[state])
                while true {
                    if let next = children[f][byte], Int(next) != Int(target) {
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
