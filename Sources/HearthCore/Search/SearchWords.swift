import Foundation

/// The words of a text as search knows them: folded for case and accents, and stemmed, so that
/// "Listening", "listened" and "listen" are one word. The search page's script does the same to a
/// query (`templates/assets/site.js`, `searchWords`): the two must agree, and the tests hold both to
/// the same examples.
enum SearchWords {
    /// The distinct words of `text`, stemmed, in no order. Each distinct word is stemmed once: a
    /// page has a few hundred distinct words among its thousands.
    static func distinct(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { distinct($0) }
    }

    /// The same of UTF-8 text as rendered Markdown gives it (`plainBytes`).
    static func distinct(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        Array(Set(DistinctWords.of(bytes).map(stem)))
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
        // One buffer for every word: a word of up to 15 bytes is then a String without an allocation.
        var word: [UInt8] = []
        word.reserveCapacity(64)
        text.withUTF8 { bytes in
            var start = 0
            var ascii = true
            func flush(_ end: Int) {
                guard end > start else { return }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if ascii {
                    word.removeAll(keepingCapacity: true)
                    for byte in slice { word.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) }
                    body(String(decoding: word, as: UTF8.self))
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

    /// The words of a run of text with non-ASCII characters: split at anything that is not a
    /// letter or a digit (a curly quote, a dash), each word with a non-ASCII letter folded by
    /// Foundation (é -> e), the others lowered by hand: most such runs are a word and a curly quote.
    private static func foldedWords(_ run: String, _ body: (String) -> Void) {
        var word = String.UnicodeScalarView()
        var plain = true
        func flush() {
            guard !word.isEmpty else { return }
            let text = String(word)
            if plain {
                body(text.lowercased())
            } else {
                let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                // Folding may leave marks or signs that are no letters (ǆ, ß stay letters): split again.
                var part = String.UnicodeScalarView()
                for scalar in folded.lowercased().unicodeScalars {
                    if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                        part.append(scalar)
                    } else if !part.isEmpty {
                        body(String(part))
                        part = String.UnicodeScalarView()
                    }
                }
                if !part.isEmpty { body(String(part)) }
            }
            word = String.UnicodeScalarView()
            plain = true
        }
        for scalar in run.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
                    word.append(scalar)
                } else {
                    flush()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(scalar)
                plain = false
            } else {
                flush()
            }
        }
        flush()
    }

    /// A small English stemmer: plural and verb endings off (`-ies`, `-s`, `-ing`, `-ed`), a doubled
    /// consonant undone (stopping -> stop), a final `e` off (smile, smiling -> smil). Words of
    /// three letters or fewer, and words with other letters than a-z, stay as they are.
    static func stem(_ word: String) -> String {
        // Every step only shortens the word (`-ies` to `-y` too), so the stem is a length of the
        // word's own bytes: read in place, a word that keeps its ending is returned as it is and
        // no other is copied twice (1.3% of a 10,000-page build went to copies here).
        var word = word
        let (count, endsInY) = word.withUTF8 { bytes -> (Int, Bool) in
            guard bytes.count > 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return (bytes.count, false) }
            var count = bytes.count
            func ends(_ tail: StaticString) -> Bool {
                let length = tail.utf8CodeUnitCount
                guard count > length else { return false }
                let start = tail.utf8Start
                for offset in 0..<length where bytes[count - length + offset] != start[offset] { return false }
                return true
            }
            func isVowel(_ byte: UInt8) -> Bool {
                byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79
            }
            // `-ies` becomes `-y`, which no later step changes.
            if ends("ies"), count > 4 { return (count - 3, true) }
            if ends("sses") {
                count -= 2
            } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
                count -= 1
            }
            let suffix = ends("ing") ? 3 : ends("ed") ? 2 : 0
            if suffix > 0, count - suffix >= 3, bytes[..<(count - suffix)].contains(where: isVowel) {
                count -= suffix
                // stopping -> stopp -> stop; but not fall, miss, buzz.
                let last = bytes[count - 1]
                if count > 3, bytes[count - 2] == last,
                    ![0x61, 0x65, 0x69, 0x6F, 0x75, 0x6C, 0x73, 0x7A].contains(last)
                {
                    count -= 1
                }
            }
            if count > 4, bytes[count - 1] == UInt8(ascii: "e") { count -= 1 }
            return (count, false)
        }
        guard count < word.utf8.count || endsInY else { return word }
        let kept = String(Substring(word.utf8.prefix(count)))
        return endsInY ? kept + "y" : kept
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
