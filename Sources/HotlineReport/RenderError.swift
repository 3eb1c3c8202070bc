import CXLSXWriter

#if canImport(Glibc)
    import Glibc
#endif

/// An output that cannot be made (a workbook libxlsxwriter cannot write, CSV iconv cannot encode): the file and
/// why, `cannot write PATH: reason` as every output error reads.
public struct RenderError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "cannot write \(path): \(reason)" }

    init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// libxlsxwriter's error in its own words, with the system's reason (`errno`) when `system` says the failing
    /// call did I/O (a full disk, a folder that cannot be written).
    init(path: String, error: lxw_error, system: Bool = false) {
        let text = lxw_strerror(error).map { String(cString: $0) } ?? "libxlsxwriter error \(error.rawValue)"
        let system = system && errno != 0 ? " (" + String(cString: strerror(errno)).lowercased() + ")" : ""
        let sentence = text.hasSuffix(".") ? String(text.dropLast()) : text
        self.init(path: path, reason: sentence.prefix(1).lowercased() + sentence.dropFirst() + system)
    }
}
