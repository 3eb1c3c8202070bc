import HotlineModel
import Testing

@Suite struct DisplayTextTests {
    @Test func aLongValueIsCutToTwoHundredCharactersOnACharacterBoundary() {
        #expect(DisplayText.cut("short") == "short")
        let exact = String(repeating: "é", count: 200)
        #expect(DisplayText.cut(exact) == exact)
        // Flags are two scalars each: the cut never splits one.
        let flags = String(repeating: "🇨🇳", count: 300)
        #expect(DisplayText.cut(flags) == String(repeating: "🇨🇳", count: 200) + "…")
    }

    @Test func controlBytesBecomeReplacementCharactersButTabsAndLineEndsStay() {
        #expect(
            DisplayText.withoutControls("a\u{1B}]0;title\u{07}b\u{0}\tc\r\n")
                == "a\u{FFFD}]0;title\u{FFFD}b\u{FFFD}\tc\r\n")
        #expect(DisplayText.withoutControls("队列") == "队列")
    }
}
