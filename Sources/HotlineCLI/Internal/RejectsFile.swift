import Foundation
import HotlineModel
import HotlineReport

/// Streams rejected records to a CSV file (`file,line,field,reason,record`), renamed into place at the end.
final class RejectsFile {
    private let path: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer = ""

    init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary =
            url.deletingLastPathComponent().appendingPathComponent(
                ".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)"
            ).path
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw AtomicFile.WriteError(path: path, reason: "cannot create a file in its directory")
        }
        self.handle = handle
        buffer = "file,line,field,reason,record\n"
    }

    func add(_ reject: Reject) {
        // Input text, so a cell that would start a spreadsheet formula is written as text.
        buffer +=
            [reject.file, String(reject.line), reject.field, "\(reject.kind.rawValue): \(reject.detail)", reject.raw]
            .map(CSVReportRenderer.textCell).joined(separator: ",") + "\n"
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    private func flush() {
        handle.write(Data(buffer.utf8))
        buffer = ""
    }

    func commit() throws {
        flush()
        try handle.close()
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw AtomicFile.WriteError(path: path, reason: reason)
        }
    }
}
