import Foundation

/// URL slugs: lower case, ASCII-folded (`Zärtlichkeit` -> `zartlichkeit`), words joined by hyphens.
public enum Slug {
    public static func make(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "æ", with: "ae")
            .replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "œ", with: "oe")
        var out = ""
        var pendingHyphen = false
        for scalar in folded.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen, !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else if scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        return out
    }
}
