import Foundation
import HotlineModel

/// Gives each call its category and subcategory from the rules, and counts the values no rule matched.
///
/// Results are cached per distinct (label, IVR path, queue), so the rules run once per combination, not per
/// call. Not thread-safe: one per pipeline.
public final class Classifier {
    private struct Key: FastHashable {
        var label: Symbol
        var ivrPath: Symbol
        var queue: Symbol

        var fastHash: UInt64 {
            UInt64(label.rawValue) | UInt64(ivrPath.rawValue) << 32 ^ UInt64(queue.rawValue) &* 0x9E37_79B9_7F4A_7C15
        }
    }
    private struct Result {
        var category: CallCategory
        var subcategory: Symbol
        /// Whether no rule matched (the value to report is in ``unmatchedValues``).
        var unmatched: Bool
        /// The category of the IVR path alone, when there is one and a rule matches it.
        var ivrCategory: CallCategory?
    }

    private let matcher: RuleMatcher
    private let symbols: SymbolTable
    private var keys = DenseIndex<Key>()
    private var results: [Result] = []
    private var lastKey = Key(label: Symbol(rawValue: .max), ivrPath: .none, queue: .none)
    private var lastIndex = 0
    /// By result: the value to report when no rule matched, and the calls counted with it since the last
    /// ``takeUnmatched()``. Counted by number, not in a dictionary of strings: hashing the value twice a call was
    /// a tenth of reading a queue_log whose queues no rule names.
    private var unmatchedValues: [UnmatchedValue?] = []
    private var unmatchedCalls: [Int] = []
    /// The results counted in ``unmatchedCalls`` since the last take, so a take visits only those.
    private var countedResults: [Int] = []
    /// Counts other classifiers of the run handed on (``addUnmatched(_:)``).
    private var addedUnmatched: [UnmatchedValue: Int] = [:]

    /// The rules, for the ticket classifier of the same run.
    public var rules: CategoryRules { matcher.rules }

    public init(rules: CategoryRules, symbols: SymbolTable) {
        self.matcher = RuleMatcher(rules: rules, fields: { !$0.isTicketField })
        self.symbols = symbols
    }

    /// A classifier for another reading thread, with its own caches and counts over `symbols`, and the same
    /// compiled rules: compiling them again was 4.6 M instructions a thread, 2% of a one-day report.
    func sibling(symbols: SymbolTable) -> Classifier { Classifier(matcher: matcher, symbols: symbols) }

    private init(matcher: RuleMatcher, symbols: SymbolTable) {
        self.matcher = matcher
        self.symbols = symbols
    }

    @inline(__always) public func classify(_ call: inout CallRecord) {
        let key = Key(label: call.label, ivrPath: call.ivrPath, queue: call.queue)
        let index: Int
        if key == lastKey {
            index = lastIndex
        } else {
            let inserted: Bool
            (index, inserted) = keys.index(of: key)
            if inserted {
                let (result, unmatched) = evaluate(key)
                results.append(result)
                unmatchedValues.append(unmatched)
                unmatchedCalls.append(0)
            }
            lastKey = key
            lastIndex = index
        }
        let result = results[index]
        call.category = result.category
        call.subcategory = result.subcategory
        call.ivrCategory = result.ivrCategory
        // A caller who hung up in the top menu chose nothing: no rule could name it, so it is not a missing one.
        if result.unmatched && !call.outcome.endsInIVR {
            if unmatchedCalls[index] == 0 { countedResults.append(index) }
            unmatchedCalls[index] += 1
        }
    }

    private func evaluate(_ key: Key) -> (Result, UnmatchedValue?) {
        let values: [CategoryRule.Field: String] = [
            .label: symbols[key.label].lowercased(), .ivrPath: symbols[key.ivrPath].lowercased(),
            .queue: symbols[key.queue].lowercased(),
        ]
        // What the menus alone say, for misroutes: the path's category without the agent's label.
        let ivrCategory = key.ivrPath.isNone ? nil : matcher.firstMatch([.ivrPath: values[.ivrPath] ?? ""])?.category
        if let rule = matcher.firstMatch(values) {
            let result = Result(
                category: rule.category, subcategory: rule.subcategory.map { symbols.intern($0) } ?? .none,
                unmatched: false, ivrCategory: ivrCategory)
            return (result, nil)
        }
        // Name the most specific value that was there, so the missing rule is easy to write.
        let unmatched: UnmatchedValue
        if !key.label.isNone {
            unmatched = UnmatchedValue(field: "category", value: symbols[key.label])
        } else if !key.ivrPath.isNone {
            unmatched = UnmatchedValue(field: "ivr_path", value: symbols[key.ivrPath])
        } else if !key.queue.isNone {
            unmatched = UnmatchedValue(field: "queue", value: symbols[key.queue])
        } else {
            unmatched = UnmatchedValue(field: "none", value: "(no category label, IVR path or queue)")
        }
        return (Result(category: .other, subcategory: .none, unmatched: true, ivrCategory: ivrCategory), unmatched)
    }

    /// The unmatched values counted so far (values sharing their first characters counted together).
    private var unmatchedCounts: [UnmatchedValue: Int] {
        var counts = addedUnmatched
        for index in countedResults {
            if let value = unmatchedValues[index] { counts[value, default: 0] += unmatchedCalls[index] }
        }
        return counts
    }

    /// The unmatched values counted so far, counting from zero again (a reading thread's classifier hands its
    /// counts on with each block).
    func takeUnmatched() -> [UnmatchedValue: Int] {
        let counts = unmatchedCounts
        addedUnmatched = [:]
        for index in countedResults { unmatchedCalls[index] = 0 }
        countedResults.removeAll(keepingCapacity: true)
        return counts
    }

    /// ``takeUnmatched()`` as ``unmatched`` lists them: one file's values when taken before and after reading it.
    public func takeUnmatchedList() -> [(value: UnmatchedValue, count: Int)] {
        Self.listed(takeUnmatched())
    }

    /// Adds unmatched values another classifier of the same run counted.
    func addUnmatched(_ counts: [UnmatchedValue: Int]) {
        if !counts.isEmpty { addedUnmatched.merge(counts, uniquingKeysWith: +) }
    }

    /// Values no rule matched, most frequent first (then by field and value, for a stable order).
    public var unmatched: [(value: UnmatchedValue, count: Int)] { Self.listed(unmatchedCounts) }

    private static func listed(_ counts: [UnmatchedValue: Int]) -> [(value: UnmatchedValue, count: Int)] {
        counts.map { ($0.key, $0.value) }.sorted {
            $0.count != $1.count
                ? $0.count > $1.count : ($0.value.field, $0.value.value) < ($1.value.field, $1.value.value)
        }
    }
}
