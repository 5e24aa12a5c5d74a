import HearthTemplates

/// Which page of a list a list page is: a section's, a tag's or the exercises page's entries,
/// `paginate` to a page, the first on the list's own URL and the rest on `page/N/`.
struct ListPage: Sendable, Equatable {
    /// 1-based.
    var number: Int
    var count: Int

    /// How many pages a list of `entries` takes (one, even when empty).
    static func count(entries: Int, per: Int) -> Int {
        max(1, (entries + per - 1) / max(1, per))
    }

    /// The path of page `number` of the list at `path` (`physical/` -> `physical/page/2/`).
    static func path(_ path: String, number: Int) -> String {
        number == 1 ? path : path + "page/\(number)/"
    }

    /// The indices of this page's entries in a list of `total`.
    func range(of total: Int, per: Int) -> Range<Int> {
        let start = min(total, (number - 1) * per)
        return start..<min(total, start + per)
    }

    /// The pages linked by number: the first, the last and two either side of this one, so that a
    /// long list's pages do not each link every other (which would grow as its square).
    var shownNumbers: [Int] {
        Array(Set([1, count] + Array(max(1, number - 2)...min(count, number + 2)))).sorted()
    }
}

/// A list page's links to the others (`{{#pagination}}`); absent on a list of one page.
@dynamicMemberLookup
struct PaginationView: TemplateFielded {
    struct Fields: Sendable {
        let number: Int
        let count: Int
        let previous: LinkView?
        let next: LinkView?
        let numbers: [PageNumberView]
    }
    private let shared: Shared<Fields>

    /// Page `page` of the list at `url` (the list's own URL, `/physical/`).
    init(_ page: ListPage, url: String) {
        func link(_ number: Int, _ title: String) -> LinkView? {
            (1...page.count).contains(number) ? LinkView(title: title, url: ListPage.path(url, number: number)) : nil
        }
        var numbers: [PageNumberView] = []
        var last = 0
        for number in page.shownNumbers {
            numbers.append(
                PageNumberView(
                    number: number, url: ListPage.path(url, number: number), isCurrent: number == page.number,
                    gapBefore: number > last + 1))
            last = number
        }
        shared = Shared(
            Fields(
                number: page.number, count: page.count, previous: link(page.number - 1, "Previous"),
                next: link(page.number + 1, "Next"), numbers: numbers))
    }

    subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { shared.fields[keyPath: path] }

    static let fields = TemplateFields<Self>(
        "pagination",
        [
            .value("number") { $0.number },
            .value("count") { $0.count },
            .value("previous") { $0.previous },
            .value("next") { $0.next },
            .list("numbers") { $0.numbers },
        ])
}

/// One page's number in a list's pagination.
struct PageNumberView: TemplateFielded {
    let number: Int
    let url: String
    let isCurrent: Bool
    /// Whether pages are left out before this one ("…").
    let gapBefore: Bool

    static let fields = TemplateFields<Self>(
        "a page number",
        [
            .value("number") { $0.number },
            .value("url") { $0.url },
            .value("isCurrent") { $0.isCurrent },
            .value("gapBefore") { $0.gapBefore },
        ])
}

extension ContextBuilder {
    /// The entries of the list a section's page shows: its articles, then its exercise cards.
    func sectionEntries(_ id: Int) -> (pages: [Int], exercises: [Int]) {
        (graph.sectionPages[id] ?? [], graph.sectionExercises[id] ?? [])
    }

    /// The number of pages of each list: a section's (by page id) and a tag's (by index).
    func listPageCounts() -> (sections: [Int: Int], tags: [Int]) {
        let per = site.config.paginate
        var sections: [Int: Int] = [:]
        for section in site.sections {
            let (pages, exercises) = sectionEntries(section.pageID)
            sections[section.pageID] = ListPage.count(entries: pages.count + exercises.count, per: per)
        }
        return (sections, graph.tags.map { ListPage.count(entries: $0.pageIDs.count, per: per) })
    }

    /// Page `number` of a list page's context: its share of the entries, its URL and title, and
    /// the links to the others. The list's text (its Markdown) is on its first page only.
    func paginate(_ context: inout PageContext, entries: [Int], number: Int, split: Int? = nil) {
        let per = site.config.paginate
        let page = ListPage(number: number, count: ListPage.count(entries: entries.count, per: per))
        let shown = page.range(of: entries.count, per: per)
        // A section's list is its articles then its cards: each goes under its own heading.
        let split = min(max(split ?? entries.count, shown.lowerBound), shown.upperBound)
        context.pages = entries[shown.lowerBound..<split].map(card)
        context.exercises = entries[split..<shown.upperBound].map(card)
        guard page.count > 1 else { return }
        context.pagination = PaginationView(page, url: context.url)
        guard number > 1 else { return }
        context.content = ""
        context.documentTitle = documentTitle(context.title + ", page \(number) of \(page.count)")
        context.url = ListPage.path(context.url, number: number)
        context.permalink = absolute(context.url)
    }
}
