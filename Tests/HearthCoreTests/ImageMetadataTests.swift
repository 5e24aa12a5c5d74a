import Foundation
import Testing

@testable import HearthCore

/// Bundle images are published without their metadata (`ImageMetadata`): the fixtures in
/// Fixtures/images (made by its make.sh) are a small picture as a phone would leave it, written by
/// exiftool, and handmade containers with their golden output.
@Suite("image metadata")
struct ImageMetadataTests {
    static let folder = Fixture.folder.appendingPathComponent("images")

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func kind(_ name: String) throws -> ImageMetadata.Kind {
        try #require(ImageMetadata.Kind(fileName: name))
    }

    /// exiftool's reading of an image: every tag, `[group] Name : value` a line, numbers as numbers.
    /// CI installs exiftool (`make deps`): without it the test fails, it is not skipped.
    static func exiftool(_ bytes: [UInt8], as name: String) throws -> String {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
            .map { "\($0)/exiftool" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        let tool = try #require(path, "exiftool is not installed: `make deps` installs libimage-exiftool-perl")
        let folder = Fixture.newFolder("exiftool")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-a", "-u", "-G1", "-s", "-n", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    /// What the picture is made of: a JPEG's scan (its last SOS to the end), a PNG's IDAT chunks, a
    /// WebP's VP8 or VP8L chunk, each whole.
    static func picture(_ b: [UInt8], _ kind: ImageMetadata.Kind) -> [UInt8] {
        switch kind {
        case .jpeg:
            let sos = (0..<(b.count - 1)).last { b[$0] == 0xFF && b[$0 + 1] == 0xDA } ?? b.count
            return Array(b[sos...])
        case .png, .webp:
            var out: [UInt8] = []
            var i = kind == .png ? 8 : 12
            while i + 8 <= b.count {
                let length =
                    kind == .png
                    ? be32(b, i) ?? 0 : le32(b, i + 4) ?? 0
                let type = ImageMetadata.fourCC(b, kind == .png ? i + 4 : i)
                let end = min(b.count, kind == .png ? i + 12 + length : i + 8 + length + (length & 1))
                if ["IDAT", "VP8 ", "VP8L"].contains(type) { out += b[i..<end] }
                i = end
            }
            return out
        }
    }

    @Test(
        "a phone's picture loses its location, serial numbers, names, comment and thumbnail, keeps its profile",
        arguments: ["photo.jpg", "photo.png", "photo.webp"])
    func photo(name: String) throws {
        let source = try Self.fixture(name)
        let kind = try Self.kind(name)
        let before = try Self.exiftool(source, as: name)
        // The fixture holds what must go.
        for written in ["GPSLatitude", "SN123456789", "Alex Example", "Hearth test profile", "[XMP-dc]"] {
            #expect(before.contains(written), "\(name) should hold \(written)")
        }
        let turned = #"Orientation\s+: 6"#
        #expect(before.range(of: turned, options: .regularExpression) != nil)
        let stripped = try ImageMetadata.strip(source, kind: kind)
        #expect(stripped.removedLocation && stripped.removedAnything)
        let after = try Self.exiftool(stripped.bytes, as: name)
        for gone in [
            "GPS", "SN123456789", "LENS987654", "Alex Example", "taken at home", "at home", "Thumbnail", "Hometown",
            "HearthCam", "DateTimeOriginal", "[XMP", "[IPTC]", "By-line", "Warning",
        ] {
            #expect(!after.contains(gone), "\(name) still shows \(gone):\n\(after)")
        }
        #expect(after.contains("Hearth test profile"), "\(name) lost its ICC profile:\n\(after)")
        // A JPEG's and a PNG's orientation stay (browsers turn the picture by it); a WebP's EXIF
        // comes after the picture, where browsers ignore it, and goes with the rest.
        let orientation = after.range(of: turned, options: .regularExpression) != nil
        #expect(orientation == (kind != .webp), "\(name):\n\(after)")
        #expect(Self.picture(stripped.bytes, kind) == Self.picture(source, kind))
        #expect(!Self.picture(source, kind).isEmpty)
        // Stripped again, nothing changes.
        let again = try ImageMetadata.strip(stripped.bytes, kind: kind)
        #expect(again.bytes == stripped.bytes && !again.removedAnything && !again.removedLocation)
    }

    @Test("a handmade container with every kind of segment gives the golden output", arguments: ["jpg", "png", "webp"])
    func golden(ext: String) throws {
        let source = try Self.fixture("handmade.\(ext)")
        let stripped = try ImageMetadata.strip(source, kind: try Self.kind("a.\(ext)"))
        let expected = try Self.fixture("handmade.stripped.\(ext)")
        #expect(stripped.bytes == expected, "\(ext): \(stripped.bytes.count) bytes, expected \(expected.count)")
        #expect(stripped.removedLocation && stripped.removedAnything)
        // The golden output, stripped, is itself.
        let again = try ImageMetadata.strip(expected, kind: try Self.kind("a.\(ext)"))
        #expect(again.bytes == expected && !again.removedAnything)
    }

    @Test(
        "every truncation of each picture throws, never crashes", arguments: ["photo.jpg", "photo.png", "photo.webp"])
    func truncated(name: String) throws {
        let source = try Self.fixture(name)
        let kind = try Self.kind(name)
        for count in 0..<source.count {
            #expect(throws: ImageMetadata.Failure.self) { try ImageMetadata.strip(Array(source[..<count]), kind: kind) }
        }
        let cut = #expect(throws: ImageMetadata.Failure.self) {
            try ImageMetadata.strip(Array(source[..<(source.count / 2)]), kind: kind)
        }
        #expect(cut?.description.contains("cut short") == true, "\(String(describing: cut))")
    }

    @Test("a damaged structure throws a failure saying what is wrong")
    func damaged() throws {
        func failure(_ bytes: [UInt8], _ kind: ImageMetadata.Kind) -> String {
            do {
                _ = try ImageMetadata.strip(bytes, kind: kind)
                return "no failure"
            } catch {
                return error.description
            }
        }
        var jpeg = try Self.fixture("photo.jpg")
        jpeg[2] = 0x12  // the first marker's FF
        #expect(failure(jpeg, .jpeg).contains("expected a JPEG marker (FF) at byte 2"))
        #expect(failure(Array("GIF89a".utf8), .jpeg).contains("not a JPEG"))
        #expect(failure([0xFF, 0xD8, 0xFF, 0xD9], .jpeg).contains("no image data"))
        var png = try Self.fixture("photo.png")
        png[12] = 0x20  // IHDR's type
        #expect(failure(png, .png).contains("no valid type"))
        var webp = try Self.fixture("photo.webp")
        webp[16...19] = [0xFF, 0xFF, 0xFF, 0x7F]  // VP8X's size
        #expect(failure(webp, .webp).contains("runs past the end"))
        #expect(failure(try Self.fixture("photo.png"), .webp).contains("not a WebP"))
        // Random bytes after each header: any outcome but a crash.
        var generator = SystemRandomNumberGenerator()
        for header in [[0xFF, 0xD8], ImageMetadata.pngSignature, Array("RIFF\u{40}\0\0\0WEBP".utf8)] {
            for _ in 0..<200 {
                let bytes =
                    header + (0..<Int.random(in: 0..<80, using: &generator)).map { _ in UInt8.random(in: 0...255) }
                for kind in ImageMetadata.Kind.allCases { _ = try? ImageMetadata.strip(bytes, kind: kind) }
            }
        }
    }

    @Test("a JFIF thumbnail goes; a PNG's Exif after its data is not written again; a .jpg may be a PNG")
    func details() throws {
        let jfif: [UInt8] =
            [0xFF, 0xE0, 0x00, 0x16] + Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 2, 1] + [9, 9, 9, 9, 9, 9]
        let rest = Array(try Self.fixture("handmade.stripped.jpg")[2...])
        let stripped = try ImageMetadata.strip([0xFF, 0xD8] + jfif + rest, kind: .jpeg)
        #expect(stripped.bytes == [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + jfif[4..<16] + [0, 0] + rest)
        #expect(!stripped.removedLocation)
        // An eXIf after IDAT: browsers ignore its orientation, so it is not written again.
        let golden = try Self.fixture("handmade.stripped.png")
        let exif = ImageMetadata.pngChunk("eXIf", ImageMetadata.orientationTIFF(3))
        let at = try #require(ImageMetadata.firstIndex(of: exif, in: golden, 0..<golden.count))
        let without = Array(golden[..<at] + golden[(at + exif.count)...])
        let late = Array(without[..<(without.count - 12)]) + exif + without[(without.count - 12)...]
        #expect(try ImageMetadata.strip(late, kind: .png).bytes == without)
        let png = try Self.fixture("photo.png")
        #expect(ImageMetadata.Kind(sniffing: png) == .png && ImageMetadata.Kind(fileName: "IMG_1.JPG") == .jpeg)
    }

    @Test("what the memo layer keeps of an image reads back as it was written")
    func outcomeRoundTrip() throws {
        let source = try Self.fixture("handmade.jpg")
        for outcome in [ImageMetadata.Outcome.of(source, kind: .jpeg), .of([1, 2], kind: .png)] {
            var writer = ByteWriter()
            outcome.write(to: &writer)
            let back = try writer.bytes.withUnsafeBytes { raw in
                var reader = ByteReader(raw)
                return try ImageMetadata.Outcome.read(from: &reader)
            }
            #expect(back == outcome)
        }
    }
}

/// A site whose bundle holds a photo: what the build publishes and says, and site.yml's keys.
@Suite("image metadata in a build")
struct ImageMetadataBuildTests {
    static let image = "content/physical/window/chairs.jpg"

    /// The basic fixture with a bundle page, `physical/window/`, showing `chairs.jpg` (`bytes`).
    static func site(_ bytes: [UInt8], siteYML extra: String = "") throws -> URL {
        let root = try Fixture.site(
            "basic",
            changing: [
                "content/physical/window/index.md": "---\ntitle: By the window\n---\n![Two chairs](chairs.jpg)\n"
            ])
        try Fixture.write(Data(bytes), to: image, in: root)
        if !extra.isEmpty { try appendLine(extra, to: root.appendingPathComponent("content/site.yml")) }
        return root
    }

    static func published(_ root: URL) -> [UInt8]? {
        FileManager.default.contents(atPath: root.appendingPathComponent("public/physical/window/chairs.jpg").path)
            .map { Array($0) }
    }

    @Test("a GPS photo is published stripped, with a remark, the source unchanged, and is not walked again")
    func strippedInBuild() async throws {
        let photo = try ImageMetadataTests.fixture("photo.jpg")
        let root = try Self.site(photo)
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        #expect(report.has(.remark, Self.image, .imageLocationRemoved), "\(report.messages)")
        let printed = DiagnosticPrinter(root: root, color: false).render(report.diagnostics)
        // A remark is one line with no severity, and its code.
        #expect(
            printed.split(separator: "\n").contains {
                $0.hasPrefix("content/physical/window/chairs.jpg: ") && !$0.contains("remark")
                    && $0.hasSuffix(" [H406]")
            }, "\(printed)")
        // `check --strict` makes warnings errors; a remark stays a remark.
        #expect(!report.diagnostics.strict().hasErrors)
        let published = try #require(Self.published(root))
        #expect(published == (try ImageMetadata.strip(photo, kind: .jpeg)).bytes)
        #expect(!(try ImageMetadataTests.exiftool(published, as: "chairs.jpg")).contains("GPS"))
        #expect(Array(try Data(contentsOf: root.appendingPathComponent(Self.image))) == photo)
        // The next build takes what to publish from the cache.
        let again = await build(root)
        #expect(again.succeeded && again.cacheMisses == 0 && again.cacheHits > 0, "\(again.cacheMisses) misses")
        #expect(again.has(.remark, Self.image, .imageLocationRemoved))
        #expect(Self.published(root) == published)
    }

    @Test("with images: keepMetadata: true, the photo is published byte for byte")
    func keepMetadata() async throws {
        let photo = try ImageMetadataTests.fixture("photo.jpg")
        let root = try Self.site(photo, siteYML: "images:\n  keepMetadata: true")
        let report = await build(root)
        #expect(
            report.succeeded && !report.diagnostics.items.contains { $0.code == .imageLocationRemoved },
            "\(report.messages)")
        #expect(Self.published(root) == photo)
    }

    @Test("a photo that cannot be walked is an error at its file, and nothing is written")
    func corrupt() async throws {
        let photo = try ImageMetadataTests.fixture("photo.jpg")
        let root = try Self.site(photo)
        #expect(await build(root).succeeded)
        let good = Self.published(root)
        try Data(photo[..<2000]).write(to: root.appendingPathComponent(Self.image))
        // A check, which writes nothing, finds it too.
        let checked = await build(root, write: false)
        #expect(
            !checked.succeeded && checked.diagnostics.items.contains { $0.file == Self.image }, "\(checked.messages)")
        let report = await build(root)
        #expect(!report.succeeded)
        let error = try #require(report.diagnostics.items.first { $0.file == Self.image }, "\(report.messages)")
        #expect(error.severity == .error && error.location == Self.image + ":1:1")
        #expect(error.code == .imageMetadataNotRemovable, "\(report.messages)")
        #expect(error.hints.contains { $0.contains("set images: keepMetadata: true in site.yml") })
        #expect(Self.published(root) == good)
        // A PNG named .jpg is read as the PNG it is.
        let png = try ImageMetadataTests.fixture("photo.png")
        try Data(png).write(to: root.appendingPathComponent(Self.image))
        #expect(await build(root).succeeded)
        #expect(Self.published(root) == (try ImageMetadata.strip(png, kind: .png)).bytes)
    }

    @Test("site.yml's exit and images: defaults, values, and mistakes at their line and column")
    func siteConfig() throws {
        var problems: [Diagnostic] = []
        let plain = try #require(
            SiteConfig.parse(
                "title: T\nbaseURL: https://example.org/\n", file: "content/site.yml", diagnostics: &problems))
        #expect(problems.isEmpty)
        #expect(plain.exit.url == "https://www.bbc.co.uk/weather" && plain.exit.label == "Leave this site")
        #expect(!plain.keepImageMetadata)
        let set = try #require(
            SiteConfig.parse(
                "title: T\nbaseURL: https://example.org/\nexit:\n  url: https://example.com/news\n  label: Away\n"
                    + "images:\n  keepMetadata: true\n", file: "content/site.yml", diagnostics: &problems))
        #expect(problems.isEmpty, "\(problems)")
        #expect(set.exit == SiteConfig.Exit(url: "https://example.com/news", label: "Away") && set.keepImageMetadata)
        _ = SiteConfig.parse(
            "title: T\nbaseURL: https://example.org/\nimages:\n  keepMetadata: yes\n  keepMeta: true\nexit:\n"
                + "  url: /relative\n  lable: Go\n  label: ''\n", file: "content/site.yml", diagnostics: &problems)
        let lines = problems.map { "\($0.location): \($0.severity.rawValue) \($0.code)" }
        let messages = problems.map { "\($0.location): \($0.message) \($0.hints)" }
        #expect(
            lines.sorted() == [
                "content/site.yml:4:17: error H141",
                "content/site.yml:5:3: warning H177",
                "content/site.yml:7:8: error H185",
                "content/site.yml:8:3: warning H177",
                "content/site.yml:9:10: error H186",
            ], "\(messages)")
        let lable = problems.first { $0.location == "content/site.yml:8:3" }
        #expect(lable?.hints.contains("did you mean 'label'?") == true, "\(messages)")
        problems = []
        _ = SiteConfig.parse(
            "title: T\nbaseURL: https://example.org/\nimages: true\n", file: "content/site.yml", diagnostics: &problems)
        #expect(problems.map(\.location) == ["content/site.yml:3:9"] && problems.first?.severity == .error)
        #expect(problems.first?.code == .settingNotMapping, "\(problems)")
    }

    @Test("templates see the quick exit as site.exit.url and site.exit.label")
    func exitInTemplates() async throws {
        let header = "<a class=\"quick-exit\" href=\"{{site.exit.url}}\">{{site.exit.label}}</a>\n"
        let plain = try Fixture.site("basic", changing: ["templates/partials/site-header.mustache": header])
        #expect(await build(plain).succeeded)
        #expect(
            output(plain, "index.html")?.contains(
                "<a class=\"quick-exit\" href=\"https://www.bbc.co.uk/weather\">Leave this site</a>") == true)
        let set = try Fixture.site("basic", changing: ["templates/partials/site-header.mustache": header])
        try appendLine(
            "exit:\n  url: https://example.com/news?a=1&b=2\n  label: Away",
            to: set.appendingPathComponent("content/site.yml"))
        #expect(await build(set).succeeded)
        #expect(
            output(set, "physical/index.html")?.contains(
                "<a class=\"quick-exit\" href=\"https://example.com/news?a=1&amp;b=2\">Away</a>") == true)
    }
}
