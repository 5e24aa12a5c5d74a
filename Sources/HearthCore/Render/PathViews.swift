import HearthTemplates

/// A card's place on a path, as the card's page shows it: "3 of 8", with the path and the cards
/// before and after it.
@dynamicMemberLookup
struct PathPlaceView: TemplateFielded {
    struct Fields: Sendable {
        let title: String
        let url: String
        /// 1-based.
        let place: Int
        let count: Int
        /// The place in the path's own words, "Day 3", and what it counts to ("of 7").
        let label: String
        let labelCount: Int
        let previous: LinkView?
        let next: LinkView?
        /// The next card's place, "Day 4".
        let nextLabel: String?
    }
    private let shared: Shared<Fields>

    init(_ fields: Fields) {
        shared = Shared(fields)
    }

    subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { shared.fields[keyPath: path] }

    static let fields = TemplateFields<Self>(
        "a path place",
        [
            .value("title") { $0.title },
            .value("url") { $0.url },
            .value("place") { $0.place },
            .value("count") { $0.count },
            .value("label") { $0.label },
            .value("labelCount") { $0.labelCount },
            .value("previous") { $0.previous },
            .value("next") { $0.next },
            .value("nextLabel") { $0.nextLabel },
        ])
}

/// One card of a path's page: its place in the path's words and its heading's text, and the card.
struct PathCardView: TemplateFielded {
    let label: String
    let heading: String?
    let card: CardView

    static let fields = TemplateFields<Self>(
        "a path's card",
        [
            .value("label") { $0.label },
            .value("heading") { $0.heading },
            .value("url") { $0.card.url },
            .value("title") { $0.card.title },
            .value("html") { $0.card.html },
        ])
}

extension ContextBuilder {
    /// A path's total time: `45 min`, `1 h 20 min`.
    static func totalTime(_ minutes: Int) -> String {
        minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h" + (minutes % 60 == 0 ? "" : " \(minutes % 60) min")
    }

    /// A path page's cards and total time, and a card's places on paths.
    func addPaths(to context: inout PageContext, for page: Page) {
        if let cards = graph.pathCards[page.id], let stops = graph.pathStops[page.id] {
            context.pathCards = cards.indices.map {
                PathCardView(label: stops.labels[$0], heading: stops.headings[$0], card: card(cards[$0]))
            }
            // The path's text without the sections that hold its cards, which its list shows
            // (each card once): the intro, and the sections that link no card.
            let result = rendered[page.id]
            let holding = Set(
                result.outgoingSections.enumerated().filter { cards.contains(result.outgoing[$0.offset]) }.map(
                    \.element))
            let text = CardSectionsView(result, html: context.content)
            context.pathIntro = text.intro
            // Its headings are its list's now: a table of contents would point at none.
            context.toc = []
            context.pathClosing = result.sections.indices.filter { !holding.contains($0) }.map { text.section($0).html }
                .joined()
            context.pathTotal = Self.totalTime(cards.reduce(0) { $0 + (site.pages[$1].meta.duration ?? 0) })
        }
        context.paths = (graph.pathPlaces[page.id] ?? []).map { place in
            let path = site.pages[place.path]
            let cards = graph.pathCards[place.path] ?? []
            func link(_ index: Int) -> LinkView? {
                cards.indices.contains(index)
                    ? LinkView(title: site.pages[cards[index]].title, url: base + site.pages[cards[index]].path) : nil
            }
            let stops = graph.pathStops[place.path]
            let next = place.place + 1
            return PathPlaceView(
                .init(
                    title: path.title, url: base + path.path, place: place.place + 1, count: cards.count,
                    label: stops?.labels[place.place] ?? "Step \(place.place + 1)",
                    labelCount: stops?.count ?? cards.count, previous: link(place.place - 1), next: link(next),
                    nextLabel: cards.indices.contains(next) ? stops?.labels[next] : nil))
        }
    }
}
