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
    /// Warn when the base URL is an example domain (`hearth build`, whose output is published;
    /// a preview or a check does not care).
    public var warnsOfExampleBaseURL = false

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
        let url = output.hasPrefix("/") ? URL(fileURLWithPath: output) : root.appendingPathComponent(output)
        // An output folder that is a symbolic link (public -> /var/www/guide) is built where it
        // points, and the link stays: swapping the new site in must not put a folder in its place.
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil {
            return url.resolvingSymlinksInPath()
        }
        return url
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
    /// False for a check, which never writes.
    public var writesOutput = true
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
    /// A build. With a `session`, its memo store and the state it leaves are the session's; told
    /// which files `changed` since the session's last build (paths relative to the site root), the
    /// stages reuse that build's results beyond those files (`Increment`), and only the output those
    /// files reach is written, each file replaced in place. Either way the output is what a clean
    /// build would write.
    public static func build(_ options: BuildOptions, session: BuildSession? = nil, changed: Set<String>? = nil)
        async -> BuildReport
    {
        let clock = ContinuousClock()
        let start = clock.now
        var report = BuildReport(
            diagnostics: DiagnosticList(), pageCount: 0, fileCount: 0, seconds: 0, output: options.outputURL,
            wrote: false)
        report.writesOutput = options.writeOutput
        let store = options.useCache ? (session?.store ?? BuildCache()) : nil
        store?.beginBuild()
        var increment = Increment(session: session, options: options, changed: changed)
        // Until this build succeeds the session has no last build: the changes of one that fails
        // are not in the state it would leave.
        session?.previous = nil
        let outcome = await assemble(
            options, store: store, increment: &increment, diagnostics: &report.diagnostics, phases: &report.phases)
        if let outcome, !report.diagnostics.hasErrors {
            report.pageCount = outcome.site.pages.count
            if options.writeOutput {
                await output(
                    outcome, options: options, store: store, increment: &increment, session: session,
                    report: &report)
            }
        }
        report.cacheHits = store?.hits ?? 0
        report.cacheMisses = store?.misses ?? 0
        if !options.freesMemory {
            _ = Unmanaged.passRetained(KeptUntilExit(cache: store, assembled: outcome))
        }
        report.seconds = (clock.now - start).seconds
        return report
    }

    /// The output stage: the template contexts, then every page written and swapped in, or, when the
    /// increment holds, only the pages that show a changed page's text, in place.
    private static func output(
        _ outcome: Assembled, options: BuildOptions, store: BuildCache?, increment: inout Increment?,
        session: BuildSession?, report: inout BuildReport
    ) async {
        if let problem = outputProblem(options) { return report.diagnostics.append(problem) }
        let clock = ContinuousClock()
        let mark = clock.now
        options.progress?("rendering and writing pages")
        do {
            var contexts: Contexts
            if let reused = increment?.contexts(outcome.site, outcome.rendered) {
                contexts = reused
            } else {
                contexts = await self.contexts(outcome, options: options, store: store)
            }
            let all = outputJobs(outcome, lists: contexts.builder.listPageCounts())
            var name = "render and write"
            var inPlace: Written?
            if let jobs = increment?.jobs(all, site: outcome.site) {
                // The search tables are patched first: the last build's are let go of then, not copied.
                let search = increment?.search(contexts)
                // When the output cannot be updated (its manifest is gone, a file cannot be
                // replaced), it is made whole: that build reports what is wrong, if anything is.
                if let previous = increment?.previous.written,
                    let written = try? await publishInPlace(
                        jobs, of: all.count, contexts, search: search, previous: previous, options: options)
                {
                    inPlace = written
                    name += " \(jobs.count) page(s) in place"
                }
            }
            let written =
                if let inPlace { inPlace } else {
                    try await publish(
                        all, outcome, contexts, options: options, store: store, keepsTables: session != nil)
                }
            report.diagnostics.append(contentsOf: written.notes)
            report.phases.append((name, (clock.now - mark).seconds))
            report.phases.append(("  of which templates", written.templateSeconds))
            report.fileCount = written.files
            report.keptPages = written.kept
            report.wrote = true
            // A table the increment kept has the titles saved already.
            if increment?.holds != true { FormerTitles.save(outcome.table.entries, for: options.outputURL) }
            session?.previous = BuildState(
                root: options.root, output: options.outputURL, baseURL: options.baseURL,
                includeDrafts: options.includeDrafts, assembled: outcome, contexts: contexts, written: written,
                diagnostics: report.diagnostics)
            if let seconds = written.cacheSeconds { report.phases.append(("save cache, while writing", seconds)) }
        } catch let problems as OutputProblems {
            report.diagnostics.append(contentsOf: problems.diagnostics)
        } catch {
            report.diagnostics.append(
                .error(
                    options.output, nil, "the site could not be written: \(error)",
                    hint: "the previous output is left as it was"))
        }
    }

    /// Where the build cache of a site is kept: beside its output, with the staging folders.
    static func cacheFile(_ options: BuildOptions) -> URL {
        BuildCache.file(in: OutputWriter.cacheFolder(for: options.outputURL))
    }

    /// What a cache file must have been made with to be used: this version of the tool and these
    /// templates.
    static func cacheSalt(_ theme: Theme) -> String {
        "hearth \(HearthVersion.build); templates \(theme.fingerprint)"
    }

    /// Everything but rendering templates and writing: load, check, render Markdown, link.
    struct Assembled: Sendable {
        var site: LoadedSite
        var theme: Theme
        var rendered: [RenderedPage]
        var graph: SiteGraph
        var table: LinkTable
        var markdownOptions: MarkdownOptions
        /// What loading the templates and the content found (Markdown's and the graph's problems
        /// are in `rendered` and `graph`).
        var themeProblems: [Diagnostic]
        var contentProblems: [Diagnostic]
    }

    /// The stages before the templates, in order: templates, content, permalink table, Markdown,
    /// cross-links; each taken from the `increment` while it holds.
    static func assemble(
        _ options: BuildOptions, store: BuildCache?, increment: inout Increment?, diagnostics: inout DiagnosticList,
        phases: inout [(name: String, seconds: Double)]
    ) async -> Assembled? {
        let clock = ContinuousClock()
        var mark = clock.now
        let progress = options.progress
        func phase(_ name: String, next: String? = nil) {
            phases.append((name, (clock.now - mark).seconds))
            mark = clock.now
            if let next { progress?(next) }
        }
        // An increment is told of content files only: the templates are the last build's.
        let (theme, themeProblems) =
            increment.map { ($0.previous.assembled.theme, $0.previous.assembled.themeProblems) }
            ?? Theme.load(root: options.root)
        diagnostics.append(contentsOf: themeProblems)
        if let theme, let store {
            store.load(from: cacheFile(options), salt: cacheSalt(theme))
        }
        phase("load templates and cache", next: "reading content")
        var (loaded, contentProblems): (LoadedSite?, [Diagnostic])
        if let site = increment?.site(read: readSource(store)) {
            (loaded, contentProblems) = (site, increment?.previous.assembled.contentProblems ?? [])
        } else {
            (loaded, contentProblems) = await ContentLoader.load(
                root: options.root, includeDrafts: options.includeDrafts, read: readSource(store))
        }
        diagnostics.append(contentsOf: contentProblems)
        phase("load content")
        guard var site = loaded, let site = configured(&site, options, diagnostics: &diagnostics) else { return nil }
        let output = options.outputURL
        var table: LinkTable
        if let kept = increment?.table {
            table = kept
        } else {
            table = await LinkTable(site: site, formerTitles: { FormerTitles.load(for: output) })
        }
        phase("link table", next: "rendering Markdown")
        // The search index has every word of each page's text.
        let markdownOptions = MarkdownOptions(unsafeHTML: site.config.unsafeHTML)
        let checking = !options.writeOutput
        var rendered: [RenderedPage]
        if let kept = increment?.rendered(site, render: markdown(table: table, options: markdownOptions, store: store))
        {
            rendered = kept
        } else {
            rendered = await renderMarkdown(
                site, table: table, options: markdownOptions, checking: checking, store: store)
        }
        for page in rendered { diagnostics.append(contentsOf: page.diagnostics) }
        store?.releaseMappedPages()
        phase("render markdown", next: "linking pages")
        var graph: SiteGraph
        if let kept = increment?.graph {
            graph = kept
        } else {
            graph = await SiteGraph(
                site: site, rendered: rendered, table: table, rankRelated: checking ? nil : rankRelated(store))
        }
        diagnostics.append(contentsOf: graph.diagnostics)
        phase("cross-links")
        guard let theme else { return nil }
        return Assembled(
            site: site, theme: theme, rendered: rendered, graph: graph, table: table, markdownOptions: markdownOptions,
            themeProblems: themeProblems, contentProblems: contentProblems)
    }

    /// The site as these options ask: `--base-url` in place of site.yml's; a warning for an example
    /// base URL when the build is to be published. Nil when `--base-url` is not a base URL.
    private static func configured(_ site: inout LoadedSite, _ options: BuildOptions, diagnostics: inout DiagnosticList)
        -> LoadedSite?
    {
        if let baseURL = options.baseURL {
            let normalized = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
            if let problem = SiteConfig.baseURLProblem(normalized) {
                diagnostics.append(
                    .error("--base-url", nil, problem, hint: "e.g. --base-url https://example.org/guide/"))
                return nil
            }
            site.config.baseURL = normalized
        }
        if options.warnsOfExampleBaseURL, site.config.hasExampleBaseURL {
            diagnostics.append(
                .warning(
                    options.baseURL == nil ? "content/site.yml" : "--base-url",
                    options.baseURL == nil ? site.config.baseURLPosition : nil,
                    "the base URL \(site.config.baseURL) is an example address: the canonical links, the feed and "
                        + "the sitemap point to it",
                    hint: "set baseURL in site.yml to the address the site is published at (or pass --base-url)"))
        }
        return site
    }

    /// Why the site's folder cannot be built at all: it does not exist or holds no `content/`.
    public static func sourceProblem(_ options: BuildOptions) -> Diagnostic? {
        ContentLoader.siteFolderProblem(root: options.root)
    }

    /// Refuses output folders that would swallow the sources.
    public static func outputProblem(_ options: BuildOptions) -> Diagnostic? {
        let output = options.outputURL.standardizedFileURL.path
        let root = options.root.standardizedFileURL.path
        for protected in [root, root + "/content", root + "/templates"] {
            if output == protected || protected.hasPrefix(output + "/") {
                return .error(
                    "--output", nil, "refusing to write the site into \(output): it holds the sources",
                    hint: "use an output folder of its own, such as public")
            }
        }
        // The output folder is replaced as a whole: one holding anything else (`-o ~/Documents`
        // by mistake) would be lost with it.
        if let foreign = OutputWriter.foreignEntry(in: options.outputURL) {
            return .error(
                "--output", nil,
                "refusing to replace \(output): it holds files Hearth did not write, such as '\(foreign)'",
                hint: "build into a new or empty folder; if this is an old site of another tool, delete it first")
        }
        return nil
    }

    static func year() -> Int {
        Calendar(identifier: .gregorian).component(.year, from: Date())
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

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
