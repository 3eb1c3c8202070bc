import HotlineModel

/// Builds HTML into a stream; text and attribute values always go through ``escape(_:)``.
///
/// Raw markup is only ever written from string literals of this module, so no input string (queue, agent,
/// label, file name, reject message) can reach the page unescaped.
struct HTMLWriter<Output: TextOutputStream> {
    var out: Output

    /// Escapes `& < > " '` and neutralises control characters (a CR/LF in a label stays one line).
    static func escape(_ text: String) -> String {
        // Printable ASCII with none of the five to escape (most cells: figures) as it is.
        if DisplayText.isPrintableASCII(text),
            !text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        {
            return text
        }
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
        start(tag, class: cls)
        self.text(text)
        end(tag)
    }

    /// `<tag>` or `<tag class="cls">`, the class escaped: the caller writes the content and ``end(_:)``.
    mutating func start(_ tag: String, class cls: String? = nil) {
        raw("<\(tag)")
        if let cls {
            raw(" class=\"")
            text(cls)
            raw("\"")
        }
        raw(">")
    }

    /// `</tag>`.
    mutating func end(_ tag: String) { raw("</\(tag)>") }

    /// `<a href="href">text</a>`, both escaped: a link to a file whose name came from the data.
    mutating func link(_ text: String, href: String) {
        raw("<a href=\"")
        self.text(href)
        raw("\">")
        self.text(text)
        raw("</a>")
    }

    /// The page's head, its language, title and inline style, and the opening of its body.
    mutating func documentStart(language: String, title: String, css: String) {
        raw("<!DOCTYPE html>\n<html lang=\"")
        text(language)
        raw("\">\n<head>\n<meta charset=\"utf-8\">\n")
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        text(title)
        raw("</title>\n<style>\n")
        // The style sheet is this module's own text, not input: escaping would break its selectors.
        raw(css)
        raw("\n</style>\n</head>\n<body>\n")
    }

    /// Closes the body and the page.
    mutating func documentEnd() { raw("</body>\n</html>\n") }

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
