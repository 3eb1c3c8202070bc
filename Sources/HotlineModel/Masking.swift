/// Masks personal identifiers (caller numbers, account ids) for reports and rejects files.
public enum Masking {
    /// Keeps the last four characters and replaces every other letter or digit with `*`:
    /// `13800138000` becomes `*******8000`. Values of four characters or fewer are masked whole.
    public static func mask(_ value: String) -> String {
        // Printable ASCII (a phone number, nearly always) byte by byte, each byte one Character: the Character
        // properties cost a callback list of thousands of callers a third of its making.
        if DisplayText.isPrintableASCII(value) {
            var bytes = Array(value.utf8)
            let keep = bytes.count > 4 ? 4 : 0
            for i in 0..<(bytes.count - keep) {
                let b = bytes[i]
                if b &- 0x30 < 10 || (b | 0x20) &- 0x61 < 26 { bytes[i] = UInt8(ascii: "*") }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return maskCharacters(value)
    }

    /// ``mask(_:)`` Character by Character, for text that is not printable ASCII.
    static func maskCharacters(_ value: String) -> String {
        let characters = Array(value)
        let keep = characters.count > 4 ? 4 : 0
        return String(
            characters.enumerated().map { i, c in
                i >= characters.count - keep || !(c.isLetter || c.isNumber) ? c : "*"
            })
    }

    /// Masks what looks like a phone number or account id (a run of 7 or more digits) and the name part of an
    /// e-mail address anywhere in `text`: for raw records of exports whose columns are not all known (ticket
    /// exports carry requester e-mails and phones).
    public static func maskIdentifiers(in text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            out += run.count >= 7 ? mask(run) : run
            run = ""
        }
        for c in text {
            if c.isASCII && c.isNumber {
                run.append(c)
            } else {
                flush()
                out.append(c)
            }
        }
        flush()
        // name@domain: the name all but its first character.
        guard out.contains("@") else { return out }
        var result = ""
        let parts = out.split(separator: "@", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            if i < parts.count - 1 {
                let nameStart =
                    part.lastIndex { !($0.isLetter || $0.isNumber || ".+_-".contains($0)) }
                    .map { part.index(after: $0) } ?? part.startIndex
                let name = part[nameStart...]
                result +=
                    part[..<nameStart] + (name.prefix(1) + String(repeating: "*", count: max(0, name.count - 1))) + "@"
            } else {
                result += part
            }
        }
        return result
    }
}
