import Foundation
import HotlineModel

/// Decides a file's format from its first lines, never from its name (docs/FORMATS.md, "Sniffing").
public enum FormatSniffer {
    public enum Verdict: Equatable {
        case format(InputFormat)
        /// Not a call log; the reason says what was seen instead.
        case unknown(String)
    }

    /// Looks at the start of a decoded file.
    /// Whether `sample` holds the key `"tickets"` opening an array (`"tickets": [`), anywhere.
    ///
    /// - Complexity: O(n) in the sample's bytes.
    static func hasTicketsArray(_ sample: [UInt8]) -> Bool {
        let key = Array("\"tickets\"".utf8)
        var from = sample.startIndex
        while let found = sample[from...].firstRange(of: key) {
            var i = found.upperBound
            func skipSpace() { while i < sample.count, [0x20, 0x09, 0x0A, 0x0D].contains(sample[i]) { i += 1 } }
            skipSpace()
            if i < sample.count, sample[i] == UInt8(ascii: ":") {
                i += 1
                skipSpace()
                if i < sample.count, sample[i] == UInt8(ascii: "[") { return true }
            }
            from = found.upperBound
        }
        return false
    }

    public static func sniff(_ head: String) -> Verdict {
        // Only the first lines are looked at, found in bytes (a directory of 100,000 CDRs is sniffed 100,000
        // times, and an XML CDR may be one long line).
        let lines = firstLines(of: head, upTo: 5)
        guard let first = lines.first.map(trimmedSpaces), !first.isEmpty else {
            return .unknown("no text in the first bytes")
        }
        let lower = first.lowercased()
        if lower.hasPrefix("<") {
            // The first element decides: `<tickets>`/`<ticket>` (or Zendesk API v1's `<records>` list) is a
            // ticket export, anything else a CDR.
            let ticket = [firstASCII("<ticket", in: head), firstASCII("<records", in: head)].compactMap { $0 }.min()
            let cdr = firstASCII("<cdr", in: head)
            if let ticket, cdr.map({ ticket < $0 }) ?? true { return .format(.ticketsXML) }
            if lower.hasPrefix("<?xml") || lower.hasPrefix("<cdr") { return .format(.freeswitchXMLCDR) }
        }
        if lower.hasPrefix("{") {
            if head.contains("\"tickets\"") { return .format(.ticketsJSON) }
            // Zendesk's legacy full export: `{"results": [{"id": ..., "created_at": ...`.
            if head.contains("\"results\""), head.contains("\"created_at\"") { return .format(.ticketsJSON) }
            return .unknown(
                "a JSON document with no \"tickets\" array in its first 64 KB (--input-format tickets-json reads it)")
        }
        let names = Set(
            lower.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) })
        if names.contains("call_id") && names.contains("enqueued_at") { return .format(.callsCSV) }
        if TicketsCSVReader.Header(names: csvFields(first)) != nil { return .format(.ticketsCSV) }
        if names.contains("callid") && names.contains("event")
            && (names.contains("time") || names.contains("date_time"))
        {
            return .format(.asteriskQueueLog)
        }
        if lines.prefix(5).contains(where: isQueueLogLine) { return .format(.asteriskQueueLog) }
        if let layout = AsteriskCDRReader.Columns.detect(csvFields(first)) {
            return .format(layout.dialect == .freeswitch ? .freeswitchCDRCSV : .asteriskCDR)
        }
        return .unknown("no known header or line layout (\(shape(of: first)))")
    }

    /// What a line looks like without what it says: a file that is not an export may be anything the user can
    /// read (a link in an inbox to a password file), and its words would go to the terminal, a cron mail and
    /// the store. The separator and the number of fields are what tell a user which export it is not.
    static func shape(of line: String) -> String {
        let separators: [(byte: UInt8, name: String)] = [
            (UInt8(ascii: ","), "comma"), (UInt8(ascii: "\t"), "tab"), (UInt8(ascii: ";"), "semicolon"),
            (UInt8(ascii: "|"), "pipe"),
        ]
        let counts = separators.map { separator in line.utf8.reduce(0) { $0 + ($1 == separator.byte ? 1 : 0) } }
        guard let most = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[most] > 0 else {
            return "the first line has no comma, tab, semicolon or pipe"
        }
        return "the first line has \(counts[most] + 1) \(separators[most].name)-separated fields"
    }

    /// The first `count` non-empty lines of `text` (LF, CR or CR LF ends a line).
    /// `line` without the spaces and tabs around it (`CharacterSet.whitespaces`: tab, the space separators and, in
    /// Core Foundation's set, U+200B),
    /// scalar by scalar: Foundation's `trimmingCharacters` bridged the whole line, and an XML CDR is one 4 KB line,
    /// sniffed twice per file.
    static func trimmedSpaces(_ line: Substring) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == " " || scalar == "\u{200B}"
                || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    static func firstLines(of text: String, upTo count: Int) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex && lines.count < count {
            let byte = utf8[i]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if i > start { lines.append(text[start..<i]) }
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if lines.count < count && start < utf8.endIndex { lines.append(text[start...]) }
        return lines
    }

    /// Where lower-case ASCII `pattern` first occurs in `text`, ignoring ASCII case, in UTF-8 bytes.
    static func firstASCII(_ pattern: String, in text: String) -> Int? {
        let needle = Array(pattern.utf8)
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard bytes.count >= needle.count, let first = needle.first else { return nil }
            for i in 0...(bytes.count - needle.count) where bytes[i] | 0x20 == first {
                var j = 1
                while j < needle.count && (bytes[i + j] | 0x20) == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            return nil
        }
    }

    /// `epoch|callid|queue|agent|EVENT|...` with an upper-case event.
    static func isQueueLogLine(_ line: Substring) -> Bool {
        let fields = line.split(separator: "|", omittingEmptySubsequences: false)
        guard fields.count >= 5, Double(fields[0]) != nil else { return false }
        let event = fields[4]
        return !event.isEmpty && event.allSatisfy { $0.isUppercase || $0 == "_" }
    }

    /// The fields of one CSV line, quotes honoured (`lastdata` like `"support,t,,,300"` holds commas).
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var previousWasQuote = false
        for c in line {
            if c == "\"" {
                if inQuotes && previousWasQuote {
                    field.append("\"")
                    previousWasQuote = false
                } else {
                    previousWasQuote = inQuotes
                }
                inQuotes.toggle()
                continue
            }
            previousWasQuote = false
            if c == "," && !inQuotes {
                fields.append(field)
                field = ""
            } else {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }
}
