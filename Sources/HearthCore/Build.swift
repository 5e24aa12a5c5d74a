import Foundation
import HearthMarkdown

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    /// The site root: the folder holding `content/` and `templates/`.
    public var root: URL
    /// The output folder, relative to `root` unless absolute.
    public var output: String
    /// Overrides `baseURL` of site.yml.
    public var baseURL: String?
    public var includeDrafts: Bool
    /// False for `check`: everything is verified, nothing is written.
    public var writeOutput: Bool
    /// Told the name of each phase as it starts (for a progress line).
    public var progress: (@Sendable (String) -> Void)?
    /// Results of an earlier build in this process to reuse where nothing they depend on changed.
    public var cache: BuildCache?
    /// Read the build cache of `.hearth-cache/` and, when the build writes output, save it back;
    /// and reuse output pages whose template and context are unchanged. False: everything is made
    /// from nothing (`--no-cache`).
    public var useCache = true
    /// Save the cache file after writing output (`hearth serve` keeps its cache in memory).
    public var saveCache = true
    /// False for a process that exits after this one build: the site's model, its rendered pages
    /// and the cache are left for the exit to reclaim rather than freed object by object (a tenth
    /// of a second for 10,000 pages), as compilers do (clang's `-disable-free`).
    public var freesMemory = true

    public init(
        root: URL, output: String = "public", baseURL: String? = nil, includeDrafts: Bool = false,
        writeOutput: Bool = true
    ) {
        self.root = root
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.writeOutput = writeOutput
    }

    public var outputURL: URL {
        output.hasPrefix("/") ? URL(fileURLWithPath: output) : root.appendingPathComponent(output)
    }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var diagnostics: DiagnosticList
    /// Pages of `content/` built (home, sections, articles, cards).
    public var pageCount: Int
    /// Files written, generated pages and copies included.
    public var fileCount: Int
    public var seconds: Double
    public var output: URL
    /// Whether the output folder now holds this build.
    public var wrote: Bool
    /// Seconds spent in each phase, in order (for --verbose and benchmarks).
    public var phases: [(name: String, seconds: Double)] = []
    /// Parsed files, rendered Markdown and cards taken from the cache, and those made anew.
    public var cacheHits = 0
    public var cacheMisses = 0
    /// Pages whose template and context were unchanged, kept from the previous output.
    public var keptPages = 0

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The build: content and templates in, a static site out.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) async -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        var report = BuildReport(
            diagnostics: DiagnosticList(), pageCount: 0, fileCount: 0, seconds: 0, output: options.outputURL,
            wrote: false)
        var options = options
        if options.useCache {
            options.cache = options.cache ?? BuildCache()
        } else {
            options.cache = nil
        }
        options.cache?.beginBuild()
        let outcome = await assemble(options, diagnostics: &report.diagnostics, phases: &report.phases)
        if let outcome, !report.diagnostics.hasErrors {
            report.pageCount = outcome.site.pages.count
            if options.writeOutput {
                if let problem = outputProblem(options) {
                    report.diagnostics.append(problem)
                } else {
                    let mark = clock.now
                    options.progress?("rendering and writing pages")
                    do {
                        let written = try await write(outcome, options: options)
                        report.phases.append(("render and write", (clock.now - mark).seconds))
                        report.fileCount = written.files
                        report.keptPages = written.kept
                        report.wrote = true
                        options.cache?.lastBuild = BuildState(
                            root: options.root, output: options.outputURL, baseURL: options.baseURL,
                            includeDrafts: options.includeDrafts, builder: written.builder, theme: written.theme,
                            table: outcome.table,
                            markdownOptions: outcome.markdownOptions, searchEntries: written.searchEntries,
                            diagnostics: report.diagnostics, fileCount: written.files)
                        if let seconds = written.cacheSeconds {
                            report.phases.append(("save cache, while writing", seconds))
                        }
                    } catch {
                        report.diagnostics.append(
                            .error(
                                options.output, nil, "the site could not be written: \(error)",
                                hint: "the previous output is left as it was"))
                    }
                }
            }
        }
        report.cacheHits = options.cache?.hits ?? 0
        report.cacheMisses = options.cache?.misses ?? 0
        if !options.freesMemory {
            _ = Unmanaged.passRetained(KeptUntilExit(cache: options.cache, assembled: outcome))
        }
        report.seconds = (clock.now - start).seconds
        return report
    }

    /// Where the build cache of a site is kept: beside its output, with the staging folders.
    static func cacheFile(_ options: BuildOptions) -> URL {
        BuildCache.file(in: OutputWriter.cacheFolder(for: options.outputURL))
    }

    /// What a cache file must have been made with to be used: this version of the tool and these
    /// templates.
    static func cacheSalt(_ theme: Theme) -> String {
        "hearth \(HearthVersion.current); templates \(theme.fingerprint)"
    }

    /// Everything but rendering templates and writing: load, check, render Markdown, link.
    struct Assembled: Sendable {
        var site: LoadedSite
        var theme: Theme
        var rendered: [RenderedPage]
        var graph: SiteGraph
        var table: LinkTable
        var markdownOptions: MarkdownOptions
    }

    static func assemble(
        _ options: BuildOptions, diagnostics: inout DiagnosticList, phases: inout [(name: String, seconds: Double)]
    ) async -> Assembled? {
        let clock = ContinuousClock()
        var mark = clock.now
        let progress = options.progress
        func phase(_ name: String, next: String? = nil) {
            phases.append((name, (clock.now - mark).seconds))
            mark = clock.now
            if let next { progress?(next) }
        }
        let (theme, themeProblems) = Theme.load(root: options.root)
        diagnostics.append(contentsOf: themeProblems)
        if let theme, let cache = options.cache {
            cache.load(from: cacheFile(options), salt: cacheSalt(theme))
        }
        phase("load templates and cache", next: "reading content")
        let (loaded, loadProblems) = await ContentLoader.load(
            root: options.root, includeDrafts: options.includeDrafts, cache: options.cache)
        diagnostics.append(contentsOf: loadProblems)
        phase("load content")
        guard var site = loaded else { return nil }
        if let baseURL = options.baseURL {
            let normalized = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
            if let problem = SiteConfig.baseURLProblem(normalized) {
                diagnostics.append(
                    .error("--base-url", nil, problem, hint: "e.g. --base-url https://example.org/guide/"))
                return nil
            }
            site.config.baseURL = normalized
        }
        let table = await LinkTable(site: site)
        phase("link table", next: "rendering Markdown")
        let markdownOptions = MarkdownOptions(unsafeHTML: site.config.unsafeHTML)
        let cache = options.cache
        let tableKey = table.fingerprint
        let rendered = await parallelMap(site.pages) { page in
            guard let cache else { return RenderedPage.render(page, table: table, options: markdownOptions) }
            return cache.markdown(page.contentPath, key: markdownKey(page, table: tableKey, options: markdownOptions)) {
                RenderedPage.render(page, table: table, options: markdownOptions)
            }
        }
        for page in rendered { diagnostics.append(contentsOf: page.diagnostics) }
        phase("render markdown", next: "linking pages")
        let graph = await SiteGraph(site: site, rendered: rendered, table: table, cache: options.cache)
        diagnostics.append(contentsOf: graph.diagnostics)
        phase("cross-links")
        guard let theme else { return nil }
        return Assembled(
            site: site, theme: theme, rendered: rendered, graph: graph, table: table, markdownOptions: markdownOptions)
    }

    /// A page's Markdown depends on its own text and place, and on every page it could link to.
    static func markdownKey(_ page: Page, table: UInt64, options: MarkdownOptions) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(page.body)
        hasher.combine(page.bodyLineOffset)
        hasher.combine(page.id)
        hasher.combine(page.meta.summary)
        hasher.combine(table)
        for flag in [options.smartPunctuation, options.unsafeHTML, options.wikilinks, options.headingIDs] {
            hasher.combine(flag)
        }
        return hasher.finalize()
    }

    /// An output page is what its template makes of its context, with this tool and these templates.
    static func pageKey(template: String, theme: Theme, context: PageContext) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(HearthVersion.current)
        hasher.combine(template)
        hasher.combine(theme.fingerprint)
        context.fingerprint(into: &hasher)
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

    /// Refuses output folders that would swallow the sources.
    static func outputProblem(_ options: BuildOptions) -> Diagnostic? {
        let output = options.outputURL.standardizedFileURL.path
        let root = options.root.standardizedFileURL.path
        for protected in [root, root + "/content", root + "/templates"] {
            if output == protected || protected.hasPrefix(output + "/") {
                return .error(
                    "--output", nil, "refusing to write the site into \(output): it holds the sources",
                    hint: "use an output folder of its own, such as public")
            }
        }
        return nil
    }

    static func year() -> Int {
        Calendar(identifier: .gregorian).component(.year, from: Date())
    }

    /// Renders every page and writes the site into a staging folder, then swaps it in; returns how
    /// many files the site has and how many pages were kept unchanged from the previous output.
    static func write(_ assembled: Assembled, options: BuildOptions) async throws -> (
        files: Int, kept: Int, builder: ContextBuilder, searchEntries: [[UInt8]?], theme: Theme, cacheSeconds: Double?
    ) {
        let assets = options.root.appendingPathComponent("templates/assets")
        let assetFiles = ContentLoader.listFilesRecursively(assets)
        var digest = StableHasher()
        for file in assetFiles {
            digest.combine(file)
            digest.combine(
                bytes: Array(FileManager.default.contents(atPath: assets.appendingPathComponent(file).path) ?? Data()))
        }
        var cards = ContextBuilder(
            site: assembled.site, rendered: assembled.rendered, graph: assembled.graph, year: year(),
            assetsVersion: String(digest.hex.prefix(10)))
        let theme = assembled.theme.renderingSitePartials(cards.siteView)
        await cards.renderCards(with: theme, cache: options.cache)
        let builder = cards
        // With the cards made, the cache holds all this build puts in it: it is saved while the
        // pages are written, its file writes filling what the pages leave of the cores.
        async let cacheSeconds = saveCache(options, theme: assembled.theme)

        var jobs: [OutputJob] = assembled.site.pages.map { page in
            OutputJob(path: page.outputPath, template: template(for: page.kind), context: .page(page.id))
        }
        jobs += assembled.graph.tags.indices.map {
            OutputJob(path: "tags/\(builder.graph.tags[$0].slug)/index.html", template: "tag", context: .tag($0))
        }
        jobs += [
            OutputJob(path: "tags/index.html", template: "tags", context: .tags),
            OutputJob(path: "search/index.html", template: "search", context: .search),
            OutputJob(path: "404.html", template: "404", context: .notFound),
        ]
        var copies: [(from: URL, to: String)] = []
        for file in assetFiles {
            copies.append((assets.appendingPathComponent(file), "assets/" + file))
        }
        let content = options.root.appendingPathComponent("content")
        for page in assembled.site.pages {
            guard let bundle = page.bundleDirectory else { continue }
            for file in page.bundleFiles {
                copies.append((content.appendingPathComponent(file), page.path + file.dropFirst(bundle.count + 1)))
            }
        }
        let generated = ["feed.xml", "sitemap.xml", "search-index.json", "robots.txt"]

        // What the output holds, and from which keys, when earlier work may be reused.
        let previous = options.cache == nil ? nil : OutputWriter.manifest(of: options.outputURL)
        let output = options.outputURL.path + "/"
        let staging = try OutputWriter.Staging(
            output: options.outputURL, paths: jobs.map(\.path) + generated + copies.map(\.to))
        do {
            // The files made from the whole site are made while the pages are: their serial parts
            // (the feed, the sitemap, joining the search index) would otherwise leave a core idle.
            async let searchEntries = writeSiteFiles(builder, to: staging)
            let kept = try await parallelMap(jobs) { job -> Result<Bool, any Error> in
                Result {
                    let context = job.context.make(builder)
                    guard options.cache != nil else {
                        try staging.write(
                            OutputFile(path: job.path, text: theme.render(context, template: job.template)))
                        return false
                    }
                    // A page made from the same template, context and tool as the one the output
                    // holds is that page: it is kept, not rendered again.
                    let key = pageKey(template: job.template, theme: theme, context: context)
                    if let entry = previous?[job.path], entry.key == key,
                        OutputWriter.fileSize(output + job.path) == entry.size
                    {
                        try staging.write(OutputFile(path: job.path, kept: entry))
                        return true
                    }
                    try staging.write(
                        OutputFile(path: job.path, text: theme.render(context, template: job.template), key: key))
                    return false
                }
            }.map { try $0.get() }
            let entries = try await searchEntries
            try staging.write(OutputFile(path: "robots.txt", text: Publishing.robots(builder)))
            for copy in copies {
                guard let data = FileManager.default.contents(atPath: copy.from.path) else {
                    throw OutputWriter.Failure(description: "cannot read \(copy.from.path)")
                }
                try staging.write(OutputFile(path: copy.to, bytes: Array(data)))
            }
            let files = staging.count
            try staging.finish()
            return (files, kept.count { $0 }, builder, entries, theme, await cacheSeconds)
        } catch {
            staging.abandon()
            throw error
        }
    }

    /// Saves the build cache, if the build keeps one; how many seconds that took.
    private static func saveCache(_ options: BuildOptions, theme: Theme) async -> Double? {
        guard options.saveCache, let cache = options.cache else { return nil }
        let clock = ContinuousClock()
        let start = clock.now
        try? cache.save(to: cacheFile(options), salt: cacheSalt(theme))  // only a slower next build if it fails
        return (clock.now - start).seconds
    }

    /// Writes the feed, the sitemap and the search index; returns the index's entries, one a page.
    private static func writeSiteFiles(_ builder: ContextBuilder, to staging: OutputWriter.Staging) async throws
        -> [[UInt8]?]
    {
        try staging.write(OutputFile(path: "feed.xml", text: Publishing.feed(builder)))
        try staging.write(OutputFile(path: "sitemap.xml", text: Publishing.sitemap(builder)))
        let entries = await Publishing.searchEntries(builder)
        try staging.write(OutputFile(path: "search-index.json", bytes: Publishing.searchIndex(entries)))
        return entries
    }
}

/// What a build made, held by a reference that is never released (`BuildOptions.freesMemory`).
private final class KeptUntilExit {
    let cache: BuildCache?
    let assembled: SiteBuilder.Assembled?

    init(cache: BuildCache?, assembled: SiteBuilder.Assembled?) {
        self.cache = cache
        self.assembled = assembled
    }
}

/// One HTML page of the output: where it goes, its template, and how to make its context.
struct OutputJob: Sendable {
    enum Context: Sendable {
        case page(Int)
        case tag(Int)
        case tags, search, notFound

        func make(_ builder: ContextBuilder) -> PageContext {
            switch self {
            case .page(let id): builder.context(for: builder.site.pages[id])
            case .tag(let index): builder.tagContext(index)
            case .tags: builder.tagsContext()
            case .search: builder.generated(kind: "search", title: "Search", path: "search/")
            case .notFound: builder.generated(kind: "404", title: "Page not found", path: "404.html")
            }
        }
    }

    var path: String
    var template: String
    var context: Context
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
