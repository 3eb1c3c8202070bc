import Crypto
import Foundation

/// The content hash of the manifest: SHA-256 (swift-crypto) of a file's bytes, streamed.
enum ContentHash {
    static func sha256(path: String) throws -> (size: Int64, digest: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.failed(path: path, reason: "cannot read the file to hash it")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while true {
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { break }
            size += Int64(chunk.count)
            hasher.update(data: chunk)
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return (size, digest)
    }
}
