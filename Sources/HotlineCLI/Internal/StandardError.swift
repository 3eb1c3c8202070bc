#if canImport(Glibc)
    import Glibc
#endif

/// Standard error for diagnostics: written with `write(2)`, and a failure to write is let go (there is nowhere
/// left to say so), where Foundation's `FileHandle.write` would stop the program on a full disk or a closed
/// descriptor.
enum StandardError {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(2, base + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                offset += n
            }
        }
    }
}
