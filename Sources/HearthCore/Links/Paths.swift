import HearthMarkdown

/// A card's place on a path: which path, and where on it (0-based).
struct PathPlace: Sendable, Equatable {
    var path: Int
    var place: Int
}

extension SiteGraph {
    /// The section whose pages are paths (content format v2).
    static let pathsSection = "paths"

    /// Each path's cards (the exercise cards its text links, in the order of their first link), and
    /// each card's places on paths. A path that links fewer than two cards is an error.
    static func paths(_ pages: [Page], _ rendered: [RenderedPage], diagnostics: inout [Diagnostic])
        -> (cards: [Int: [Int]], places: [Int: [PathPlace]])
    {
        var cards: [Int: [Int]] = [:]
        var places: [Int: [PathPlace]] = [:]
        for page in pages where page.section == pathsSection && page.kind == .article && page.isListed {
            var seen: Set<Int> = []
            let list = rendered[page.id].outgoing.filter { pages[$0].kind == .exercise && seen.insert($0).inserted }
            guard list.count >= 2 else {
                diagnostics.append(
                    .error(
                        page.file, page.textStart,
                        "a path needs at least two exercise cards, and this one links \(list.count)",
                        hint: "link each card of the path, in order: [[Soul Gazing]], [[The Daily Check-In]]"))
                continue
            }
            cards[page.id] = list
            for (place, card) in list.enumerated() {
                places[card, default: []].append(PathPlace(path: page.id, place: place))
            }
        }
        return (cards, places)
    }
}
