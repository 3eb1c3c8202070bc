import HotlineModel

/// Cuts the elements of one array out of a JSON document as it streams by: the objects of the top-level
/// `"tickets"` array of a Zendesk API page or incremental export (or `"results"` of the legacy full export), one
/// at a time, without the whole document in memory.
///
/// Written by hand because Foundation's JSON parser needs the whole document. The scanner only tracks strings (with
/// escapes) and nesting; an element is offered first to a reader of its fields where it lies (``TicketJSONFields``,
/// which finds its end as it validates it), and cut out only when that reader leaves it: scanning and copying every
/// element before reading it was a third of the instructions of a JSON read.
struct JSONArrayElements {
    /// The keys the array may have, at the top level of the document; the first one met is read.
    var keys: [String]
    /// An element longer than this is skipped and reported (nil bytes).
    var limit = 16 << 20

    /// Calls `body` with each element's bytes (nil for one over the limit), its 1-based number and its deepest
    /// nesting (1 for a flat object), found in the same pass. Returns the
    /// key of the array read and its number of elements; throws when the document ends inside a string or
    /// nesting, or has no such array.
    ///
    /// `inPlace` is offered each object element first, where it lies in the buffer (from its `{` to
    /// the end of the bytes read so far) with its number: it returns the object's length when it read the object
    /// whole, or nil to have it cut out and given to `body`. Most objects are read so, without the copy and the
    /// second pass over their bytes; one cut by the end of a chunk, or not in the subset `inPlace` reads, is not.
    /// (An object read in place is under a chunk, 1 MB, so under `limit`.)
    @discardableResult
    func forEach(
        in source: ByteSource, inPlace: (UnsafeBufferPointer<UInt8>, Int) throws -> Int? = { _, _ in nil },
        _ body: ([UInt8]?, Int, Int) throws -> Void
    ) throws -> (key: String, count: Int) {
        // Large chunks, so that few objects are cut by a chunk's end (each of those is read twice).
        var chunk = [UInt8].readBuffer(count: 1 << 20)
        var depth = 0
        var inString = false
        var escaped = false
        var lastTopString: [UInt8] = []
        var capturingString = false
        var inArray = false
        var element: [UInt8] = []
        var elementDepth = 0
        var elementDeepest = 0
        var inElement = false
        var overLimit = false
        var count = 0
        let keyBytes = keys.map { Array($0.utf8) }
        var found: String?
        var sawAnything = false
        while true {
            let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if n == 0 { break }
            try chunk.withUnsafeBufferPointer { whole in
                let p = UnsafeBufferPointer(rebasing: whole[0..<n])
                // The element's bytes are copied a run at a time (from `copied`), not byte by byte.
                var copied = 0
                func copy(upTo end: Int) {
                    guard !overLimit else { return }
                    let room = limit - element.count
                    if end - copied > room {
                        element.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<(copied + room)]))
                        overLimit = true
                    } else {
                        element.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<end]))
                    }
                }
                var i = 0
                while i < n {
                    let b = p[i]
                    if inString {
                        if escaped {
                            escaped = false
                        } else if b == UInt8(ascii: "\\") {
                            escaped = true
                        } else if b == UInt8(ascii: "\"") {
                            inString = false
                            capturingString = false
                        } else if capturingString {
                            if lastTopString.count < 64 { lastTopString.append(b) }
                        } else {
                            // Nothing but a quote or a backslash matters inside a string.
                            i = Self.stringRun(p, from: i + 1)
                            continue
                        }
                        i += 1
                        continue
                    }
                    switch b {
                    case UInt8(ascii: "\""):
                        inString = true
                        if depth == 1 {
                            capturingString = true
                            lastTopString.removeAll(keepingCapacity: true)
                        }
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        if !sawAnything && b != UInt8(ascii: "{") {
                            throw IngestError(
                                .malformed, path: "", detail: "the document is not an object with a \(named) array")
                        }
                        sawAnything = true
                        depth += 1
                        if depth == 2 && b == UInt8(ascii: "["), let k = keyBytes.firstIndex(of: lastTopString) {
                            inArray = true
                            found = found ?? keys[k]
                        } else if inArray && depth == 3 && !inElement {
                            if b == UInt8(ascii: "{"),
                                let length = try inPlace(UnsafeBufferPointer(rebasing: p[i..<n]), count + 1)
                            {
                                // An object is at least `{}`, and lies within the bytes it was given.
                                precondition(length >= 2 && length <= n - i, "an in-place length out of its bytes")
                                count += 1
                                depth -= 1
                                i += length
                                continue
                            }
                            inElement = true
                            overLimit = false
                            element.removeAll(keepingCapacity: true)
                            copied = i
                            elementDepth = depth
                            elementDeepest = 1
                        } else if inElement {
                            elementDeepest = max(elementDeepest, depth - elementDepth + 1)
                        }
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth < 0 { throw IngestError(.malformed, path: "", detail: "unbalanced brackets") }
                        if inElement && depth == elementDepth - 1 {
                            inElement = false
                            copy(upTo: i + 1)
                            count += 1
                            try body(overLimit ? nil : element, count, elementDeepest)
                        } else if inArray && depth == 1 {
                            inArray = false
                        }
                    case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                        break
                    default:
                        if !sawAnything {
                            throw IngestError(
                                .malformed, path: "", detail: "the document does not start with an object")
                        }
                    }
                    i += 1
                }
                if inElement { copy(upTo: n) }
            }
        }
        if inString || depth != 0 {
            throw IngestError(
                .malformed, path: "", detail: "the document ends inside \(inString ? "a string" : "an object")")
        }
        guard let found else { throw IngestError(.malformed, path: "", detail: "no top-level \(named) array") }
        return (found, count)
    }

    /// The end of the run of string bytes from `i` that are neither `"` nor `\\`, eight at a time.
    @inline(__always) static func stringRun(_ p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = p.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            while i + 8 <= p.count {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let quote = x ^ (ones &* 0x22)
                let backslash = x ^ (ones &* 0x5C)
                // A zero byte in either.
                if ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash) & (ones &* 0x80) != 0 { break }
                i += 8
            }
        }
        while i < p.count && p[i] != UInt8(ascii: "\"") && p[i] != UInt8(ascii: "\\") { i += 1 }
        return i
    }

    /// The keys as a message names them: `"tickets" or "results"`.
    private var named: String { keys.map { "\"\($0)\"" }.joined(separator: " or ") }
}
