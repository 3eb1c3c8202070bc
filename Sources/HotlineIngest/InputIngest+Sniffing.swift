import Foundation
import HotlineModel

/// How the ingest decides the order of files and what each one is: queue logs by their first event, the decoded
/// start of a file for sniffing, the words for a file that is not a call log.
extension InputIngest {
    /// Queue logs in the order of their first event, the other files as given.
    func readingOrder(_ files: [String]) -> [Int] {
        var others: [Int] = []
        var logs: [(index: Int, first: Double)] = []
        // Every file is looked at: on several threads when reading on several (a directory of 100,000 CDRs).
        let firsts = Self.concurrentMap(files, threads: options.threads) {
            $0 == "-" ? nil : Self.firstQueueLogTime($0)
        }
        for (index, first) in firsts.enumerated() {
            if let first {
                logs.append((index, first))
            } else {
                others.append(index)
            }
        }
        return others + logs.sorted { ($0.first, $0.index) < ($1.first, $1.index) }.map(\.index)
    }

    /// `transform` of each element, computed on up to `threads` threads in slices of 256.
    static func concurrentMap<T>(_ items: [String], threads: Int, _ transform: @Sendable (String) -> T?) -> [T?] {
        guard threads > 1, items.count > 256 else { return items.map(transform) }
        let results = ResultSlots<T>(count: items.count)
        let slices = (items.count + 255) / 256
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            for i in (slice * 256)..<min(items.count, (slice + 1) * 256) { results.set(i, transform(items[i])) }
        }
        return results.values
    }

    /// The time of the first event, when `path` looks like a queue log (raw or table export).
    static func firstQueueLogTime(_ path: String) -> Double? {
        // Only a regular file can be looked at twice: reading the start of a pipe (`<(zcat log.gz)`) would take
        // it from the reader.
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard let file = try? FileByteSource(path: path), var bytes = try? readSample(file, limit: 4096) else {
            return nil
        }
        if GzipByteSource.isGzip(bytes) {
            guard let file = try? FileByteSource(path: path),
                let inflated = try? GzipByteSource(source: file, path: path),
                let head = try? readSample(inflated, limit: 4096)
            else { return nil }
            bytes = head
        }
        // A queue log starts with an epoch (`1543527289|...`) or is a table export naming a callid column: other
        // files are let go without sniffing (a directory may hold 100,000 XML CDRs).
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let startsWithDigit = bytes.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
        guard startsWithDigit || String(decoding: firstLine, as: UTF8.self).lowercased().contains("callid") else {
            return nil
        }
        let head = String(decoding: bytes, as: UTF8.self)
        guard FormatSniffer.sniff(head) == .format(.asteriskQueueLog) else { return nil }
        let lines = head.split(whereSeparator: \.isNewline)
        if let raw = lines.first(where: FormatSniffer.isQueueLogLine) {
            return Double(raw.split(separator: "|", omittingEmptySubsequences: false)[0])
        }
        guard lines.count > 1,
            let columns = QueueLogReader.TableColumns(names: lines[0].split(separator: ",").map(String.init))
        else { return nil }
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        }
        return columns.time < row.count ? Double(row[columns.time]) : nil
    }

    /// The start of the file as text, for sniffing: transcoded when it is not UTF-8.
    static func decodedHead(_ sample: [UInt8], encoding: TextEncoding, bomLength: Int, path: String) throws -> String {
        let bytes = Array(sample.dropFirst(bomLength).prefix(8192))
        // NUL runs between lines are skipped by the readers: the sniffer looks past them too.
        // An array, not a generic sequence: String's decoding of one unspecialised went byte by byte.
        func text(_ utf8: ArraySlice<UInt8>) -> String {
            let kept: [UInt8] = utf8.filter { !CSVReader.isGapByte($0) }
            return String(decoding: kept, as: UTF8.self)
        }
        guard let name = encoding.iconvName else { return text(bytes[...]) }
        let transcoder = try Transcoder(source: MemoryByteSource(bytes), from: name, path: path)
        var out = [UInt8].readBuffer(count: bytes.count * 3 + 16)
        var filled = 0
        while filled < out.count {
            let n = try out.withUnsafeMutableBytes {
                try transcoder.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
            }
            if n == 0 { break }
            filled += n
        }
        return text(out.prefix(filled))
    }

    /// Why a file is not a call log, in the words a user recognises: a CSV header says what it named instead.
    ///
    /// Nothing else of the file is quoted (`fallback` describes only its shape): it may be any file the user, or
    /// root's nightly job through a link, can read. Column names are shown only when the start looks like CSV
    /// text: a first line of two or more short names (letters, digits, spaces and `_-./()#%`) and the next lines
    /// with as many fields.
    static func explain(_ head: String, fallback: String) -> String {
        let lines = FormatSniffer.firstLines(of: head, upTo: 3)
        guard let first = lines.first else { return fallback }
        let names = FormatSniffer.csvFields(String(first)).map { $0.trimmingCharacters(in: .whitespaces) }
        let nameCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: " _-./()#%"))
        guard names.count >= 2,
            names.allSatisfy({ name in
                !name.isEmpty && name.count < 40 && Double(name) == nil && name.contains(where: \.isLetter)
                    && name.unicodeScalars.allSatisfy(nameCharacters.contains)
            }),
            lines.dropFirst().allSatisfy({ FormatSniffer.csvFields(String($0)).count == names.count })
        else { return fallback }
        return
            "the header names no call_id and enqueued_at (calls) nor id and created at (tickets) columns (found: \(names.prefix(6).joined(separator: ", ")))"
    }

    static func readSample(_ source: ByteSource, limit: Int = sampleBytes) throws -> [UInt8] {
        var sample = [UInt8].readBuffer(count: limit)
        var filled = 0
        while filled < sample.count {
            let n = try sample.withUnsafeMutableBytes { raw in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
            }
            if n == 0 { break }
            filled += n
        }
        sample.removeLast(sample.count - filled)
        return sample
    }
}

/// Slots that threads fill at distinct indices: a buffer allocated once, never resized while they write.
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Each index is set by one thread only.
    func set(_ index: Int, _ value: T?) { slots[index] = value }

    var values: [T?] { Array(slots) }
}

extension InputIngest {
    /// Whether any of `files` is a ticket export, by the format configured for it or what its start looks like.
    /// The journey keeps the calls it links tickets to only when there are tickets. Standard input cannot be
    /// looked at twice, nor a pipe: they count only when their format is forced.
    public func holdsTicketExport(_ files: [String]) -> Bool {
        if let forced = options.forcedFormat { return forced.isTickets }
        if options.formatOverrides.values.contains(where: \.isTickets) { return true }
        return files.contains { format(of: $0)?.isTickets == true }
    }

    /// The format `path` would be read as (configured, or sniffed from its start); nil when it cannot be opened or
    /// recognised, or is not a regular file (a pipe cannot be looked at twice).
    public func format(of path: String) -> InputFormat? {
        var info = stat()
        guard path != "-", stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        if let format = options.forcedFormat ?? options.formatOverrides[path] { return format }
        if Self.plainlyXMLCDR(path) { return .freeswitchXMLCDR }
        var summary = InputSummary(path: path)
        return (try? probe(path, summary: &summary, observe: nil))?.format
    }

    /// Whether the first 4 KB of `path`, as they are, already sniff as a FreeSWITCH XML CDR with its `<cdr`
    /// element in them: that format then, and no ticket export, whatever the rest of the head holds (the sniffer takes XML for
    /// tickets only when `<ticket` or `<records` comes before `<cdr`). Anything less plain (compressed, UTF-16, a
    /// CDR element further on) gets the whole probe. Probing every file of a folder of 100,000 CDRs here, and again
    /// to read it, was a fifth of reading them.
    static func plainlyXMLCDR(_ path: String) -> Bool {
        guard let file = try? FileByteSource(path: path), let head = try? readSample(file, limit: 4096) else {
            return false
        }
        let text = String(decoding: head, as: UTF8.self)
        return FormatSniffer.firstASCII("<cdr", in: text) != nil
            && FormatSniffer.sniff(text) == .format(.freeswitchXMLCDR)
    }
}
