import Foundation
import Testing

@testable import HotlineIngest

/// The sniffer's own trimming of a first line gives what Foundation's `trimmingCharacters(in: .whitespaces)` gave.
struct SnifferTrimTests {
    @Test(arguments: [
        "", " ", "\t\t", "call_id,enqueued_at", "  call_id , enqueued_at\t", "\u{3000}工单编号,创建时间\u{3000}",
        "\u{00A0}<cdr>\u{00A0}", " \u{2009}x\u{2009} ", "\u{200B}zero width stays\u{200B}", "a\u{0301} ",
        "\u{FEFF}bom\u{FEFF}", "\u{2028}line separator\u{2029}", "\u{1680}ogham\u{205F}",
        "\t<?xml version=\"1.0\"?><cdr><variables/></cdr>",
    ])
    func trimmingSpacesMatchesFoundationsWhitespaceSet(line: String) {
        #expect(FormatSniffer.trimmedSpaces(line[...]) == line.trimmingCharacters(in: .whitespaces))
    }
}
