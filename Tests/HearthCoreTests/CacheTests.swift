import Foundation
import HearthCore
import Testing

@Suite("rebuilds with a cache")
struct CacheTests {
    @Test("a rebuild after an edit reuses what did not change, and writes what a clean build writes")
    func rebuildMatchesCleanBuild() async throws {
        let root = try Fixture.site("basic")
        let cache = BuildCache()
        var options = BuildOptions(root: root)
        options.cache = cache
        #expect(await SiteBuilder.build(options).succeeded)
        #expect(cache.hits == 0)

        // Edit one page's text: it is rendered again; pages showing its card or title too.
        let hugs = root.appendingPathComponent("content/physical/hugs.md")
        let text = try String(contentsOf: hugs, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "A twenty-second hug.", with: "A long, slow hug.").utf8).write(to: hugs)
        #expect(await SiteBuilder.build(options).succeeded)
        #expect(cache.hits > cache.misses, "hits \(cache.hits), misses \(cache.misses)")
        let cached = snapshot(root.appendingPathComponent("public"))
        #expect(
            cached["physical/hugs/index.html"].map { String(decoding: $0, as: UTF8.self) }?.contains(
                "A long, slow hug.") == true)

        // Rename a page: every link to it changes, and the cache must notice.
        let touch = root.appendingPathComponent("content/physical/touch.md")
        let touchText = try String(contentsOf: touch, encoding: .utf8)
        try Data(
            touchText.replacingOccurrences(
                of: "title: Gentle Touch", with: "title: Gentle Touch\naliases: [Soft Touch]"
            )
            .replacingOccurrences(of: "Touch says", with: "Touch, gently, says").utf8
        ).write(to: touch)
        #expect(await SiteBuilder.build(options).succeeded)
        let renamed = snapshot(root.appendingPathComponent("public"))

        // A clean build of the same sources, without a cache, writes the same bytes.
        let clean = try Fixture.site("basic")
        for path in ["content/physical/hugs.md", "content/physical/touch.md"] {
            try FileManager.default.removeItem(at: clean.appendingPathComponent(path))
            try FileManager.default.copyItem(
                at: root.appendingPathComponent(path), to: clean.appendingPathComponent(path))
        }
        #expect(await build(clean).succeeded)
        #expect(snapshot(clean.appendingPathComponent("public")) == renamed)
    }
}

@Suite("determinism")
struct DeterminismTests {
    @Test("a build on one core writes byte-identical output to a parallel one")
    func serialEqualsParallel() async throws {
        let parallel = try await GuideTests.buildGuide().0
        let serial = FileManager.default.temporaryDirectory.appendingPathComponent("hearth-serial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: serial, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(
                at: Fixture.repository.appendingPathComponent(folder), to: serial.appendingPathComponent(folder))
        }
        let report = await Parallelism.$workers.withValue(1) { await build(serial) }
        #expect(report.succeeded)
        let a = snapshot(parallel.appendingPathComponent("public"))
        let b = snapshot(serial.appendingPathComponent("public"))
        #expect(a.count > 40)
        #expect(a == b)
    }
}
