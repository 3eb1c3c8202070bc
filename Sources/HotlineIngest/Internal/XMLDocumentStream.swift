/// Presents a file of one or more XML documents (FreeSWITCH writes one `<cdr>` per file, or several
/// concatenated) as a single document for libxml2: wrapped in one root element, `<?xml ...?>` declarations
/// removed. A `<!DOCTYPE` ends the stream there (the root closed after the documents before it, which are read):
/// call records never need a DTD, and refusing it outright means no entity can expand (billion laughs) or read a
/// file or URL (XXE), whatever the parser's settings. ``sawDoctype`` then says the file was cut short.
final class XMLDocumentStream {
    private let source: ByteSource
    private var pending: [UInt8] = Array("<hotline-documents>".utf8)
    private var pendingStart = 0
    private var carry: [UInt8] = []
    private var chunk = [UInt8].readBuffer(count: 1 << 16)
    private var inDeclaration = false
    private var sourceDone = false
    private var closed = false
    /// Set when a DTD was found; the stream then fails.
    private(set) var sawDoctype = false
    private(set) var readError: Error?

    init(source: ByteSource) { self.source = source }

    /// Fills `buffer` with up to `count` bytes; 0 at the end, -1 on a DTD or a read error (libxml2's contract).
    func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int32 {
        while pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
            if closed { return 0 }
            if sawDoctype || readError != nil { return -1 }
            if !sourceDone {
                do {
                    let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
                    if n == 0 { sourceDone = true } else { carry.append(contentsOf: chunk[0..<n]) }
                } catch {
                    readError = error
                    return -1
                }
            }
            filter()
            if !closed && sourceDone && carry.isEmpty {
                pending.append(contentsOf: Array("</hotline-documents>".utf8))
                closed = true
            }
        }
        let n = min(count, pending.count - pendingStart)
        pending.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            UnsafeMutableRawPointer(buffer).copyMemory(from: base + pendingStart, byteCount: n)
        }
        pendingStart += n
        return Int32(n)
    }

    /// Moves what it can from `carry` to `pending`, keeping a possibly cut `<?xml`, `<!DOCTYPE` or `?>`.
    ///
    /// Runs of ordinary bytes move in one append: per-byte appends were half the time of reading ticket XML.
    private func filter() {
        var i = 0
        var runStart = 0
        let n = carry.count
        func flush(upTo end: Int) {
            if end > runStart { pending.append(contentsOf: carry[runStart..<end]) }
        }
        scan: while i < n {
            let b = carry[i]
            if inDeclaration {
                if b == UInt8(ascii: "?") {
                    if i + 1 >= n && !sourceDone { break scan }
                    if i + 1 < n && carry[i + 1] == UInt8(ascii: ">") {
                        inDeclaration = false
                        i += 2
                        runStart = i
                        continue
                    }
                }
                i += 1
                runStart = i
                continue
            }
            if b == UInt8(ascii: "<") {
                if i + 9 > n && !sourceDone {
                    flush(upTo: i)
                    runStart = i
                    break scan
                }
                if matches("<?xml", at: i) && i + 5 < n && Self.endsName(carry[i + 5]) {
                    flush(upTo: i)
                    inDeclaration = true
                    i += 5
                    runStart = i
                    continue
                }
                if matches("<!DOCTYPE", at: i) {
                    // The documents before it end cleanly, so the last of them is read, not blamed.
                    flush(upTo: i)
                    pending.append(contentsOf: Array("</hotline-documents>".utf8))
                    sawDoctype = true
                    closed = true
                    sourceDone = true
                    carry.removeAll()
                    return
                }
            }
            i += 1
        }
        if !inDeclaration { flush(upTo: i) }
        carry.removeFirst(i)
    }

    /// A byte that can follow `<?xml` in a declaration: white space or `?`.
    private static func endsName(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "?")
    }

    private func matches(_ text: StaticString, at i: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard i + count <= carry.count else { return false }
        return text.withUTF8Buffer { pattern in
            (0..<count).allSatisfy { carry[i + $0] == pattern[$0] }
        }
    }
}
