import Foundation
import HotlineModel

/// The category rules compiled once: the first rule whose field value contains one of its words, or matches its
/// pattern, case-insensitively.
///
/// The words of all the rules on a field are found in one pass over the value (``WordAutomaton``), so a value
/// no rule matches costs as much as one that matches early. A pattern sees at most ``maxPatternCharacters`` of
/// the value, and gives up (no match) after ``maxPatternSteps`` steps of the regular-expression engine, so a
/// pattern that backtracks badly (`(a+)+$`) costs a bounded time per distinct value, the same on every machine.
///
/// Immutable once made, so the reading threads' classifiers share one (`NSRegularExpression` is safe to use from
/// several threads).
final class RuleMatcher: @unchecked Sendable {
    /// The characters of a value a pattern looks at: its start.
    static let maxPatternCharacters = 256
    /// The engine's progress reports (about 10,000 steps each) a pattern may use on one value.
    static let maxPatternSteps = 50

    let rules: CategoryRules
    private let patterns: [Int: NSRegularExpression]
    private let automata: [CategoryRule.Field: WordAutomaton]

    /// Compiles the rules on `fields`, the only ones ``firstMatch(_:)`` is given: the call fields for calls, the
    /// ticket fields for tickets (the four ticket fields' automata were 2.2 M instructions of each call classifier).
    init(rules: CategoryRules, fields: (CategoryRule.Field) -> Bool) {
        self.rules = rules
        var compiled: [Int: NSRegularExpression] = [:]
        var words: [CategoryRule.Field: [(word: String, rule: Int)]] = [:]
        for (index, rule) in rules.rules.enumerated() where fields(rule.field) {
            // The configuration checked every pattern at load; one that fails here matches nothing.
            if let pattern = rule.pattern,
                let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            {
                compiled[index] = regex
            }
            for word in rule.words { words[rule.field, default: []].append((word, index)) }
        }
        patterns = compiled
        automata = words.mapValues { WordAutomaton(words: $0) }
    }

    /// The first rule matching one of `values` (lower-cased field values of the matcher's fields; fields absent or
    /// empty are skipped).
    func firstMatch(_ values: [CategoryRule.Field: String]) -> CategoryRule? {
        var firstWordRule: [CategoryRule.Field: Int] = [:]
        for (field, value) in values where !value.isEmpty {
            firstWordRule[field] = automata[field]?.firstRule(in: value) ?? .max
        }
        for (index, rule) in rules.rules.enumerated() {
            guard let wordRule = firstWordRule[rule.field] else { continue }
            // Rules before the first one with a word in the value have none there.
            if wordRule == index { return rule }
            if let regex = patterns[index], let value = values[rule.field], matches(regex, value) { return rule }
        }
        return nil
    }

    private func matches(_ regex: NSRegularExpression, _ value: String) -> Bool {
        let head =
            value.utf8.count > Self.maxPatternCharacters ? String(value.prefix(Self.maxPatternCharacters)) : value
        var found = false
        var progress = 0
        regex.enumerateMatches(in: head, options: [.reportProgress], range: NSRange(head.startIndex..., in: head)) {
            match, flags, stop in
            if match != nil {
                found = true
                stop.pointee = true
            } else if flags.contains(.progress) {
                progress += 1
                if progress >= Self.maxPatternSteps { stop.pointee = true }
            }
        }
        return found
    }
}
