import Foundation
import HearthMarkdown
import Testing

@testable import HearthCore

/// What readers of the default theme meet: images that do not make the page jump, cards that say
/// who an exercise is for in words, lists without a badge repeating a card's own name.
@Suite("the theme as readers meet it")
struct ThemeTests {
    @Test("image sizes are read from PNG, GIF, JPEG and SVG headers; anything else has none")
    func imageSizes() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0x02, 0x80, 0, 0, 0x01, 0xE0]  // 640 × 480
        #expect(ImageSizes.size(of: png) == ImageSize(width: 640, height: 480))
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x20, 0x03, 0x58, 0x02]  // 800 × 600
        #expect(ImageSizes.size(of: gif) == ImageSize(width: 800, height: 600))
        // SOI, an APP0 segment of 16 bytes, then SOF2 (progressive): 1200 × 900.
        var jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0, count: 14)
        jpeg += [0xFF, 0xC2, 0x00, 0x11, 0x08, 0x03, 0x84, 0x04, 0xB0, 0x03]
        #expect(ImageSizes.size(of: jpeg) == ImageSize(width: 1200, height: 900))
        // A phone's portrait photo: stored 1200 × 900 with an Exif orientation of 6 (a quarter
        // turn), shown 900 × 1200. Orientation 3 (upside down) keeps the sides.
        for (orientation, shown) in [
            (6, ImageSize(width: 900, height: 1200)), (3, ImageSize(width: 1200, height: 900)),
        ] {
            let exif = Array("Exif\0\0".utf8) + ImageMetadata.orientationTIFF(orientation)
            let app1: [UInt8] = [0xFF, 0xE1, 0x00, UInt8(exif.count + 2)] + exif
            let turned = Array(jpeg[0..<2]) + app1 + Array(jpeg[2...])
            #expect(ImageSizes.size(of: turned) == shown)
            // The same in a PNG's eXIf chunk, before its image data (640 × 480 stored).
            let tiff = ImageMetadata.orientationTIFF(orientation)
            let chunk: [UInt8] = [0, 0, 0, UInt8(tiff.count)] + Array("eXIf".utf8) + tiff + [0, 0, 0, 0]
            let pngShown = orientation == 6 ? ImageSize(width: 480, height: 640) : ImageSize(width: 640, height: 480)
            #expect(ImageSizes.size(of: png + [0, 0, 0, 0, 0, 0, 0, 0, 0] + chunk) == pngShown)
        }
        let sized =
            #"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="300px" height="150" viewBox="0 0 3 1">"#
        #expect(ImageSizes.size(of: Array(sized.utf8)) == ImageSize(width: 300, height: 150))
        let boxed = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 160"><rect/></svg>"#
        #expect(ImageSizes.size(of: Array(boxed.utf8)) == ImageSize(width: 320, height: 160))
        let relative = #"<svg width="100%" height="100%"></svg>"#
        #expect(ImageSizes.size(of: Array(relative.utf8)) == nil)
        #expect(ImageSizes.size(of: Array("plain text".utf8)) == nil)
        #expect(ImageSizes.size(of: [0xFF, 0xD8, 0xFF]) == nil)
    }

    @Test("the guide's images carry their size; cards say who in words; home's topics have no badge of themselves")
    func guide() async throws {
        let (root, report) = try await GuideTests.buildGuide()
        #expect(report.succeeded)
        let gazing = try #require(output(root, "exercises/soul-gazing/index.html"))
        #expect(gazing.contains(#"src="/exercises/soul-gazing/gazing.svg" alt="#))
        #expect(gazing.contains(#"width="320" height="160" />"#))
        #expect(gazing.contains(#"<span class="label">Who</span> <span class="value">For two</span>"#))
        let exercises = try #require(output(root, "exercises/index.html"))
        #expect(exercises.contains(#"<li class="fact">For two</li>"#))
        #expect(!exercises.contains(#"<li class="fact cap">couple</li>"#))
        let home = try #require(output(root, "index.html"))
        let topics =
            try #require(home.components(separatedBy: #"<ul class="cards topics">"#).last)
            .components(separatedBy: "</ul>").first ?? ""
        #expect(topics.contains("Emotional intimacy") && !topics.contains("class=\"badges"), "\(topics)")
        #expect(home.contains(#"<svg class="hero-art""#))
    }
}
