import HotlineModel

/// Text as a workbook cell takes it: C0 control bytes (but TAB, LF, CR) as U+FFFD, as in the CSV, and at most
/// Excel's 32,767 characters, so a long value from the inputs is cut rather than failing the workbook.
///
/// Every text goes in as a string cell (`worksheet_write_string`: `t="s"`, a shared string), so a name starting
/// with `=`, `+`, `-` or `@` is shown as it is and never runs as a formula: no leading `'` is needed, unlike CSV.
enum SheetText {
    static let maxCharacters = 32_767

    static func cell(_ text: String) -> String {
        let clean = DisplayText.withoutControls(text)
        // libxlsxwriter counts UTF-8 characters (scalars).
        guard clean.unicodeScalars.count > maxCharacters else { return clean }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: clean.unicodeScalars.prefix(maxCharacters - 1))
        kept.append("…")
        return String(kept)
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of `[ ] : * ? / \`, not starting or ending with `'`.
enum SheetName {
    static let maxCharacters = 31

    /// `title` made valid (forbidden characters as spaces, cut to fit with `suffix`, which tells duplicates
    /// apart); a title that leaves nothing is `Sheet`.
    static func valid(_ title: String, suffix: String = "") -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in DisplayText.withoutControls(title).unicodeScalars {
            scalars.append("[]:*?/\\".unicodeScalars.contains(scalar) || scalar.value < 0x20 ? " " : scalar)
        }
        var name = String(scalars).trimmingApostrophes()
        if name.isEmpty { name = "Sheet" }
        let room = maxCharacters - suffix.unicodeScalars.count
        if name.unicodeScalars.count > room {
            var cut = String.UnicodeScalarView()
            cut.append(contentsOf: name.unicodeScalars.prefix(room))
            name = String(cut).trimmingApostrophes()
        }
        return name + suffix
    }
}

extension String {
    fileprivate func trimmingApostrophes() -> String {
        var s = Substring(self)
        while s.first == "'" || s.first == " " { s = s.dropFirst() }
        while s.last == "'" || s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
