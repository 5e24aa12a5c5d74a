import HearthTemplates

/// One card of the deck (`/exercises/deck/`): the card in full, its facts for the finder.
struct DeckCardView: TemplateFielded {
    var card: CardView
    var permalink: String
    /// The summary written in front matter (never the first paragraph again).
    var lede: String?
    var materials: [String]
    var content: String
    var sections: CardSectionsView

    static let fields = TemplateFields<Self>(
        "a card of the deck",
        [
            .value("title") { $0.card.title },
            .value("url") { $0.card.url },
            .value("permalink") { $0.permalink },
            .value("lede") { $0.lede },
            .value("duration") { $0.card.duration },
            .value("difficulty") { $0.card.difficulty },
            .value("who") { $0.card.who },
            .value("whoLabel") { whoLabel($0.card.who) },
            .list("types") { $0.card.types },
            .value("typeNames") { $0.card.types.map(\.name).joined(separator: " ") },
            .list("materials") { $0.materials },
            .value("hasMaterials") { !$0.materials.isEmpty },
            .value("content") { $0.content },
            .value("sections") { $0.sections },
        ])
}

/// The deck's size: every card on one page up to this many, then pages of this many.
enum Deck {
    static let pageSize = 100
}

extension ContextBuilder {
    /// The exercises section's page, whose cards make the deck; nil for a site without one.
    var exercisesSection: Int? {
        site.sections.first { $0.kind == .exercises }?.pageID
    }

    /// The deck: every exercise card in full, in the order of the exercises page; past
    /// `Deck.pageSize` cards, page `listPage` of them (`deck/page/2/`, ...), so that no page is
    /// megabytes long.
    func deckContext(listPage: Int = 1) -> PageContext {
        var context = generated(
            kind: "deck", title: "The deck", path: Section.deckPath,
            summary: "Every exercise of \(site.config.title) in full, to print a card a page.")
        let all = exercisesSection.map { sectionEntries($0).exercises } ?? []
        let page = ListPage(number: listPage, count: ListPage.count(entries: all.count, per: Deck.pageSize))
        let ids = all[page.range(of: all.count, per: Deck.pageSize)]
        if page.count > 1 {
            context.pagination = PaginationView(page, url: context.url)
            if listPage > 1 {
                context.documentTitle = documentTitle(context.title + ", page \(listPage) of \(page.count)")
                context.url = ListPage.path(context.url, number: listPage)
                context.permalink = absolute(context.url)
            }
        }
        context.deck = ids.map { id in
            let page = site.pages[id]
            let html = rendered[id].html
            return DeckCardView(
                card: card(id), permalink: absolute(pageURLs[id]), lede: page.meta.summary,
                materials: page.meta.materials, content: html, sections: CardSectionsView(rendered[id], html: html))
        }
        context.isExerciseList = true
        return context
    }
}
