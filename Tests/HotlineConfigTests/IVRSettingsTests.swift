import Foundation
import HotlineModel
import Testing

@testable import HotlineConfig

/// The `ivr` section: self-service nodes, menu contexts (a list or names), FreeSWITCH variable names.
@Suite struct IVRSettingsTests {
    func parse(_ text: String) throws -> HotlineConfiguration { try ConfigLoader.parse(text, file: "hotline.yaml") }

    @Test func everyIVRSettingIsReadIntoTheMappingsTheReadersGet() throws {
        let config = try parse(
            """
            ivr:
              self_service: [余额查询, 'IVR-1:9']
              contexts: {IVR-Main: 主菜单, balance-menu: 余额查询}
              freeswitch:
                path_variable: menu_trail
                status_variable: menu_result
                digits_variable: menu_digits
                self_service_statuses: [DONE, served]
            """)
        let ivr = config.mappings.ivr
        #expect(ivr.selfService == ["余额查询", "ivr-1:9"])
        #expect(ivr.contexts == ["ivr-main": "主菜单", "balance-menu": "余额查询"])
        #expect(ivr.pathVariable == "menu_trail" && ivr.statusVariable == "menu_result")
        #expect(ivr.digitsVariable == "menu_digits" && ivr.selfServiceStatuses == ["done", "served"])
        #expect(ivr.isSelfService("Ivr-1:9") && !ivr.isSelfService("ivr-1"))
    }

    @Test func contextsGivenAsAListAreShownAsTheyAre() throws {
        let config = try parse("ivr: {contexts: [My-Menu, hours-menu]}")
        #expect(config.mappings.ivr.contexts == ["my-menu": "My-Menu", "hours-menu": "hours-menu"])
        #expect(try parse("").mappings.ivr.isDefault)
    }

    @Test func badIVRSettingsNameTheKeyAndTheLine() {
        func error(_ text: String) -> String {
            do {
                _ = try parse(text)
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(error("ivr:\n  self_serve: [a]").contains("ivr.self_serve"))
        #expect(error("ivr:\n  self_service: [a, '']").contains("an empty name"))
        #expect(error("ivr:\n  freeswitch: {path_variable: 'ivr path'}").contains("ivr.freeswitch.path_variable"))
        #expect(error("ivr:\n  contexts: {ivr-1: 'a>b'}").contains("ivr.contexts.ivr-1"))
    }
}
