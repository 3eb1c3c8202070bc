/// The text encodings inputs arrive in, detected per file from the first bytes.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with BOM"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"

    /// The iconv name to transcode from, or nil when the bytes are already UTF-8.
    var iconvName: String? {
        switch self {
        case .utf8, .utf8BOM: nil
        case .utf16LE: "UTF-16LE"
        case .utf16BE: "UTF-16BE"
        case .gb18030: "GB18030"
        }
    }

    /// What the first bytes of a file say about it.
    public enum Detection: Equatable {
        case text(TextEncoding, bomLength: Int)
        /// Not text: what it is, when its first bytes say (`an Excel workbook (.xlsx) ...`), else `binary data`.
        case binary(String)
    }

    /// Detects the encoding from a sample of the file's first bytes.
    ///
    /// A BOM decides (UTF-8, UTF-16 LE/BE); the signature of a workbook, PDF or database says what the file is.
    /// Otherwise the sample is binary when more than 1% of the bytes inside its lines are NUL or other control
    /// bytes, or it has no text at all: runs of them between complete lines (what a PBX leaves in its log after an
    /// unclean shutdown) do not count, since the readers skip them and read the lines around. Valid UTF-8 (a
    /// multi-byte sequence cut by the end of the sample allowed) is UTF-8; anything else that decodes as GB18030 is
    /// GB18030 (what Chinese Excel writes); the rest is read as UTF-8 and its bad bytes reject the records they
    /// are in.
    public static func detect(sample: [UInt8]) -> Detection {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return .text(.utf8BOM, bomLength: 3) }
        if sample.starts(with: [0xFF, 0xFE]) { return .text(.utf16LE, bomLength: 2) }
        if sample.starts(with: [0xFE, 0xFF]) { return .text(.utf16BE, bomLength: 2) }
        if let known = signature(sample) { return .binary(known) }
        var insideLines = 0
        var controlsInsideLines = 0
        var lineStart = true
        // Over the buffer: iterating the array was 1.2 M instructions a file.
        sample.withUnsafeBufferPointer { bytes in
            for byte in bytes {
                if byte == 0x0A || byte == 0x0D {
                    lineStart = true
                    insideLines += 1
                } else if CSVReader.isGapByte(byte) {
                    if !lineStart {
                        controlsInsideLines += 1
                        insideLines += 1
                    }
                } else {
                    lineStart = false
                    insideLines += 1
                }
            }
        }
        if insideLines == 0 || controlsInsideLines * 100 > insideLines {
            return .binary("binary data, not a text export")
        }
        if UTF8Validation.isValid(sample, allowTruncatedEnd: true) { return .text(.utf8, bomLength: 0) }
        if Transcoder.decodesCleanly(sample, from: "GB18030") && looksChinese(sample) {
            return .text(.gb18030, bomLength: 0)
        }
        return .text(.utf8, bomLength: 0)
    }
}

extension TextEncoding {
    /// What a file that is not a text export is, by its first bytes, in the words of a user who exported it.
    static func signature(_ sample: [UInt8]) -> String? {
        if sample.starts(with: Array("PK\u{03}\u{04}".utf8)) {
            return "a ZIP archive or an Excel workbook (.xlsx), not a text export: save it as CSV"
        }
        if sample.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "an Excel 97-2003 workbook (.xls), not a text export: save it as CSV"
        }
        if sample.starts(with: Array("%PDF-".utf8)) { return "a PDF document, not a text export" }
        if sample.starts(with: Array("SQLite format 3\u{0}".utf8)) { return "an SQLite database, not a text export" }
        return nil
    }

    /// Most byte pairs above 0x80 decode in GB18030, so a Latin-1 or Cyrillic 8-bit file would pass as it. Real
    /// Chinese text decodes mostly to Han ideographs: require that of at least half the non-ASCII characters.
    static func looksChinese(_ sample: [UInt8]) -> Bool {
        guard let text = Transcoder.decode(sample, from: "GB18030") else { return false }
        var nonASCII = 0
        var han = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            nonASCII += 1
            if (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) { han += 1 }
        }
        return nonASCII > 0 && han * 2 >= nonASCII
    }
}

/// Strict UTF-8 validation over bytes (no overlongs, no surrogates, nothing above U+10FFFF).
enum UTF8Validation {
    static func isValid(_ bytes: [UInt8], allowTruncatedEnd: Bool = false) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0, allowTruncatedEnd: allowTruncatedEnd) }
    }

    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool = false) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return false
            }
            if i + length > n {
                guard allowTruncatedEnd else { return false }
                // Check what is there of the cut sequence.
                for k in 1..<(n - i) where !(0x80...0xBF).contains(bytes[i + k]) { return false }
                return true
            }
            guard bytes[i + 1] >= lower, bytes[i + 1] <= upper else { return false }
            for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return false }
            i += length
        }
        return true
    }
}
