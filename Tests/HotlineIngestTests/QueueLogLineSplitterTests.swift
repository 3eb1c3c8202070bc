import HotlineModel
import Testing

@testable import HotlineIngest
@testable import HotlineSamples

/// A record as a splitter handed it out, copied out of the view.
struct SplitRecord: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [[UInt8]]
    var raw: [UInt8]
    var problem: CSVReader.Problem?
    var terminated: Bool
    var offset: Int

    var description: String {
        let texts = fields.map { String(decoding: $0, as: UTF8.self) }
        return "line \(line) \(texts) \(String(describing: problem)) terminated \(terminated) at \(offset)"
    }
}

/// Everything a splitter gives for some bytes: the records and the control bytes it skipped between them.
struct SplitResult: Equatable {
    var records: [SplitRecord] = []
    var skippedBytes = 0
    var firstSkippedLine: Int?
}

enum Splitting {
    /// Splits `bytes` with the queue_log splitter, or with the CSV reader in its `|` dialect as before it.
    static func split(_ bytes: [UInt8], chunk: Int, maxRecord: Int = 1 << 20, old: Bool) throws -> SplitResult {
        let source = MemoryByteSource(bytes, chunkSize: chunk)
        let limits = CSVReader.Limits(maxRecordBytes: maxRecord, chunkBytes: chunk)
        // The CSV reader field by field, without its C scan, which the splitter uses too.
        let reader = CSVReader(source: source, limits: limits, dialect: .pipes)
        reader.scansPlainRecords = false
        let lines: any RecordSplitting = old ? reader : QueueLogLineSplitter(source: source, limits: limits)
        var result = SplitResult()
        try lines.forEachRecord { record in
            result.records.append(
                SplitRecord(
                    line: record.line, fields: (0..<record.fieldCount).map { Array(record.field($0)) },
                    raw: Array(record.raw), problem: record.problem, terminated: record.terminated,
                    offset: record.offset))
        }
        result.skippedBytes = lines.skippedBytes
        result.firstSkippedLine = lines.firstSkippedLine
        return result
    }

    /// Splits with both and says where they differ, if anywhere.
    static func difference(_ bytes: [UInt8], chunk: Int, maxRecord: Int = 1 << 20) throws -> String? {
        let new = try split(bytes, chunk: chunk, maxRecord: maxRecord, old: false)
        let old = try split(bytes, chunk: chunk, maxRecord: maxRecord, old: true)
        guard new != old else { return nil }
        let common = min(new.records.count, old.records.count)
        let at = (0..<common).first { new.records[$0] != old.records[$0] } ?? common
        let newRecord = at < new.records.count ? new.records[at].description : "none"
        let oldRecord = at < old.records.count ? old.records[at].description : "none"
        let newSkipped = "\(new.skippedBytes) from \(String(describing: new.firstSkippedLine))"
        let oldSkipped = "\(old.skippedBytes) from \(String(describing: old.firstSkippedLine))"
        return "input \(bytes) chunk \(chunk) limit \(maxRecord): record \(at): new \(newRecord), old \(oldRecord); "
            + "skipped: new \(newSkipped), old \(oldSkipped)"
    }
}

@Suite struct QueueLogLineSplitterTests {
    static let chunkSizes = [1, 2, 3, 7, 8, 9, 64, 1 << 16]

    /// Inputs where a line-end or field rule could slip, each as bytes.
    static let tricky: [(name: String, bytes: [UInt8])] = [
        ("CRLF", Array("1|c1|q|NONE|ENTERQUEUE||138|1\r\n2|c1|q|A|CONNECT|3\r\n".utf8)),
        ("blank lines of each kind", Array("\n\r\n\r1|a|b|c|D\n\n\r\r\n2|a|b|c|D\n\r".utf8)),
        ("lone CRs", Array("1|a\r2|b\r\r3|c\r".utf8)),
        ("last line without a newline", Array("1|a|b|c|D\n2|a|b|c|D".utf8)),
        ("cut mid-line after a separator", Array("1|a|b|c|D\n2|a|".utf8)),
        ("empty and trailing fields", Array("||||\n1||||EVENT|\n|\n".utf8)),
        ("many fields", Array((String(repeating: "x|", count: 150) + "end\n1|a|b|c|D\n").utf8)),
        ("plain quotes", Array("1|\"a|b\"|\"\"|c|D\n\"|\"\n".utf8)),
        ("NUL runs between lines and inside fields", [0, 0, 0] + Array("1|a\0b|c|d|E\0\n".utf8) + [0, 0x7F, 1, 10]),
        ("a tab and DEL", Array("\t1|a|b|c|D\n\u{7F}2|a|b|c|D\n1|a\tb|\u{7F}|c|D\n".utf8)),
        ("bytes that are not UTF-8", [0xFF, 0xFE, 0x7C, 0xC3, 0x0A, 0xE4, 0xB8, 0x7C, 0x80, 0x0D, 0x0A]),
        ("only line ends", Array("\r\n\n\r\r".utf8)),
        ("a CR right at a word's end", Array("1234567\r\n1234567|\r1234567\n".utf8)),
        ("empty input", []),
    ]

    @Test(arguments: chunkSizes)
    func trickyInputsGiveTheRecordsOfThePipeTokenizer(chunk: Int) throws {
        for (name, bytes) in Self.tricky {
            let difference = try Splitting.difference(bytes, chunk: chunk)
            #expect(difference == nil, "\(name)")
        }
    }

    @Test(arguments: [1, 3, 7, 64, 1 << 16])
    func overLongLinesGiveTheRecordsOfThePipeTokenizer(chunk: Int) throws {
        let long = String(repeating: "y", count: 30)
        let inputs = [
            "1|a|\(long)\n2|b\n",
            "1|a|\(long)\r\n2|b\r\n",
            "1|a|\(long)\r2|b\r",
            "2|b\n1|a|\(long)",
            "1|a|\(long)|\(long)|\(long)\n\n2|b\n",
            // Exactly at the limit with and without the line end.
            "123456789|123456789|1234567890\n2|b\n",
            "123456789|123456789|123456789\n2|b\n",
            "123456789|123456789|12345678\r\n2|b\r\n",
            "\r",
            "1|a\r",
        ]
        for text in inputs {
            for limit in [0, 1, 4, 29, 30, 31, 32, 1 << 20] {
                let difference = try Splitting.difference(Array(text.utf8), chunk: chunk, maxRecord: limit)
                #expect(difference == nil)
            }
        }
    }

    @Test(arguments: [1, 7, 1 << 16])
    func fieldsLinesAndSkippedBytesAreWhatTheLayoutSays(chunk: Int) throws {
        let text = "1|c1|q|NONE|ENTERQUEUE||138|1\r\n\n\0\0\02|c1|q||CONNECT|\n3|x"
        let got = try Splitting.split(Array(text.utf8), chunk: chunk, old: false)
        #expect(got.records.map(\.line) == [1, 3, 4])
        #expect(
            got.records[0].fields.map { String(decoding: $0, as: UTF8.self) } == [
                "1", "c1", "q", "NONE", "ENTERQUEUE", "", "138", "1",
            ])
        #expect(got.records[1].fields.count == 6 && got.records[1].fields[5].isEmpty)
        #expect(got.records[2].raw == Array("3|x".utf8) && !got.records[2].terminated)
        #expect(got.skippedBytes == 3 && got.firstSkippedLine == 3)
    }

    @Test func aLineOverTheLimitHasNoFieldsAndTheNextLineIsRead() throws {
        let text = "1|a|" + String(repeating: "y", count: 100) + "\r\n2|b\n"
        for chunk in [1, 16, 1 << 16] {
            let got = try Splitting.split(Array(text.utf8), chunk: chunk, maxRecord: 50, old: false)
            #expect(got.records.map(\.line) == [1, 2])
            #expect(got.records[0].problem == .tooLong(limit: 50) && got.records[0].fields.isEmpty)
            #expect(got.records[1].fields == [Array("2".utf8), Array("b".utf8)])
        }
    }

    /// Random lines over the bytes that matter (separators, each line end, NUL, TAB, DEL, UTF-8 lead and
    /// continuation bytes, quotes), at random chunk sizes and record limits, split both ways.
    @Test func randomInputGivesTheRecordsOfThePipeTokenizer() throws {
        var random = SampleRandom(seed: 20_261_201)
        let alphabet: [UInt8] = Array("||||\n\n\r\"\tab19.".utf8) + [0, 0x01, 0x7F, 0xE4, 0xB8, 0xAD, 0xFF]
        let chunks = [1, 2, 3, 5, 8, 13, 64, 4096]
        let limits = [0, 1, 5, 16, 40, 1 << 20]
        var differences: [String] = []
        for _ in 0..<3000 {
            let length = Int.random(in: 0...120, using: &random)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &random) ?? 0 }
            let chunk = chunks.randomElement(using: &random) ?? 1
            let limit = limits.randomElement(using: &random) ?? 1
            if let difference = try Splitting.difference(bytes, chunk: chunk, maxRecord: limit) {
                differences.append(difference)
            }
        }
        #expect(differences.isEmpty, "\(differences.prefix(3))")
    }
}
