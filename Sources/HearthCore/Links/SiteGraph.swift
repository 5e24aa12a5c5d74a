import HearthMarkdown

/// What the build adds by itself once every page is rendered: anchors checked, backlinks, related
/// pages, tags and section lists.
struct SiteGraph: Sendable {
    var backlinks: [[Int]]
    var related: [[Int]]
    var tags: [Tag]
    var tagsOfPage: [[Int]]
    /// For each section page id: its listed pages (articles) and exercise cards, in listing order.
    var sectionPages: [Int: [Int]]
    var sectionExercises: [Int: [Int]]
    /// Listed pages, newest first.
    var newest: [Int]
    /// Each path page's cards, in order; each card's places on paths.
    var pathCards: [Int: [Int]]
    var pathPlaces: [Int: [PathPlace]]
    /// Each path's places, named in its own words.
    var pathStops: [Int: PathStops]
    var diagnostics: [Diagnostic]

    /// What the related ranking is made from: each listed page's terms and place in time, and the
    /// explicit `related` entries. Equal inputs rank equal lists.
    struct RelatedInput: Sendable {
        var pageCount: Int
        var terms: [RelatedIndex.Terms]
        var recencyRank: [Int]
        var explicit: [Int: [Int]]
    }

    /// Ranks related pages: `SiteGraph.rankRelated` unless the driver wraps it (to remember lists).
    typealias RankRelated = @Sendable (RelatedInput) async -> [[Int]]

    /// `rankRelated` nil (a check, which shows no page) leaves every related list empty; the
    /// `related` entries of front matter are checked all the same.
    init(
        site: LoadedSite, rendered: [RenderedPage], table: LinkTable, rankRelated: RankRelated? = Self.rankRelated
    ) async {
        let pages = site.pages
        var diagnostics = Self.checkAnchors(pages, rendered)
        let listedIDs = pages.indices.filter { pages[$0].isListed }
        let order = ListingOrder(pages: pages, listedIDs: listedIDs)
        // A slug is made once per distinct tag name.
        var slugs: [String: String] = [:]
        for id in listedIDs {
            for tag in pages[id].meta.tags where slugs[tag.value] == nil { slugs[tag.value] = Slug.make(tag.value) }
        }
        let (tags, tagsOfPage) = Self.tags(pages, listedIDs, slugs: slugs, order: order, diagnostics: &diagnostics)
        let input = RelatedInput(
            pageCount: pages.count,
            terms: listedIDs.map {
                RelatedIndex.Terms(
                    id: $0, types: pages[$0].types, tags: pages[$0].meta.tags.map { slugs[$0.value] ?? "" })
            },
            recencyRank: order.recencyRank,
            explicit: Self.explicitRelated(pages, listedIDs, table: table, diagnostics: &diagnostics))
        // The related lists are ranked on every core while this task makes the rest, which needs
        // none of them: the phase takes 0.07 s at 10,000 pages, 0.08 s one after the other.
        async let ranked = rankRelated?(input)
        backlinks = Self.backlinks(pages, rendered)
        (sectionPages, sectionExercises) = Self.sectionLists(site, listedIDs, order: order)
        self.tags = tags.sorted { $0.slug < $1.slug }
        // Re-map page tag indices to the sorted order.
        let newIndex = Dictionary(uniqueKeysWithValues: self.tags.enumerated().map { ($1.slug, $0) })
        self.tagsOfPage = tagsOfPage.map { list in list.compactMap { newIndex[tags[$0].slug] } }
        newest = order.recency
        (pathCards, pathPlaces, pathStops) = Self.paths(pages, rendered, diagnostics: &diagnostics)
        self.diagnostics = diagnostics
        related = await ranked ?? [[Int]](repeating: [], count: pages.count)
    }

    /// Related lists through the inverted index, one for each page.
    @Sendable static func rankRelated(_ input: RelatedInput) async -> [[Int]] {
        let index = RelatedIndex(pages: input.terms, recencyRank: input.recencyRank)
        var related = [[Int]](repeating: [], count: input.pageCount)
        for (id, list) in await index.related(explicit: input.explicit) { related[id] = list }
        return related
    }

    /// Anchors, now that every page's headings are known (a page has few: a look through them
    /// costs less than a set of every page's).
    static func checkAnchors(_ pages: [Page], _ rendered: [RenderedPage]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (page, result) in zip(pages, rendered) {
            for check in result.anchorChecks
            where !rendered[check.targetID].headings.contains(where: { $0.id == check.anchor }) {
                let target = pages[check.targetID]
                let place = check.targetID == page.id ? "this page" : target.file
                diagnostics.append(
                    Diagnostic(
                        .error, .headingNotFound, file: page.file, at: check.position,
                        "'#\(check.written)' is not a heading of \(place)",
                        hints: anchorHints(
                            check.written, headings: rendered[check.targetID].headings, file: target.file)))
            }
        }
        return diagnostics
    }

    /// Each linking page once, by title. Taking the linking pages in that order, once, leaves every
    /// list in it.
    static func backlinks(_ pages: [Page], _ rendered: [RenderedPage]) -> [[Int]] {
        let titles = pages.map(\.title)
        let byTitle = pages.indices.sorted { (titles[$0], $0) < (titles[$1], $1) }
        var backlinks = [[Int]](repeating: [], count: pages.count)
        for id in byTitle {
            for target in rendered[id].outgoing where backlinks[target].last != id {
                backlinks[target].append(id)
            }
        }
        return backlinks
    }

    /// Listing order and recency, on ids and keys made once: a title is lowercased once, not at
    /// every comparison.
    struct ListingOrder {
        let keys: [OrderKey]
        /// Listed pages, newest first, and each page's place in that list.
        let recency: [Int]
        let recencyRank: [Int]

        init(pages: [Page], listedIDs: [Int]) {
            let keys = pages.map(OrderKey.init)
            recency = listedIDs.sorted { keys[$0].newerFirst(than: keys[$1]) }
            var rank = [Int](repeating: Int.max, count: pages.count)
            for (place, id) in recency.enumerated() { rank[id] = place }
            recencyRank = rank
            self.keys = keys
        }

        /// Weight (lower first, unweighted last), then recency.
        func callAsFunction(_ ids: [Int]) -> [Int] {
            var weighted: [Int] = []
            var unweighted: [Int] = []
            for id in ids {
                if keys[id].weight == nil { unweighted.append(id) } else { weighted.append(id) }
            }
            weighted.sort { a, b in
                let (x, y) = (keys[a].weight ?? 0, keys[b].weight ?? 0)
                return x != y ? x < y : recencyRank[a] < recencyRank[b]
            }
            unweighted.sort { recencyRank[$0] < recencyRank[$1] }
            return weighted + unweighted
        }
    }

    /// For each section page: its listed pages (articles) and exercise cards, in listing order.
    static func sectionLists(_ site: LoadedSite, _ listedIDs: [Int], order: ListingOrder) -> (
        [Int: [Int]], [Int: [Int]]
    ) {
        let pages = site.pages
        var sectionPages: [Int: [Int]] = [:]
        var sectionExercises: [Int: [Int]] = [:]
        for section in site.sections {
            let own = listedIDs.filter { pages[$0].section == section.name }
            switch section.kind {
            case .topic:
                let articles = listedIDs.filter {
                    pages[$0].kind == .article
                        && (pages[$0].section == section.name || pages[$0].types.contains(section.name))
                }
                let cards = listedIDs.filter { pages[$0].kind == .exercise && pages[$0].types.contains(section.name) }
                sectionPages[section.pageID] = order(articles)
                sectionExercises[section.pageID] = order(cards)
            case .exercises:
                sectionPages[section.pageID] = []
                sectionExercises[section.pageID] = order(own)
            case .other:
                sectionPages[section.pageID] = order(own.filter { pages[$0].kind == .article })
                sectionExercises[section.pageID] = []
            }
        }
        return (sectionPages, sectionExercises)
    }

    /// What listing order and recency compare, for one page.
    struct OrderKey {
        var weight: Int?
        var date: SimpleDate?
        var title: String
        var path: String

        init(_ page: Page) {
            weight = page.meta.weight
            date = page.meta.date
            title = page.title.lowercased()
            path = page.path
        }

        /// Date (newest first, undated last), then title, then path.
        func newerFirst(than other: OrderKey) -> Bool {
            switch (date, other.date) {
            case (let x?, let y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (title, path) < (other.title, other.path)
            }
        }
    }
}

extension SiteGraph {
    /// Lists of page ids as text: one line a page, ids separated by commas.
    static func encodeLists(_ lists: [[Int]]) -> String {
        lists.map { $0.map(String.init).joined(separator: ",") }.joined(separator: "\n")
    }

    /// The lists of `encodeLists`; nil unless there is one per page and every id is a page's.
    static func decodeLists(_ text: String, count: Int) -> [[Int]]? {
        var text = text
        return text.withUTF8 { bytes -> [[Int]]? in
            // One pass over the bytes: the lists of a large site are a few hundred kilobytes.
            var lists: [[Int]] = []
            lists.reserveCapacity(count)
            var list: [Int] = []
            var id = 0
            var digits = 0
            func endOfID() -> Bool {
                guard digits > 0, id < count else { return false }
                list.append(id)
                id = 0
                digits = 0
                return true
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard digits < 18 else { return nil }
                    id = id * 10 + Int(byte - UInt8(ascii: "0"))
                    digits += 1
                case UInt8(ascii: ","):
                    guard endOfID() else { return nil }
                case UInt8(ascii: "\n"):
                    guard digits > 0 ? endOfID() : list.isEmpty else { return nil }
                    lists.append(list)
                    list = []
                default:
                    return nil
                }
            }
            guard digits > 0 ? endOfID() : list.isEmpty else { return nil }
            lists.append(list)
            return lists.count == count ? lists : nil
        }
    }

    /// A tag's name with case, and the white space, `-` and `_` between its words, left out: two
    /// names spelt alike are the same tag written two ways.
    static func tagSpelling(_ name: String) -> String {
        name.lowercased().split { $0.isWhitespace || $0 == "-" || $0 == "_" }.joined(separator: "-")
    }
}
