import Foundation
import Testing

@testable import HearthCore

/// What lets a large site build in bounded memory and `hearth serve` edit it quickly (issue 37).
@Suite("at scale")
struct ScaleTests {
    /// A large site's HTML waits in a scratch file between Markdown and the templates (issue 37):
    /// the guide, made to count as large, must come out the same, and leave no file behind.
    @Test("a site whose HTML is set aside writes byte-identical output and leaves no scratch file")
    func setAsideEqualsHeld() async throws {
        let held = try await GuideTests.buildGuide().0
        let aside = try Fixture.copy(as: "aside")
        for useCache in [false, true, true] {
            var options = BuildOptions(root: aside)
            options.setsHTMLAsideAbove = 0
            options.useCache = useCache
            let report = await SiteBuilder.build(options)
            #expect(report.succeeded)
            #expect(report.bytesSetAside > 100_000, "the HTML went to the scratch file")
            #expect(
                snapshot(aside.appendingPathComponent("public")) == snapshot(held.appendingPathComponent("public")))
        }
        let working = OutputWriter.cacheFolder(for: aside.appendingPathComponent("public")).path
        let left = try FileManager.default.contentsOfDirectory(atPath: working)
        #expect(!left.contains { $0.hasPrefix("scratch") })
    }

    /// An edit in place appends its files' lines to the output's manifest rather than writing all
    /// of it again: what the next build reads from it must be the same.
    @Test("an edit's manifest lines, appended, give the next build the same manifest as written whole")
    func manifestAppended() async throws {
        let root = try Fixture.site("basic")
        #expect(await build(root).succeeded)
        let folder = root.appendingPathComponent("public")
        let before = try #require(OutputWriter.manifest(of: folder))
        let gone = try #require(before.keys.first { $0.hasPrefix("search/t-") })
        let changed = try #require(before.keys.first { $0.hasSuffix("/index.html") && !$0.hasPrefix("search/") })
        let changedBytes = Array("<p>Sit facing each other.</p>".utf8)
        try OutputWriter.update(
            [
                OutputFile(path: changed, bytes: changedBytes, key: 42),
                OutputFile(path: "search/new-shard.json", bytes: Array("[]".utf8), key: 7),
            ], removing: [gone], in: folder)
        let after = try #require(OutputWriter.manifest(of: folder), "the manifest is read back")
        #expect(after.count == before.count)
        #expect(after[changed]?.key == 42 && after[changed]?.size == changedBytes.count)
        #expect(after["search/new-shard.json"]?.key == 7)
        #expect(after[gone] == nil)
        #expect(output(root, changed) == "<p>Sit facing each other.</p>")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(gone).path))
        for (path, entry) in before where path != changed && path != gone {
            #expect(after[path]?.key == entry.key && after[path]?.hash == entry.hash)
        }
    }

    /// Text is checked eight bytes at a time (`SiteFiles.decodeText`): a control character or a
    /// decomposed mark anywhere in a word, first or last byte, aligned or not, must still be found.
    @Test("a control character, a NUL or a decomposed accent is found at every offset of the text")
    func controlsAtEveryOffset() {
        let line = Array("Sit facing each other and breathe slowly.".utf8)
        for offset in 0..<line.count {
            for (byte, code) in [
                (UInt8(0x0B), DiagnosticCode.invisibleControlCharacter), (0x7F, .invisibleControlCharacter),
                (0, .fileNotText),
            ] {
                var bytes = line
                bytes[offset] = byte
                var diagnostics: [Diagnostic] = []
                _ = SiteFiles.decodeText(Data(bytes), path: "/a.md", file: "a.md", diagnostics: &diagnostics)
                #expect(diagnostics.map(\.code) == [code], "byte \(byte) at \(offset)")
                #expect(diagnostics.first?.column == offset + 1, "byte \(byte) at \(offset)")
            }
            // "e" and a combining acute accent (CC 81), composed into "é" on reading.
            var decomposed = line
            decomposed.replaceSubrange(offset..<offset + 1, with: [0x65, 0xCC, 0x81])
            var diagnostics: [Diagnostic] = []
            let text = SiteFiles.decodeText(Data(decomposed), path: "/a.md", file: "a.md", diagnostics: &diagnostics)
            #expect(diagnostics.isEmpty && text?.contains("\u{E9}") == true, "accent at \(offset)")
        }
        var diagnostics: [Diagnostic] = []
        let plain = SiteFiles.decodeText(
            Data(line + [0x0A, 0x09, 0x0D, 0x0A]), path: "/a.md", file: "a.md", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty && plain?.hasPrefix("Sit facing") == true)
    }

    /// Search words are packed as they are read (`DistinctWords`): a word of any length, ASCII or
    /// not, must come out as the plain fold of the text gives it.
    @Test("the distinct words of a text are its folded words, at every length and with accents anywhere")
    func distinctWordsOfEveryLength() {
        var text = "Slow, slow: HOLD hands. "
        for length in 1...20 {
            text += String(repeating: "ab", count: 10).prefix(length) + " "
            text += "é" + String(repeating: "c", count: length) + " " + String(repeating: "d", count: length) + "é "
        }
        var expected: Set<String> = []
        SearchWords.forEachWord(in: text) { expected.insert($0) }
        let found = Array(text.utf8).withUnsafeBufferPointer { DistinctWords.of($0) }
        #expect(found.count == expected.count)
        #expect(Set(found) == expected)
    }
}
