import CXLSXWriter
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A libxlsxwriter workbook being built: sheets, cells in the report's few number formats, and `close()`, which
/// writes the file. Every call that can fail throws a ``RenderError``; the C objects are freed either way.
final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// The output in messages: the file the user named, not the scratch file written.
    private let name: String
    /// The C string libxlsxwriter keeps for its temporary files (freed after the workbook).
    private let tmpdir: UnsafeMutablePointer<CChar>?
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
    private static let quietLock = NSLock()

    /// A workbook to be written to `path` (created or replaced by ``close(created:title:)``); libxlsxwriter's own
    /// temporary files go to `scratchFolder` and are unlinked as soon as they are open. Errors name `name`.
    init(path: String, scratchFolder: String, name: String) throws {
        self.name = name
        tmpdir = strdup(scratchFolder)
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: tmpdir, use_zip64: 0)
        handle = workbook_new_opt(path, &options)
        guard let handle else { throw RenderError(path: name, reason: "libxlsxwriter cannot start a workbook") }
        // One format per style, made in a fixed order: styles.xml is the same bytes every time.
        for style in CellStyle.allCases {
            guard let format = workbook_add_format(handle) else {
                throw RenderError(path: name, reason: "libxlsxwriter cannot add a format")
            }
            style.apply(to: format)
            formats[style] = format
        }
    }

    deinit {
        // Never closed (an error on the way): free the workbook without writing it. libxlsxwriter has no free
        // without writing, so it writes to the path, which the caller's clean-up removes.
        if let handle { _ = workbook_close(handle) }
        free(tmpdir)
    }

    /// A new sheet; its name made valid for Excel (see ``SheetName``) and unique in the workbook.
    func addSheet(_ title: String) throws -> Sheet {
        guard let handle else { throw RenderError(path: name, reason: "the workbook is closed") }
        var sheetName = SheetName.valid(title)
        var n = 2
        while sheetNames.contains(sheetName.lowercased()) {
            sheetName = SheetName.valid(title, suffix: " \(n)")
            n += 1
        }
        sheetNames.insert(sheetName.lowercased())
        guard let sheet = workbook_add_worksheet(handle, sheetName) else {
            throw RenderError(path: name, reason: "libxlsxwriter refused the sheet name '\(sheetName)'")
        }
        return Sheet(handle: sheet, formats: formats, name: name)
    }

    /// Writes the file. `created` is the creation time stamped in docProps/core.xml: fixed by the caller, so the
    /// same report gives the same bytes (libxlsxwriter would take the clock's time; its zip entries are all dated
    /// 1980-01-01 already).
    func close(created: time_t, title: String, quiet: Bool) throws {
        guard let handle else { return }
        self.handle = nil
        var properties = lxw_doc_properties()
        properties.created = created
        errno = 0
        let error = title.withCString { title -> lxw_error in
            properties.title = UnsafeMutablePointer(mutating: title)
            let set = workbook_set_properties(handle, &properties)
            let closed = quiet ? Self.withoutStandardError { workbook_close(handle) } : workbook_close(handle)
            return set != LXW_NO_ERROR ? set : closed
        }
        guard error == LXW_NO_ERROR else { throw RenderError(path: name, error: error, system: true) }
    }

    /// Runs `body` with standard error sent to /dev/null: libxlsxwriter prints its own `[ERROR]` lines, naming
    /// the scratch file, where the tool gives one line naming the output. File descriptor 2 is the process's, so
    /// this is for a command writing its outputs after the inputs are read, when no other thread logs; the lock
    /// keeps two workbooks closing at once from restoring each other's /dev/null.
    private static func withoutStandardError<T>(_ body: () -> T) -> T {
        quietLock.lock()
        defer { quietLock.unlock() }
        fflush(nil)
        let saved = dup(2)
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        guard saved >= 0, null >= 0 else {
            if saved >= 0 { Glibc.close(saved) }
            if null >= 0 { Glibc.close(null) }
            return body()
        }
        dup2(null, 2)
        Glibc.close(null)
        defer {
            fflush(nil)
            dup2(saved, 2)
            Glibc.close(saved)
        }
        return body()
    }
}

/// One sheet of a ``Workbook``: cells by 0-based row and column.
struct Sheet {
    fileprivate let handle: UnsafeMutablePointer<lxw_worksheet>
    fileprivate let formats: [CellStyle: UnsafeMutablePointer<lxw_format>]
    fileprivate let name: String

    /// Writes `value` at (`row`, `column`): text always as a string cell (never a formula, whatever it starts
    /// with), a number scaled and formatted by `style`, nothing for a figure that does not exist.
    func write(_ value: CellValue, style: CellStyle, row: Int, column: Int) throws {
        let r = lxw_row_t(truncatingIfNeeded: row)
        let c = lxw_col_t(truncatingIfNeeded: column)
        guard row < Self.maxRows, column < Self.maxColumns else { throw tooLarge() }
        let error: lxw_error
        switch value {
        case .text(let text):
            error = worksheet_write_string(handle, r, c, SheetText.cell(text), formats[.text])
        case .number(let number, let own):
            let style = own ?? style
            guard let number, number.isFinite, let scaled = style.scaled(number) else { return }
            error = worksheet_write_number(handle, r, c, scaled, formats[style])
        case .empty:
            return
        }
        guard error == LXW_NO_ERROR else { throw RenderError(path: name, error: error) }
    }

    func header(_ title: String, row: Int, column: Int) throws {
        let error = worksheet_write_string(
            handle, lxw_row_t(truncatingIfNeeded: row), lxw_col_t(truncatingIfNeeded: column), SheetText.cell(title),
            formats[.header])
        guard error == LXW_NO_ERROR else { throw RenderError(path: name, error: error) }
    }

    func setWidth(_ width: Double, column: Int) {
        let c = lxw_col_t(truncatingIfNeeded: column)
        _ = worksheet_set_column(handle, c, c, width, nil)
    }

    /// Keeps the first `rows` rows in view when scrolling.
    func freezeRows(_ rows: Int) { worksheet_freeze_panes(handle, lxw_row_t(truncatingIfNeeded: rows), 0) }

    /// Filter buttons on the header row of the table in rows `first`...`last`, columns 0..<`columns`.
    func autofilter(firstRow: Int, lastRow: Int, columns: Int) throws {
        guard columns > 0 else { return }
        let error = worksheet_autofilter(
            handle, lxw_row_t(truncatingIfNeeded: firstRow), 0, lxw_row_t(truncatingIfNeeded: lastRow),
            lxw_col_t(truncatingIfNeeded: columns - 1))
        guard error == LXW_NO_ERROR else { throw RenderError(path: name, error: error) }
    }

    /// Excel's limits: a larger table does not fit a sheet.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    private func tooLarge() -> RenderError {
        RenderError(
            path: name, reason: "a table has more rows than an Excel sheet holds (1,048,576); use CSV for this --by")
    }
}
