import Foundation

/// URL slugs: lower case, words joined by hyphens; Latin letters ASCII-folded (`Zärtlichkeit` ->
/// `zartlichkeit`), letters of other scripts kept as they are (`Близость` -> `близость`), as Hugo's
/// `urlize` keeps them.
public enum Slug {
    /// The longest name a folder may have on Linux and macOS file systems, in UTF-8 bytes: a
    /// longer slug could not be written.
    static let maxBytes = 255

    /// The first character of a slug written in front matter that cannot stand in a URL path as it
    /// is: anything but letters (of any script, with their marks), digits and `- _ . ~`, the
    /// characters RFC 3986 leaves unreserved. Nil when there is none.
    public static func unsafeCharacter(in slug: String) -> Character? {
        slug.first { character in
            !character.unicodeScalars.allSatisfy { scalar in
                if scalar.isASCII {
                    let byte = UInt8(scalar.value)
                    return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                        || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x7E
                }
                let category = scalar.properties.generalCategory
                return scalar.properties.isAlphabetic || category == .decimalNumber || category == .nonspacingMark
                    || category == .spacingMark || category == .enclosingMark
            }
        }
    }

    public static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, the common case (every tag of every page goes through here), byte by byte.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingHyphen = false
            for byte in text.utf8 {
                let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                    if pendingHyphen, !bytes.isEmpty { bytes.append(0x2D) }
                    pendingHyphen = false
                    bytes.append(lower)
                } else if byte != UInt8(ascii: "'") {
                    pendingHyphen = true
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            for scalar in folded(character).unicodeScalars {
                let category = scalar.properties.generalCategory
                if scalar.properties.isAlphabetic || category == .decimalNumber {
                    if pendingHyphen, !out.isEmpty { out.append("-") }
                    pendingHyphen = false
                    out.unicodeScalars.append(scalar)
                } else if category == .nonspacingMark || category == .spacingMark {
                    // A mark inside a word of a script that keeps its letters (a Devanagari virama).
                    if !pendingHyphen, !out.isEmpty { out.unicodeScalars.append(scalar) }
                } else if scalar != "'", scalar != "’" {
                    pendingHyphen = true
                }
            }
        }
        return out
    }

    /// A character's ASCII form when it has one (`ä` -> `a`, `ß` -> `ss`, `Ａ` -> `a`); otherwise the
    /// character itself: folding `й` would make it another letter (`и`).
    private static func folded(_ character: Character) -> String {
        if character.isASCII { return String(character) }
        switch character {
        case "ß": return "ss"
        case "æ": return "ae"
        case "ø": return "o"
        case "œ": return "oe"
        case "ł": return "l"
        case "đ": return "d"
        case "þ": return "th"
        default: break
        }
        let ascii = String(character).folding(
            options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        return ascii.unicodeScalars.allSatisfy(\.isASCII) ? ascii : String(character)
    }
}
