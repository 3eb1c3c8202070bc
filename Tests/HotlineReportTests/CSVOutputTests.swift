import HotlineReport
import Testing

/// CSV outputs for a spreadsheet in a Chinese locale: a UTF-8 BOM, or GB18030 bytes; UTF-8 without BOM by default.
struct CSVOutputTests {
    @Test func theDefaultIsUTF8WithoutABOM() throws {
        let output = CSVOutput.resolve(bomFlag: nil, configuredBOM: nil, encodingFlag: nil, configuredEncoding: nil)
        #expect(output == CSVOutput(encoding: .utf8, bom: false))
        #expect(try output.bytes("陈静\n", first: true) == Array("陈静\n".utf8))
    }

    @Test func aBOMStartsTheFileOnly() throws {
        let output = CSVOutput(encoding: .utf8, bom: true)
        #expect(try output.bytes("a\n", first: true) == [0xEF, 0xBB, 0xBF, 0x61, 0x0A])
        #expect(try output.bytes("a\n", first: false) == [0x61, 0x0A])
    }

    @Test func gb18030WritesChineseInTwoBytesAndASCIIAsItIs() throws {
        let output = CSVOutput(encoding: .gb18030)
        // 陈 B3C2, 静 BEB2 in GBK (and so in GB18030).
        #expect(try output.bytes("陈静,1\n", first: true) == [0xB3, 0xC2, 0xBE, 0xB2, 0x2C, 0x31, 0x0A])
    }

    @Test func gb18030CoversWhatGBKDoesNot() throws {
        // An emoji and a CJK Extension B ideograph: four-byte GB18030 sequences.
        let bytes = try CSVOutput(encoding: .gb18030).bytes("😀𠀀", first: true)
        #expect(bytes.count == 8)
    }

    @Test func gb18030HasNoBOMWhateverIsAsked() throws {
        let output = CSVOutput.resolve(
            bomFlag: nil, configuredBOM: true, encodingFlag: .gb18030, configuredEncoding: nil)
        #expect(output == CSVOutput(encoding: .gb18030, bom: false))
        #expect(try output.bytes("a", first: true) == [0x61])
    }

    @Test func aFlagWinsOverTheConfiguration() {
        #expect(
            CSVOutput.resolve(bomFlag: false, configuredBOM: true, encodingFlag: nil, configuredEncoding: nil).bom
                == false)
        #expect(
            CSVOutput.resolve(bomFlag: true, configuredBOM: nil, encodingFlag: nil, configuredEncoding: .utf8).bom)
        #expect(
            CSVOutput.resolve(bomFlag: nil, configuredBOM: nil, encodingFlag: .utf8, configuredEncoding: .gb18030)
                .encoding == .utf8)
    }

    @Test func aLongTextIsEncodedWhole() throws {
        let text = String(repeating: "客户投诉,", count: 50_000)
        #expect(try CSVOutput(encoding: .gb18030).bytes(text, first: true).count == 50_000 * 9)
    }
}
