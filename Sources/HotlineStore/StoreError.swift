/// Why the store cannot be used: each a sentence naming the file, never a silent fresh start.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case notAStore(path: String, reason: String)
    case newerSchema(path: String)
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .notAStore(let path, let reason): "\(path): not a hotline store (\(reason)); refusing to touch it"
        case .newerSchema(let path): "\(path): written by a newer hotline; upgrade hotline to read it"
        case .failed(let path, let reason): "\(path): \(reason)"
        }
    }
}
