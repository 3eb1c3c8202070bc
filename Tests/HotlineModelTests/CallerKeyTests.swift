import Testing

@testable import HotlineModel

@Suite struct CallerKeyTests {
    func key(_ text: String) -> CallerKey? {
        Array(text.utf8).withUnsafeBufferPointer { CallerKey.phoneNumber($0) }
    }

    @Test func separatorsDoNotMakeADifferentCaller() {
        #expect(key("138-0013-8000") == key("13800138000"))
        #expect(key("(138) 0013 8000") == key("13800138000"))
    }

    @Test func leadingZerosAndPlusSignsAreKept() {
        #expect(key("0123") != key("123"))
        #expect(key("+8613800138000") != key("8613800138000"))
    }

    @Test(arguments: ["sip:alice@example.com", "", "+", "1380013800012345678", "12a4"])
    func nonNumbersAreNotPhoneKeys(text: String) {
        #expect(key(text) == nil)
    }

    @Test func anEmptyFieldWithinALineIsNoNumber() {
        Array("1,,2".utf8).withUnsafeBufferPointer { line in
            #expect(CallerKey.phoneNumber(UnsafeBufferPointer(rebasing: line[2..<2])) == nil)
        }
    }

    @Test func aPlusSignLeadsOrTheCallerIsNoNumber() {
        #expect(key("+86 138") != nil)
        #expect(key("86+138") == nil)
        #expect(key("++86") == nil)
    }

    @Test func seventeenDigitsAreANumberEighteenAreNot() {
        #expect(key("12345678901234567") != nil)
        #expect(key("123456789012345678") == nil)
        #expect(key("(1) 2.3") == key("123"))
    }

    @Test func randomCallersPackAsTheirDigitsSay() throws {
        // The reference: digits kept, ` -().` dropped, anything else (or a `+` not first) no number; 1 to 17
        // digits. The key unpacked as ReadContext.callerText does: digit count, value, plus sign.
        func reference(_ text: [UInt8]) -> (plus: Bool, digits: String)? {
            let plus = text.first == UInt8(ascii: "+")
            var digits = ""
            for b in text.dropFirst(plus ? 1 : 0) {
                if (0x30...0x39).contains(b) {
                    digits.append(Character(UnicodeScalar(b)))
                } else if !" -().".utf8.contains(b) {
                    return nil
                }
            }
            return (1...17).contains(digits.count) ? (plus, digits) : nil
        }
        // A seeded sequence, so a failure can be read again.
        var state: UInt64 = 17
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let alphabet = Array("0123456789 -().+a/:".utf8) + [0]
        for _ in 0..<5000 {
            // Half of them start with 6 to 12 digits, so that eight are often read at once.
            var text = (0..<(next(2) == 0 ? 6 + next(7) : 0)).map { _ in UInt8(ascii: "0") + UInt8(next(10)) }
            if next(4) == 0 { text.insert(UInt8(ascii: "+"), at: 0) }
            text += (0..<next(10)).map { _ in alphabet[next(alphabet.count)] }
            let packed = text.withUnsafeBufferPointer { CallerKey.phoneNumber($0) }
            guard let expected = reference(text) else {
                #expect(packed == nil, "\(text)")
                continue
            }
            let raw = try #require(packed, "\(text)").rawValue
            let digits = Int((raw >> 57) & 0x1F)
            let number = String(raw & ((1 << 57) - 1))
            #expect(digits == expected.digits.count, "\(text)")
            #expect(String(repeating: "0", count: max(0, digits - number.count)) + number == expected.digits, "\(text)")
            #expect((raw & (1 << 62) != 0) == expected.plus, "\(text)")
        }
    }

    @Test(arguments: ["00000000", "99999999", "12345678", "1234567/", "1234567:", "123456789012"])
    func eightDigitsReadAtOnceAsTheyWrite(text: String) throws {
        let bytes = Array(text.utf8)
        let read = try bytes.withUnsafeBufferPointer { CallerKey.eightDigits(try #require($0.baseAddress)) }
        let prefix = String(decoding: bytes.prefix(8), as: UTF8.self)
        #expect(read == UInt64(prefix))
    }

    @Test func internedCallersNeverCollideWithPhoneNumbers() {
        #expect(CallerKey.interned(Symbol(rawValue: 7)) != key("7"))
    }
}

@Suite struct MaskingTests {
    @Test func keepsTheLastFourCharacters() {
        #expect(Masking.mask("13800138000") == "*******8000")
        #expect(Masking.mask("+86 138-0013-8000") == "+** ***-****-8000")
    }

    @Test func masksShortValuesWhole() {
        #expect(Masking.mask("1234") == "****")
    }

    /// Printable ASCII is masked byte by byte; anything else Character by Character: both the same rule.
    @Test func masksPrintableASCIIAsTheCharacterRuleDoes() {
        let printable = String(decoding: (0x20..<0x7F).map { UInt8($0) }, as: UTF8.self)
        for value in [
            printable, "abc", "abcde", "+86 (21) 5555-0100", "user_42@example.com", "ZzAa09/:@[`{", "", "12345",
        ] {
            #expect(Masking.mask(value) == Masking.maskCharacters(value), "\(value)")
        }
        // Not printable ASCII: letters and digits of any script, a CR LF (one Character), a tab.
        #expect(Masking.mask("张三13800138000") == "*********8000")
        #expect(Masking.mask("12\r\n345") == "**\r\n345")
        #expect(Masking.mask("1\t23456") == "*\t*3456")
    }
}

@Suite struct DenseIndexTests {
    @Test func givesIndicesInOrderOfFirstAppearanceAcrossGrowth() {
        var index = DenseIndex<Int64>()
        for k in 0..<1000 { #expect(index.index(of: Int64(k * 7919)) == (k, true)) }
        for k in 0..<1000 { #expect(index.index(of: Int64(k * 7919)) == (k, false)) }
        #expect(index.find(-1) == nil)
        #expect(index.keys.count == 1000)
    }
}

@Suite struct IdentifierMaskingTests {
    @Test func phoneNumbersAccountIdsAndEmailNamesAreMaskedInFreeText() {
        let raw = "11,Login broken,Open,High,2026-11-16 10:00:00,Li Lei,lilei@example.com,13800138000,40001"
        #expect(
            Masking.maskIdentifiers(in: raw)
                == "11,Login broken,Open,High,2026-11-16 10:00:00,Li Lei,l****@example.com,*******8000,40001")
    }
}
