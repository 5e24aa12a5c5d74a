import Foundation
import HearthMarkdown

/// What a successful build leaves for the next one in the same process (`hearth serve`): enough to
/// redo an edit of pages' text in place, without building the whole site again.
struct BuildState: Sendable {
    /// What the build was asked for.
    var root: URL
    var output: URL
    var baseURL: String?
    var includeDrafts: Bool
    var builder: ContextBuilder
    var theme: Theme
    var table: LinkTable
    var markdownOptions: MarkdownOptions
    var searchEntries: [SearchIndex.Entry?]
    /// The search index's files, whose set an edit in place must not change.
    var searchPaths: Set<String>
    var diagnostics: DiagnosticList
    var fileCount: Int
}

extension SiteBuilder {
    /// Rebuilds after `changed` (paths relative to the site root). When only the text of some
    /// pages changed, and nothing another page shows of them did — title, front matter, summary,
    /// headings, links — only those pages and the search index are made again, each replaced in the
    /// output atomically; anything else is a whole build. Either way the output is what a clean
    /// build would write.
    public static func rebuild(_ options: BuildOptions, session: BuildSession, changed: Set<String>) async
        -> BuildReport
    {
        if let report = await rebuildInPlace(options, session: session, changed: changed) { return report }
        return await build(options, session: session)
    }

    static func rebuildInPlace(_ options: BuildOptions, session: BuildSession, changed: Set<String>) async
        -> BuildReport?
    {
        guard options.useCache, options.writeOutput, var state = session.previous,
            state.root == options.root, state.output == options.outputURL, state.baseURL == options.baseURL,
            state.includeDrafts == options.includeDrafts,
            !changed.isEmpty, changed.allSatisfy({ $0.hasPrefix("content/") && $0.hasSuffix(".md") })
        else { return nil }
        let clock = ContinuousClock()
        let start = clock.now
        var builder = state.builder
        var updated: [Int] = []
        for path in changed.sorted() {
            guard let (id, page, result) = rereadText(path, state: state, builder: builder, cache: session.store)
            else { return nil }
            builder.site.pages[id] = page
            builder.rendered[id] = result
            updated.append(id)
        }
        var files: [OutputFile] = []
        let published = builder.published
        for id in updated {
            let page = builder.site.pages[id]
            let template = template(for: page.kind)
            let context = builder.context(for: page)
            files.append(
                OutputFile(
                    path: page.outputPath, bytes: state.theme.render(context, template: template),
                    key: pageKey(template: template, theme: state.theme, context: context)))
            state.searchEntries[id] =
                page.kind == .home
                ? nil
                : SearchIndex.entry(page, published)
        }
        // The deck shows every card in full: a card's new text is on it too.
        if published.hasDeck, updated.contains(where: { builder.site.pages[$0].kind == .exercise }) {
            let context = builder.deckContext()
            files.append(
                OutputFile(
                    path: Section.deckPath + "index.html", bytes: state.theme.render(context, template: "deck"),
                    key: pageKey(template: "deck", theme: state.theme, context: context)))
        }
        let searchFiles = await SearchIndex.files(state.searchEntries, synonyms: builder.site.config.synonyms)
        // A word new to the site, or the last of a shard gone, changes which files there are: the
        // whole build writes the folder anew.
        guard Set(searchFiles.map(\.path)) == state.searchPaths else { return nil }
        files += searchFiles
        do {
            try OutputWriter.update(files, in: options.outputURL)
        } catch {
            return nil  // the whole build will say what is wrong
        }
        state.builder = builder
        session.previous = state
        var report = BuildReport(
            diagnostics: state.diagnostics, pageCount: builder.site.pages.count, fileCount: state.fileCount,
            seconds: 0, output: options.outputURL, wrote: true)
        report.keptPages = builder.site.pages.count - updated.count
        report.seconds = (clock.now - start).seconds
        report.phases = [("rebuild \(updated.count) page(s) in place", report.seconds)]
        return report
    }

    /// A page whose file changed, read and rendered again, when only its text did: nothing that
    /// another page shows of it (front matter, summary, headings, links) and no problem.
    private static func rereadText(_ path: String, state: BuildState, builder: ContextBuilder, cache: BuildCache)
        -> (Int, Page, RenderedPage)?
    {
        let content = state.root.appendingPathComponent("content").path
        let contentPath = String(path.dropFirst("content/".count))
        guard let id = builder.site.pages.firstIndex(where: { $0.contentPath == contentPath }) else { return nil }
        let old = builder.site.pages[id]
        // A page with problems goes through the whole build, which reports them.
        guard !state.diagnostics.items.contains(where: { $0.file == old.file }) else { return nil }
        let entry = SourceEntry(
            kind: old.kind, contentPath: old.contentPath, section: old.section,
            bundleDirectory: old.bundleDirectory, bundleFiles: old.bundleFiles)
        let data = SiteFiles.readFile(content + "/" + contentPath)
        let context = SourceContext(
            content: content, knownTypes: builder.site.config.types, otherSections: builder.site.otherSectionNames)
        let (read, problems) = cache.source(
            contentPath, key: MemoKeys.source(data, entry: entry, context: context), data: data
        ) { ContentLoader.readPage(entry, data: data, context: context) }
        guard var page = read, problems.isEmpty, page.meta == old.meta, page.slug == old.slug,
            page.path == old.path, page.types == old.types
        else { return nil }
        page.id = id
        let result = cache.markdown(
            contentPath, key: MemoKeys.markdown(page, table: state.table.fingerprint, options: state.markdownOptions)
        ) { RenderedPage.render(page, table: state.table, options: state.markdownOptions) }
        let before = builder.rendered[id]
        guard result.diagnostics.isEmpty, result.summary == before.summary, result.outgoing == before.outgoing,
            result.headings == before.headings, result.anchorChecks == before.anchorChecks
        else { return nil }
        return (id, page, result)
    }
}
