import Foundation
import HearthFiles
import HearthMarkdown

/// What a successful build leaves for the next one in the same process (`hearth serve`).
struct BuildState: Sendable {
    /// What the build was asked for.
    var root: URL
    var output: URL
    var baseURL: String?
    var includeDrafts: Bool
    var assembled: SiteBuilder.Assembled
    var contexts: Contexts
    /// Every output page the build wrote.
    var jobs: [OutputJob]
    var written: Written
    var diagnostics: DiagnosticList
}

/// The memo layer's view of a build told which source files changed since the session's last one
/// (`hearth serve`): each stage's result of that build, with the changed pages made again, for as
/// long as what the stage is made from is otherwise unchanged. The driver asks it before running
/// each stage whole; no stage knows of it. Once a stage's inputs changed beyond the changed pages'
/// text, it no longer `holds` and every later stage runs whole (with the memo store).
struct Increment: Sendable {
    private(set) var previous: BuildState
    /// The changed pages, by id (an edit keeps a page's id).
    let pages: [Int]
    private(set) var holds = true
    /// The changed pages' search entries before the edit.
    private var searchBefore: [Int: SearchIndex.Entry] = [:]

    /// Nil unless the session's last build was of these options and every change is an edit of one
    /// of its pages, none of which had a problem (a page with problems goes through the whole build,
    /// which reports them).
    init?(session: BuildSession?, options: BuildOptions, changed: Set<String>?) {
        guard let changed, !changed.isEmpty, options.useCache, options.writeOutput,
            let state = session?.previous, state.root == options.root, state.output == options.outputURL,
            state.baseURL == options.baseURL, state.includeDrafts == options.includeDrafts,
            changed.allSatisfy({ $0.hasPrefix("content/") && $0.hasSuffix(".md") })
        else { return nil }
        var pages: [Int] = []
        for path in changed.sorted() {
            // A scan for each of the few changed files, rather than a table of every page's path.
            let contentPath = path.dropFirst("content/".count)
            guard let id = state.assembled.site.pages.firstIndex(where: { $0.contentPath == contentPath }),
                !state.diagnostics.items.contains(where: { $0.file == path })
            else { return nil }
            pages.append(id)
        }
        previous = state
        self.pages = pages
    }

    /// The content stage: the last site with the changed files read again (by the memoized `read`),
    /// when what other pages show of their front matter (`FieldReach`, said with each field of
    /// `PageMeta`) is unchanged and they have no problem. A page's slug, URL and types follow from
    /// its front matter and its file's place, which an edit keeps.
    mutating func site(read: ContentLoader.ReadSource) -> LoadedSite? {
        var site = previous.assembled.site
        // The last build's pages are this one's now: let go of them, so that they change in place
        // rather than being copied, and the copies released, at every edit.
        previous.assembled.site.pages = []
        previous.contexts.builder.site.pages = []
        let context = site.sourceContext
        for id in pages {
            let old = site.pages[id]
            let (read, problems) = read(old.sourceEntry, Files.read(context.content + "/" + old.contentPath), context)
            guard var page = read, problems.isEmpty, page.meta.shownElsewhere == old.meta.shownElsewhere else {
                holds = false
                return nil
            }
            page.id = id
            site.pages[id] = page
        }
        return site
    }

    /// The pages of `site` with their text, for a Markdown stage run whole once this increment no
    /// longer holds: a build lets go of each page's text once it is rendered, so those the edit did
    /// not read again are read from their files (through the memoized `read`, which gives a page
    /// back whole from its bytes).
    func withText(_ site: LoadedSite, read: @escaping ContentLoader.ReadSource) async -> [Page] {
        let context = site.sourceContext
        return await parallelMap(site.pages) { page in
            guard !page.hasText,
                var whole = read(page.sourceEntry, Files.read(context.content + "/" + page.contentPath), context).0
            else { return page }
            whole.id = page.id
            return whole
        }
    }

    /// The permalink table, made from what `site` left unchanged.
    var table: LinkTable? { holds ? previous.assembled.table : nil }

    /// The Markdown stage: the last build's pages with the changed ones rendered again (by the
    /// memoized `render`), when what other pages show of them (the fields of `RenderedPage` said to
    /// be shown by other pages) is unchanged and they have no problem.
    mutating func rendered(_ site: LoadedSite, render: (Page) -> RenderedPage) -> [RenderedPage]? {
        guard holds else { return nil }
        var rendered = previous.assembled.rendered
        previous.assembled.rendered = []
        previous.contexts.builder.rendered = []
        for id in pages {
            let (before, after) = (rendered[id], render(site.pages[id]))
            guard after.diagnostics.isEmpty, after.shownElsewhere == before.shownElsewhere else {
                holds = false
                return nil
            }
            rendered[id] = after
        }
        return rendered
    }

    /// The cross-links: unchanged when the pages' links, headings and summaries are.
    var graph: SiteGraph? { holds ? previous.assembled.graph : nil }

    /// The template contexts: the last build's (cards, lists, the theme with the site's partials),
    /// with the changed pages' text and their search entries.
    mutating func contexts(_ site: LoadedSite, _ rendered: [RenderedPage]) -> Contexts? {
        guard holds else { return nil }
        var contexts = previous.contexts
        previous.contexts.searchEntries = []
        for id in pages { searchBefore[id] = contexts.searchEntries[id] }
        contexts.builder.site = site
        contexts.builder.rendered = rendered
        let published = contexts.builder.published
        for id in pages { contexts.searchEntries[id] = SearchIndex.entry(of: site.pages[id], published) }
        contexts.cardSeconds = 0
        return contexts
    }

    /// The search index's changed files and its tables, patched for the changed pages' words; nil
    /// when they cannot be (`SearchIndex.patch`).
    mutating func search(_ contexts: Contexts) -> SearchIndex.Update? {
        guard holds, var tables = previous.written.searchTables else { return nil }
        // Patched in place: the last build's tables are this one's.
        previous.written.searchTables = nil
        guard
            let (files, gone) = SearchIndex.patch(
                &tables, before: searchBefore, after: contexts.searchEntries, pages: pages,
                synonyms: contexts.builder.site.config.synonyms)
        else { return nil }
        return SearchIndex.Update(files: files, gone: gone, tables: tables)
    }

    /// Every output page, as the last build's while the site's structure is unchanged: making them
    /// again was a tenth of an edit's time at 50,000 pages.
    var allJobs: [OutputJob]? { holds ? previous.jobs : nil }

    /// The output pages whose output can differ from the last build's: those that show a changed
    /// page's text. Nil when the whole output must be made again.
    func jobs(_ all: [OutputJob], site: LoadedSite) -> [OutputJob]? {
        guard holds else { return nil }
        let changed = Set(pages)
        return all.filter { $0.context.shows(changed, in: site) }
    }
}
