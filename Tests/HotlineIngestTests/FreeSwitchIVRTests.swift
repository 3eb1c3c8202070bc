import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

/// FreeSWITCH XML CDRs with IVR variables: the path, calls that ended in the menus, configured variable names.
@Suite struct FreeSwitchIVRTests {
    typealias H = IngestHarness
    static let zero: Int64 = 1_794_794_400

    static func cdr(_ variables: [(String, String)]) -> String {
        let base: [(String, String)] = [
            ("direction", "inbound"), ("uuid", "u-\(variables.count)"), ("caller_id_number", "13800000001"),
            ("start_epoch", "\(zero)"), ("answer_epoch", "\(zero + 1)"), ("end_epoch", "\(zero + 50)"),
        ]
        let body = (base + variables).map { "<\($0.0)>\($0.1)</\($0.0)>" }.joined()
        return "<?xml version=\"1.0\"?>\n<cdr core-uuid=\"c\"><variables>\(body)</variables></cdr>\n"
    }

    static func read(_ text: String, configure: (ReadContext) -> Void = { _ in }) throws -> H {
        try H.read(Array(text.utf8), name: "ivr.cdr.xml", configure: configure)
    }

    @Test func aCallWithAPathAndNoQueueEndedInTheMenusAllOfItsTime() throws {
        let h = try Self.read(Self.cdr([("ivr_path", "%E4%B8%BB%E8%8F%9C%E5%8D%95%3E%E6%94%AF%E4%BB%98")]))
        let call = try #require(h.calls.first)
        #expect(call.outcome == .ivrAbandoned && call.queue.isNone && call.answeredAt == nil)
        #expect(h.symbols[call.ivrPath] == "主菜单>支付")
        #expect(call.ivrTime == 50_000 && call.endedAt == Instant(seconds: Self.zero + 50))
    }

    @Test func aSuccessfulMenuStatusIsSelfServedAndDigitsAloneMakeAnIVRCall() throws {
        let served = try Self.read(Self.cdr([("ivr_path", "主菜单>余额查询"), ("ivr_menu_status", "success")]))
        #expect(served.calls.first?.outcome == .selfServed)
        let digits = try Self.read(Self.cdr([("digits_dialed", "2")]))
        let call = try #require(digits.calls.first)
        #expect(call.outcome == .ivrAbandoned && call.ivrPath.isNone && call.isIVRCall)
        // FreeSWITCH writes `none` when nothing was dialled: a plain call.
        let none = try Self.read(Self.cdr([("digits_dialed", "none")]))
        #expect(none.calls.first?.outcome == .answered && none.calls.first?.isIVRCall == false)
    }

    @Test func theMenuAHangUpHappenedInIsThePathWithoutAPathVariable() throws {
        let h = try Self.read(
            Self.cdr([("current_application", "ivr"), ("current_application_data", "main_menu")]))
        let call = try #require(h.calls.first)
        #expect(call.outcome == .ivrAbandoned && h.symbols[call.ivrPath] == "main_menu")
    }

    @Test func aQueuedCallGetsThePathAndTheTimeFromItsStartToTheQueue() throws {
        let h = try Self.read(
            Self.cdr([
                ("ivr_path", "主菜单>账单"), ("ivr_menu_status", "success"), ("cc_queue", "billing%40default"),
                ("cc_queue_joined_epoch", "\(Self.zero + 20)"), ("cc_queue_answered_epoch", "\(Self.zero + 30)"),
                ("cc_queue_terminated_epoch", "\(Self.zero + 50)"), ("cc_agent", "1001"),
            ]))
        let call = try #require(h.calls.first)
        #expect(call.outcome == .answered && h.symbols[call.queue] == "billing")
        #expect(h.symbols[call.ivrPath] == "主菜单>账单" && call.ivrTime == 20_000)
    }

    @Test func aBridgedCallKeepsItsPathAndStaysAPlainCall() throws {
        let h = try Self.read(Self.cdr([("ivr_path", "主菜单"), ("bridge_channel", "sofia/internal/1001")]))
        let call = try #require(h.calls.first)
        #expect(call.outcome == .answered && h.symbols[call.ivrPath] == "主菜单")
    }

    @Test func configuredVariableNamesAndSelfServiceNodesAreRead() throws {
        let text = Self.cdr([("menu_trail", "main>balance"), ("menu_result", "done")])
        let h = try Self.read(text) {
            $0.mappings.ivr.pathVariable = "menu_trail"
            $0.mappings.ivr.statusVariable = "menu_result"
            $0.mappings.ivr.selfServiceStatuses = []
            $0.mappings.ivr.selfService = ["balance"]
        }
        let call = try #require(h.calls.first)
        #expect(call.outcome == .selfServed && h.symbols[call.ivrPath] == "main>balance")
    }
}
