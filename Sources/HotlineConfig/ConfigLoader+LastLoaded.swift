import Foundation

extension ConfigLoader {
    /// The settings of the file loaded last, with the path and text they came from.
    final class LastLoaded: @unchecked Sendable {
        private let lock = NSLock()
        private var path = ""
        private var text = ""
        private var config: HotlineConfiguration?

        /// The settings kept for exactly this path and text, else nil. Compared byte for byte: `String`'s `==`
        /// takes an `é` written as one character and as `e` with an accent for the same text, the rules do not.
        func config(path: String, text: String) -> HotlineConfiguration? {
            lock.withLock {
                self.path.utf8.elementsEqual(path.utf8) && self.text.utf8.elementsEqual(text.utf8) ? config : nil
            }
        }

        func keep(_ config: HotlineConfiguration, path: String, text: String) {
            lock.withLock {
                self.path = path
                self.text = text
                self.config = config
            }
        }
    }
}
