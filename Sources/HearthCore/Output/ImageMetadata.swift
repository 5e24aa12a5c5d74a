/// Publishing a page bundle's image without what a camera or phone writes into it besides the
/// picture: location (GPS), serial numbers, owner and author names, dates, comments and embedded
/// thumbnails (EXIF, XMP, IPTC, PNG text chunks).
///
/// The container is walked, never decoded: the image data (a JPEG's scans, a PNG's IDAT, a WebP's
/// VP8/VP8L/ANMF chunks) and what the picture looks like (a colour profile, a JPEG's Adobe colour
/// transform, a PNG's gamma and chromaticities) are copied byte for byte; everything else is left
/// out. An orientation other than 1 is written again, alone, in a minimal Exif (big-endian, IFD0
/// holding only the Orientation tag), so the image is shown as it was. The walk of each format is
/// in `ImageMetadataFormats.swift`. Any input is safe: a structure that cannot be walked throws
/// a `Failure` saying what is wrong, and nothing is read out of bounds.
public enum ImageMetadata {
    /// The image formats whose metadata is removed.
    public enum Kind: String, Sendable, CaseIterable {
        case jpeg, png, webp

        /// The kind a file name's extension says (`.jpg`, `.JPEG`, `.png`, `.webp`), if any.
        public init?(fileName: String) {
            guard let dot = fileName.lastIndex(of: ".") else { return nil }
            switch fileName[fileName.index(after: dot)...].lowercased() {
            case "jpg", "jpeg": self = .jpeg
            case "png": self = .png
            case "webp": self = .webp
            default: return nil
            }
        }

        /// The kind the first bytes say, if one of these: a `.jpg` that is really a PNG is read as one.
        public init?(sniffing bytes: [UInt8]) {
            if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
                self = .jpeg
            } else if bytes.starts(with: ImageMetadata.pngSignature) {
                self = .png
            } else if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)),
                bytes[8..<12].elementsEqual("WEBP".utf8)
            {
                self = .webp
            } else {
                return nil
            }
        }

        var name: String {
            switch self {
            case .jpeg: "JPEG"
            case .png: "PNG"
            case .webp: "WebP"
            }
        }
    }

    /// Why an image's structure cannot be walked: truncated, a marker or chunk that is not one, a
    /// length past the end.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var description: String

        init(_ description: String) {
            self.description = description
        }
    }

    /// The image without its metadata; whether what was removed held a location (GPS), and whether
    /// anything was removed at all (the bytes differ from the source's).
    public static func strip(_ bytes: [UInt8], kind: Kind) throws(Failure) -> (
        bytes: [UInt8], removedLocation: Bool, removedAnything: Bool
    ) {
        let plan = try self.plan(bytes, kind: kind)
        // A plan made from these bytes always applies; were it not to, nothing is published.
        guard let out = plan.apply(to: bytes) else { throw Failure("the image's parts could not be copied") }
        return (out, plan.removedLocation, out != bytes)
    }

    /// What to publish of an image, as pieces of it: what `strip` does, without the copy.
    static func plan(_ bytes: [UInt8], kind: Kind) throws(Failure) -> Plan {
        switch kind {
        case .jpeg: try jpegPlan(bytes)
        case .png: try pngPlan(bytes)
        case .webp: try webpPlan(bytes)
        }
    }

    /// The published image as runs of the source's bytes and bytes written anew (a minimal Exif, a
    /// WebP's header): small, so that the memo layer keeps it rather than the image.
    struct Plan: Sendable, Hashable {
        enum Piece: Sendable, Hashable {
            case source(Range<Int>)
            case bytes([UInt8])
        }

        var pieces: [Piece] = []
        var removedLocation = false

        /// Keeps a run of the source, joined to the run before it when they touch.
        mutating func keep(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            if case .source(let last) = pieces.last, last.upperBound == range.lowerBound {
                pieces[pieces.count - 1] = .source(last.lowerBound..<range.upperBound)
            } else {
                pieces.append(.source(range))
            }
        }

        mutating func add(_ bytes: [UInt8]) {
            pieces.append(.bytes(bytes))
        }

        /// The published bytes; nil when a run lies outside `source` (a plan of other bytes).
        func apply(to source: [UInt8]) -> [UInt8]? {
            var count = 0
            for piece in pieces {
                switch piece {
                case .source(let range):
                    guard range.lowerBound >= 0, range.upperBound <= source.count else { return nil }
                    count += range.count
                case .bytes(let bytes): count += bytes.count
                }
            }
            var out: [UInt8] = []
            out.reserveCapacity(count)
            for piece in pieces {
                switch piece {
                case .source(let range): out.append(contentsOf: source[range])
                case .bytes(let bytes): out.append(contentsOf: bytes)
                }
            }
            return out
        }
    }

    /// What the memo layer keeps of an image: its plan, or why it cannot be walked.
    enum Outcome: Sendable, Hashable {
        case plan(Plan)
        case failed(String)

        static func of(_ bytes: [UInt8], kind: Kind) -> Outcome {
            do throws(Failure) {
                return .plan(try ImageMetadata.plan(bytes, kind: kind))
            } catch {
                return .failed(error.description)
            }
        }
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
}

// MARK: Reading bytes, always in bounds

extension ImageMetadata {
    // be16, be32 and le32 are `Content/ExifFacts.swift`'s, which the content stage reads too.

    /// Whether `bytes[range]` starts with `prefix`.
    static func has(_ bytes: [UInt8], _ range: Range<Int>, prefix: some Collection<UInt8>) -> Bool {
        range.lowerBound >= 0 && range.upperBound <= bytes.count && range.count >= prefix.count
            && bytes[range].starts(with: prefix)
    }

    /// Whether `needle` occurs within `bytes[range]`.
    static func contains(_ bytes: [UInt8], _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: bytes, range) != nil
    }

    static func firstIndex(of needle: [UInt8], in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard let first = needle.first, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        var index = range.lowerBound
        while index <= range.upperBound - needle.count {
            guard let found = bytes[index..<(range.upperBound - needle.count + 1)].firstIndex(of: first) else {
                return nil
            }
            if bytes[found..<(found + needle.count)].elementsEqual(needle) { return found }
            index = found + 1
        }
        return nil
    }

    static func fourCC(_ bytes: [UInt8], _ offset: Int) -> String {
        guard offset >= 0, offset <= bytes.count - 4 else { return "" }
        return String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
    }

    /// Where in the file, for messages: `byte 1234`.
    static func at(_ offset: Int) -> String {
        "byte \(offset)"
    }
}

// MARK: Exif

extension ImageMetadata {
    /// `exif:GPSLatitude` and the like in XMP.
    static let xmpLocation = Array("exif:GPS".utf8)

    /// The TIFF structure of a minimal Exif: big-endian, IFD0 holding only the orientation.
    static func orientationTIFF(_ orientation: Int) -> [UInt8] {
        let value = UInt8(clamping: orientation)
        return [
            0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,  // "MM", 42, IFD0 at 8
            0x00, 0x01,  // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, value, 0x00, 0x00,  // Orientation, SHORT, 1
            0x00, 0x00, 0x00, 0x00,  // no next IFD
        ]
    }

    /// Whether an orientation is worth keeping: one that turns or mirrors the image (2-8).
    static func turns(_ orientation: Int) -> Bool {
        (2...8).contains(orientation)
    }

    /// CRC-32 as PNG chunks carry it (ISO 3309), of a chunk's type and data.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}
