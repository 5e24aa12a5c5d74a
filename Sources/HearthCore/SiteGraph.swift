import HearthMarkdown

/// A page's Markdown, rendered, with what its links lead to.
struct RenderedPage: Sendable {
    var html: String
    var headings: [Heading]
    /// `summary` from front matter, or the first paragraph as text.
    var summary: String
    /// The start of the page's text, for the search index.
    var searchText: String
    var outgoing: [Int]
    var anchorChecks: [AnchorCheck]
    var diagnostics: [Diagnostic]

    /// What a template tag of another generator in a page's text is.
    static func shortcodeKind(_ tag: String) -> String {
        if tag.hasPrefix("{{<") || tag.hasPrefix("{{%") { return "a Hugo shortcode" }
        if tag.hasPrefix("{%") { return "a Liquid tag (Jekyll) or a Zola shortcode" }
        return "a Zola shortcode"
    }

    /// What to write instead of a template tag of another generator: a wikilink to the page a
    /// `ref`, `relref`, `link` or `post_url` names, or Markdown.
    static func shortcodeHint(_ tag: String) -> String {
        let inner = tag.drop { "{<%".contains($0) }.reversed().drop { "}>%".contains($0) }.reversed()
        let words = String(inner).split(separator: " ")
        if let name = words.first, ["ref", "relref", "link", "post_url"].contains(name), words.count > 1 {
            var target = String(words[1].filter { $0 != "\"" && $0 != "'" })
            if target.hasPrefix("/") { target.removeFirst() }
            if let md = target.range(of: ".md"), md.upperBound == target.endIndex || target[md.upperBound] == "#" {
                target.removeSubrange(md)
            }
            if name == "link" || name == "post_url" {
                // Jekyll names posts `_posts/2024-05-01-slow-dance.md`: the page is `slow-dance`.
                target = String(target.split(separator: "/").last ?? "")
                if target.count > 11, SimpleDate(String(target.prefix(10))) != nil, target.dropFirst(10).first == "-" {
                    target = String(target.dropFirst(11))
                }
            }
            return "link to the page with [[\(target)]]"
        }
        return "write it in Markdown (raw HTML shows only with unsafeHTML: true in site.yml)"
    }

    static func render(_ page: Page, table: LinkTable, options: MarkdownOptions) -> RenderedPage {
        var resolver = PageLinkResolver(table: table, page: page)
        let markdown = Markdown.render(
            page.body, lineOffset: page.bodyLineOffset, options: options, resolver: &resolver)
        var diagnostics = resolver.diagnostics
        for position in markdown.imagesWithoutAlt {
            diagnostics.append(
                .warning(
                    page.file, position, "this image has no alt text",
                    hint: "describe it for readers who cannot see it: ![what it shows](file.png)"))
        }
        for (position, html) in markdown.htmlLeftOut {
            diagnostics.append(
                .warning(
                    page.file, position, "raw HTML is left out of the page: \(html)",
                    hint: "write it in Markdown, or keep HTML you trust with unsafeHTML: true in site.yml"))
        }
        for (position, shortcode) in markdown.shortcodes {
            diagnostics.append(
                .warning(
                    page.file, position,
                    "\(shortcode.count > 60 ? shortcode.prefix(57) + "..." : shortcode) is "
                        + "\(Self.shortcodeKind(shortcode)): Hearth does not run it, so it shows as written",
                    hint: Self.shortcodeHint(shortcode)))
        }
        for position in markdown.strayWikilinks {
            diagnostics.append(
                .warning(
                    page.file, position, "this '[[' starts no link: it shows as written",
                    hint:
                        "write [[Target]] or [[Target|label]] with plain text inside (no Markdown, brackets or blank line), "
                        + "or \\[[ to show the brackets as text"))
        }
        for position in markdown.tablesAsText {
            diagnostics.append(
                .warning(
                    page.file, position, "a table written with '|' is not CommonMark: it shows as plain text",
                    hint: "write it as a list, or as an HTML <table> (with unsafeHTML: true in site.yml)"))
        }
        return RenderedPage(
            html: markdown.html, headings: markdown.headings,
            summary: page.meta.summary ?? markdown.firstParagraph,
            searchText: Publishing.searchText(markdown.plainText),
            outgoing: resolver.outgoing, anchorChecks: resolver.anchorChecks, diagnostics: diagnostics)
    }
}

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
    var diagnostics: [Diagnostic]

    /// `ranksRelated` false (a check, which shows no page) leaves every related list empty; the
    /// `related` entries of front matter are checked all the same.
    init(
        site: LoadedSite, rendered: [RenderedPage], table: LinkTable, cache: BuildCache? = nil,
        ranksRelated: Bool = true
    ) async {
        let pages = site.pages
        var diagnostics: [Diagnostic] = []

        // Anchors, now that every page's headings are known (a page has few: a look through them
        // costs less than a set of every page's).
        for (page, result) in zip(pages, rendered) {
            for check in result.anchorChecks
            where !rendered[check.targetID].headings.contains(where: { $0.id == check.anchor }) {
                let target = pages[check.targetID]
                let headings = rendered[check.targetID].headings
                let place = check.targetID == page.id ? "this page" : target.file
                diagnostics.append(
                    Diagnostic(
                        .error, file: page.file, at: check.position,
                        "'#\(check.written)' is not a heading of \(place)",
                        hints: Self.anchorHints(check.written, headings: headings, file: target.file)))
            }
        }

        // Backlinks: each linking page once, by title. Taking the linking pages in that order, once,
        // leaves every list in it.
        let titles = pages.map(\.title)
        let byTitle = pages.indices.sorted { (titles[$0], $0) < (titles[$1], $1) }
        var backlinks = [[Int]](repeating: [], count: pages.count)
        for id in byTitle {
            for target in rendered[id].outgoing where backlinks[target].last != id {
                backlinks[target].append(id)
            }
        }

        // Listing order and recency, on ids and keys made once: a title is lowercased once, not at
        // every comparison.
        let listedIDs = pages.indices.filter { pages[$0].isListed }
        let keys = pages.map(OrderKey.init)
        let recency = listedIDs.sorted { keys[$0].newerFirst(than: keys[$1]) }
        var recencyRank = [Int](repeating: Int.max, count: pages.count)
        for (rank, id) in recency.enumerated() { recencyRank[id] = rank }
        // Weight (lower first, unweighted last), then recency.
        func byListingOrder(_ ids: [Int]) -> [Int] {
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

        // Tags; a slug is made once per distinct name.
        var slugs: [String: String] = [:]
        for id in listedIDs {
            for tag in pages[id].meta.tags where slugs[tag.value] == nil { slugs[tag.value] = Slug.make(tag.value) }
        }
        var tagIndex: [String: Int] = [:]
        var tags: [Tag] = []
        var tagsOfPage = [[Int]](repeating: [], count: pages.count)
        // Where each tag's name was first written (`file:line:col`, by tag index), and the spellings
        // already reported as sharing its URL.
        var firstWritten: [String] = []
        var reported: Set<String> = []
        for id in listedIDs {
            let page = pages[id]
            for tag in page.meta.tags {
                let name = tag.value
                let slug = slugs[name] ?? ""
                guard !slug.isEmpty else { continue }
                let index: Int
                if let known = tagIndex[slug] {
                    index = known
                    // `Trust`, `trust` and `self care`, `self-care` are one tag; `C++` and `c` only
                    // share a URL.
                    let other = tags[known].name
                    if name != other, case let spelling = Self.tagSpelling(name), spelling != Self.tagSpelling(other),
                        reported.insert(spelling).inserted
                    {
                        diagnostics.append(
                            .warning(
                                page.file, tag.position,
                                "tag '\(name)' has the same URL /tags/\(slug)/ as tag '\(other)' (\(firstWritten[known])): "
                                    + "they are one tag page, named '\(other)'",
                                hint: "a tag's URL keeps its letters and digits: if these are different tags, "
                                    + "give one a name whose letters or digits differ"))
                    }
                } else {
                    index = tags.count
                    tags.append(Tag(name: name, slug: slug, pageIDs: []))
                    tagIndex[slug] = index
                    firstWritten.append(Diagnostic.location(page.file, tag.position))
                }
                if !tagsOfPage[page.id].contains(index) {
                    tagsOfPage[page.id].append(index)
                    tags[index].pageIDs.append(page.id)
                }
            }
        }
        for i in tags.indices {
            tags[i].pageIDs = byListingOrder(tags[i].pageIDs)
        }

        // Related: explicit entries, then the index.
        var explicit: [Int: [Int]] = [:]
        for id in listedIDs {
            let page = pages[id]
            for entry in page.meta.related {
                // Written as inside `[[...]]` (the brackets may be there too): the page is its target.
                var inner = Substring(entry.value)
                if inner.hasPrefix("[["), inner.hasSuffix("]]"), inner.count >= 4 {
                    inner = inner.dropFirst(2).dropLast(2)
                }
                switch PageLinkResolver.find(
                    Wikilink(inner: inner).target, in: table, file: page.file, at: entry.position,
                    written: "related entry '\(entry.value)'")
                {
                case .success(let id) where id == page.id:
                    diagnostics.append(
                        .warning(
                            page.file, entry.position,
                            "related entry '\(entry.value)' is this page: a page is never related to itself",
                            hint: "remove it from related"))
                case .success(let id) where explicit[page.id]?.contains(id) == true:
                    diagnostics.append(
                        .warning(
                            page.file, entry.position,
                            "related entry '\(entry.value)' names \(pages[id].file) again: it is listed once",
                            hint: "remove one of them from related"))
                case .success(let id): explicit[page.id, default: []].append(id)
                case .failure(let d): diagnostics.append(d)
                }
            }
        }
        let terms = listedIDs.map {
            (id: $0, types: pages[$0].types, tags: pages[$0].meta.tags.map { slugs[$0.value] ?? "" })
        }
        // The ranking depends on nothing but each listed page's terms, its place in time and the
        // explicit entries: when none of them changed (an edit of a text), the last build's lists
        // are taken from the cache.
        var hasher = StableHasher()
        hasher.combine("related 1")
        hasher.combine(pages.count)
        for page in terms {
            hasher.combine(page.id)
            hasher.combine(recencyRank[page.id])
            hasher.combine(page.types)
            hasher.combine(page.tags)
        }
        for (id, list) in explicit.sorted(by: { $0.key < $1.key }) {
            hasher.combine(id)
            hasher.combine(list)
        }
        let relatedKey = hasher.finalize()
        var related: [[Int]]
        if !ranksRelated {
            related = [[Int]](repeating: [], count: pages.count)
        } else if let kept = cache?.siteResult("related", key: relatedKey).flatMap({
            Self.decodeLists($0, count: pages.count)
        }) {
            related = kept
        } else {
            let index = RelatedIndex(pages: terms, recencyRank: recencyRank)
            let relatedByPage = await index.related(explicit: explicit)
            related = [[Int]](repeating: [], count: pages.count)
            for (id, list) in relatedByPage { related[id] = list }
            cache?.keepSiteResult("related", key: relatedKey, Self.encodeLists(related))
        }

        // Sections.
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
                sectionPages[section.pageID] = byListingOrder(articles)
                sectionExercises[section.pageID] = byListingOrder(cards)
            case .exercises:
                sectionPages[section.pageID] = []
                sectionExercises[section.pageID] = byListingOrder(own)
            case .other:
                sectionPages[section.pageID] = byListingOrder(own.filter { pages[$0].kind == .article })
                sectionExercises[section.pageID] = []
            }
        }

        self.backlinks = backlinks
        self.related = related
        self.tags = tags.sorted { $0.slug < $1.slug }
        // Re-map page tag indices to the sorted order.
        let newIndex = Dictionary(uniqueKeysWithValues: self.tags.enumerated().map { ($1.slug, $0) })
        self.tagsOfPage = tagsOfPage.map { list in list.compactMap { newIndex[tags[$0].slug] } }
        self.sectionPages = sectionPages
        self.sectionExercises = sectionExercises
        self.newest = recency
        self.diagnostics = diagnostics
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
