import Foundation
import HearthFiles
import HearthMarkdown

/// The one place the build remembers: each stage's function, wrapped so that a result whose key
/// (`MemoKeys`, everything it is made from) is unchanged is taken from the store. No stage knows.
extension SiteBuilder {
    /// A file whose bytes and context are unchanged is not parsed again.
    static func readSource(_ store: BuildCache?) -> ContentLoader.ReadSource {
        { entry, data, context in
            guard let store else { return ContentLoader.readPage(entry, data: data, context: context) }
            return store.source(
                entry.contentPath, key: MemoKeys.source(data, entry: entry, context: context), data: data
            ) {
                ContentLoader.readPage(entry, data: data, context: context)
            }
        }
    }

    /// A page's Markdown, taken from the store when its text, the permalink table and the options
    /// are unchanged.
    /// With `scratch`, each page's HTML is set aside there, the store's copy too.
    static func markdown(table: LinkTable, options: MarkdownOptions, store: BuildCache?, scratch: ScratchFile? = nil)
        -> @Sendable (Page)
        -> RenderedPage
    {
        let tableKey = table.fingerprint
        let settle: @Sendable (RenderedPage) -> RenderedPage = { rendered in
            guard let scratch else { return rendered }
            var settled = rendered
            settled.body = rendered.body.spilled(into: scratch)
            return settled
        }
        return { page in
            guard let store else { return settle(RenderedPage.render(page, table: table, options: options)) }
            return store.markdown(
                page.contentPath, key: MemoKeys.markdown(page, table: tableKey, options: options), settle: settle
            ) {
                RenderedPage.render(page, table: table, options: options)
            }
        }
    }

    /// Where a build's HTML is set aside: a site whose text is over `setsHTMLAsideAbove` bytes.
    static func scratch(for pages: [Page], _ options: BuildOptions) -> ScratchFile? {
        guard pages.reduce(0, { $0 + $1.body.utf8.count }) > options.setsHTMLAsideAbove else { return nil }
        return ScratchFile(in: OutputWriter.cacheFolder(for: options.outputURL).path)
    }

    /// Every page's Markdown, on every core. A check needs no HTML: it takes a build's pages from
    /// the store when they are there, and renders the others without HTML, keeping none of them.
    /// A page's text is let go of once its Markdown is rendered when `pages` is the only copy.
    static func renderMarkdown(
        _ pages: consuming [Page], table: LinkTable, options: MarkdownOptions, checking: Bool, store: BuildCache?,
        scratch: ScratchFile? = nil
    ) async -> [RenderedPage] {
        guard checking else {
            return await parallelMap(pages, markdown(table: table, options: options, store: store, scratch: scratch))
        }
        let tableKey = table.fingerprint
        let checkOptions = MarkdownOptions(unsafeHTML: options.unsafeHTML, makesHTML: false, plainTextLimit: 0)
        return await parallelMap(pages) { page in
            if let store,
                let stored = store.storedMarkdown(
                    page.contentPath, key: MemoKeys.markdown(page, table: tableKey, options: options))
            {
                return stored
            }
            return RenderedPage.render(page, table: table, options: checkOptions)
        }
    }

    /// Related lists whose inputs are unchanged are taken from the store.
    static func rankRelated(_ store: BuildCache?) -> SiteGraph.RankRelated {
        { input in
            let key = MemoKeys.related(input)
            if let kept = store?.siteResult("related", key: key).flatMap({
                SiteGraph.decodeLists($0, count: input.pageCount)
            }) {
                return kept
            }
            let lists = await SiteGraph.rankRelated(input)
            store?.keepSiteResult("related", key: key, SiteGraph.encodeLists(lists))
            return lists
        }
    }

    /// What to publish of a bundle image (its path from the site's root, its bytes, its format), and
    /// the digest of its bytes that the result is kept under.
    typealias ImagePlan =
        @Sendable (_ path: String, _ bytes: [UInt8], _ kind: ImageMetadata.Kind) -> (
            key: UInt64, outcome: ImageMetadata.Outcome
        )

    /// An image whose bytes are unchanged is not walked again: what to publish of it (a few runs of
    /// its bytes) is taken from the store, under a digest of its bytes.
    static func imagePlan(_ store: BuildCache?) -> ImagePlan {
        { path, bytes, kind in
            let key = MemoKeys.image(bytes, kind: kind)
            guard let store else { return (key, .of(bytes, kind: kind)) }
            return (key, store.image(path, key: key) { .of(bytes, kind: kind) })
        }
    }

    /// A card whose context and theme are unchanged is not rendered again.
    static func renderCard(_ theme: Theme, _ store: BuildCache?) -> ContextBuilder.RenderCard {
        { page, card, site in
            guard let store else { return theme.renderCard(card) }
            return store.card(page.contentPath, key: MemoKeys.card(card, site: site, theme: theme)) {
                theme.renderCard(card)
            }
        }
    }
}
