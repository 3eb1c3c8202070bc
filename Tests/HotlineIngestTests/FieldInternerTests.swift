import Foundation
import Testing

@testable import HotlineIngest
@testable import HotlineModel

/// The interner's word-at-a-time hash and compare: every length, values that differ in one byte only.
@Suite struct FieldInternerTests {
    func intern(_ interner: FieldInterner, _ text: String) -> Symbol? {
        Array(text.utf8).withUnsafeBufferPointer { interner.intern($0) }
    }

    @Test func valuesDifferingInAnyOneByteAreDifferentSymbolsAtEveryLength() {
        let symbols = SymbolTable()
        let interner = FieldInterner(symbols: symbols)
        var seen: [Symbol: String] = [:]
        for length in 1...40 {
            let base = String(repeating: "a", count: length)
            var values = [base]
            for at in 0..<length {
                var bytes = Array(base.utf8)
                bytes[at] = UInt8(ascii: "b")
                values.append(String(decoding: bytes, as: UTF8.self))
            }
            for value in values {
                guard let symbol = intern(interner, value) else {
                    Issue.record("'\(value)' refused")
                    continue
                }
                #expect(seen[symbol] == nil, "'\(value)' shares a symbol with '\(seen[symbol] ?? "")'")
                seen[symbol] = value
                #expect(symbols[symbol] == value)
            }
        }
        // Every value again, through the table grown to hold them all: the same symbols.
        for (symbol, value) in seen { #expect(intern(interner, value) == symbol) }
    }

    /// Names that differ only in their last bytes differ in the high bytes of the hash's last word: without a full
    /// finaliser, 80 such names fell on 8 of 256 slots and every look-up probed a long run.
    @Test(arguments: ["Agent/%d", "SIP/%d", "%d", "1310009%d", "队列%d"])
    func namesDifferingInTheirLastBytesSpreadOverTheTable(pattern: String) {
        let slots = Set(
            (1000..<1080).map { n in
                Array(pattern.replacingOccurrences(of: "%d", with: String(n)).utf8).withUnsafeBufferPointer {
                    FieldInterner.hash($0) & 255
                }
            })
        // 80 random values take ~69 of 256 slots.
        #expect(slots.count >= 60)
    }

    @Test func theSameBytesAtAnotherAddressAreTheSameSymbol() {
        let interner = FieldInterner(symbols: SymbolTable())
        let first = intern(interner, "hotline-cn")
        let line = Array("x,hotline-cn,y".utf8)
        let again = line.withUnsafeBufferPointer { interner.intern(UnsafeBufferPointer(rebasing: $0[2..<12])) }
        #expect(first != nil && again == first)
        #expect(intern(interner, "登录失败") == intern(interner, "登录失败"))
        #expect(intern(interner, "登录失败") != intern(interner, "登录成功"))
    }

    @Test func fieldsAreTrimmedOfSpacesAndTabsOnlyAtTheEnds() {
        func trimmed(_ text: String) -> String {
            Array(text.utf8).withUnsafeBufferPointer { String(decoding: ByteParsing.trimmed($0), as: UTF8.self) }
        }
        #expect(trimmed("") == "")
        #expect(trimmed("a") == "a")
        #expect(trimmed(" ") == "")
        #expect(trimmed(" \t a b \t") == "a b")
        #expect(trimmed("a ") == "a")
        #expect(trimmed("\ta") == "a")
        #expect(trimmed("\u{1}a") == "\u{1}a")
    }
}

/// The memo of a column of short words: only the very bytes remembered are recalled, at every length.
@Suite struct ShortFieldMemoTests {
    @Test func recallsOnlyTheBytesRemembered() {
        var memo = ShortFieldMemo<Int>()
        for length in 1...16 {
            let word = Array(String(repeating: "x", count: length).utf8)
            word.withUnsafeBufferPointer { memo.remember($0, as: length) }
            #expect(word.withUnsafeBufferPointer { memo.recall($0) } == length)
            for at in 0..<length {
                var other = word
                other[at] = UInt8(ascii: "y")
                #expect(other.withUnsafeBufferPointer { memo.recall($0) } == nil, "length \(length), byte \(at)")
            }
            let longer = word + [UInt8(ascii: "x")]
            #expect(longer.withUnsafeBufferPointer { memo.recall($0) } == nil)
            let shorter = Array(word.dropLast())
            #expect(shorter.withUnsafeBufferPointer { memo.recall($0) } == nil)
        }
        // Longer than sixteen bytes: never remembered.
        let long = Array(String(repeating: "z", count: 17).utf8)
        long.withUnsafeBufferPointer { memo.remember($0, as: 17) }
        #expect(long.withUnsafeBufferPointer { memo.recall($0) } == nil)
    }
}

@Suite struct ByteBelowSpaceTests {
    /// Every length to 20, every place, every byte value: the word test says what a byte-by-byte test says.
    @Test func aByteBelowSpaceIsFoundAtEveryPlaceOfEveryLength() {
        for length in 0...20 {
            let text = Array(String(repeating: "a", count: length).utf8)
            #expect(text.withUnsafeBufferPointer { ByteParsing.hasByteBelowSpace($0) } == false)
            for at in 0..<length {
                for value in [0x00, 0x01, 0x09, 0x0A, 0x1F, 0x20, 0x7F, 0x80, 0xE4, 0xFF] as [UInt8] {
                    var bytes = text
                    bytes[at] = value
                    let found = bytes.withUnsafeBufferPointer { ByteParsing.hasByteBelowSpace($0) }
                    #expect(found == (value < 0x20), "length \(length), byte \(value) at \(at)")
                }
            }
        }
    }
}
