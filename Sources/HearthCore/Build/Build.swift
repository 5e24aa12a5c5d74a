import Foundation
import HearthFiles
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
    /// Above this many bytes of pages' text, their rendered HTML waits in a scratch file in
    /// `.hearth-cache/` between the Markdown stage and the templates, not in memory. 64 MiB is
    /// about 14,000 pages of the benchmark's corpus: smaller sites pay nothing for it (issue 37).
    public var setsHTMLAsideAbove = 64 << 20

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
        if Files.kind(url.path) == .link {
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
    /// Seconds spent in each phase, in order, and the process's resident memory in MB when it
    /// ended (nil for a part of a phase); for --verbose and benchmarks.
    public var phases: [(name: String, seconds: Double, residentMB: Int?)] = []
    /// Parsed files, rendered Markdown and cards taken from the cache, and those made anew.
    public var cacheHits = 0
    public var cacheMisses = 0
    /// Pages whose template and context were unchanged, kept from the previous output.
    public var keptPages = 0
    /// Bytes of HTML set aside in a scratch file rather than held (`setsHTMLAsideAbove`).
    public var bytesSetAside = 0

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
        var run = BuildRun(options, session: session, changed: changed)
        await run.run()
        return run.report
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
        /// Where this build set its pages' HTML aside, if it did.
        var scratch: ScratchFile? = nil
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
                    .outputHoldsSources, "--output", nil,
                    "refusing to write the site into \(output): it holds the sources",
                    hint: "use an output folder of its own, such as public")
            }
        }
        // The output folder is replaced as a whole: one holding anything else (`-o ~/Documents`
        // by mistake) would be lost with it.
        if let foreign = OutputWriter.foreignEntry(in: options.outputURL) {
            return .error(
                .outputHoldsOtherFiles, "--output", nil,
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
final class KeptUntilExit {
    let cache: BuildCache?
    let assembled: SiteBuilder.Assembled?
    let contexts: Contexts?

    init(cache: BuildCache?, assembled: SiteBuilder.Assembled?, contexts: Contexts?) {
        self.cache = cache
        self.assembled = assembled
        self.contexts = contexts
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
