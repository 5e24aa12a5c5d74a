// libFuzzer target: bytes through `ImageMetadata.strip` as a JPEG, a PNG and a WebP — as they are,
// behind each format's header (so that random bytes get past the signature), and cut short. It must
// never crash; what it publishes must hold no Exif pointing to a GPS IFD (tag 0x8825), and
// stripping that again must change nothing. Compiled into one module with the two ImageMetadata
// files (see Fuzz/run.sh), so it calls the internal API.

/// Each format's first bytes: a JPEG's SOI and an APP1 marker, a PNG's signature and an IHDR
/// chunk's length and type, a WebP's RIFF header (with the size of what follows, `count` bytes).
func header(_ kind: ImageMetadata.Kind, count: Int) -> [UInt8] {
    switch kind {
    case .jpeg: [0xFF, 0xD8, 0xFF, 0xE1]
    case .png: ImageMetadata.pngSignature + [0, 0, 0, 13] + Array("IHDR".utf8)
    case .webp: Array("RIFF".utf8) + ImageMetadata.littleEndian(UInt32(4 + count)) + Array("WEBP".utf8)
    }
}

/// Whether a run of bytes holds the GPS IFD tag in either byte order.
func holdsGPSTag(_ bytes: ArraySlice<UInt8>) -> Bool {
    zip(bytes, bytes.dropFirst()).contains { ($0 == 0x88 && $1 == 0x25) || ($0 == 0x25 && $1 == 0x88) }
}

/// The Exif blocks of a published image, found by a walk of its own (not `ImageMetadata`'s): a
/// JPEG's APP1 segments, a PNG's eXIf chunks, a WebP's EXIF chunks.
func exifBlocks(_ b: [UInt8], _ kind: ImageMetadata.Kind) -> [ArraySlice<UInt8>] {
    var blocks: [ArraySlice<UInt8>] = []
    switch kind {
    case .jpeg:
        var i = 2
        while i + 4 <= b.count, b[i] == 0xFF {
            let marker = b[i + 1]
            if marker == 0xD9 { break }
            if marker == 0xFF || marker == 0x01 || (0xD0...0xD7).contains(marker) {
                i += marker == 0xFF ? 1 : 2
                continue
            }
            let end = i + 2 + (Int(b[i + 2]) << 8 | Int(b[i + 3]))
            precondition(end <= b.count, "a published JPEG segment runs past the end")
            if marker == 0xE1 { blocks.append(b[i..<end]) }
            i = end
            if marker == 0xDA {  // the scan: up to a marker other than FF 00 and RSTn
                while i + 1 < b.count, !(b[i] == 0xFF && b[i + 1] != 0 && !(0xD0...0xD7).contains(b[i + 1])) { i += 1 }
            }
        }
    case .png, .webp:
        var i = kind == .png ? 8 : 12
        while i + 8 <= b.count {
            let length =
                kind == .png
                ? (0..<4).reduce(0) { $0 << 8 | Int(b[i + $1]) }
                : (0..<4).reversed().reduce(0) { $0 << 8 | Int(b[i + 4 + $1]) }
            let type = String(decoding: b[(kind == .png ? i + 4 : i)..<(kind == .png ? i + 8 : i + 4)], as: UTF8.self)
            let end = min(b.count, kind == .png ? i + 12 + length : i + 8 + length + (length & 1))
            if type == "eXIf" || type == "EXIF" { blocks.append(b[i..<end]) }
            i = end
        }
    }
    return blocks
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    for kind in ImageMetadata.Kind.allCases {
        for bytes in [input, header(kind, count: size) + input, Array(input.prefix(size / 2))] {
            guard let stripped = try? ImageMetadata.strip(bytes, kind: kind) else { continue }
            precondition(stripped.removedAnything == (stripped.bytes != bytes), "removedAnything is wrong")
            for block in exifBlocks(stripped.bytes, kind) {
                precondition(!holdsGPSTag(block), "a published \(kind) holds an Exif GPS tag")
            }
            precondition(kind != .webp || exifBlocks(stripped.bytes, kind).isEmpty, "a published WebP holds EXIF")
            let again = try? ImageMetadata.strip(stripped.bytes, kind: kind)
            precondition(again?.bytes == stripped.bytes, "stripping a published \(kind) again changed it")
            precondition(again?.removedLocation == false, "a published \(kind) still had a location")
        }
    }
    return 0
}
