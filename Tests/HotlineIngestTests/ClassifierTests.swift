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
}
