import Foundation
import HotlineModel

/// The category rules with their patterns compiled once: the first rule whose field value contains one of its
/// words, or matches its pattern, case-insensitively.
final class RuleMatcher {
    let rules: CategoryRules
    private let patterns: [Int: NSRegularExpression]

    init(rules: CategoryRules) {
        self.rules = rules
        var compiled: [Int: NSRegularExpression] = [:]
        for (index, rule) in rules.rules.enumerated() {
            // The configuration checked every pattern at load; one that fails here matches nothing.
            if let pattern = rule.pattern,
                let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            {
                compiled[index] = regex
            }
        }
        patterns = compiled
    }

    /// The first rule matching one of `values` (lower-cased field values; fields absent or empty are skipped).
    func firstMatch(_ values: [CategoryRule.Field: String]) -> CategoryRule? {
        for (index, rule) in rules.rules.enumerated() {
            guard let value = values[rule.field], !value.isEmpty else { continue }
            if rule.words.contains(where: { value.contains($0) }) { return rule }
            if let regex = patterns[index],
                regex.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
            {
                return rule
            }
        }
        return nil
    }
}
