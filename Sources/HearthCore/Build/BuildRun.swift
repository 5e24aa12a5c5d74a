import Foundation
import HearthFiles
import HearthMarkdown

/// One build as it runs: what it was asked (`options`), what it remembers through (the memo
/// `store`, the preview's `session` and the `increment` it was told of), and what it has found so
/// far (`report`: diagnostics, phase timings, counts). The stages are plain functions; this value
/// runs them in order and is the one place that holds a build's state.
struct BuildRun {
    let options: BuildOptions
    let session: BuildSession?
    let store: BuildCache?
    var increment: Increment?
    var report: BuildReport
    private let clock = ContinuousClock()

    init(_ options: BuildOptions, session: BuildSession?, changed: Set<String>?) {
        self.options = options
        self.session = session
        store = options.useCache ? (session?.store ?? BuildCache()) : nil
        increment = Increment(session: session, options: options, changed: changed)
        report = BuildReport(
            diagnostics: DiagnosticList(), pageCount: 0, fileCount: 0, seconds: 0, output: options.outputURL,
            wrote: false)
        report.writesOutput = options.writeOutput
    }

    /// Every stage, then the output when there is no error.
    mutating func run() async {
        let start = clock.now
        store?.beginBuild()
        // Until this build succeeds the session has no last build: the changes of one that fails
        // are not in the state it would leave.
        session?.previous = nil
        let outcome = await assemble()
        var contexts: Contexts?
        if let outcome, !report.diagnostics.hasErrors {
            report.pageCount = outcome.site.pages.count
            if options.writeOutput { contexts = await output(outcome) } else { await checkImages(outcome) }
        }
        report.cacheHits = store?.hits ?? 0
        report.cacheMisses = store?.misses ?? 0
        if !options.freesMemory {
            _ = Unmanaged.passRetained(KeptUntilExit(cache: store, assembled: outcome, contexts: contexts))
        }
        report.seconds = (clock.now - start).seconds
    }

    /// A check reads the bundle images as a build would: one that cannot be published is an
    /// error there too, and each location a build would remove is said.
    private mutating func checkImages(_ outcome: SiteBuilder.Assembled) async {
        let copies = SiteBuilder.bundleCopies(outcome.site, root: options.root)
        do {
            let planned = try await SiteBuilder.planImages(
                copies, keepMetadata: outcome.site.config.keepImageMetadata, plan: SiteBuilder.imagePlan(store))
            report.diagnostics.append(contentsOf: planned.notes)
        } catch let problems as OutputProblems {
            report.diagnostics.append(contentsOf: problems.diagnostics)
        } catch {
            report.diagnostics.append(
                .error(.imagesNotRead, options.output, nil, "the images could not be read: \(error)"))
        }
    }

    /// Times the phase that ends now, from `mark`, and says which starts next.
    private mutating func phase(_ name: String, since mark: inout ContinuousClock.Instant, next: String? = nil) {
        report.phases.append((name, (clock.now - mark).seconds, ResidentMemory.megabytes()))
        mark = clock.now
        if let next { options.progress?(next) }
    }

    /// The stages before the templates, in order: templates, content, permalink table, Markdown,
    /// cross-links; each taken from the `increment` while it holds.
    mutating func assemble() async -> SiteBuilder.Assembled? {
        var mark = clock.now
        // A copy: the increment is changed while the store is read.
        let (store, options) = (self.store, self.options)
        // An increment is told of content files only: the templates are the last build's.
        let (theme, themeProblems) =
            increment.map { ($0.previous.assembled.theme, $0.previous.assembled.themeProblems) }
            ?? Theme.load(root: options.root)
        report.diagnostics.append(contentsOf: themeProblems)
        if let theme, let store {
            store.load(from: SiteBuilder.cacheFile(options), salt: SiteBuilder.cacheSalt(theme))
        }
        phase("load templates and cache", since: &mark, next: "reading content")
        var (loaded, contentProblems): (LoadedSite?, [Diagnostic])
        if let site = increment?.site(read: SiteBuilder.readSource(store)) {
            (loaded, contentProblems) = (site, increment?.previous.assembled.contentProblems ?? [])
        } else {
            (loaded, contentProblems) = await ContentLoader.load(
                root: options.root, includeDrafts: options.includeDrafts, read: SiteBuilder.readSource(store))
        }
        report.diagnostics.append(contentsOf: contentProblems)
        phase("load content", since: &mark)
        guard var site = loaded, configure(&site) else { return nil }
        loaded = nil  // one copy of the pages, so that their text can be let go of
        let output = options.outputURL
        var table: LinkTable
        if let kept = increment?.table {
            table = kept
        } else {
            table = await LinkTable(site: site, formerTitles: { FormerTitles.load(for: output) })
        }
        phase("link table", since: &mark, next: "rendering Markdown")
        // The search index has every word of each page's text.
        let markdownOptions = MarkdownOptions(unsafeHTML: site.config.unsafeHTML)
        let checking = !options.writeOutput
        var rendered: [RenderedPage]
        var scratch: ScratchFile?
        if let kept = increment?.rendered(
            site, render: SiteBuilder.markdown(table: table, options: markdownOptions, store: store))
        {
            rendered = kept
        } else {
            // Only the Markdown stage reads a page's text: it is handed the only copy, which lets
            // each chunk's go once rendered (issue 37: 235 MB of the 50,000-page corpus, held beside
            // their HTML). After an increment, the pages it did not read again are read for it.
            var pages = site.pages
            if let increment { pages = await increment.withText(site, read: SiteBuilder.readSource(store)) }
            site.pages = pages.map { $0.withoutBody() }
            scratch = checking ? nil : SiteBuilder.scratch(for: pages, options)
            rendered = await SiteBuilder.renderMarkdown(
                consume pages, table: table, options: markdownOptions, checking: checking, store: store,
                scratch: scratch)
        }
        report.bytesSetAside = scratch?.size ?? 0
        // The pages an increment read again, likewise.
        for id in site.pages.indices where site.pages[id].hasText { site.pages[id] = site.pages[id].withoutBody() }
        for page in rendered { report.diagnostics.append(contentsOf: page.diagnostics) }
        store?.releaseMappedPages()
        phase("render markdown", since: &mark, next: "linking pages")
        var graph: SiteGraph
        if let kept = increment?.graph {
            graph = kept
        } else {
            graph = await SiteGraph(
                site: site, rendered: rendered, table: table,
                rankRelated: checking ? nil : SiteBuilder.rankRelated(store))
        }
        report.diagnostics.append(contentsOf: graph.diagnostics)
        phase("cross-links", since: &mark)
        guard let theme else { return nil }
        return SiteBuilder.Assembled(
            site: site, theme: theme, rendered: rendered, graph: graph, table: table, markdownOptions: markdownOptions,
            themeProblems: themeProblems, contentProblems: contentProblems, scratch: scratch)
    }

    /// The site as these options ask: `--base-url` in place of site.yml's; a warning for an example
    /// base URL when the build is to be published. False when `--base-url` is not a base URL.
    private mutating func configure(_ site: inout LoadedSite) -> Bool {
        if let baseURL = options.baseURL {
            let normalized = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
            if let problem = SiteConfig.baseURLIssue(normalized)?.message {
                report.diagnostics.append(
                    .error(
                        .baseURLOptionInvalid, "--base-url", nil, problem,
                        hint: "e.g. --base-url https://example.org/guide/"))
                return false
            }
            site.config.baseURL = normalized
        }
        if options.warnsOfExampleBaseURL, site.config.hasExampleBaseURL {
            report.diagnostics.append(
                .warning(
                    .exampleBaseURL, options.baseURL == nil ? "content/site.yml" : "--base-url",
                    options.baseURL == nil ? site.config.baseURLPosition : nil,
                    "the base URL \(site.config.baseURL) is an example address: the canonical links, the feed and "
                        + "the sitemap point to it",
                    hint: "set baseURL in site.yml to the address the site is published at (or pass --base-url)"))
        }
        return true
    }

    /// The output stage: the template contexts, then every page written and swapped in, or, when the
    /// increment holds, only the pages that show a changed page's text, in place. The contexts it
    /// made, for a build that keeps its memory until the process exits; nil when it failed.
    @discardableResult
    private mutating func output(_ outcome: SiteBuilder.Assembled) async -> Contexts? {
        let (store, options, session) = (self.store, self.options, self.session)
        if let problem = SiteBuilder.outputProblem(options) {
            report.diagnostics.append(problem)
            return nil
        }
        let mark = clock.now
        options.progress?("rendering and writing pages")
        do {
            var contexts: Contexts
            if let reused = increment?.contexts(outcome.site, outcome.rendered) {
                contexts = reused
            } else {
                contexts = await SiteBuilder.contexts(outcome, options: options, store: store)
            }
            let all =
                increment?.allJobs ?? SiteBuilder.outputJobs(outcome, lists: contexts.builder.listPageCounts())
            var name = "render and write"
            var inPlace: Written?
            if let jobs = increment?.jobs(all, site: outcome.site) {
                // The search tables are patched first: the last build's are let go of then, not copied.
                let search = increment?.search(contexts)
                // When the output cannot be updated (its manifest is gone, a file cannot be
                // replaced), it is made whole: that build reports what is wrong, if anything is.
                if let previous = increment?.previous.written,
                    let written = try? await SiteBuilder.publishInPlace(
                        jobs, of: all.count, contexts, search: search, previous: previous, options: options)
                {
                    inPlace = written
                    name += " \(jobs.count) page(s) in place"
                }
            }
            let written =
                if let inPlace { inPlace } else {
                    try await SiteBuilder.publish(
                        all, outcome, contexts, options: options, store: store, keepsTables: session != nil)
                }
            report.diagnostics.append(contentsOf: written.notes)
            report.phases.append((name, (clock.now - mark).seconds, ResidentMemory.megabytes()))
            report.phases.append(("  of which templates", written.templateSeconds, nil))
            report.fileCount = written.files
            report.keptPages = written.kept
            report.wrote = true
            // A table the increment kept has the titles saved already.
            if increment?.holds != true { FormerTitles.save(outcome.table.entries, for: options.outputURL) }
            session?.previous = BuildState(
                root: options.root, output: options.outputURL, baseURL: options.baseURL,
                includeDrafts: options.includeDrafts, assembled: outcome, contexts: contexts, jobs: all,
                written: written,
                diagnostics: report.diagnostics)
            if let seconds = written.cacheSeconds { report.phases.append(("save cache, while writing", seconds, nil)) }
            return contexts
        } catch let problems as OutputProblems {
            report.diagnostics.append(contentsOf: problems.diagnostics)
        } catch {
            report.diagnostics.append(
                .error(
                    .siteNotWritten, options.output, nil, "the site could not be written: \(error)",
                    hint: "the previous output is left as it was"))
        }
        return nil
    }
}
