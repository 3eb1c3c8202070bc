import Foundation

/// A one-line progress display on standard error, shown only when it is a terminal and the input is large, so
/// cron mails and pipes never see it.
final class ProgressMeter {
    private let total: Int
    private var done = 0
    private var lastDraw = Date.distantPast
    private let started = Date()
    private var drawn = false

    /// A meter for `files`, or nil when standard error is not a terminal or they add up to less than `threshold`.
    init?(files: [String], threshold: Int = 64 << 20) {
        guard isatty(2) == 1 else { return nil }
        total = files.reduce(0) { sum, path in
            sum + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        guard total >= threshold else { return nil }
    }

    func advance(by bytes: Int) {
        done += bytes
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        let fraction = min(1, Double(done) / Double(max(1, total)))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = String(
            format: "\rhotline: reading [%@] %3.0f%%  %.0f of %.0f MB  %.0f s", bar, fraction * 100, Double(done) / 1e6,
            Double(total) / 1e6, now.timeIntervalSince(started))
        StandardError.write(line)
        drawn = true
    }

    /// Clears the line so the next message starts clean.
    func finish() {
        if drawn { StandardError.write("\r\u{1B}[K") }
    }
}
