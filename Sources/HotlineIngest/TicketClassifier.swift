import HotlineModel

/// Gives each ticket its category and subcategory from the rules on its tags, type and group, then on subject
/// keywords, and counts the values no rule matched.
///
/// Results for (tags, type, group) are cached, so the rules run once per combination; the subject, different on
/// nearly every ticket, is looked at only when those gave nothing. Not thread-safe: one per pipeline.
public final class TicketClassifier {
    private struct Key: Hashable {
        var tags: Symbol
        var type: Symbol
        var group: Symbol
    }
    private struct Result {
        var category: CallCategory
        var subcategory: Symbol
        var matched: Bool
    }

    private let matcher: RuleMatcher
    private let symbols: SymbolTable
    private var cache: [Key: Result] = [:]
    private var unmatchedCounts: [UnmatchedValue: Int] = [:]

    public init(rules: CategoryRules, symbols: SymbolTable) {
        self.matcher = RuleMatcher(rules: rules, fields: \.isTicketField)
        self.symbols = symbols
    }

    public func classify(_ ticket: inout TicketRecord) {
        let key = Key(tags: ticket.tags, type: ticket.ticketType, group: ticket.group)
        let result: Result
        if let cached = cache[key] {
            result = cached
        } else {
            let values: [CategoryRule.Field: String] = [
                .tags: symbols[key.tags].lowercased(), .ticketType: symbols[key.type].lowercased(),
                .group: symbols[key.group].lowercased(),
            ]
            if let rule = matcher.firstMatch(values) {
                result = Result(
                    category: rule.category, subcategory: rule.subcategory.map { symbols.intern($0) } ?? .none,
                    matched: true)
            } else {
                result = Result(category: .other, subcategory: .none, matched: false)
            }
            cache[key] = result
        }
        if result.matched {
            ticket.category = result.category
            ticket.subcategory = result.subcategory
        } else if !ticket.subject.isEmpty, let rule = matcher.firstMatch([.subject: ticket.subject.lowercased()]) {
            ticket.category = rule.category
            ticket.subcategory = rule.subcategory.map { symbols.intern($0) } ?? .none
        } else {
            ticket.category = .other
            ticket.subcategory = .none
            unmatchedCounts[unmatchedValue(key, subject: ticket.subject), default: 0] += 1
        }
        ticket.subject = ""
    }

    /// The most specific value there was, so the missing rule is easy to write.
    private func unmatchedValue(_ key: Key, subject: String) -> UnmatchedValue {
        if !key.tags.isNone { return UnmatchedValue(field: "tags", value: symbols[key.tags]) }
        if !key.type.isNone { return UnmatchedValue(field: "ticket_type", value: symbols[key.type]) }
        if !key.group.isNone { return UnmatchedValue(field: "group", value: symbols[key.group]) }
        if !subject.isEmpty { return UnmatchedValue(field: "subject", value: "(subjects with no rule's words)") }
        return UnmatchedValue(field: "none", value: "(no tags, type, group or subject)")
    }

    public var unmatched: [(value: UnmatchedValue, count: Int)] {
        unmatchedCounts.map { ($0.key, $0.value) }.sorted {
            $0.count != $1.count
                ? $0.count > $1.count : ($0.value.field, $0.value.value) < ($1.value.field, $1.value.value)
        }
    }
}
