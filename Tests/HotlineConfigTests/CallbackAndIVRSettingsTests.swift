import Foundation
import HotlineModel
import Testing

@testable import HotlineConfig

/// The `callbacks` section, `nightly.callbacks` and the IVR keys of `exceptions` (docs/CONFIG.md).
@Suite struct CallbackAndIVRSettingsTests {
    func parse(_ text: String) throws -> HotlineConfiguration { try ConfigLoader.parse(text, file: "hotline.yaml") }

    func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func callbacksDefaultToADayAndMaskedCallers() throws {
        let config = try parse("")
        #expect(config.callbacks.windowHours == 24)
        #expect(!config.callbacks.showCallers)
        #expect(config.nightly.callbacks == nil)
    }

    @Test func callbackSettingsAreRead() throws {
        let config = try parse("callbacks: {window_hours: 48, show_callers: true}\n")
        #expect(config.callbacks.windowHours == 48)
        #expect(config.callbacks.showCallers)
    }

    @Test(arguments: [0, 721])
    func aCallbackWindowOutsideOneHourToThirtyDaysIsRefused(hours: Int) throws {
        let message = try #require(error("callbacks: {window_hours: \(hours)}\n"))
        #expect(message.hasPrefix("hotline.yaml:1: callbacks.window_hours: "))
    }

    @Test func anUnknownCallbacksKeyIsRefused() throws {
        let message = try #require(error("callbacks: {window: 24}\n"))
        #expect(message.contains("callbacks.window"))
    }

    @Test func theNightlyCallbacksFolderIsRelativeToTheConfigurationsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hotline-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("hotline.yaml").path
        try "nightly: {inbox: [in], store: s.sqlite, output: out, callbacks: team}\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: path)
        #expect(config.nightly.callbacks == folder.path + "/team")
    }

    @Test func theIVRDropOffThresholdsAreRead() throws {
        let config = try parse("exceptions: {ivr_min_node_entries: 50, ivr_drop_off_jump: 10%}\n")
        #expect(config.exceptions.ivrMinNodeEntries == 50)
        #expect(config.exceptions.ivrDropOffJump == 0.1)
        #expect(error("exceptions: {ivr_min_node_entries: 0}\n") != nil)
    }
}
