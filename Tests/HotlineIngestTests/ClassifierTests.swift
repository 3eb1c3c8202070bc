import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

@Suite struct ClassifierTests {
    let symbols = SymbolTable()

    func classify(label: String = "", ivr: String = "", queue: String = "q", classifier: Classifier? = nil) -> (
        CallCategory, String
    ) {
        let classifier = classifier ?? Classifier(rules: .default, symbols: symbols)
        var call = CallRecord(
            location: RecordLocation(file: 0, line: 1), queue: symbols.intern(queue), label: symbols.intern(label),
            ivrPath: symbols.intern(ivr), enqueuedAt: Instant(seconds: 0), endedAt: Instant(seconds: 1),
            outcome: .answered)
        classifier.classify(&call)
        return (call.category, symbols[call.subcategory])
    }

    @Test(arguments: [
        ("重复支付", CallCategory.payment, "duplicate"), ("支付失败", .payment, "failed"), ("退款", .payment, "refund"),
        ("交易记录查询", .billing, "records"), ("对账单", .billing, "statement"), ("密码重置", .account, "password-reset"),
        ("账号被冻结", .account, "locked"), ("Cannot log in", .account, "login"), ("REFUND request", .payment, "refund"),
        ("投诉", .complaint, "service"), ("活动咨询", .other, "promotion"), ("支付", .payment, ""), ("账户", .account, ""),
    ])
    func labelsInChineseAndEnglishMapToTheTaxonomy(label: String, category: CallCategory, subcategory: String) {
        #expect(classify(label: label) == (category, subcategory))
    }

    @Test func aComplaintAboutARefundIsAComplaint() {
        #expect(classify(label: "投诉-退款太慢") == (.complaint, "service"))
    }

    @Test func theIVRPathClassifiesWhenTheLabelIsEmpty() {
        #expect(classify(ivr: "主菜单>账单>交易记录") == (.billing, "records"))
        #expect(classify(ivr: "main>payment>refund") == (.payment, "refund"))
    }

    @Test func unmatchedValuesCountAsOtherAndAreListedWithTheirCounts() {
        let classifier = Classifier(rules: .default, symbols: symbols)
        _ = classify(label: "快递查询", classifier: classifier)
        _ = classify(label: "快递查询", classifier: classifier)
        #expect(classify(label: "", ivr: "1>9", classifier: classifier) == (.other, ""))
        let unmatched = classifier.unmatched
        #expect(unmatched.map(\.count) == [2, 1])
        #expect(
            unmatched.map(\.value) == [
                UnmatchedValue(field: "category", value: "快递查询"), UnmatchedValue(field: "ivr_path", value: "1>9"),
            ])
    }

    @Test func aWordAtTheEndOfAMegabyteOfChineseTextMatchesInOnePass() {
        let long = String(repeating: "无关", count: 1 << 18)
        #expect(classify(label: long + "退款") == (.payment, "refund"))
        #expect(classify(label: long + "ＲＥＦＵＮＤ refund") == (.payment, "refund"))
        #expect(
            classify(label: String(repeating: "xyzzy ", count: 200_000) + "Password") == (.account, "password-reset"))
    }

    @Test func theFirstRuleWinsWhateverWordTheOnePassMeetsFirst() {
        // `支付` comes first in the value but its rule comes after the one for `重复支付`; `payment failed` and
        // `failed payment` share a suffix with other words (failure links).
        #expect(classify(label: "支付-重复支付退款") == (.payment, "duplicate"))
        #expect(classify(label: "my payment failed twice") == (.payment, "failed"))
        let rules = CategoryRules(rules: [
            CategoryRule(field: .label, words: ["abcd"], category: .billing),
            CategoryRule(field: .label, words: ["bc"], category: .account),
        ])
        let classifier = Classifier(rules: rules, symbols: symbols)
        #expect(classify(label: "xabce", classifier: classifier).0 == .account)
        #expect(classify(label: "xABCD", classifier: classifier).0 == .billing)
    }

    @Test func aLongUnmatchedValueIsListedCutToTwoHundredCharacters() {
        let classifier = Classifier(rules: .default, symbols: symbols)
        let long = String(repeating: "快", count: 1_000_000)
        _ = classify(label: long, classifier: classifier)
        let listed = classifier.unmatched.first?.value.value ?? ""
        #expect(listed == String(repeating: "快", count: 200) + "…")
    }

    @Test func aPatternSeesTheStartOfTheValueAndABacktrackingOneGivesUp() {
        let rules = CategoryRules(rules: [
            CategoryRule(field: .label, words: [], category: .complaint, pattern: "(a+)+$"),
            CategoryRule(field: .label, words: [], category: .billing, pattern: "^inv-\\d+"),
            CategoryRule(field: .label, words: [], category: .account, pattern: "tail$"),
        ])
        let classifier = Classifier(rules: rules, symbols: symbols)
        let started = ContinuousClock.now
        #expect(classify(label: String(repeating: "a", count: 31) + "b", classifier: classifier).0 == .other)
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(classify(label: "INV-42 " + String(repeating: "x", count: 5000), classifier: classifier).0 == .billing)
        // The end of a value longer than 256 characters is not seen by a pattern.
        #expect(classify(label: String(repeating: "x", count: 300) + "tail", classifier: classifier).0 == .other)
        #expect(classify(label: "short tail", classifier: classifier).0 == .account)
    }

    @Test func siblingsShareTheCompiledRulesAndKeepTheirOwnSymbolsAndCountsOnTheirOwnThreads() {
        let rules = CategoryRules(
            rules: [
                CategoryRule(field: .label, words: [], category: .other, subcategory: "product", pattern: "app ?crash")
            ] + CategoryRules.default.rules)
        let original = Classifier(rules: rules, symbols: symbols)
        let labels = ["APP crash on login", "重复支付", "快递查询", "appcrash", "nothing known"]
        let expected = labels.map { classify(label: $0, classifier: original) }.map { "\($0.0)/\($0.1)" }
        #expect(expected == ["other/product", "payment/duplicate", "other/", "other/product", "other/"])
        // One sibling per thread, each touched by its thread only.
        final class Lane: @unchecked Sendable {
            let symbols = SymbolTable()
            let classifier: Classifier
            var wrongPasses = 0
            var unmatched = 0
            init(_ original: Classifier) { classifier = original.sibling(symbols: symbols) }
        }
        let lanes = (0..<4).map { _ in Lane(original) }
        DispatchQueue.concurrentPerform(iterations: lanes.count) { index in
            let lane = lanes[index]
            // A new value each pass, so every pass runs the shared rules (a classifier caches its results).
            for pass in 0..<50 {
                let results = labels.map { label in
                    var call = CallRecord(
                        location: RecordLocation(file: 0, line: 1), queue: lane.symbols.intern("q"),
                        label: lane.symbols.intern("\(label) \(pass)"), ivrPath: .none,
                        enqueuedAt: Instant(seconds: 0), endedAt: Instant(seconds: 1), outcome: .answered)
                    lane.classifier.classify(&call)
                    return "\(call.category)/\(lane.symbols[call.subcategory])"
                }
                if results != expected { lane.wrongPasses += 1 }
            }
            lane.unmatched = lane.classifier.takeUnmatched().values.reduce(0, +)
        }
        #expect(lanes.allSatisfy { $0.wrongPasses == 0 })
        // Each sibling counted its own unmatched calls, two a pass; the original only its own.
        #expect(lanes.allSatisfy { $0.unmatched == 100 })
        #expect(original.unmatched.map(\.count) == [1, 1])
    }
}
