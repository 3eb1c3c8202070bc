import HotlineModel

/// Standard error for diagnostics: written with `write(2)`, and a failure to write is let go (there is nowhere
/// left to say so), where Foundation's `FileHandle.write` would stop the program on a full disk or a closed
/// descriptor.
enum StandardError {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = ChunkedWrite.all(UnsafeRawBufferPointer($0), to: 2) }
    }
}
