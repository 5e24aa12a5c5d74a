// The walks of `ImageMetadata`, one per container: each says, segment by segment or chunk by
// chunk, what is kept and what is left out, and throws when the structure cannot be walked.

// MARK: JPEG

extension ImageMetadata {
    /// JPEG: markers and their segments, then each scan's entropy-coded data up to the next marker.
    /// Kept: SOI, every marker the image is decoded with (DQT, DHT, SOFn, DRI, SOS, ...), the scans,
    /// EOI, JFIF APP0 (without a thumbnail), APP2 ICC_PROFILE, APP14 Adobe. Left out: the other
    /// APPn (Exif, XMP, IPTC/Photoshop, MPF, ...), COM, and anything after EOI.
    static func jpegPlan(_ b: [UInt8]) throws(Failure) -> Plan {
        guard b.starts(with: [0xFF, 0xD8]) else { throw Failure("not a JPEG: it does not start with FF D8") }
        var plan = Plan()
        plan.keep(0..<2)
        var orientationWritten = false
        var sawScan = false
        var i = 2
        while true {
            let start = i
            guard i < b.count else { throw Failure("the JPEG is cut short: it ends before its end marker (FF D9)") }
            guard b[i] == 0xFF else {
                throw Failure("expected a JPEG marker (FF) at \(at(i)), found \(hex(b[i]))")
            }
            while i < b.count, b[i] == 0xFF { i += 1 }  // fill bytes
            guard i < b.count else { throw Failure("the JPEG is cut short: it ends inside a marker") }
            let marker = b[i]
            i += 1
            switch marker {
            case 0xD9:
                guard sawScan else { throw Failure("the JPEG has no image data: its end marker comes before any scan") }
                plan.keep(start..<i)
                if i < b.count {  // data after the image (a phone's second picture, a trailer)
                    plan.removedLocation = plan.removedLocation || trailerHasLocation(b, i..<b.count)
                }
                return plan
            case 0xD8: throw Failure("a second JPEG start marker (FF D8) at \(at(start))")
            case 0x00: throw Failure("FF 00 at \(at(start)) is not a JPEG marker")
            case 0x01, 0xD0...0xD7:  // TEM, RSTn: no segment
                plan.keep(start..<i)
                continue
            default: break
            }
            guard let length = be16(b, i), length >= 2 else {
                throw Failure("the JPEG is cut short: the segment at \(at(start)) has no length")
            }
            let end = i + length
            guard end <= b.count else {
                throw Failure(
                    "the JPEG is cut short: the \(hex(marker)) segment at \(at(start)) runs past the end of the file")
            }
            let body = (i + 2)..<end
            i = end
            if marker == 0xDA {
                let scanEnd = try scanData(b, from: end)
                plan.keep(start..<scanEnd)
                sawScan = true
                i = scanEnd
                continue
            }
            try jpegSegment(b, marker, start..<end, body: body, plan: &plan, orientationWritten: &orientationWritten)
        }
    }

    /// One segment other than SOS: kept, left out or written anew.
    private static func jpegSegment(
        _ b: [UInt8], _ marker: UInt8, _ segment: Range<Int>, body: Range<Int>, plan: inout Plan,
        orientationWritten: inout Bool
    ) throws(Failure) {
        switch marker {
        case 0xE0:
            // JFXX (a thumbnail), others, and a JFIF header too short to be one.
            guard has(b, body, prefix: Array("JFIF\0".utf8)), body.count >= 14 else { return }
            if body.count == 14 && b[body.lowerBound + 12] == 0 && b[body.lowerBound + 13] == 0 {
                plan.keep(segment)
            } else {  // with a thumbnail: the header alone, thumbnail size 0 by 0
                plan.add([0xFF, 0xE0, 0x00, 0x10] + b[body.lowerBound..<(body.lowerBound + 12)] + [0, 0])
            }
        case 0xE1:
            if has(b, body, prefix: Array("Exif\0\0".utf8)) {
                let facts = ExifFacts(b, tiff: (body.lowerBound + 6)..<body.upperBound)
                plan.removedLocation = plan.removedLocation || facts.hasLocation
                if !orientationWritten, turns(facts.orientation) {
                    let payload = Array("Exif\0\0".utf8) + orientationTIFF(facts.orientation)
                    plan.add(
                        [0xFF, 0xE1, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload)
                    orientationWritten = true
                }
            } else if contains(b, body, xmpLocation) {
                plan.removedLocation = true
            }
        case 0xE2:
            if has(b, body, prefix: Array("ICC_PROFILE\0".utf8)) { plan.keep(segment) }
        case 0xEE:
            if has(b, body, prefix: Array("Adobe".utf8)) { plan.keep(segment) }
        case 0xE3...0xED, 0xEF, 0xFE:
            return  // other application segments (IPTC, Photoshop, ...) and comments
        default:
            plan.keep(segment)  // DQT, DHT, SOFn, DRI, DAC, DNL, EXP, JPEG-LS's, ...
        }
    }

    /// Where the entropy-coded data that starts at `start` ends: at the first marker other than a
    /// stuffed byte (FF 00) or a restart marker (FF D0-D7).
    private static func scanData(_ b: [UInt8], from start: Int) throws(Failure) -> Int {
        var k = start
        while let found = b[k...].firstIndex(of: 0xFF) {
            guard found + 1 < b.count else { break }
            let next = b[found + 1]
            if next == 0x00 || (0xD0...0xD7).contains(next) {
                k = found + 2
                continue
            }
            return found
        }
        throw Failure("the JPEG is cut short: it ends inside its image data (the scan at \(at(start)))")
    }

    /// Whether data after a JPEG's end holds a location: an Exif block of an appended picture that
    /// points to GPS, or XMP with a GPS position.
    private static func trailerHasLocation(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        if contains(b, range, xmpLocation) { return true }
        let exif = Array("Exif\0\0".utf8)
        var from = range.lowerBound
        while let found = firstIndex(of: exif, in: b, from..<range.upperBound) {
            if ExifFacts(b, tiff: (found + exif.count)..<range.upperBound).hasLocation { return true }
            from = found + 1
        }
        return false
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}

// MARK: PNG

extension ImageMetadata {
    /// The chunks kept besides the critical ones (IHDR, PLTE, IDAT, IEND): those that say how the
    /// image looks (transparency, colour, gamma, profile, pixel size, background) or how it moves
    /// (APNG's frames).
    static let pngKept: Set<String> = [
        "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD", "cICP", "mDCV", "cLLI",
        "acTL", "fcTL", "fdAT",
    ]

    /// PNG: the signature, then chunks (length, type, data, CRC), each kept whole or left out.
    /// Text (tEXt, zTXt, iTXt), eXIf, tIME and other ancillary chunks are left out; so is anything
    /// after IEND. An eXIf before the image data whose orientation turns the image is written anew
    /// with the orientation alone (browsers apply it there).
    static func pngPlan(_ b: [UInt8]) throws(Failure) -> Plan {
        guard b.starts(with: pngSignature) else { throw Failure("not a PNG: it does not start with the PNG signature") }
        var plan = Plan()
        plan.keep(0..<8)
        var i = 8
        var sawData = false
        var orientationWritten = false
        while true {
            guard let length = be32(b, i), i + 8 <= b.count else {
                throw Failure("the PNG is cut short: it ends before its IEND chunk")
            }
            let type = b[(i + 4)..<(i + 8)]
            guard type.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw Failure("the PNG chunk at \(at(i)) has no valid type: the file is damaged")
            }
            let name = String(decoding: type, as: UTF8.self)
            let end = i + 12 + length
            guard length <= 0x7FFF_FFFF, end <= b.count else {
                throw Failure("the PNG is cut short: its \(name) chunk at \(at(i)) runs past the end of the file")
            }
            if i == 8, name != "IHDR" { throw Failure("the PNG's first chunk is \(name), not IHDR") }
            let data = (i + 8)..<(end - 4)
            if type.first.map({ $0 & 0x20 == 0 }) == true || pngKept.contains(name) {
                plan.keep(i..<end)
            } else if name == "eXIf" {
                let facts = ExifFacts(b, tiff: data)
                plan.removedLocation = plan.removedLocation || facts.hasLocation
                if !sawData, !orientationWritten, turns(facts.orientation) {
                    plan.add(pngChunk("eXIf", orientationTIFF(facts.orientation)))
                    orientationWritten = true
                }
            } else if contains(b, data, xmpLocation) {
                plan.removedLocation = true
            }
            if name == "IDAT" { sawData = true }
            if name == "IEND" {
                guard sawData else { throw Failure("the PNG has no image data (IDAT chunk)") }
                return plan
            }
            i = end
        }
    }

    /// A PNG chunk: length, type, data and CRC.
    static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        bigEndian(value).reversed()
    }
}

// MARK: WebP

extension ImageMetadata {
    /// The chunks a WebP image is shown from: kept byte for byte.
    static let webpKept: Set<String> = ["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP"]

    /// WebP: a RIFF header, then chunks (fourCC, little-endian size, data, a pad byte to an even
    /// length). EXIF, XMP and unknown chunks are left out, the EXIF and XMP flags of VP8X cleared,
    /// and the RIFF size made that of what is kept; anything after the RIFF data is left out.
    static func webpPlan(_ b: [UInt8]) throws(Failure) -> Plan {
        guard b.count >= 12, b.starts(with: Array("RIFF".utf8)), fourCC(b, 8) == "WEBP" else {
            throw Failure("not a WebP: it does not start with a RIFF header of type WEBP")
        }
        guard let size = le32(b, 4), size >= 4, size <= b.count - 8 else {
            throw Failure("the WebP is cut short: its RIFF header says it is longer than the file")
        }
        let riffEnd = 8 + size
        var chunks = Plan()
        var sawImage = false
        var i = 12
        while i < riffEnd {
            guard i + 8 <= riffEnd, let length = le32(b, i + 4) else {
                throw Failure("the WebP is cut short: the chunk at \(at(i)) has no complete header")
            }
            let name = fourCC(b, i)
            guard length <= riffEnd - i - 8 else {
                throw Failure("the WebP is cut short: its '\(name)' chunk at \(at(i)) runs past the end of the file")
            }
            let end = min(riffEnd, i + 8 + length + (length & 1))  // the pad byte, when there is one
            let data = (i + 8)..<(i + 8 + length)
            if name == "VP8X" {
                guard length >= 10 else { throw Failure("the WebP's VP8X chunk at \(at(i)) is too short") }
                let flags = b[i + 8]
                if flags & 0x0C == 0 {
                    chunks.keep(i..<end)
                } else {  // the EXIF (0x08) and XMP (0x04) flags cleared
                    chunks.add(Array(b[i..<(i + 8)]) + [flags & ~0x0C] + b[(i + 9)..<end])
                }
            } else if webpKept.contains(name) {
                chunks.keep(i..<end)
                sawImage = sawImage || ["VP8 ", "VP8L", "ANMF"].contains(name)
            } else if name == "EXIF" {
                let tiff = has(b, data, prefix: Array("Exif\0\0".utf8)) ? (data.lowerBound + 6)..<data.upperBound : data
                chunks.removedLocation = chunks.removedLocation || ExifFacts(b, tiff: tiff).hasLocation
            } else if contains(b, data, xmpLocation) {
                chunks.removedLocation = true
            }
            i = end
        }
        guard sawImage else { throw Failure("the WebP has no image data (no VP8, VP8L or ANMF chunk)") }
        let kept = chunks.pieces.reduce(4) { total, piece in
            switch piece {
            case .source(let range): total + range.count
            case .bytes(let bytes): total + bytes.count
            }
        }
        var plan = Plan()
        plan.removedLocation = chunks.removedLocation
        if kept == size {
            plan.keep(0..<12)
        } else {
            plan.add(Array("RIFF".utf8) + littleEndian(UInt32(kept)) + Array("WEBP".utf8))
        }
        for piece in chunks.pieces {
            switch piece {
            case .source(let range): plan.keep(range)
            case .bytes(let bytes): plan.add(bytes)
            }
        }
        return plan
    }
}
