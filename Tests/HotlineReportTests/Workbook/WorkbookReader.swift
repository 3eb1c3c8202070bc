import Foundation

/// A workbook read back from its XML parts, as far as the tests look: sheet names in order, a cell's type, style
/// and value, a style's number format, shared strings.
struct WorkbookReader {
    let zip: ZipArchive
    let sheetNames: [String]
    let sharedStrings: [String]
    /// numFmtId of each cell style (`cellXfs`), and the custom formats by id.
    private let styleFormats: [Int]
    private let customFormats: [Int: String]

    /// Excel's built-in formats the tests meet: libxlsxwriter writes these by id, not as a numFmt.
    static let builtInFormats = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 14: "m/d/yy", 20: "h:mm",
        46: "[h]:mm:ss",
    ]

    init(_ bytes: [UInt8]) throws {
        zip = try ZipArchive(bytes)
        let workbook = try zip.text("xl/workbook.xml")
        sheetNames = workbook.matches(of: /<sheet name="([^"]*)"/).map { Self.unescape(String($0.1)) }
        let strings = zip.names.contains("xl/sharedStrings.xml") ? try zip.text("xl/sharedStrings.xml") : ""
        sharedStrings = strings.matches(of: /<si><t[^>]*>([^<]*)<\/t><\/si>/).map { Self.unescape(String($0.1)) }
        let styles = try zip.text("xl/styles.xml")
        var custom: [Int: String] = [:]
        for match in styles.matches(of: /<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/) {
            custom[Int(match.1) ?? -1] = Self.unescape(String(match.2))
        }
        customFormats = custom
        let xfs = styles.firstMatch(of: /<cellXfs[^>]*>(.*?)<\/cellXfs>/)?.1 ?? ""
        styleFormats = xfs.matches(of: /<xf numFmtId="(\d+)"/).map { Int($0.1) ?? 0 }
    }

    /// The XML of the sheet named `name`.
    func sheet(_ name: String) throws -> String {
        guard let index = sheetNames.firstIndex(of: name) else {
            throw ZipArchive.Failure(description: "no sheet \(name) in \(sheetNames)")
        }
        return try zip.text("xl/worksheets/sheet\(index + 1).xml")
    }

    struct Cell {
        /// `s` for a shared string, `str` for a formula's text, nil for a number.
        var type: String?
        var style: Int
        var value: String?
        var hasFormula: Bool
    }

    /// The cell at `ref` (`F2`) of a sheet's XML; nil when the sheet has none there (an empty cell).
    func cell(_ ref: String, in sheet: String) -> Cell? {
        guard let range = sheet.range(of: "<c r=\"\(ref)\"") else { return nil }
        let rest = sheet[range.lowerBound...]
        guard let end = rest.range(of: "</c>"), let selfClosing = rest.range(of: "/>") else { return nil }
        let xml = String(rest[..<(selfClosing.lowerBound < end.lowerBound ? selfClosing.upperBound : end.upperBound)])
        let type = xml.firstMatch(of: /^<c r="[A-Z]+\d+"[^>]* t="([a-z]+)"/).map { String($0.1) }
        let style = xml.firstMatch(of: /^<c r="[A-Z]+\d+" s="(\d+)"/).flatMap { Int($0.1) } ?? 0
        let value = xml.firstMatch(of: /<v>([^<]*)<\/v>/).map { String($0.1) }
        return Cell(type: type, style: style, value: value, hasFormula: xml.contains("<f>"))
    }

    /// The text of a cell that holds a shared string.
    func string(_ cell: Cell?) -> String? {
        guard let cell, cell.type == "s", let index = cell.value.flatMap(Int.init), index < sharedStrings.count
        else { return nil }
        return sharedStrings[index]
    }

    /// The number format of a cell style index.
    func numberFormat(ofStyle style: Int) -> String? {
        guard style < styleFormats.count else { return nil }
        let id = styleFormats[style]
        return customFormats[id] ?? Self.builtInFormats[id]
    }

    /// The column letter of the header titled `title` in row 1 of a sheet's XML.
    func column(titled title: String, in sheet: String) -> String? {
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" {
            if string(cell("\(letter)1", in: sheet)) == title { return String(letter) }
        }
        return nil
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
