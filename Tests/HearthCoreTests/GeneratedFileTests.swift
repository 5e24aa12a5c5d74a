import Foundation
import Testing

@testable import HearthCore

/// The registry of generated files (`GeneratedFile.all`) against a built site: each file is
/// written, reserved for content, and a link to it is a link to a file.
@Suite("generated files")
struct GeneratedFileTests {
    @Test("every generated file is written where the registry says")
    func written() async throws {
        let root = try Fixture.site("basic")
        #expect(await build(root).succeeded)
        try #require(GeneratedFile.all.count >= 10)
        for file in GeneratedFile.all {
            let path =
                file.path.hasSuffix("/") ? file.path + (file == .searchShards ? "d-0.json" : "index.html") : file.path
            #expect(output(root, path) != nil, "\(file.path) is not written")
        }
    }

    @Test("a reserved name is no section's, and a link to a generated file is a link to a file")
    func reserved() async throws {
        for file in GeneratedFile.all where file.isReserved && file.path.split(separator: "/").count == 1 {
            #expect(ContentLoader.reservedSections.contains(String(file.path.split(separator: "/")[0])), "\(file.path)")
        }
        let root = try Fixture.site(
            "basic",
            changing: [
                "content/emotional/files.md":
                    "---\ntitle: Files\n---\n\n[cards](/exercise-cards.json), [offline](/offline.json), "
                    + "[deck](/exercises/deck/), [feed](/feed.xml)\n"
            ])
        let report = await build(root)
        #expect(report.succeeded && report.lines.isEmpty, "\(report.messages)")
    }
}
