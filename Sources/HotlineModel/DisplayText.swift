/// How a value read from input is shown to a person: cut to a readable length, and with no control byte that a
/// terminal or a spreadsheet would act on.
///
/// The data keep their full values (classification, the store, the rejects file's `record` column); only what is
/// shown is cut.
public enum DisplayText {
    /// The longest value shown in full in a report's labels, the list of unmatched values and messages, in
    /// characters (grapheme clusters); a longer one is cut to this many and ends with `…`.
    public static let maxCharacters = 200

    /// `value` cut to ``maxCharacters`` characters, on a character boundary, with `…` when it was cut.
    ///
    /// - Complexity: O(``maxCharacters``), whatever the length of `value`.
    public static func cut(_ value: String, limit: Int = maxCharacters) -> String {
        // UTF-8 bytes bound the characters, so a short value is returned without walking it.
        guard value.utf8.count > limit else { return value }
        var end = value.startIndex
        var kept = 0
        while kept < limit, end < value.endIndex {
            end = value.index(after: end)
            kept += 1
        }
        return end == value.endIndex ? value : String(value[..<end]) + "…"
    }

    /// `value` with each C0 control byte but TAB, LF and CR replaced by U+FFFD, so printing it cannot
    /// move a terminal's cursor, ring its bell or change its title, nor put NUL bytes in a CSV cell.
    ///
    /// - Complexity: O(n); a value with no such byte is returned as it is.
    public static func withoutControls(_ value: String) -> String {
        guard value.utf8.contains(where: isControl) else { return value }
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            scalars.append(scalar.value < 0x80 && isControl(UInt8(scalar.value)) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// ``cut(_:limit:)`` then ``withoutControls(_:)``: a value as a message or a terminal shows it.
    public static func shown(_ value: String) -> String { withoutControls(cut(value)) }

    /// Whether every byte of `value` is printable ASCII (space to `~`): one Character and one terminal column
    /// each, nothing to neutralise. Text paths check this first and skip their per-scalar Unicode look-ups, which
    /// cost reports and lists most of their making when almost every value is a figure or a phone number.
    @inline(__always) public static func isPrintableASCII(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// A C0 control byte other than TAB, LF and CR.
    @inline(__always) public static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }
}
