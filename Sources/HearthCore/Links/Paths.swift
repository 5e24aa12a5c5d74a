import Foundation
import HearthMarkdown

/// A card's place on a path: which path, and where on it (0-based).
struct PathPlace: Sendable, Equatable {
    var path: Int
    var place: Int
}

/// How a path names the place of each of its cards, in its own words: "Day 3" of 7 when its
/// headings are `## Day 3: ...`, else "Step 3" of the number of cards.
struct PathStops: Sendable, Equatable {
    /// Each card's place, "Day 3", in the path's order.
    var labels: [String]
    /// What the places count up to: 7 for "Day 3 of 7".
    var count: Int
    /// The rest of each card's heading ("Listening first" of "Day 3: Listening first"), if any.
    var headings: [String?]

    /// The places of `cards`, each named from the `##` heading above its first link (`sections`
    /// holds each link's section, `-1` before the first heading).
    static func make(cards: [Int], firstLinks: [Int], sections: [Int], headings: [Heading]) -> PathStops {
        let titles = headings.filter { $0.level == 2 }.map(\.text)
        let named = firstLinks.map { link -> (word: String, number: Int, rest: String?)? in
            let section = sections[link]
            return section >= 0 ? numbered(titles[section]) : nil
        }
        if let first = named.first??.word, named.allSatisfy({ $0?.word == first }) {
            let places = named.compactMap { $0 }
            return PathStops(
                labels: places.map { "\($0.word) \($0.number)" }, count: places.map(\.number).max() ?? cards.count,
                headings: places.map(\.rest))
        }
        return PathStops(
            labels: cards.indices.map { "Step \($0 + 1)" }, count: cards.count,
            headings: named.map { $0?.rest })
    }

    /// "Day 3: Listening first" as ("Day", 3, "Listening first"); nil unless it starts with a word
    /// and a number.
    static func numbered(_ title: String) -> (word: String, number: Int, rest: String?)? {
        let parts = title.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2, parts[0].allSatisfy(\.isLetter) else { return nil }
        let digits = parts[1].prefix { $0.isNumber }
        guard let number = Int(digits), !digits.isEmpty else { return nil }
        var rest = String(parts[1].dropFirst(digits.count)) + (parts.count > 2 ? " " + parts[2] : "")
        rest = rest.trimmingCharacters(in: CharacterSet(charactersIn: ":.—–- ").union(.whitespaces))
        return (String(parts[0]), number, rest.isEmpty ? nil : rest)
    }
}

extension Page {
    /// Whether the page is a path: an article of `content/paths/`.
    var isPath: Bool { section == SiteGraph.pathsSection && kind == .article }
}

extension SiteGraph {
    /// The section whose pages are paths (content format v2).
    static let pathsSection = "paths"

    /// Each path's cards (the exercise cards its text links, in the order of their first link), and
    /// each card's places on paths. A path that links fewer than two cards is an error.
    static func paths(_ pages: [Page], _ rendered: [RenderedPage], diagnostics: inout [Diagnostic])
        -> (cards: [Int: [Int]], places: [Int: [PathPlace]], stops: [Int: PathStops])
    {
        var cards: [Int: [Int]] = [:]
        var stops: [Int: PathStops] = [:]
        var places: [Int: [PathPlace]] = [:]
        for page in pages where page.isPath && page.isListed {
            var seen: Set<Int> = []
            let links = rendered[page.id].outgoing
            let firstLinks = links.indices.filter {
                pages[links[$0]].kind == .exercise && seen.insert(links[$0]).inserted
            }
            let list = firstLinks.map { links[$0] }
            guard list.count >= 2 else {
                diagnostics.append(
                    .error(
                        .pathHasTooFewCards, page.file, page.textStart,
                        "a path needs at least two exercise cards, and this one links \(list.count)",
                        hint: "link each card of the path, in order: [[Soul Gazing]], [[The Daily Check-In]]"))
                continue
            }
            cards[page.id] = list
            stops[page.id] = PathStops.make(
                cards: list, firstLinks: firstLinks, sections: rendered[page.id].outgoingSections,
                headings: rendered[page.id].headings)
            for (place, card) in list.enumerated() {
                places[card, default: []].append(PathPlace(path: page.id, place: place))
            }
        }
        return (cards, places, stops)
    }
}
