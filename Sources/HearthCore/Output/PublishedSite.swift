/// What the files made from the whole site (the feed, the sitemap, the cards' facts, robots.txt
/// and the search index) are made from: the site, its links and each page's rendered text. The
/// output stage's declared input, made by the build driver; it knows nothing of templates.
struct PublishedSite: Sendable {
    let site: LoadedSite
    let graph: SiteGraph
    let rendered: [RenderedPage]
    /// The titles of the sections, by folder name.
    let sectionTitles: [String: String]
    /// How many pages each list has: a section's (by page id) and a tag's (by index).
    let listPages: (sections: [Int: Int], tags: [Int])
    /// Whether the site has the deck of every card (it has an exercises section).
    var hasDeck: Bool { site.sections.contains { $0.kind == .exercises } }

    var base: String { site.config.basePath }

    func absolute(_ url: String) -> String {
        site.config.origin + url
    }
}
