import Foundation

/// Builds the typed template contexts of every output page from the site, its rendered Markdown and
/// its link graph.
struct ContextBuilder: Sendable {
    /// The site and its rendered Markdown; an increment gives a page new text (`Increment.contexts`).
    var site: LoadedSite
    var rendered: [RenderedPage]
    let graph: SiteGraph
    let siteView: SiteView
    let sectionTitles: [String: String]
    let sectionURLs: [String: String]
    /// Each page's card with its HTML, rendered once through `partials/card` (empty until
    /// `renderCards`); lists share them.
    var cards: [CardView] = []
    /// Each page's URL and each tag's badge, made once: pages and cards show them again and again.
    let pageURLs: [String]
    let tagBadgeViews: [BadgeView]

    init(site: LoadedSite, rendered: [RenderedPage], graph: SiteGraph, year: Int, assetsVersion: String = "") {
        self.site = site
        self.rendered = rendered
        self.graph = graph
        let base = site.config.basePath
        var titles: [String: String] = [:]
        var urls: [String: String] = [:]
        for section in site.sections {
            let page = site.pages[section.pageID]
            titles[section.name] = page.title
            urls[section.name] = base + page.path
        }
        sectionTitles = titles
        sectionURLs = urls
        pageURLs = site.pages.map { base + $0.path }
        tagBadgeViews = graph.tags.map {
            BadgeView(name: $0.slug, title: $0.name, url: base + "tags/\($0.slug)/", count: $0.pageIDs.count)
        }
        siteView = SiteView(
            title: site.config.title, description: site.config.description, language: site.config.language,
            baseURL: site.config.baseURL, base: base,
            topics: site.sections.filter { $0.kind == .topic }.map {
                BadgeView(name: $0.name, title: titles[$0.name] ?? $0.name, url: urls[$0.name] ?? base)
            },
            sections: site.sections.map { LinkView(title: titles[$0.name] ?? $0.name, url: urls[$0.name] ?? base) },
            sectionNames: site.sections.map(\.name), year: year, assetsVersion: assetsVersion, exit: site.config.exit)
    }

    var base: String { site.config.basePath }

    func absolute(_ url: String) -> String {
        site.config.origin + url
    }

    func badges(_ types: [String]) -> [BadgeView] {
        types.map { BadgeView(name: $0, title: sectionTitles[$0] ?? $0, url: sectionURLs[$0] ?? base) }
    }

    /// Renders one page's card (its contexts without HTML) to HTML. The build driver may wrap it
    /// (to remember cards); the builder only calls it.
    typealias RenderCard = @Sendable (_ page: Page, _ card: CardView, _ site: SiteView) -> String?

    /// Renders every card once, so that lists reuse it instead of rendering it again.
    mutating func renderCards(_ render: @escaping RenderCard) async {
        let builder = self
        cards = await parallelMap(Array(site.pages.indices)) { id in
            let card = builder.makeCard(id, html: nil)
            return builder.makeCard(id, html: render(builder.site.pages[id], card, builder.siteView))
        }
    }

    /// A page's card, as lists show it.
    func card(_ id: Int) -> CardView {
        id < cards.count ? cards[id] : makeCard(id, html: nil)
    }

    private func makeCard(_ id: Int, html: String?) -> CardView {
        let page = site.pages[id]
        let isExercise = page.kind == .exercise
        return CardView(
            title: page.title, url: pageURLs[id], summary: rendered[id].summary, isExercise: isExercise,
            date: page.meta.date?.longForm, dateISO: page.meta.date?.description,
            duration: isExercise ? page.meta.duration : nil,
            difficulty: isExercise ? page.meta.difficulty?.rawValue : nil,
            who: isExercise ? page.meta.who.rawValue : nil,
            // A section's own card would show its own name as a badge.
            types: page.kind == .section ? [] : badges(page.types),
            section: page.section.flatMap { sectionTitles[$0] }, html: html)
    }

    func tagBadges(_ indices: [Int]) -> [BadgeView] {
        indices.map { tagBadgeViews[$0] }
    }

    func documentTitle(_ title: String) -> String {
        title == site.config.title ? title : "\(title) · \(site.config.title)"
    }

    /// A context for a page of `content/`.
    /// The context of a page; for a section, of page `listPage` of its list.
    func context(for page: Page, listPage: Int = 1) -> PageContext {
        // Fields read where they are: a copy of the whole rendered page costs a count for each.
        let html = rendered[page.id].html
        let summary = rendered[page.id].summary
        let url = pageURLs[page.id]
        var context = PageContext(
            site: siteView, kind: page.kind.rawValue, title: page.title,
            documentTitle: page.kind == .home ? site.config.title : documentTitle(page.title),
            summary: summary.isEmpty ? site.config.description : summary, lede: page.meta.summary,
            url: url,
            permalink: absolute(url), content: html, date: page.meta.date?.longForm,
            dateISO: page.meta.date?.description, updated: page.meta.updated?.longForm,
            updatedISO: page.meta.updated?.description)
        context.toc = rendered[page.id].headings.filter { $0.level <= 3 }.map {
            TocItem(text: $0.text, id: $0.id, level: $0.level)
        }
        context.section = page.section
        context.meta = page.meta
        context.types = badges(page.types)
        context.tags = tagBadges(graph.tagsOfPage[page.id])
        context.related = graph.related[page.id].map(card)
        context.backlinks = graph.backlinks[page.id].map {
            LinkView(title: site.pages[$0].title, url: pageURLs[$0])
        }
        switch page.kind {
        case .exercise:
            context.cardMeta = page.meta
            context.sections = CardSectionsView(rendered[page.id], html: html)
        case .section:
            let (pages, exercises) = sectionEntries(page.id)
            paginate(&context, entries: pages + exercises, number: listPage, split: pages.count)
            let kind = site.sections.first { $0.pageID == page.id }?.kind
            context.isTopic = kind == .topic
            context.isExerciseList = kind == .exercises
            context.otherTopics = site.sections.filter { $0.kind == .topic && $0.pageID != page.id }.map {
                LinkView(title: sectionTitles[$0.name] ?? $0.name, url: sectionURLs[$0.name] ?? base)
            }
        case .home:
            context.topics = site.sections.filter { $0.kind == .topic }.map { card($0.pageID) }
            context.pages = graph.newest.filter { site.pages[$0].kind == .article }.prefix(6).map(card)
            context.exercises = graph.newest.filter { site.pages[$0].kind == .exercise }.prefix(3).map(card)
            context.otherTopics = site.sections.filter { $0.kind != .topic }.map {
                LinkView(title: sectionTitles[$0.name] ?? $0.name, url: sectionURLs[$0.name] ?? base)
            }
        case .article:
            break
        }
        addPaths(to: &context, for: page)
        return context
    }

    /// A generated page (tags, search, 404) with no Markdown of its own.
    func generated(kind: String, title: String, path: String, summary: String = "") -> PageContext {
        PageContext(
            site: siteView, kind: kind, title: title, documentTitle: documentTitle(title),
            summary: summary.isEmpty ? site.config.description : summary, lede: nil, url: base + path,
            permalink: absolute(base + path), content: "")
    }

    func tagContext(_ index: Int, listPage: Int = 1) -> PageContext {
        let tag = graph.tags[index]
        var context = generated(
            kind: "tag", title: "Tagged “\(tag.name)”", path: "tags/\(tag.slug)/",
            summary: "Pages of \(site.config.title) tagged \(tag.name).")
        paginate(&context, entries: tag.pageIDs, number: listPage)
        return context
    }

    func tagsContext() -> PageContext {
        var context = generated(
            kind: "tags", title: "Tags", path: "tags/", summary: "Every tag of \(site.config.title).")
        context.allTags = tagBadges(Array(graph.tags.indices))
        return context
    }
}
