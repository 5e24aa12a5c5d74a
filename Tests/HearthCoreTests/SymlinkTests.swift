import Foundation
import HearthCore
import Testing

/// A cloned site can hold symbolic links (git stores them): none that leaves the site folder is
/// followed, so building someone's site never publishes a private file of the machine that builds it.
@Suite("symbolic links")
struct SymlinkTests {
    /// A private file outside the site, with a line that must never reach the output or a message.
    static func secretFile() throws -> URL {
        let folder = Fixture.newFolder("private")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let secret = folder.appendingPathComponent("diary.md")
        try Data("---\ntitle: Private diary\n---\nSECRET-LINE-42 never to be published\n".utf8).write(to: secret)
        return secret
    }

    static func link(_ path: String, in root: URL, to target: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// Builds a site whose last good output exists, then adds a link; the build must fail at the
    /// link's path, leave the output as it was, and show the secret nowhere.
    func expectRefused(_ path: String, target: (URL) throws -> String) async throws {
        let root = try Fixture.site("basic")
        #expect(await build(root).succeeded)
        let before = snapshot(root.appendingPathComponent("public"))
        let secret = try Self.secretFile()
        try Self.link(path, in: root, to: try target(secret))
        let report = await build(root)
        #expect(!report.succeeded)
        #expect(report.has(.error, path, .linkLeavesSite), "\(report.messages)")
        // Neither in a message nor in a hint.
        let said = (report.messages + report.diagnostics.items.flatMap(\.hints)).joined(separator: "\n")
        #expect(!said.contains("SECRET-LINE-42"))
        #expect(!said.contains("Private diary"))
        let after = snapshot(root.appendingPathComponent("public"))
        #expect(after == before)
        #expect(!after.values.contains { String(decoding: $0, as: UTF8.self).contains("SECRET-LINE-42") })
    }

    @Test("a page that is a link to nothing is an error at its file, not a page silently left out")
    func danglingPage() async throws {
        let root = try Fixture.site("basic")
        try Self.link("content/physical/gone.md", in: root, to: root.appendingPathComponent("nowhere.md").path)
        let report = await build(root)
        #expect(!report.succeeded)
        #expect(report.has(.error, "content/physical/gone.md", .fileUnreadable), "\(report.messages)")
    }

    @Test("a page that links to a Markdown file outside the site is an error at the link, never published")
    func page() async throws {
        try await expectRefused("content/physical/outside.md") { $0.path }
    }

    @Test("a bundle file that links to a file outside the site is an error, never copied")
    func bundleFile() async throws {
        try await expectRefused("content/exercises/soul-gazing/passwd.txt") { $0.path }
    }

    @Test("a folder that links outside the site is not followed")
    func folder() async throws {
        try await expectRefused("content/exercises/soul-gazing/private") { $0.deletingLastPathComponent().path }
    }

    @Test("a section folder that links outside the site is not followed")
    func sectionFolder() async throws {
        try await expectRefused("content/private") { $0.deletingLastPathComponent().path }
    }

    @Test("a link to a link that leaves the site is refused too")
    func chain() async throws {
        try await expectRefused("content/physical/chain.md") { secret in
            let hop = Fixture.newFolder("hop")
            try FileManager.default.createDirectory(at: hop, withIntermediateDirectories: true)
            try Self.link("hop.md", in: hop, to: secret.path)
            return hop.appendingPathComponent("hop.md").path
        }
    }

    @Test("a theme asset that links outside the site is an error, never copied to assets/")
    func themeAsset() async throws {
        try await expectRefused("templates/assets/leak.css") { $0.path }
    }

    @Test("a link within the site is followed: what it names is published at the link's place")
    func inside() async throws {
        let root = try Fixture.site("basic")
        try Fixture.write(
            Data("---\ntitle: Shared note\n---\nA note kept beside content/.\n".utf8), to: "notes/n.md", in: root)
        try Self.link("content/physical/shared-note.md", in: root, to: "../../notes/n.md")
        try Self.link("content/exercises/soul-gazing/eyes-again.svg", in: root, to: "eyes.svg")
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        #expect(output(root, "physical/shared-note/index.html")?.contains("A note kept beside content/.") == true)
        let copy = snapshot(root.appendingPathComponent("public"))["exercises/soul-gazing/eyes-again.svg"]
        let original = root.appendingPathComponent("content/exercises/soul-gazing/eyes.svg")
        #expect(copy != nil && copy == FileManager.default.contents(atPath: original.path))
    }
}
