/// Masks personal identifiers (caller numbers, account ids) for reports and rejects files.
public enum Masking {
    /// Keeps the last four characters and replaces every other letter or digit with `*`:
    /// `13800138000` becomes `*******8000`. Values of four characters or fewer are masked whole.
    public static func mask(_ value: String) -> String {
        let characters = Array(value)
        let keep = characters.count > 4 ? 4 : 0
        return String(
            characters.enumerated().map { i, c in
                i >= characters.count - keep || !(c.isLetter || c.isNumber) ? c : "*"
            })
    }
}
