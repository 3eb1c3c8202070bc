import Testing

@testable import HotlineIngest

/// ``WordAutomaton``: one pass over a value finds the lowest rule any of whose words the value contains.
struct WordAutomatonTests {
    /// The rule the definition gives: the lowest index of a word that is a substring of the value.
    func bruteForce(_ words: [(word: String, rule: Int)], _ value: String) -> Int? {
        words.filter { !$0.word.isEmpty && value.utf8.count >= $0.word.utf8.count && contains(value, $0.word) }
            .map(\.rule).min()
    }

    func contains(_ value: String, _ word: String) -> Bool {
        let v = Array(value.utf8)
        let w = Array(word.utf8)
        return (0...(v.count - w.count)).contains { i in Array(v[i..<(i + w.count)]) == w }
    }

    @Test func randomWordsAndValuesGiveTheRuleOfTheLowestWordContained() {
        // A fixed pseudo-random sequence over a small alphabet with Chinese characters, so that words overlap,
        // share prefixes and suffixes, and fail links matter.
        let alphabet = ["a", "b", "ab", "支", "付", "退", "款", "-"]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func text(_ length: Int) -> String { (0..<length).map { _ in alphabet[next(alphabet.count)] }.joined() }
        for _ in 0..<40 {
            let words: [(word: String, rule: Int)] = (0..<(1 + next(12))).map { _ in
                (word: text(1 + next(4)), rule: next(6))
            }
            let automaton = WordAutomaton(words: words)
            for _ in 0..<50 {
                let value = text(next(12))
                #expect(automaton.firstRule(in: value) == bruteForce(words, value), "\(words) in \(value)")
            }
        }
    }
}
