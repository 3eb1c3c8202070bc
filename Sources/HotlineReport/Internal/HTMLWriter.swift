/// Builds HTML into a stream; text and attribute values always go through ``escape(_:)``.
///
/// Raw markup is only ever written from string literals of this module, so no input string (queue, agent,
/// label, file name, reject message) can reach the page unescaped.
struct HTMLWriter<Output: TextOutputStream> {
    var out: Output

    /// Escapes `& < > " '` and neutralises control characters (a CR/LF in a label stays one line).
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if scalar.properties.generalCategory == .control {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Writes markup from this module's own literals.
    mutating func raw(_ markup: String) { out.write(markup) }

    /// Writes text from anywhere, escaped.
    mutating func text(_ text: String) { out.write(Self.escape(text)) }

    /// `<tag attrs>escaped text</tag>`.
    mutating func element(_ tag: String, _ text: String, class cls: String? = nil) {
        raw("<\(tag)" + (cls.map { " class=\"\($0)\"" } ?? "") + ">")
        self.text(text)
        raw("</\(tag)>")
    }

    /// Opens a table: its header row of `headers`, then the body, which the caller fills and closes with
    /// ``tableEnd()``.
    mutating func tableHead(_ headers: [String]) {
        tableStart()
        raw("<thead>")
        row(headers, header: true)
        raw("</thead>\n<tbody>\n")
    }

    /// Opens a table inside its scroller: on a narrow screen a wide table scrolls sideways in its own box, and
    /// the page around it keeps the screen's width.
    mutating func tableStart(class cls: String? = nil) {
        raw("<div class=\"scroll\">\n<table" + (cls.map { " class=\"\($0)\"" } ?? "") + ">\n")
    }

    /// Closes the body, the table and its scroller.
    mutating func tableEnd() { raw("</tbody>\n</table>\n</div>\n") }

    /// A table row of cells; the first a header cell when `header`, numbers right-aligned by CSS.
    mutating func row(_ cells: [String], header: Bool = false, rowClass: String? = nil) {
        raw(rowClass.map { "<tr class=\"\($0)\">" } ?? "<tr>")
        for (i, cell) in cells.enumerated() {
            element(header ? "th" : (i == 0 ? "th" : "td"), cell, class: header || i == 0 ? nil : "n")
        }
        raw("</tr>\n")
    }
}
