/// One HTML page of the output: where it goes, its template, and how to make its context.
struct OutputJob: Sendable {
    enum Context: Sendable {
        /// A page; for a section, page `listPage` of its list.
        case page(Int, listPage: Int = 1)
        case tag(Int, listPage: Int = 1)
        case tags, search, notFound
        /// Page `listPage` of the deck.
        case deck(listPage: Int = 1)

        func make(_ builder: ContextBuilder) -> PageContext {
            switch self {
            case .page(let id, let number): builder.context(for: builder.site.pages[id], listPage: number)
            case .tag(let index, let number): builder.tagContext(index, listPage: number)
            case .tags: builder.tagsContext()
            case .deck(let number): builder.deckContext(listPage: number)
            case .search: builder.generated(kind: "search", title: "Search", path: "search/")
            case .notFound: builder.generated(kind: "404", title: "Page not found", path: GeneratedFile.notFound.path)
            }
        }

        /// Whether the page shows the text of any of `pages` (their Markdown's HTML), beyond what
        /// every page may show of another (its title, summary, facts, links): a page its own text,
        /// the deck every card's. An edit of pages' text changes exactly the output that shows it.
        func shows(_ pages: Set<Int>, in site: LoadedSite) -> Bool {
            switch self {
            case .page(let id, _): pages.contains(id)
            case .deck: pages.contains { site.pages[$0].kind == .exercise }
            case .tag, .tags, .search, .notFound: false
            }
        }
    }

    var path: String
    var template: String
    var context: Context
}

/// What the templates are given: the context builder with every card rendered, the theme with the
/// site's partials rendered, the theme's assets (their digest versions their URLs), and each page's
/// search entry.
struct Contexts: Sendable {
    var builder: ContextBuilder
    var theme: Theme
    var assets: [(path: String, bytes: [UInt8]?)]
    var searchEntries: [SearchIndex.Entry?]
    /// The cards' share of the template time.
    var cardSeconds: Double
}

/// What the output stage wrote.
struct Written: Sendable {
    /// Files the output holds.
    var files: Int
    /// Pages kept from the previous output.
    var kept: Int
    /// The search index's files, whose set an edit in place must not change.
    var searchPaths: Set<String>
    /// What its shards were made from, kept for a session's next build to patch.
    var searchTables: SearchIndex.Tables?
    var templateSeconds: Double
    var cacheSeconds: Double?
    /// What the build says of the files it wrote: the images whose location was removed.
    var notes: [Diagnostic] = []
}
