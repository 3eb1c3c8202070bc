import HotlineModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The character encodings CSV outputs can be written in.
public enum CSVEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    /// What Excel and WPS in a Chinese locale read CSV files as (a superset of GBK covering all of Unicode).
    case gb18030
}

/// How CSV outputs (the report table, the rejects) are encoded: UTF-8 (optionally with a BOM) or GB18030.
///
/// A spreadsheet in a Chinese locale reads a CSV file without a BOM as GBK, so UTF-8 names come out garbled
/// ("陈静" as "闄堥潤"); a UTF-8 BOM or GB18030 bytes make them open right.
public struct CSVOutput: Sendable, Equatable {
    public var encoding: CSVEncoding
    /// A UTF-8 byte-order mark (EF BB BF) at the start. UTF-8 only: a GB18030 file has none.
    public var bom: Bool

    public init(encoding: CSVEncoding = .utf8, bom: Bool = false) {
        self.encoding = encoding
        self.bom = bom && encoding == .utf8
    }

    /// The setting from what was asked: a command-line flag over the configuration over the default (UTF-8
    /// without a BOM, as before). One place to decide, so a report language that wants the BOM can be one more
    /// argument here.
    /// With `language` Chinese, UTF-8 gets a BOM unless told otherwise: a Chinese spreadsheet reads UTF-8 without
    /// one as GBK and garbles every name.
    public static func resolve(
        bomFlag: Bool?, configuredBOM: Bool?, encodingFlag: CSVEncoding?, configuredEncoding: CSVEncoding?,
        language: ReportLanguage = .english
    ) -> CSVOutput {
        let encoding = encodingFlag ?? configuredEncoding ?? .utf8
        let bom = encoding == .utf8 && (bomFlag ?? configuredBOM ?? (language == .chinese))
        return CSVOutput(encoding: encoding, bom: bom)
    }

    /// A piece of the file as bytes; `first` when it starts the file (where the BOM goes). GB18030 is stateless,
    /// so a file may be encoded piece by piece.
    public func bytes(_ text: String, first: Bool) throws -> [UInt8] {
        switch encoding {
        case .utf8: return (first && bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        case .gb18030: return try Self.convert(text, to: "GB18030")
        }
    }

    /// Why text could not be encoded: iconv refused it.
    public struct EncodingError: Error, CustomStringConvertible {
        public var encoding: String
        public var reason: String
        public var description: String { "cannot encode the CSV in \(encoding): \(reason)" }
    }

    /// `text` converted from UTF-8 with glibc's iconv.
    static func convert(_ text: String, to name: String) throws -> [UInt8] {
        guard let cd = iconv_open(name, "UTF-8"), cd != iconv_t(bitPattern: -1) else {
            throw EncodingError(encoding: name, reason: "iconv has no converter to it")
        }
        defer { iconv_close(cd) }
        var source = Array(text.utf8)
        let total = source.count
        // GB18030 takes at most 4 bytes per character, UTF-8 at least 1: twice the input is plenty for most text,
        // and the loop grows the output when it is not.
        var output = [UInt8](repeating: 0, count: total * 2 + 16)
        var produced = 0
        var consumed = 0
        while consumed < total {
            if output.count - produced < 16 { output += [UInt8](repeating: 0, count: output.count) }
            var failure: Int32 = 0
            source.withUnsafeMutableBytes { inRaw in
                output.withUnsafeMutableBytes { outRaw in
                    var inPtr = inRaw.baseAddress.map { $0.assumingMemoryBound(to: CChar.self) + consumed }
                    var inLeft = total - consumed
                    var outPtr = outRaw.baseAddress.map { $0.assumingMemoryBound(to: CChar.self) + produced }
                    var outLeft = outRaw.count - produced
                    if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 { failure = errno }
                    consumed = total - inLeft
                    produced = outRaw.count - outLeft
                }
            }
            switch failure {
            case 0, E2BIG: continue
            default:
                // Valid UTF-8 of any Unicode scalar has a GB18030 form: this is iconv failing, not the data.
                throw EncodingError(
                    encoding: name,
                    reason: "iconv stopped at byte \(consumed + 1): \(String(cString: strerror(failure)))")
            }
        }
        return Array(output.prefix(produced))
    }
}
