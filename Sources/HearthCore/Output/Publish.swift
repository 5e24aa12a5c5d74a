import Foundation
import HearthFiles
import Synchronization

// Rendering the pages and writing the site: what a build does once its content is assembled.

extension SiteBuilder {
    /// An output page is what its template makes of its context, with this tool and these templates.
    static func pageKey(template: String, theme: Theme, context: PageContext) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(HearthVersion.build)
        hasher.combine(template)
        hasher.combine(theme.fingerprint)
        Fingerprint.combine(context, into: &hasher)
        return hasher.finalize()
    }

    static func template(for kind: PageKind) -> String {
        switch kind {
        case .home: "home"
        case .section: "section"
        case .article: "page"
        case .exercise: "exercise"
        }
    }

    /// The template contexts of a build: the context builder with every card rendered through the
    /// theme, the theme with the site's partials rendered, and each page's search entry.
    static func contexts(_ assembled: Assembled, options: BuildOptions, store: BuildCache?) async -> Contexts {
        // The theme's assets, read once: their digest versions their URLs, and they are copied.
        let assets = Theme.assets(root: options.root).map { (path: "assets/" + $0.path, bytes: $0.bytes) }
        var digest = StableHasher()
        for (path, bytes) in assets {
            digest.combine(String(path.dropFirst("assets/".count)))
            digest.combine(bytes: bytes ?? [])
        }
        var cards = ContextBuilder(
            site: assembled.site, rendered: assembled.rendered, graph: assembled.graph, year: year(),
            assetsVersion: String(digest.hex.prefix(10)))
        // The search index is made while the cards are, on the same cores.
        let published = cards.published
        async let search = SearchIndex.entries(published)
        let theme = assembled.theme.renderingSitePartials(cards.siteView)
        // The cards' template time, summed over the cores and divided by them as the pages' is.
        let cardTime = Mutex<Duration>(.zero)
        let render = renderCard(theme, store)
        await cards.renderCards { page, card, site in
            let clock = ContinuousClock()
            let start = clock.now
            let html = render(page, card, site)
            let spent = clock.now - start
            cardTime.withLock { $0 += spent }
            return html
        }
        store?.releaseMappedPages()
        return Contexts(
            builder: cards, theme: theme, assets: assets, searchEntries: await search,
            cardSeconds: cardTime.withLock { $0 }.seconds / Double(max(1, Parallelism.current)))
    }

    /// Renders every page (`jobs`) and writes the site into a staging folder, then swaps it in.
    static func publish(
        _ jobs: [OutputJob], _ assembled: Assembled, _ contexts: Contexts, options: BuildOptions, store: BuildCache?,
        keepsTables: Bool
    ) async throws -> Written {
        let builder = contexts.builder
        let theme = contexts.theme
        let published = builder.published
        // What to publish of each bundle image, first: an image that cannot be published fails the
        // build before anything is written, and the cache saved next keeps each image's plan.
        let copies = bundleCopies(assembled.site, root: options.root)
        let images = try await planImages(
            copies, keepMetadata: builder.site.config.keepImageMetadata, plan: imagePlan(store))
        // With the cards made, the cache holds all this build puts in it: it is saved while the
        // pages are written, its file writes filling what the pages leave of the cores.
        async let cacheSeconds = saveCache(options, store: store, theme: assembled.theme)

        let (searchFiles, searchTables) = await SearchIndex.made(
            contexts.searchEntries, synonyms: builder.site.config.synonyms, keepingTables: keepsTables)
        let generated =
            [GeneratedFile.feed, .sitemap, .finderCards, .robots, .offlineManifest, .offlineWorker].map(\.path)
            + searchFiles.map(\.path)

        // What the output holds, and from which keys, when earlier work may be reused.
        let previous = store == nil ? nil : OutputWriter.manifest(of: options.outputURL)
        let output = options.outputURL.path + "/"
        let staging = try OutputWriter.Staging(
            output: options.outputURL,
            paths: jobs.map(\.path) + generated + contexts.assets.map(\.path) + copies.map(\.to))
        do {
            // The files made from the whole site are written while the pages are: their serial
            // parts (the feed, the sitemap) would otherwise leave a core idle.
            async let siteFiles: Void = writeSiteFiles(published, search: searchFiles, to: staging)
            let pages = try await parallelMap(jobs) {
                job -> Result<(kept: Bool, seconds: Double, digest: UInt64), any Error> in
                Result {
                    try renderPage(
                        job, builder, theme: theme, keys: store != nil,
                        previous: previous, output: output, into: staging)
                }
            }.map { try $0.get() }
            // The pages' templates ran on every core at once: their share of the phase's wall time.
            let pageSeconds = pages.reduce(0) { $0 + $1.seconds } / Double(max(1, Parallelism.current))
            try await siteFiles
            try staging.write(OutputFile(path: GeneratedFile.robots.path, text: Publishing.robots(published)))
            try writeOffline(jobs, digests: pages.map(\.digest), contexts, to: staging)
            try copyAssets(contexts.assets, to: staging)
            try await copyBundles(copies, images: images.work, to: staging)
            let files = staging.count
            if assembled.scratch?.hasFailedReads == true {
                throw Files.Failure(
                    description:
                        "the pages' HTML, set aside in \(OutputWriter.cacheFolder(for: options.outputURL).path), "
                        + "could not be read back")
            }
            try staging.finish()
            return Written(
                files: files, kept: pages.count { $0.kept }, searchPaths: Set(searchFiles.map(\.path)),
                searchTables: searchTables, templateSeconds: contexts.cardSeconds + pageSeconds,
                cacheSeconds: await cacheSeconds, notes: images.notes)
        } catch {
            staging.abandon()
            throw error
        }
    }

    /// Writes only `jobs` and the search index's changed files over the output, each file replaced
    /// atomically, the rest kept: for a build told that only these pages' output can differ. The
    /// index's files are `search` when its tables could be patched; else the whole index is made
    /// and written again.
    static func publishInPlace(
        _ jobs: [OutputJob], of total: Int, _ contexts: Contexts, search patched: SearchIndex.Update?,
        previous: Written, options: BuildOptions
    ) async throws -> Written {
        var search: SearchIndex.Update
        if let patched {
            search = patched
        } else {
            let made = await SearchIndex.made(
                contexts.searchEntries, synonyms: contexts.builder.site.config.synonyms, keepingTables: true)
            let paths = Set(made.files.map(\.path))
            search = SearchIndex.Update(
                files: made.files, gone: previous.searchPaths.subtracting(paths).sorted(), tables: made.tables)
        }
        var files: [OutputFile] = []
        let clock = ContinuousClock()
        let start = clock.now
        for job in jobs {
            let context = job.context.make(contexts.builder)
            files.append(
                OutputFile(
                    path: job.path, bytes: contexts.theme.render(context, template: job.template),
                    key: pageKey(template: job.template, theme: contexts.theme, context: context)))
        }
        let templateSeconds = (clock.now - start).seconds
        // The kept pages' digests in the offline manifest follow their new keys.
        let site = contexts.builder.site
        let kept = jobs.indices.filter { Offline.keeps(jobs[$0], in: site) }
        if !kept.isEmpty {
            let path = GeneratedFile.offlineManifest.path
            let before = Files.read(options.outputURL.path + "/" + path).map { [UInt8]($0) } ?? []
            let entries = kept.map { index in
                var hasher = StableHasher()
                hasher.combine(bytes: files[index].bytes)
                return offlineEntry(jobs[index], digest: hasher.finalize(), site: site)
            }
            guard let after = Offline.patch(before, with: entries) else {
                throw OutputWriter.Failure(description: "\(path) does not list a page it should")
            }
            files.append(OutputFile(path: path, bytes: after))
        }
        try OutputWriter.update(files + search.files, removing: search.gone, in: options.outputURL)
        let searchPaths = previous.searchPaths.subtracting(search.gone).union(search.files.map(\.path))
        return Written(
            files: previous.files - previous.searchPaths.count + searchPaths.count, kept: total - jobs.count,
            searchPaths: searchPaths, searchTables: search.tables, templateSeconds: templateSeconds,
            cacheSeconds: nil)
    }

    /// Copies the theme's assets into the staging folder.
    private static func copyAssets(_ assets: [(path: String, bytes: [UInt8]?)], to staging: OutputWriter.Staging) throws
    {
        for (path, bytes) in assets {
            guard let bytes else { throw OutputWriter.Failure(description: "cannot read templates/\(path)") }
            try staging.write(OutputFile(path: path, bytes: bytes))
        }
    }

    /// Every page the build writes: the content's, each tag's, and the generated pages.
    static func outputJobs(_ assembled: Assembled, lists: (sections: [Int: Int], tags: [Int])) -> [OutputJob] {
        var jobs: [OutputJob] = assembled.site.pages.map { page in
            OutputJob(path: page.outputPath, template: template(for: page.kind), context: .page(page.id))
        }
        // The further pages of long lists: `page/2/`, ... (the first is the list's own page).
        for (id, count) in lists.sections.sorted(by: { $0.key < $1.key }) where count > 1 {
            let page = assembled.site.pages[id]
            jobs += (2...count).map { number in
                OutputJob(
                    path: ListPage.path(page.path, number: number) + "index.html", template: "section",
                    context: .page(id, listPage: number))
            }
        }
        for (index, tag) in assembled.graph.tags.enumerated() {
            jobs += (1...lists.tags[index]).map { number in
                OutputJob(
                    path: ListPage.path("tags/\(tag.slug)/", number: number) + "index.html", template: "tag",
                    context: .tag(index, listPage: number))
            }
        }
        if let section = assembled.site.sections.first(where: { $0.kind == .exercises }) {
            // Every card in full, on one page up to `Deck.pageSize` cards: the largest pages by
            // far, first, so that the other cores have the rest of the pages to do meanwhile.
            let cards = assembled.graph.sectionExercises[section.pageID]?.count ?? 0
            let count = ListPage.count(entries: cards, per: Deck.pageSize)
            jobs.insert(
                contentsOf: (1...count).map { number in
                    OutputJob(
                        path: ListPage.path(GeneratedFile.deck.path, number: number) + "index.html", template: "deck",
                        context: .deck(listPage: number))
                }, at: 0)
        }
        jobs += [
            OutputJob(path: "tags/index.html", template: "tags", context: .tags),
            OutputJob(path: "search/index.html", template: "search", context: .search),
            OutputJob(path: GeneratedFile.notFound.path, template: "404", context: .notFound),
        ]
        return jobs
    }

    /// A file of a page bundle: where it is, where it is published, and its path from the site's
    /// root (`content/physical/window/chairs.jpg`) for diagnostics.
    typealias BundleCopy = (from: URL, to: String, source: String)

    /// The files of page bundles, from where they are to where they are published.
    static func bundleCopies(_ site: LoadedSite, root: URL) -> [BundleCopy] {
        var copies: [BundleCopy] = []
        let content = root.appendingPathComponent("content")
        for page in site.pages {
            guard let bundle = page.bundleDirectory else { continue }
            for file in page.bundleFiles {
                copies.append(
                    (
                        content.appendingPathComponent(file), page.path + file.dropFirst(bundle.count + 1),
                        "content/" + file
                    ))
            }
        }
        return copies
    }

    /// Renders one page into the staging folder. With `keys`, each page is recorded with the key it
    /// was made from, and a page whose key is that of the one the output holds (`previous`, its
    /// manifest) is that page: it is kept, not rendered again. Whether it was kept, the seconds
    /// its template took, and the digest of its bytes.
    static func renderPage(
        _ job: OutputJob, _ builder: ContextBuilder, theme: Theme, keys: Bool, previous: OutputWriter.Manifest?,
        output: String, into staging: OutputWriter.Staging
    ) throws -> (kept: Bool, seconds: Double, digest: UInt64) {
        let context = job.context.make(builder)
        let key = keys ? pageKey(template: job.template, theme: theme, context: context) : 0
        if keys, let entry = previous?[job.path], entry.key == key,
            Files.size(output + job.path) == entry.size
        {
            return (true, 0, try staging.write(OutputFile(path: job.path, kept: entry)).hash)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let bytes = theme.render(context, template: job.template)
        let seconds = (clock.now - start).seconds
        return (false, seconds, try staging.write(OutputFile(path: job.path, bytes: bytes, key: key)).hash)
    }

    /// A page's line of the offline manifest: its URL, the digest of its bytes, its title.
    private static func offlineEntry(_ job: OutputJob, digest: UInt64, site: LoadedSite) -> Offline.Entry {
        let path = job.path.hasSuffix("index.html") ? String(job.path.dropLast("index.html".count)) : job.path
        let title: String
        if case .page(let id, _) = job.context { title = site.pages[id].title } else { title = "Every card" }
        return Offline.Entry(url: site.config.basePath + path, digest: digest, title: title)
    }

    /// The offline manifest, from the digests of the pages a reader may keep, and the worker.
    private static func writeOffline(
        _ jobs: [OutputJob], digests: [UInt64], _ contexts: Contexts, to staging: OutputWriter.Staging
    ) throws {
        let site = contexts.builder.site
        let base = site.config.basePath
        let version = contexts.builder.siteView.assetsVersion
        let pages = jobs.indices.filter { Offline.keeps(jobs[$0], in: site) }.map {
            offlineEntry(jobs[$0], digest: digests[$0], site: site)
        }
        let manifest = Offline.manifest(
            pages, assets: contexts.assets.map(\.path), version: version, base: base)
        try staging.write(OutputFile(path: GeneratedFile.offlineManifest.path, bytes: manifest))
        try staging.write(
            OutputFile(path: GeneratedFile.offlineWorker.path, text: Offline.worker(base: base, version: version)))
    }

    /// Saves the build cache, if the build keeps one; how many seconds that took.
    private static func saveCache(_ options: BuildOptions, store: BuildCache?, theme: Theme) async -> Double? {
        guard options.saveCache, let cache = store else { return nil }
        let clock = ContinuousClock()
        let start = clock.now
        try? await cache.save(to: cacheFile(options), salt: cacheSalt(theme))  // only a slower next build if it fails
        return (clock.now - start).seconds
    }

    /// Writes the feed, the sitemap, the exercise cards' facts and the search index's files.
    private static func writeSiteFiles(
        _ published: PublishedSite, search: [OutputFile], to staging: OutputWriter.Staging
    ) async throws {
        try staging.write(OutputFile(path: GeneratedFile.feed.path, text: Publishing.feed(published)))
        try staging.write(OutputFile(path: GeneratedFile.sitemap.path, text: Publishing.sitemap(published)))
        try staging.write(
            OutputFile(path: GeneratedFile.finderCards.path, bytes: Publishing.exerciseCards(published)))
        for file in search { try staging.write(file) }
    }
}

extension ContextBuilder {
    /// What the output stage's site-wide files are made from.
    var published: PublishedSite {
        PublishedSite(
            site: site, graph: graph, rendered: rendered, sectionTitles: sectionTitles, listPages: listPageCounts())
    }
}
