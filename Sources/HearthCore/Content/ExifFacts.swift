/// What an image's Exif block (a TIFF structure) says that Hearth acts on: how the image is turned,
/// which swaps its width and height on the page (`ImageSizes`), and whether it points to where the
/// image was taken, which is never published (`ImageMetadata`).
struct ExifFacts: Equatable {
    var orientation = 1
    var hasLocation = false

    static let gpsTag = 0x8825
    static let orientationTag = 0x0112

    /// A quarter turn (orientations 5-8): the image shows with its width and height swapped.
    var swapsSides: Bool { (5...8).contains(orientation) }

    init() {}

    /// The facts of the TIFF structure in `bytes[range]`; none of a structure that is not one.
    init(_ bytes: [UInt8], tiff range: Range<Int>) {
        let start = range.lowerBound
        guard range.count >= 8, range.upperBound <= bytes.count, start >= 0 else { return }
        let little: Bool
        switch (bytes[start], bytes[start + 1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return
        }
        let tiff = Array(bytes[range])
        func u16(_ offset: Int) -> Int? {
            guard let value = be16(tiff, offset) else { return nil }
            return little ? (value >> 8) | ((value & 0xFF) << 8) : value
        }
        func u32(_ offset: Int) -> Int? {
            little ? le32(tiff, offset) : be32(tiff, offset)
        }
        guard u16(2) == 42, let ifd = u32(4), ifd >= 8, let count = u16(ifd) else { return }
        for entry in 0..<count {
            let offset = ifd + 2 + 12 * entry
            guard let tag = u16(offset), let type = u16(offset + 2), offset + 12 <= tiff.count else { break }
            if tag == Self.gpsTag { hasLocation = true }
            if tag == Self.orientationTag, type == 3, let value = u16(offset + 8) { orientation = value }
        }
    }
}

// Reading bytes, always in bounds (the image walks of `ImageSizes` and `ImageMetadata`).

/// A big-endian 16-bit number at `offset`, nil past the end.
func be16(_ bytes: [UInt8], _ offset: Int) -> Int? {
    guard offset >= 0, offset <= bytes.count - 2 else { return nil }
    return Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
}

func be32(_ bytes: [UInt8], _ offset: Int) -> Int? {
    guard offset >= 0, offset <= bytes.count - 4 else { return nil }
    return (0..<4).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
}

func le32(_ bytes: [UInt8], _ offset: Int) -> Int? {
    guard offset >= 0, offset <= bytes.count - 4 else { return nil }
    return (0..<4).reversed().reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
}
