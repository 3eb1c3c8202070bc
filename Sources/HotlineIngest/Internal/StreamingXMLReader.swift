import CLibXML2
import Foundation
import HotlineModel

/// libxml2's streaming `xmlReader` over a ``XMLDocumentStream``, as a sequence of element and text events:
/// one node in memory at a time, whatever the file size.
///
/// Parser options: no network (`XML_PARSE_NONET`), no DTD loading, no entity substitution, libxml2's default
/// limits on depth (256) and text nodes (10 MB); the stream refuses a DOCTYPE before the parser sees it, and the
/// external entity loader is replaced by one that loads nothing. Shared by every XML reader.
final class StreamingXMLReader {
    enum Event {
        /// An element opens; `line` is where, `isEmpty` for `<a/>` (no end event follows).
        case start(name: String, line: Int, isEmpty: Bool)
        case end(name: String)
        case text(String)
    }

    /// The line of the node the reader is on: the node's own, as the parser reads ahead of it.
    private static func line(of reader: xmlTextReaderPtr) -> Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = xmlGetLineNo(node)
            if line > 0 { return Int(line) }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    private final class ErrorBox {
        var message: String?
        var line: Int?
    }

    private let stream: XMLDocumentStream
    private let path: String

    init(source: ByteSource, path: String) {
        // A control byte in a ticket's or a CDR's text costs that record, not the rest of the document.
        stream = XMLDocumentStream(source: ControlByteFilter(source))
        self.path = path
    }

    /// Calls `body` with each event. Throws an ``IngestError`` of kind `malformed` (with the parser's first error and its line) for malformed XML or a DTD, and the source's own error
    /// when reading the bytes failed (a cut `.gz`), which is not the document's fault.
    /// libxml2's process-wide set-up, once, before any thread reads XML: libxml2 2.9 asks for `xmlInitParser` on
    /// one thread before others use it, and the entity loader that loads nothing is a process-wide setting.
    static let setUp: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    func read(_ body: (Event) throws -> Void) throws {
        Self.setUp
        let ioContext = Unmanaged.passUnretained(stream).toOpaque()
        // BIG_LINES: node line numbers past 65535 stay right (libxml2 clamps them otherwise).
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue
                | XML_PARSE_BIG_LINES.rawValue)
        guard
            let reader = xmlReaderForIO(
                { context, buffer, length in
                    guard let context, let buffer else { return -1 }
                    return Unmanaged<XMLDocumentStream>.fromOpaque(context).takeUnretainedValue()
                        .read(into: buffer, count: Int(length))
                }, nil, ioContext, "input.xml", "UTF-8", options)
        else { throw IngestError.undecodable(path: path, reason: "libxml2 could not start a reader") }
        defer { xmlFreeTextReader(reader) }
        let errors = ErrorBox()
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                let box = Unmanaged<ErrorBox>.fromOpaque(context).takeUnretainedValue()
                if box.message == nil {
                    let text = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
                    // The root wrapping concatenated documents is the stream's, not the file's: named as what it is.
                    let said = text.trimmingCharacters(in: .whitespacesAndNewlines)
                        .replacingOccurrences(of: "hotline-documents", with: "the end of the file")
                    box.message = "line \(error.pointee.line): " + said
                    box.line = Int(error.pointee.line)
                }
            }, Unmanaged.passUnretained(errors).toOpaque())

        while true {
            let status = xmlTextReaderRead(reader)
            if status == 0 {
                if stream.sawDoctype {
                    throw IngestError(
                        .malformed, path: path, detail: "a DOCTYPE declaration (DTDs and entities are not accepted)")
                }
                return
            }
            if status < 0 {
                if let readError = stream.readError { throw readError }
                if stream.sawDoctype {
                    throw IngestError(
                        .malformed, path: path, detail: "a DOCTYPE declaration (DTDs and entities are not accepted)")
                }
                throw IngestError(.malformed, path: path, line: errors.line, detail: errors.message ?? "malformed XML")
            }
            let type = xmlTextReaderNodeType(reader)
            switch type {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
                try body(
                    .start(
                        name: name, line: Self.line(of: reader),
                        isEmpty: xmlTextReaderIsEmptyElement(reader) == 1))
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                try body(.end(name: xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""))
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue):
                try body(.text(xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""))
            default:
                break
            }
        }
    }

}
