/// A 64-bit hash that is the same in every run (Swift's `Hasher` is seeded per process), for keys
/// that outlive the process: the build cache on disk, the output manifest, asset digests.
///
/// Eight bytes a step, each folded in with a 64×64→128-bit multiply (the "mum" mix of wyhash), so
/// fingerprinting every page of a large site costs milliseconds. Not for anything adversarial.
struct StableHasher {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    private static let p0: UInt64 = 0xA076_1D64_78BD_642F
    private static let p1: UInt64 = 0xE703_7ED1_A0B4_28DB

    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return product.high ^ product.low
    }

    @inline(__always)
    private mutating func add(word: UInt64) {
        value = Self.mix(word ^ Self.p0, value ^ Self.p1)
    }

    mutating func combine(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            add(word: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        // The length goes in with the tail, so "ab" + "c" and "a" + "bc" differ.
        add(word: tail ^ (UInt64(count) << 56))
        add(word: UInt64(count))
    }

    mutating func combine(bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(_ text: String?) {
        guard let text else { return add(word: 0x6E75_6C6C) }
        combine(text)
    }

    mutating func combine(_ number: Int) {
        add(word: UInt64(bitPattern: Int64(number)))
    }

    mutating func combine(_ number: UInt64) {
        add(word: number)
    }

    mutating func combine(_ number: Int?) {
        guard let number else { return add(word: 0x6E75_6C6C) }
        combine(number)
    }

    mutating func combine(_ flag: Bool) {
        add(word: flag ? 0x7472_7565 : 0x6661_6C73)
    }

    mutating func combine(_ texts: [String]) {
        combine(texts.count)
        for text in texts { combine(text) }
    }

    mutating func combine(_ numbers: [Int]) {
        combine(numbers.count)
        for number in numbers { combine(number) }
    }

    /// The hash, mixed once more so that every input bit reaches every output bit.
    func finalize() -> UInt64 {
        Self.mix(value ^ Self.p1, Self.p0)
    }

    var hex: String {
        let s = String(finalize(), radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
