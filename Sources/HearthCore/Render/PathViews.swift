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
        let previous: LinkView?
        let next: LinkView?
    }
    private let shared: Shared<Fields>

    init(title: String, url: String, place: Int, count: Int, previous: LinkView?, next: LinkView?) {
        shared = Shared(Fields(title: title, url: url, place: place, count: count, previous: previous, next: next))
    }

    subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { shared.fields[keyPath: path] }

    static let fields = TemplateFields<Self>(
        "a path place",
        [
            .value("title") { $0.title },
            .value("url") { $0.url },
            .value("place") { $0.place },
            .value("count") { $0.count },
            .value("previous") { $0.previous },
            .value("next") { $0.next },
        ])
}

extension ContextBuilder {
    /// A path's total time: `45 min`, `1 h 20 min`.
    static func totalTime(_ minutes: Int) -> String {
        minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h" + (minutes % 60 == 0 ? "" : " \(minutes % 60) min")
    }

    /// A path page's cards and total time, and a card's places on paths.
    func addPaths(to context: inout PageContext, for page: Page) {
        if let cards = graph.pathCards[page.id] {
            context.pathCards = cards.map(card)
            context.pathTotal = Self.totalTime(cards.reduce(0) { $0 + (site.pages[$1].meta.duration ?? 0) })
        }
        context.paths = (graph.pathPlaces[page.id] ?? []).map { place in
            let path = site.pages[place.path]
            let cards = graph.pathCards[place.path] ?? []
            func link(_ index: Int) -> LinkView? {
                cards.indices.contains(index)
                    ? LinkView(title: site.pages[cards[index]].title, url: base + site.pages[cards[index]].path) : nil
            }
            return PathPlaceView(
                title: path.title, url: base + path.path, place: place.place + 1, count: cards.count,
                previous: link(place.place - 1), next: link(place.place + 1))
        }
    }
}
