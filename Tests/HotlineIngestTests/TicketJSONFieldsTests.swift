import Foundation
import HotlineModel
import Testing

@testable import HotlineIngest

/// The byte reader of ticket objects against the Foundation decoding it replaced: same fields for every object it
/// reads, and the same verdict (through Foundation) for every object it leaves.
@Suite struct TicketJSONFieldsTests {
    typealias Fields = [[UInt8]?]

    static let objects = URL(fileURLWithPath: IngestHarness.fixtures).appendingPathComponent(
        "tickets-json/objects.jsonl")
    /// The fuzzing seed: a whole incremental export.
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz/Seeds/tickets-json/incremental.json")

    static func lines(_ url: URL) throws -> [[UInt8]] {
        try Data(contentsOf: url).split(separator: UInt8(ascii: "\n")).map { Array($0) }
    }

    static func dump(_ values: TicketFieldValues) -> Fields {
        values.withBuffers { $0.map { $0.map { Array($0) } } }
    }

    /// What the byte reader gives, or nil when it leaves the object to Foundation.
    static func bytesRead(_ bytes: [UInt8]) -> Fields? {
        var reader = TicketJSONFields()
        var values = TicketFieldValues()
        return bytes.withUnsafeBufferPointer { reader.read($0, into: &values) } ? dump(values) : nil
    }

    /// What JSONSerialization and `collect` give, or nil when Foundation refuses the object.
    static func foundationRead(_ bytes: [UInt8]) -> Fields? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return nil }
        var values = TicketFieldValues()
        TicketsJSONReader.collect(object, into: &values)
        return dump(values)
    }

    /// The fields as the reader hands them on (byte reader, else Foundation), by name, or the reject's kind.
    static func read(_ json: String) -> Result<[TicketField: String], Refused> {
        read(Array(json.utf8))
    }

    struct Refused: Error, Equatable { var kind: RejectKind }

    static func read(_ bytes: [UInt8]) -> Result<[TicketField: String], Refused> {
        var reader = TicketJSONFields()
        var values = TicketFieldValues()
        if let refused = TicketsJSONReader.fields(of: bytes, reader: &reader, into: &values) {
            return .failure(Refused(kind: refused.kind))
        }
        var named: [TicketField: String] = [:]
        for (field, bytes) in zip(TicketField.allCases, dump(values)) {
            if let bytes { named[field] = String(decoding: bytes, as: UTF8.self) }
        }
        #expect(named.count == dump(values).compactMap { $0 }.count)
        return .success(named)
    }

    static func agree(_ bytes: [UInt8]) {
        guard let fast = bytesRead(bytes) else { return }
        let slow = foundationRead(bytes)
        #expect(slow != nil, "read, but Foundation refuses: \(String(decoding: bytes, as: UTF8.self))")
        #expect(fast == slow, "\(String(decoding: bytes, as: UTF8.self))")
    }

    @Test func theByteReaderGivesFoundationsFieldsForEveryFixtureObject() throws {
        var objects = try Self.lines(Self.objects)
        _ = try JSONArrayElements(keys: ["tickets"]).forEach(in: MemoryByteSource(Array(Data(contentsOf: Self.seed)))) {
            bytes, _, _ in objects.append(try #require(bytes))
        }
        #expect(objects.count > 100)
        var read = 0
        for object in objects {
            Self.agree(object)
            if Self.bytesRead(object) != nil { read += 1 }
        }
        #expect(read > objects.count * 2 / 3)
    }

    @Test func realisticTicketsAreReadWithoutFoundation() throws {
        let lines = try Self.lines(Self.objects).prefix(6)
        for line in lines { #expect(Self.bytesRead(line) != nil) }
        var seed = 0
        _ = try JSONArrayElements(keys: ["tickets"]).forEach(in: MemoryByteSource(Array(Data(contentsOf: Self.seed)))) {
            bytes, _, _ in
            seed += 1
            let bytes = try #require(bytes)
            #expect(Self.bytesRead(bytes) != nil)
        }
        #expect(seed == 3)
    }

    /// Fixture objects with bytes deleted, inserted or copied (a fixed pseudo-random sequence): whatever the byte
    /// reader accepts, Foundation accepts with the same fields.
    @Test func brokenAndOddObjectsAreReadAsFoundationReadsThemOrLeftToIt() throws {
        let objects = try Self.lines(Self.objects)
        let pieces: [[UInt8]] =
            [
                "\"", "\\", ",", ":", "{", "}", "[", "]", "0", "-", "1", ".", "e", "null", "true", " ", "\\u",
                "\\ud83d",
                "\\ude00", "\"via\":", "\"tags\":", "\"id\":", "\"priority\":", "{\"a\":1}", "\"metric_set\":", "\t",
            ].map { Array($0.utf8) } + [[0xC3], [0xA9], [0x00], [0xED, 0xA0, 0x80]]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var read = 0
        for _ in 0..<4000 {
            var object = objects[next(objects.count)]
            for _ in 0...next(3) where !object.isEmpty {
                let at = next(object.count)
                switch next(3) {
                case 0: object.remove(at: at)
                case 1: object.insert(contentsOf: pieces[next(pieces.count)], at: at)
                default:
                    let other = next(object.count)
                    object.insert(contentsOf: object[min(at, other)..<max(at, other)].prefix(200), at: max(at, other))
                }
            }
            Self.agree(object)
            if Self.bytesRead(object) != nil { read += 1 }
        }
        #expect(read > 200)
    }

    @Test func numbersAreTheTextNSNumberGivesAndNullIsNoValue() throws {
        let cases: [(String, String?)] = [
            ("12345678901234", "12345678901234"), ("-12", "-12"), ("0", "0"), ("-0", "0"), ("true", "1"),
            ("false", "0"), ("null", nil), ("1.0", "1.0"), ("1e3", "1000.0"), ("1E3", "1000.0"), ("1.5", "1.5"),
            ("-0.0", "-0.0"), ("1e16", "1e+16"), ("1e-7", "1e-07"), ("9223372036854775808", "9223372036854775808"),
        ]
        for (number, text) in cases {
            #expect(try Self.read("{\"id\":\(number)}").get()[.id] == text, "\(number)")
        }
        // Plain integers of up to 18 digits and booleans are read from the bytes; the rest through Foundation.
        for number in ["12345678901234", "-0", "true", "false", "999999999999999999"] {
            #expect(Self.bytesRead(Array("{\"id\":\(number)}".utf8)) != nil, "\(number)")
        }
    }

    @Test func stringEscapesAndSurrogatePairsDecodeToUTF8() throws {
        let subject = try Self.read(#"{"subject":"\" \\ \/ \b \f \n \r \t \u00e9\u4E2D \ud83d\ude00 \u0000 é中"}"#).get()
        #expect(subject[.subject] == "\" \\ / \u{8} \u{C} \n \r \t é中 😀 \u{0} é中")
        #expect(try Self.read(#"{"\u0069d":"x"}"#).get()[.id] == "x")
    }

    @Test func aLoneSurrogateOrSyntaxErrorIsMalformedAndBadUTF8IsBadEncoding() throws {
        for json in [
            #"{"id":"\ud83d"}"#, #"{"id":"\ude00"}"#, #"{"id":"\ud83d\u0041"}"#, #"{"id":01}"#, #"{"id":1e400}"#,
            #"{"id":tru}"#, "{\"id\":\"\t\"}", "[1,2]", #"{"id":1}x"#, #"{"id":"\x"}"#,
        ] {
            #expect(Self.read(json) == .failure(Refused(kind: .malformedJSON)), "\(json)")
        }
        for bad: [UInt8] in [[0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            let object = Array(#"{"id":""#.utf8) + bad + Array(#""}"#.utf8)
            #expect(Self.read(object) == .failure(Refused(kind: .badEncoding)))
        }
        // Foundation takes a trailing comma, so it is still taken.
        #expect(try Self.read(#"{"id":1,"tags":["a",],}"#).get() == [.id: "1", .tags: "a"])
    }

    @Test func collectsPrecedenceHoldsForTheBytes() throws {
        func read(_ json: String) throws -> [TicketField: String] {
            #expect(Self.bytesRead(Array(json.utf8)) != nil, "\(json)")
            return try Self.read(json).get()
        }
        // A present key wins over its alternative even when null.
        #expect(try read(#"{"subject":null,"raw_subject":"b"}"#) == [:])
        #expect(
            try read(#"{"raw_subject":"b","ticket_type":"t","group_name":"g","assignee_name":"a"}"#) == [
                .subject: "b", .ticketType: "t", .group: "g", .assignee: "a",
            ])
        #expect(try read(#"{"type":null,"ticket_type":"t","group_id":7,"group_name":"g"}"#) == [.group: "7"])
        #expect(try read(#"{"priority":null}"#) == [.priority: ""])
        #expect(try read(#"{"priority":[]}"#) == [.priority: ""])
        // Tags: an array's strings and numbers joined (empty ones too), else `current_tags`.
        #expect(try read(#"{"tags":["a","",1,true,null,["x"],{"y":1}],"current_tags":"c"}"#) == [.tags: "a  1 1"])
        #expect(try read(#"{"tags":[],"current_tags":"c"}"#) == [.tags: ""])
        #expect(try read(#"{"tags":"a b","current_tags":"c"}"#) == [.tags: "c"])
        // Via: an object's channel, a string itself, a number nothing; the phone only through objects.
        #expect(try read(#"{"via":"mail"}"#) == [.channel: "mail"])
        #expect(try read(#"{"via":5}"#) == [:])
        #expect(
            try read(#"{"via":{"channel":"voice","source":{"from":{"phone":"+861"}}}}"#) == [
                .channel: "voice", .requesterPhone: "+861",
            ])
        #expect(try read(#"{"requester_phone":null,"via":{"source":{"from":{"phone":"+861"}}}}"#) == [:])
        // A repeated key: the last one counts, and replaces all of an earlier object.
        #expect(
            try read(#"{"id":1,"id":2,"via":{"channel":"web","source":{"from":{"phone":"1"}}},"via":"x"}"#) == [
                .id: "2", .channel: "x",
            ])
        #expect(try read(#"{"via":{"source":{"from":{"phone":"1"}},"source":5}}"#) == [:])
        // The metric set over the flat fields, where it has a value.
        let metrics = try read(
            #"{"solved_at":"a","reopens":1,"first_reply_time_in_minutes":"5","full_resolution_time_in_minutes":"6","#
                + #""metric_set":{"solved_at":"b","reopens":null,"reply_time_in_minutes":{"calendar":15},"#
                + #""full_resolution_time_in_minutes":{"business":3}}}"#)
        #expect(metrics == [.solvedAt: "b", .reopens: "1", .firstReplyMinutes: "15", .resolutionMinutes: "6"])
        #expect(
            try read(#"{"satisfaction_rating":{"score":"good"},"satisfaction_score":null}"#) == [.satisfaction: "good"])
        #expect(
            try read(#"{"satisfaction_rating":{"score":"good"},"satisfaction_score":"Bad"}"#) == [.satisfaction: "Bad"])
    }

    /// The scanner copies runs of bytes and skips through strings eight bytes at a time: the elements must not
    /// depend on where the chunks of the input end, nor an element over the limit on where it crosses one.
    @Test func arrayElementsAreCutTheSameWhateverTheChunkSize() throws {
        let tickets = [
            #"{"id":1,"subject":"a \"quoted\" ] } [ { and a backslash \\ at the end\\"}"#,
            #"[1,{"b":[]}]"#, #"{"subject":"中文 café 😀 long enough to cross a few chunks of eight bytes"}"#,
            #"{"tags":["x"],"next":{"deep":{"er":[[["y"]]]}}}"#,
        ]
        let document =
            #"{"next_page":"x\"tickets\"","tickets" : [ "#
            + tickets.joined(separator: ", 5, ") + #" ],"count":4}"#
        for limit in [16 << 20, 40] {
            var scanner = JSONArrayElements(keys: ["tickets"])
            scanner.limit = limit
            let expected = tickets.map { $0.utf8.count > limit ? nil : Array($0.utf8) }
            for chunk in [1, 3, 8, 13, 1 << 16] {
                var cut: [[UInt8]?] = []
                var depths: [Int] = []
                let array = try scanner.forEach(in: MemoryByteSource(document, chunkSize: chunk)) { bytes, _, depth in
                    cut.append(bytes)
                    depths.append(depth)
                }
                #expect(cut == expected, "chunks of \(chunk), limit \(limit)")
                #expect(depths == [1, 3, 1, 6] && array.key == "tickets" && array.count == 4)
            }
        }
    }
}

/// Objects read where they lie in the scanner's buffer, and those cut out when a chunk ends inside them, or when the
/// byte reader leaves them: every object gets the same fields, in the same order, whatever the chunk size.
@Suite struct TicketJSONInPlaceTests {
    /// Each element's number and fields, and how many were read in place.
    static func read(_ document: [UInt8], chunk: Int) throws -> (fields: [String], inPlace: Int) {
        var reader = TicketJSONFields()
        var values = TicketFieldValues()
        var fields: [String] = []
        var inPlace = 0
        func note(_ number: Int) {
            fields.append("\(number): \(TicketJSONFieldsTests.dump(values))")
        }
        _ = try JSONArrayElements(keys: ["tickets"]).forEach(in: MemoryByteSource(document, chunkSize: chunk)) {
            bytes, number in
            values.removeAll()
            guard let length = reader.readObject(at: bytes, into: &values) else { return nil }
            inPlace += 1
            note(number)
            return length
        } _: { bytes, number, _ in
            values.removeAll()
            let bytes = try #require(bytes)
            if bytes.withUnsafeBufferPointer({ reader.read($0, into: &values) }) {
                note(number)
            } else {
                fields.append("\(number): left to Foundation")
            }
        }
        return (fields, inPlace)
    }

    @Test func ticketsReadInPlaceGetTheFieldsOfTicketsCutOutWhateverTheChunkSize() throws {
        let objects = try TicketJSONFieldsTests.lines(TicketJSONFieldsTests.objects)
        // One object the byte reader leaves (an exponent where a field is read), in the middle.
        let odd = Array(#"{"id":1e3,"subject":"x"}"#.utf8)
        let document =
            Array(#"{"tickets": [ "#.utf8)
            + Array(
                (objects.prefix(20) + [odd] + objects.dropFirst(20)).joined(
                    separator: Array(",\n".utf8))) + Array(#" ], "count": 1}"#.utf8)
        let whole = try Self.read(document, chunk: document.count)
        #expect(whole.fields.count == objects.count + 1)
        // In place, the byte reader reads exactly the objects it reads once cut out (the fixture's odd ones it
        // leaves either way).
        #expect(whole.inPlace == whole.fields.filter { !$0.hasSuffix("left to Foundation") }.count)
        #expect(whole.inPlace > objects.count * 2 / 3)
        #expect(whole.fields[20] == "21: left to Foundation")
        for chunk in [1, 7, 64, 1000, 4096] {
            let cut = try Self.read(document, chunk: chunk)
            #expect(cut.fields == whole.fields, "chunks of \(chunk)")
            // Small chunks cut every object; larger ones leave most of them whole.
            if chunk >= 4096 { #expect(cut.inPlace > whole.inPlace / 2) }
        }
    }

    @Test func aTicketNestedToTheLimitIsReadInPlaceAndOneLevelDeeperIsNot() throws {
        func object(nesting: Int) -> [UInt8] {
            let inner = nesting - 1
            return Array(
                (#"{"id":7,"x":"# + String(repeating: "[", count: inner) + String(repeating: "]", count: inner) + "}")
                    .utf8)
        }
        var reader = TicketJSONFields()
        var values = TicketFieldValues()
        let limit = TicketJSONFields.maxNesting
        #expect(object(nesting: limit).withUnsafeBufferPointer { reader.readObject(at: $0, into: &values) } != nil)
        #expect(object(nesting: limit + 1).withUnsafeBufferPointer { reader.readObject(at: $0, into: &values) } == nil)
    }
}
