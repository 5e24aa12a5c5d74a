import HearthMarkdown

extension SiteGraph {
    /// Every tag of the listed pages with its pages in listing order, and each page's tags (by
    /// index). Two spellings of one tag (`Trust`, `trust`) are one tag; two tags that only share a
    /// URL (`C++`, `c`) are a warning.
    static func tags(
        _ pages: [Page], _ listedIDs: [Int], slugs: [String: String], order: ListingOrder,
        diagnostics: inout [Diagnostic]
    ) -> ([Tag], [[Int]]) {
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
                    let other = tags[known].name
                    if name != other, case let spelling = tagSpelling(name), spelling != tagSpelling(other),
                        reported.insert(spelling).inserted
                    {
                        diagnostics.append(
                            .warning(
                                .tagsShareURL, page.file, tag.position,
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
        for i in tags.indices { tags[i].pageIDs = order(tags[i].pageIDs) }
        return (tags, tagsOfPage)
    }

    /// Each listed page's `related` entries, resolved as links; each problem reported at its entry.
    static func explicitRelated(
        _ pages: [Page], _ listedIDs: [Int], table: LinkTable, diagnostics: inout [Diagnostic]
    ) -> [Int: [Int]] {
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
                            .relatedEntryIsThisPage, page.file, entry.position,
                            "related entry '\(entry.value)' is this page: a page is never related to itself",
                            hint: "remove it from related"))
                case .success(let id) where explicit[page.id]?.contains(id) == true:
                    diagnostics.append(
                        .warning(
                            .relatedEntryRepeated, page.file, entry.position,
                            "related entry '\(entry.value)' names \(pages[id].file) again: it is listed once",
                            hint: "remove one of them from related"))
                case .success(let id): explicit[page.id, default: []].append(id)
                case .failure(let d): diagnostics.append(d)
                }
            }
        }
        return explicit
    }
}
