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
    /// A build; with a `session`, its memo store and the state it leaves are the session's.
    public static func build(_ options: BuildOptions, session: BuildSession? = nil) async -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        var report = BuildReport(
            diagnostics: DiagnosticList(), pageCount: 0, fileCount: 0, seconds: 0, output: options.outputURL,
            wrote: false)
        report.writesOutput = options.writeOutput
        let store = options.useCache ? (session?.store ?? BuildCache()) : nil
        store?.beginBuild()
        let outcome = await assemble(options, store: store, diagnostics: &report.diagnostics, phases: &report.phases)
        if let outcome, !report.diagnostics.hasErrors {
            report.pageCount = outcome.site.pages.count
            if options.writeOutput {
                if let problem = outputProblem(options) {
                    report.diagnostics.append(problem)
                } else {
                    let mark = clock.now
                    options.progress?("rendering and writing pages")
                    do {
                        let written = try await write(outcome, options: options, store: store)
                        report.phases.append(("render and write", (clock.now - mark).seconds))
                        report.phases.append(("  of which templates", written.templateSeconds))
                        report.fileCount = written.files
                        report.keptPages = written.kept
                        report.wrote = true
                        FormerTitles.save(outcome.table.entries, for: options.outputURL)
                        session?.previous = BuildState(
                            root: options.root, output: options.outputURL, baseURL: options.baseURL,
                            includeDrafts: options.includeDrafts, builder: written.builder, theme: written.theme,
                            table: outcome.table,
                            markdownOptions: outcome.markdownOptions, searchEntries: written.searchEntries,
                            searchPaths: written.searchPaths,
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
        report.cacheHits = store?.hits ?? 0
        report.cacheMisses = store?.misses ?? 0
        if !options.freesMemory {
            _ = Unmanaged.passRetained(KeptUntilExit(cache: store, assembled: outcome))
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
    }

    static func assemble(
        _ options: BuildOptions, store: BuildCache?, diagnostics: inout DiagnosticList,
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
        let (theme, themeProblems) = Theme.load(root: options.root)
        diagnostics.append(contentsOf: themeProblems)
        if let theme, let store {
            store.load(from: cacheFile(options), salt: cacheSalt(theme))
        }
        phase("load templates and cache", next: "reading content")
        let (loaded, loadProblems) = await ContentLoader.load(
            root: options.root, includeDrafts: options.includeDrafts, read: readSource(store))
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
        if options.warnsOfExampleBaseURL, site.config.hasExampleBaseURL {
            diagnostics.append(
                .warning(
                    options.baseURL == nil ? "content/site.yml" : "--base-url",
                    options.baseURL == nil ? site.config.baseURLPosition : nil,
                    "the base URL \(site.config.baseURL) is an example address: the canonical links, the feed and "
                        + "the sitemap point to it",
                    hint: "set baseURL in site.yml to the address the site is published at (or pass --base-url)"))
        }
        let output = options.outputURL
        let table = await LinkTable(site: site, formerTitles: { FormerTitles.load(for: output) })
        phase("link table", next: "rendering Markdown")
        // The search index has every word of each page's text.
        let markdownOptions = MarkdownOptions(unsafeHTML: site.config.unsafeHTML)
        let checking = !options.writeOutput
        let rendered = await renderMarkdown(
            site, table: table, options: markdownOptions, checking: checking, store: store)
        for page in rendered { diagnostics.append(contentsOf: page.diagnostics) }
        store?.releaseMappedPages()
        phase("render markdown", next: "linking pages")
        let graph = await SiteGraph(
            site: site, rendered: rendered, table: table, rankRelated: checking ? nil : rankRelated(store))
        diagnostics.append(contentsOf: graph.diagnostics)
        phase("cross-links")
        guard let theme else { return nil }
        return Assembled(
            site: site, theme: theme, rendered: rendered, graph: graph, table: table, markdownOptions: markdownOptions)
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
