import Foundation
import HearthFiles
import HearthMarkdown

/// The pixel sizes of a site's PNG, JPEG, GIF and SVG files, read from their headers, so that an
/// `<img>` gets `width` and `height` and the page does not jump as it loads.
enum ImageSizes {
    static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg"]

    /// The sizes of `files` (relative to `content`) that are images whose size can be read.
    static func read(_ files: Set<String>, content: String) -> [String: ImageSize] {
        var sizes: [String: ImageSize] = [:]
        for file in files {
            guard let dot = file.lastIndex(of: "."), extensions.contains(file[file.index(after: dot)...].lowercased())
            else { continue }
            // The size is in the first bytes of a PNG or GIF; a JPEG's may follow its metadata.
            guard let head = Files.readPrefix(content + "/" + file, count: 256 * 1024) else { continue }
            if let size = size(of: head) { sizes[file] = size }
        }
        return sizes
    }

    static func size(of bytes: [UInt8]) -> ImageSize? {
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            return turned(valid(be32(bytes, 16) ?? 0, be32(bytes, 20) ?? 0), by: pngExif(bytes))
        }
        if bytes.count >= 10, bytes.starts(with: Array("GIF8".utf8)) {
            return valid(Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8)
        }
        if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 { return jpeg(bytes) }
        return svg(String(decoding: bytes.prefix(4096), as: UTF8.self))
    }

    /// As the page shows it: a phone's portrait photo is stored sideways, with an Exif
    /// orientation that turns it a quarter (which the published image keeps, and browsers apply).
    private static func turned(_ size: ImageSize?, by exif: ExifFacts) -> ImageSize? {
        guard let size, exif.swapsSides else { return size }
        return ImageSize(width: size.height, height: size.width)
    }

    /// A PNG's `eXIf` chunk, if one comes before its image data.
    private static func pngExif(_ bytes: [UInt8]) -> ExifFacts {
        var at = 8
        while let length = be32(bytes, at), at + 12 + length <= bytes.count {
            let type = bytes[(at + 4)..<(at + 8)]
            if type.elementsEqual("IDAT".utf8) { break }
            if type.elementsEqual("eXIf".utf8) { return ExifFacts(bytes, tiff: (at + 8)..<(at + 8 + length)) }
            at += 12 + length
        }
        return ExifFacts()
    }

    /// A JPEG's size is in its first start-of-frame segment (SOF0-SOF15 but DHT, JPG and DAC),
    /// turned by the orientation of an Exif segment before it.
    static func jpeg(_ bytes: [UInt8]) -> ImageSize? {
        var at = 2
        var exif = ExifFacts()
        while at + 9 < bytes.count {
            guard bytes[at] == 0xFF else { return nil }
            let marker = bytes[at + 1]
            if marker == 0xFF {
                at += 1
                continue
            }
            let length = Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                let height = Int(bytes[at + 5]) << 8 | Int(bytes[at + 6])
                let width = Int(bytes[at + 7]) << 8 | Int(bytes[at + 8])
                return turned(valid(width, height), by: exif)
            }
            if marker == 0xE1, bytes[(at + 4)...].starts(with: Array("Exif\0\0".utf8)) {
                exif = ExifFacts(bytes, tiff: (at + 10)..<min(bytes.count, at + 2 + length))
            }
            at += 2 + length
        }
        return nil
    }

    /// An SVG's `width` and `height` in pixels (plain numbers or `px`), else its `viewBox`.
    static func svg(_ text: String) -> ImageSize? {
        guard let open = text.range(of: "<svg") else { return nil }
        guard let close = text[open.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = text[open.upperBound..<close]
        func attribute(_ name: String) -> Substring? {
            for quote in ["\"", "'"] {
                if let start = tag.range(of: " \(name)=\(quote)") ?? tag.range(of: "\n\(name)=\(quote)"),
                    let end = tag[start.upperBound...].range(of: quote)
                {
                    return tag[start.upperBound..<end.lowerBound]
                }
            }
            return nil
        }
        func pixels(_ value: Substring?) -> Double? {
            guard var value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value)
        }
        if let width = pixels(attribute("width")), let height = pixels(attribute("height")) {
            return valid(Int(width.rounded()), Int(height.rounded()))
        }
        let box = attribute("viewBox")?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        if let box, box.count == 4 { return valid(Int(box[2].rounded()), Int(box[3].rounded())) }
        return nil
    }

    private static func valid(_ width: Int, _ height: Int) -> ImageSize? {
        width > 0 && height > 0 && width < 100_000 && height < 100_000 ? ImageSize(width: width, height: height) : nil
    }
}
