/// Heading ids by the content format's rule: the heading text, lower-cased, with characters other
/// than letters, digits, `-` and `_` removed and spaces turned into `-`.
public enum HeadingID {
    /// The id a heading with this text gets, before any de-duplication.
    ///
    /// The rule is idempotent on ids, so `[[Page#Some Heading]]` and `[[Page#some-heading]]` name the
    /// same heading.
    public static func slug(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, the common case, byte by byte.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case 0x41...0x5A: bytes.append(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: bytes.append(byte)
                case 0x20, 0x09...0x0D: bytes.append(0x2D)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.lowercased() {
            if ch.isWhitespace {
                out.append("-")
            } else if ch == "-" || ch == "_" || ch.isLetter || isDigit(ch) {
                out.append(ch)
            }
        }
        return out
    }

    /// The id of the first heading with this text: its slug, or "section" when the slug is empty
    /// (an id must not be empty in HTML), so that `[[Page#💞]]` finds a heading written `# 💞`.
    public static func firstID(_ text: String) -> String {
        let base = slug(text)
        return base.isEmpty ? "section" : base
    }

    private static func isDigit(_ ch: Character) -> Bool {
        guard let scalar = ch.unicodeScalars.first else { return false }
        return scalar.properties.generalCategory == .decimalNumber
    }
}

/// Hands out unique heading ids within one page: a repeated id gets `-1`, `-2`, ...
public struct HeadingIDAllocator: Sendable {
    private var used: Set<String> = []
    /// The last suffix given to each id, so that the next repeat starts after it: a page with
    /// thousands of equal headings costs a lookup each, not a count from 1 each.
    private var lastSuffix: [String: Int] = [:]

    public init() {}

    public mutating func id(for text: String) -> String {
        let base = HeadingID.firstID(text)
        var n = lastSuffix[base] ?? 0
        var candidate = n > 0 ? "\(base)-\(n)" : base
        // An id taken is inserted and tested at once: a page's first heading of a text costs two
        // lookups, not four.
        while !used.insert(candidate).inserted {
            n += 1
            candidate = "\(base)-\(n)"
        }
        if n > 0 { lastSuffix[base] = n }
        return candidate
    }
}
