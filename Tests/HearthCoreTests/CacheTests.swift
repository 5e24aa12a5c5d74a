import Foundation
import Testing

@testable import HearthCore

@Suite("rebuilds with a cache")
struct CacheTests {
    @Test("a rebuild after an edit reuses what did not change, and writes what a clean build writes")
    func rebuildMatchesCleanBuild() async throws {
        let root = try Fixture.site("basic")
        let session = BuildSession()
        let options = BuildOptions(root: root)
        #expect(await SiteBuilder.build(options, session: session).cacheHits == 0)

        // Edit one page's text: it is rendered again; pages showing its card or title too.
        let hugs = root.appendingPathComponent("content/physical/hugs.md")
        let text = try String(contentsOf: hugs, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "A twenty-second hug.", with: "A long, slow hug.").utf8).write(to: hugs)
        let edited = await SiteBuilder.build(options, session: session)
        #expect(edited.succeeded)
        #expect(edited.cacheHits > edited.cacheMisses, "hits \(edited.cacheHits), misses \(edited.cacheMisses)")
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
        #expect(await SiteBuilder.build(options, session: session).succeeded)
        let renamed = snapshot(root.appendingPathComponent("public"))

        // A clean build of the same sources, without a cache, writes the same bytes.
        let clean = try Fixture.site("basic")
        for path in ["content/physical/hugs.md", "content/physical/touch.md"] {
            try FileManager.default.removeItem(at: clean.appendingPathComponent(path))
            try FileManager.default.copyItem(
                at: root.appendingPathComponent(path), to: clean.appendingPathComponent(path))
        }
        var fresh = BuildOptions(root: clean)
        fresh.useCache = false
        #expect(await SiteBuilder.build(fresh).succeeded)
        #expect(snapshot(clean.appendingPathComponent("public")) == renamed)
    }

    @Test("a build never writes into a file the output holds, even when it reuses the spare site's files")
    func outputUntouchedUntilSwap() async throws {
        let root = try Fixture.site("basic")
        let spare = root.appendingPathComponent(".hearth-cache/public-spare")
        let hugs = root.appendingPathComponent("content/physical/hugs.md")
        let footer = root.appendingPathComponent("templates/partials/site-footer.mustache")
        #expect(await processBuild(root).succeeded)
        try appendLine("One more line.", to: hugs)
        #expect(await processBuild(root).succeeded)
        // The output now shares most files with the spare (kept pages are linked, not copied).
        for round in 0..<3 {
            let before = snapshot(root.appendingPathComponent("public"))
            // Every page changes: each file of the spare is written, shared or not.
            try appendLine("<!-- round \(round) -->", to: footer)
            #expect(await processBuild(root).succeeded)
            // The replaced output is the spare now, byte for byte what it was.
            #expect(snapshot(spare) == before, "round \(round)")
            #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))
        }
    }

    @Test("related pages come from the cache only while no page's types, tags or date changed")
    func relatedFromCache() async throws {
        let root = try Fixture.site("basic")
        #expect(await processBuild(root).succeeded)
        let hugs = root.appendingPathComponent("content/physical/hugs.md")
        let text = try String(contentsOf: hugs, encoding: .utf8)
        // A text edit: the lists are reused, and the site is what a clean build makes.
        try Data((text + "\nOne more line.\n").utf8).write(to: hugs)
        #expect(await processBuild(root).succeeded)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))
        // New tags: the lists are made again.
        func relatedLists() -> [String: String] {
            snapshot(root.appendingPathComponent("public")).compactMapValues { data in
                let html = String(decoding: data, as: UTF8.self)
                return html.range(of: "<section class=\"related\"[\\s\\S]*?</section>", options: .regularExpression)
                    .map { String(html[$0]) }
            }
        }
        let before = relatedLists()
        try Data(text.replacingOccurrences(of: "tags: [touch]", with: "tags: [listening, presence]").utf8).write(
            to: hugs)
        #expect(await processBuild(root).succeeded)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))
        #expect(relatedLists() != before)
    }

    /// A build as a new `hearth build` process makes it: a cache of its own, read from disk.
    func processBuild(_ root: URL) async -> BuildReport {
        await SiteBuilder.build(BuildOptions(root: root))
    }

    @Test("a check reports what a build reports, reads a build's cache, and never leaves its HTML-less pages in it")
    func checkAndCache() async throws {
        // Warnings a build and a check both give, from Markdown: a table written with pipes, raw HTML.
        let root = try Fixture.site(
            "basic",
            changing: [
                "content/physical/hugs.md":
                    "---\ntitle: Hugs\n---\nA twenty-second hug.\n\n| a | b |\n|---|---|\n\nLine<br>\n\n## Why\n"
            ])
        let session = BuildSession()
        let checked = await SiteBuilder.build(BuildOptions(root: root, writeOutput: false), session: session)
        #expect(checked.succeeded && checked.cacheHits == 0)
        #expect(checked.has(.warning, "content/physical/hugs.md:6:1", .tableWrittenWithPipes), "\(checked.messages)")
        #expect(checked.has(.warning, "content/physical/hugs.md:9:5", .rawHTMLLeftOut), "\(checked.messages)")

        // A build with the same cache in memory (its parsed front matter reused) renders every page's
        // Markdown anew, HTML and heading ids included.
        let built = await SiteBuilder.build(BuildOptions(root: root), session: session)
        #expect(built.succeeded)
        #expect(built.lines == checked.lines)
        let page = try #require(output(root, "physical/hugs/index.html"))
        #expect(page.contains("<p>A twenty-second hug.</p>") && page.contains("<h2 id=\"why\">Why</h2>"))

        // A check after a build takes its rendered pages from the cache on disk.
        let again = await SiteBuilder.build(BuildOptions(root: root, writeOutput: false))
        #expect(again.cacheHits > 0 && again.lines == checked.lines, "hits \(again.cacheHits)")
    }

    @Test("a second build reads the cache from disk, keeps unchanged pages, and writes what a clean build writes")
    func secondProcess() async throws {
        let root = try Fixture.site("basic")
        let first = await processBuild(root)
        #expect(first.succeeded && first.cacheHits == 0 && first.keptPages == 0)
        #expect(
            FileManager.default.fileExists(atPath: root.appendingPathComponent(".hearth-cache/build-cache").path))

        // Nothing changed: everything comes from the cache and every page is kept.
        let same = await processBuild(root)
        #expect(same.succeeded && same.cacheMisses == 0 && same.cacheHits > 0)
        let pages = snapshot(root.appendingPathComponent("public")).keys.filter { $0.hasSuffix(".html") }
        #expect(same.keptPages == pages.count)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))

        // One page's text changes: it is parsed and rendered again, the others are not.
        let hugs = root.appendingPathComponent("content/physical/hugs.md")
        let text = try String(contentsOf: hugs, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "A twenty-second hug.", with: "A long, slow hug.").utf8).write(to: hugs)
        let before = snapshot(root.appendingPathComponent("public"))
        let cacheFile = root.appendingPathComponent(".hearth-cache/build-cache")
        let cacheBefore = try Data(contentsOf: cacheFile)
        let edited = await processBuild(root)
        #expect(edited.succeeded)
        #expect(edited.cacheMisses >= 2 && edited.cacheMisses < edited.cacheHits, "\(edited.cacheMisses) misses")
        #expect(edited.keptPages > 0 && edited.keptPages < same.keptPages)
        let after = snapshot(root.appendingPathComponent("public"))
        #expect(after == (try await cleanBuild(of: root)))
        #expect(output(root, "physical/hugs/index.html")?.contains("A long, slow hug.") == true)
        // Kept pages are shared with the replaced site; writing the new one must not change it.
        #expect(snapshot(root.appendingPathComponent(".hearth-cache/public-spare")) == before)
        // What the edit made was appended to the cache file, and the next build finds it there.
        let cacheAfter = try Data(contentsOf: cacheFile)
        #expect(cacheAfter.count > cacheBefore.count && cacheAfter.prefix(cacheBefore.count) == cacheBefore)
        let again = await processBuild(root)
        #expect(again.succeeded && again.cacheMisses == 0 && again.keptPages == same.keptPages)
    }

    @Test(
        "a site-wide change (site.yml, an asset) renders every page and card again",
        arguments: [
            ("content/site.yml", "description: A small guide for tests.", "description: Another line for the feed."),
            ("content/site.yml", "title: Closer", "title: Closer Still"),
            ("templates/assets/style.css", "", "\n/* changed */\n"),
        ])
    func siteWideChange(file: String, old: String, new: String) async throws {
        let root = try Fixture.site("basic")
        #expect(await processBuild(root).succeeded)
        let url = root.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(old.isEmpty || text.contains(old))
        try Data((old.isEmpty ? text + new : text.replacingOccurrences(of: old, with: new)).utf8).write(to: url)
        let rebuilt = await processBuild(root)
        #expect(rebuilt.succeeded && rebuilt.keptPages == 0, "\(rebuilt.keptPages) pages kept")
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))
    }

    /// The basic fixture built once in a session that keeps its cache in memory, as `hearth serve`
    /// builds it.
    static func previewSession() async throws -> (URL, BuildOptions, BuildSession) {
        let root = try Fixture.site("basic")
        var options = BuildOptions(root: root)
        options.saveCache = false
        let session = BuildSession()
        #expect(await SiteBuilder.build(options, session: session).succeeded)
        return (root, options, session)
    }

    /// The preview session's last build and the paths of the pages the scenarios below edit.
    static func inPlaceSession() async throws -> (URL, BuildOptions, BuildSession, hugs: URL, gazing: URL) {
        let (root, options, session) = try await Self.previewSession()
        #expect(await SiteBuilder.build(options, session: session).succeeded)  // so that there is a spare
        return (
            root, options, session, root.appendingPathComponent("content/physical/hugs.md"),
            root.appendingPathComponent("content/exercises/soul-gazing/index.md")
        )
    }

    @Test("an edit of a page's text alone is redone in place, and the output is what a clean build writes")
    func inPlace() async throws {
        let (root, options, session, hugs, _) = try await Self.inPlaceSession()
        let spare = root.appendingPathComponent(".hearth-cache/public-spare")
        // A new paragraph after the first: nothing another page shows changes.
        let spareBefore = snapshot(spare)
        try appendLine("Then thereabouts the theory.", to: hugs)
        let quick = await SiteBuilder.build(options, session: session, changed: ["content/physical/hugs.md"])
        #expect(quick.succeeded && wroteInPlace(quick))
        #expect(output(root, "physical/hugs/index.html")?.contains("Then thereabouts the theory.") == true)
        // A new word in a shard that was there: the shard is written again in place.
        #expect(output(root, "search/t-7468.json")?.contains("\"thereabout\"") == true)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))
        #expect(snapshot(spare) == spareBefore)
        // Words the page no longer has leave the index's shards, in place.
        let lines = try String(contentsOf: hugs, encoding: .utf8)
        try Data(lines.replacingOccurrences(of: "Then thereabouts the theory.\n", with: "").utf8).write(to: hugs)
        #expect(wroteInPlace(await SiteBuilder.build(options, session: session, changed: ["content/physical/hugs.md"])))
        #expect(output(root, "search/t-7468.json")?.contains("\"thereabout\"") == false)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))
    }

    @Test("a card's text edited in place is on the deck too, made again with it")
    func inPlaceCard() async throws {
        let (root, options, session, _, gazing) = try await Self.inPlaceSession()
        try appendLine("Sit facing each other once more.", to: gazing)
        let card = await SiteBuilder.build(
            options, session: session, changed: ["content/exercises/soul-gazing/index.md"])
        #expect(card.succeeded && wroteInPlace(card))
        #expect(output(root, "exercises/deck/index.html")?.contains("Sit facing each other once more.") == true)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))
    }

    @Test("a new first paragraph, the summary other pages show, makes the whole output")
    func inPlaceSummary() async throws {
        let (root, options, session, _, _) = try await Self.inPlaceSession()
        let touch = root.appendingPathComponent("content/physical/touch.md")
        let touchText = try String(contentsOf: touch, encoding: .utf8)
        try Data(touchText.replacingOccurrences(of: "Touch says what", with: "Touch often says what").utf8)
            .write(to: touch)
        let full = await SiteBuilder.build(options, session: session, changed: ["content/physical/touch.md"])
        #expect(full.succeeded && !wroteInPlace(full))
        #expect(output(root, "physical/index.html")?.contains("Touch often says what") == true)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))
    }

    @Test("a broken link is reported; a build that fails leaves no state, so its other changes are kept")
    func inPlaceFailure() async throws {
        let (root, options, session, hugs, gazing) = try await Self.inPlaceSession()
        try appendLine("See [[Nowhere at all]].", to: hugs)
        let broken = await SiteBuilder.build(options, session: session, changed: ["content/physical/hugs.md"])
        #expect(
            !broken.succeeded && broken.has(.error, "content/physical/hugs.md:9:5", .noPageMatches),
            "\(broken.messages)"
        )
        try appendLine("A breath together.", to: gazing)
        #expect(
            !(await SiteBuilder.build(
                options, session: session,
                changed: ["content/physical/hugs.md", "content/exercises/soul-gazing/index.md"]
            ).succeeded))
        let hugsText = try String(contentsOf: hugs, encoding: .utf8)
        try Data(hugsText.replacingOccurrences(of: "See [[Nowhere at all]].", with: "Slowly.").utf8).write(to: hugs)
        #expect(await SiteBuilder.build(options, session: session, changed: ["content/physical/hugs.md"]).succeeded)
        #expect(output(root, "exercises/deck/index.html")?.contains("A breath together.") == true)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))
    }

    @Test("an edit in place, then a new process: the output and its manifest still agree")
    func inPlaceThenProcess() async throws {
        let (root, options, session, hugs, _) = try await Self.inPlaceSession()
        try appendLine("And once more.", to: hugs)
        #expect(wroteInPlace(await SiteBuilder.build(options, session: session, changed: ["content/physical/hugs.md"])))
        let next = await processBuild(root)
        #expect(next.succeeded && next.keptPages > 0)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))
    }

    @Test("in a session, a change beyond a page's text makes the whole output again, a new search shard does not")
    func beyondText() async throws {
        let (root, options, session) = try await Self.previewSession()
        let hugs = root.appendingPathComponent("content/physical/hugs.md")

        // A new title is on every list that shows the page: the content stage is read again whole.
        let text = try String(contentsOf: hugs, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: Long Hugs", with: "title: Longer Hugs").utf8).write(to: hugs)
        let retitled = await SiteBuilder.build(options, session: session, changed: ["content/physical/hugs.md"])
        #expect(retitled.succeeded && !wroteInPlace(retitled))
        #expect(output(root, "physical/index.html")?.contains("Longer Hugs") == true)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))

        // A word in a shard of the search index the site did not have: the shard is written and
        // the manifest lists it, in place; the word gone, so is the shard.
        #expect(output(root, "search/t-7871.json") == nil)
        let before = try String(contentsOf: hugs, encoding: .utf8)
        try appendLine("Xqzw, said nobody.", to: hugs)
        let newShard = await SiteBuilder.build(options, session: session, changed: ["content/physical/hugs.md"])
        #expect(newShard.succeeded && wroteInPlace(newShard))
        #expect(output(root, "search/t-7871.json")?.contains("\"xqzw\"") == true)
        #expect(output(root, "search-index.json")?.contains("\"7871\"") == true)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))
        try Data(before.utf8).write(to: hugs)
        let goneShard = await SiteBuilder.build(options, session: session, changed: ["content/physical/hugs.md"])
        #expect(goneShard.succeeded && wroteInPlace(goneShard) && output(root, "search/t-7871.json") == nil)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))

        // An output that cannot be updated in place (its manifest lost) is made whole.
        let cache = root.appendingPathComponent(".hearth-cache")
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) where name.contains("manifest") {
            try FileManager.default.removeItem(at: cache.appendingPathComponent(name))
        }
        try appendLine("Once more, slowly.", to: hugs)
        let unmanifested = await SiteBuilder.build(options, session: session, changed: ["content/physical/hugs.md"])
        #expect(unmanifested.succeeded && !wroteInPlace(unmanifested))
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))

        // A new page: not an edit of the last build's, so the whole pipeline runs.
        try Fixture.write(
            Data("---\ntitle: Hand on Heart\n---\n\nA hand on the heart.\n".utf8),
            to: "content/physical/heart.md", in: root)
        let added = await SiteBuilder.build(options, session: session, changed: ["content/physical/heart.md"])
        #expect(added.succeeded && !wroteInPlace(added) && output(root, "physical/heart/index.html") != nil)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))
    }

    @Test("another tool version, changed templates or a damaged cache file make everything anew")
    func invalidation() async throws {
        let root = try Fixture.site("basic")
        #expect(await processBuild(root).succeeded)
        let file = root.appendingPathComponent(".hearth-cache/build-cache")
        let good = try Data(contentsOf: file)

        // Another version wrote it, or another build of this version (a fix made since).
        let version = Data("hearth \(HearthVersion.build);".utf8)
        let range = try #require(good.range(of: version))
        #expect(HearthVersion.build.hasPrefix(HearthVersion.current + "+"))
        for writer in ["hearth 99.99.99;", "hearth \(HearthVersion.current)+1.2;"] {
            var other = good
            other.replaceSubrange(range, with: Data(writer.utf8))
            try other.write(to: file)
            let afterVersion = await processBuild(root)
            #expect(afterVersion.succeeded && afterVersion.cacheHits == 0, "\(writer)")
            try good.write(to: file)
        }

        // Cut short, or garbage: ignored, and the build is still right.
        for damaged in [good.prefix(good.count / 2), Data(repeating: 0x41, count: 100)] {
            try Data(damaged).write(to: file)
            let report = await processBuild(root)
            #expect(report.succeeded && report.cacheHits == 0)
        }

        // A template changes: the cache and every page are made anew, with the new template.
        let footer = root.appendingPathComponent("templates/partials/site-footer.mustache")
        let footerText = try String(contentsOf: footer, encoding: .utf8)
        try Data((footerText + "<!-- new footer -->\n").utf8).write(to: footer)
        let afterTemplate = await processBuild(root)
        #expect(afterTemplate.succeeded && afterTemplate.cacheHits == 0 && afterTemplate.keptPages == 0)
        #expect(output(root, "physical/hugs/index.html")?.contains("<!-- new footer -->") == true)
        #expect(snapshot(root.appendingPathComponent("public")) == (try await cleanBuild(of: root)))

        // A page deleted from the output by hand comes back on the next build.
        try FileManager.default.removeItem(at: root.appendingPathComponent("public/physical/hugs/index.html"))
        let restored = await processBuild(root)
        #expect(restored.succeeded && output(root, "physical/hugs/index.html") != nil)

        // --no-cache reads nothing and keeps nothing.
        var options = BuildOptions(root: root)
        options.useCache = false
        let uncached = await SiteBuilder.build(options)
        #expect(uncached.succeeded && uncached.cacheHits == 0 && uncached.keptPages == 0)
    }
}

@Suite("determinism")
struct DeterminismTests {
    @Test("a build on one core writes byte-identical output to a parallel one")
    func serialEqualsParallel() async throws {
        let parallel = try await GuideTests.buildGuide().0
        let serial = try Fixture.copy(as: "serial")
        let report = await Parallelism.$workers.withValue(1) { await build(serial) }
        #expect(report.succeeded)
        let a = snapshot(parallel.appendingPathComponent("public"))
        let b = snapshot(serial.appendingPathComponent("public"))
        #expect(a.count > 40)
        #expect(a == b)
    }
}

/// Whether a build wrote only what an edit reaches, in place.
private func wroteInPlace(_ report: BuildReport) -> Bool {
    report.phases.contains { $0.name.hasSuffix("page(s) in place") }
}
