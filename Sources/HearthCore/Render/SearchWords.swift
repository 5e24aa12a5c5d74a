import Foundation

/// The words of a text as search knows them: folded for case and accents, and stemmed, so that
/// "Listening", "listened" and "listen" are one word. The search page's script does the same to a
/// query (`templates/assets/site.js`, `searchWords`): the two must agree, and the tests hold both to
/// the same examples.
enum SearchWords {
    /// The distinct words of `text`, stemmed, sorted.
    static func distinct(_ text: String) -> [String] {
        var seen: Set<String> = []
        forEachWord(in: text) { seen.insert(stem($0)) }
        return seen.sorted()
    }

    /// The words of a query or a title, stemmed, in order.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        forEachWord(in: text) { out.append(stem($0)) }
        return out
    }

    /// Calls `body` with each word of `text` folded: runs of letters and digits, lower case, with
    /// accents removed (é -> e). ASCII text, the common case, is read byte by byte.
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var ascii = true
            func flush(_ end: Int) {
                guard end > start else { return }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if ascii {
                    body(String(decoding: slice.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self))
                } else {
                    foldedWords(String(decoding: slice, as: UTF8.self), body)
                }
            }
            for index in 0..<bytes.count {
                let byte = bytes[index]
                let isWordByte =
                    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte >= 0x80
                if isWordByte {
                    if byte >= 0x80 { ascii = false }
                    continue
                }
                flush(index)
                start = index + 1
                ascii = true
            }
            flush(bytes.count)
        }
    }

    /// The words of a run of text with non-ASCII characters: folded, then split at anything that
    /// is not a letter or a digit (a curly quote, a dash).
    private static func foldedWords(_ run: String, _ body: (String) -> Void) {
        let folded = run.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var word = ""
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                body(word)
                word = ""
            }
        }
        if !word.isEmpty { body(word) }
    }

    /// A small English stemmer: plural and verb endings off (`-ies`, `-s`, `-ing`, `-ed`), a doubled
    /// consonant undone (stopping -> stop), a final `e` off (smile, smiling -> smil). Words of
    /// three letters or fewer, and words with other letters than a-z, stay as they are.
    static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        func ends(_ suffix: String) -> Bool {
            let tail = Array(suffix.utf8)
            return bytes.count > tail.count && bytes.suffix(tail.count).elementsEqual(tail)
        }
        func hasVowel(_ part: ArraySlice<UInt8>) -> Bool { part.contains { "aeiouy".utf8.contains($0) } }
        if ends("ies"), bytes.count > 4 {
            bytes.removeLast(3)
            bytes.append(UInt8(ascii: "y"))
        } else if ends("sses") {
            bytes.removeLast(2)
        } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            bytes.removeLast()
        }
        for suffix in ["ing", "ed"] where ends(suffix) && bytes.count - suffix.count >= 3 {
            let stem = bytes.dropLast(suffix.count)
            guard hasVowel(stem) else { break }
            bytes = Array(stem)
            // stopping -> stopp -> stop; but not fall, miss, buzz.
            if let last = bytes.last, bytes.count > 3, bytes[bytes.count - 2] == last,
                !"aeioulsz".utf8.contains(last)
            {
                bytes.removeLast()
            }
            break
        }
        if bytes.count > 4, bytes.last == UInt8(ascii: "e") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Each word of the synonym groups of site.yml, stemmed, to the first word of its group: a
    /// page is found by any word of a group.
    static func synonymTable(_ groups: [[String]]) -> [String: String] {
        var table: [String: String] = [:]
        for group in groups {
            let stems = group.flatMap(words)
            guard let first = stems.first else { continue }
            for word in stems where word != first && table[word] == nil { table[word] = first }
        }
        return table
    }
}
