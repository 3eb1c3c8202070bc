import HotlineModel
import HotlineReport

/// Streams rejected records to a CSV file (`file,line,field,reason,record`), put in place at the end (see
/// ``OutputFile``), in the CSV outputs' encoding (`--csv-encoding`, `--csv-bom`): the records hold the inputs'
/// Chinese text. A write that fails (a full disk) stops the writing; ``commit()`` then throws it.
final class RejectsFile {
    private let file: OutputFile
    private let encoding: CSVOutput
    private var buffer = ""
    private var started = false
    private var failure: Error?

    init(path: String, encoding: CSVOutput = CSVOutput()) throws {
        file = try OutputFile(path: path)
        self.encoding = encoding
        buffer = "file,line,field,reason,record\n"
    }

    func add(_ reject: Reject) {
        guard failure == nil else { return }
        // Input text, so a cell that would start a spreadsheet formula is written as text.
        buffer +=
            [reject.file, String(reject.line), reject.field, "\(reject.kind.rawValue): \(reject.detail)", reject.raw]
            .map(CSVReportRenderer.textCell).joined(separator: ",") + "\n"
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    private func flush() {
        do {
            try file.write(try encoding.bytes(buffer, first: !started))
            started = true
        } catch {
            failure = error
        }
        buffer = ""
    }

    func commit() throws {
        if failure == nil { flush() }
        if let failure { throw failure }
        try file.commit()
    }
}
