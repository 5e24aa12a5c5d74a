/// The distinct words of a text, for the search index. A page has thousands of words and a few
/// hundred distinct ones; a `Set<String>` spent most of the index's time making and hashing them
/// (1.5 s of `render markdown` on 10,000 pages, against 0.75 s without the index). An ASCII word of
/// up to 16 bytes is packed into two integers instead, in an open-addressing table; longer words
/// and words with other letters go through `Set<String>`.
struct DistinctWords {
    /// Packed words; `(0, 0)` is an empty slot (a word is never empty).
    private var slots: [(UInt64, UInt64)] = Array(repeating: (0, 0), count: 1024)
    private var used = 0
    private var others: Set<String> = []

    /// The words of UTF-8 text, folded (`SearchWords.forEachWord`), each once; white space between
    /// words may be any (`plainBytes`).
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var set = DistinctWords()
        Self.folding.withUnsafeBufferPointer { fold in
            var index = 0
            let count = bytes.count
            while index < count {
                // One pass: each byte is classed and folded by the table, and an ASCII word is
                // packed as it is read (a scan, then a second pass to pack, was a third slower).
                var letter = fold[Int(bytes[index])]
                guard letter != 0 else {
                    index += 1
                    continue
                }
                let start = index
                var ascii = true
                // The first eight letters into `low`, the next eight into `high`, then the rest of a
                // longer word read past; a non-ASCII byte packs as 0xFF, and such a word is not packed.
                func pack(into word: inout UInt64) {
                    var shift: UInt64 = 0
                    repeat {
                        if letter == 0xFF { ascii = false }
                        word |= UInt64(letter) << shift
                        shift &+= 8
                        index += 1
                        letter = index < count ? fold[Int(bytes[index])] : 0
                    } while letter != 0 && shift < 64
                }
                var low: UInt64 = 0
                var high: UInt64 = 0
                pack(into: &low)
                if letter != 0 { pack(into: &high) }
                while letter != 0 {
                    index += 1
                    letter = index < count ? fold[Int(bytes[index])] : 0
                }
                if ascii, index - start <= 16 {
                    set.insert(low, high)
                } else {
                    let run = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    SearchWords.forEachWord(in: run) { set.others.insert($0) }
                }
            }
        }
        return set.words
    }

    /// For each byte: 0 outside a word, the letter or digit folded to lower case, 0xFF for a byte
    /// of a non-ASCII character (folded with the whole word).
    private static let folding: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x30...0x39, 0x61...0x7A: UInt8(byte)
        case 0x41...0x5A: UInt8(byte + 32)
        case 0x80...: 0xFF
        default: 0
        }
    }

    private mutating func insert(_ low: UInt64, _ high: UInt64) {
        if used * 2 >= slots.count { grow() }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (low &* 0x9E37_79B9_7F4A_7C15 ^ high &* 0xC2B2_AE3D_27D4_EB4F) >> 20) & mask
        while true {
            let key = slots[slot]
            if key.0 == 0 && key.1 == 0 {
                slots[slot] = (low, high)
                used += 1
                return
            }
            if key.0 == low && key.1 == high { return }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: (0, 0), count: old.count * 2)
        used = 0
        for key in old where key.0 != 0 || key.1 != 0 { insert(key.0, key.1) }
    }

    private var words: [String] {
        var out = Array(others)
        out.reserveCapacity(used + others.count)
        for (low, high) in slots where low != 0 || high != 0 {
            // A word's bytes are never 0, so its length is where its last integer's zeros begin;
            // written straight into the String (a word of up to 15 bytes allocates nothing).
            let count = high == 0 ? (71 - low.leadingZeroBitCount) / 8 : 8 + (71 - high.leadingZeroBitCount) / 8
            out.append(
                String(unsafeUninitializedCapacity: count) { buffer in
                    for index in 0..<count {
                        let part = index < 8 ? low >> (8 * index) : high >> (8 * (index - 8))
                        buffer[index] = UInt8(truncatingIfNeeded: part)
                    }
                    return count
                })
        }
        return out
    }
}
