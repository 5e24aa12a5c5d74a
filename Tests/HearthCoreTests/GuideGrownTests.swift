import Foundation
import Testing

@testable import HearthCore

/// The guide a couple returns to (issue "The guide, grown"): its numbers, its care, its decks, its
/// articles and paths, each read with the build's own parser. Each check counts what it found, so
/// a rule that matches nothing fails rather than passes.
@Suite("the guide, grown")
struct GuideGrownTests {
    static let content = Fixture.repository.appendingPathComponent("content")
    static let topics = ["emotional", "physical", "intellectual", "experiential", "spiritual"]

    /// The `[[...]]` targets a text links, lower-cased, without label or heading.
    static func links(_ text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            let inner = rest[open.upperBound..<close.lowerBound].split(separator: "|").first ?? ""
            let target = inner.split(separator: "#").first ?? ""
            out.append(target.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased())
            rest = rest[close.upperBound...]
        }
        return out
    }

    /// The bulleted items of a `##` section of a card.
    static func items(of section: String, in body: String) -> [String] {
        guard let start = body.range(of: "\n## \(section)\n") else { return [] }
        let rest = body[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return rest[..<end].split(separator: "\n").filter { $0.hasPrefix("- ") }.map(String.init)
    }

    /// The articles of the topic sections: (file, meta, body).
    static func articles() throws -> [(name: String, meta: PageMeta, body: String)] {
        var out: [(String, PageMeta, String)] = []
        for topic in topics {
            let folder = content.appendingPathComponent(topic)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            where name.hasSuffix(".md") && name != "_index.md" {
                let (meta, body) = try GuideTextTests.read(folder.appendingPathComponent(name))
                out.append(("\(topic)/\(name)", meta, body))
            }
        }
        return out
    }

    @Test("at least 40 cards: 6 of each kind, 6 for one person, 12 moderate, 8 deep; groups: none or 3")
    func numbers() throws {
        let cards = try GuideTextTests.cards()
        for topic in Self.topics {
            let count = cards.count { $0.meta.types.contains { $0.value == topic } }
            #expect(count >= 6, "\(topic): \(count) cards")
        }
        #expect(cards.count { $0.meta.who == .solo } >= 6)
        #expect(cards.count { $0.meta.difficulty == .moderate } >= 12)
        #expect(cards.count { $0.meta.difficulty == .deep } >= 8)
        let groups = cards.count { $0.meta.who == .group }
        #expect(groups == 0 || groups >= 3, "\(groups) group cards")
    }

    @Test("moderate and deep cards say when not tonight and what if it gets hard; deep ones close gently")
    func care() throws {
        let cards = try GuideTextTests.cards().filter { $0.meta.difficulty != .gentle }
        try #require(cards.count >= 20)
        for card in cards {
            #expect(card.body.contains("\n## Not tonight if\n"), "\(card.name)")
            #expect(card.body.contains("\n## If it gets hard\n"), "\(card.name)")
            guard card.meta.difficulty == .deep else { continue }
            #expect(card.body.contains("\n## Afterwards\n"), "\(card.name)")
            let note = try #require(card.meta.contentNote, "\(card.name) has no contentNote")
            #expect(!note.lowercased().contains("trigger"), "\(card.name): \(note)")
        }
    }

    @Test("at least 15 cards have timers, none more than the card's time, none asks for a timer by hand")
    func timers() throws {
        let cards = try GuideTextTests.cards()
        var timed = 0
        for card in cards {
            var markers: [Int] = []
            var rest = Substring(card.body)
            while let open = rest.range(of: "{"), let close = rest[open.upperBound...].range(of: "}") {
                let parts = rest[open.upperBound..<close.lowerBound].split(separator: " ")
                if parts.count == 2, let n = Int(parts[0]), parts[1] == "min" || parts[1] == "s" {
                    markers.append(parts[1] == "min" ? n * 60 : n)
                }
                rest = rest[close.upperBound...]
            }
            timed += markers.isEmpty ? 0 : 1
            #expect(markers.reduce(0, +) <= (card.meta.duration ?? 0) * 60, "\(card.name)")
            #expect(!card.body.lowercased().contains("set a timer"), "\(card.name) asks for a timer by hand")
        }
        #expect(timed >= 15, "\(timed) cards have timers")
    }

    @Test("three question decks: Love Map with 60 or more, two more with 20 or more")
    func decks() throws {
        let decks = try GuideTextTests.cards().map { ($0.name, Self.items(of: "Questions", in: $0.body).count) }
            .filter { $0.1 > 0 }
        #expect(decks.first { $0.0 == "love-map-questions.md" }.map { $0.1 >= 60 } == true, "\(decks)")
        #expect(decks.filter { $0.0 != "love-map-questions.md" && $0.1 >= 20 }.count >= 2, "\(decks)")
    }

    @Test("at least 14 articles; each links a card that puts it into practice and is linked from one")
    func articles() throws {
        let articles = try Self.articles()
        #expect(articles.count >= 14)
        let cards = try GuideTextTests.cards()
        let titles = Dictionary(cards.map { ($0.meta.title.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        for article in articles {
            let linked = Self.links(article.body).compactMap { titles[$0] }
            #expect(!linked.isEmpty, "\(article.name) links no card")
            let back = linked.contains { Self.links($0.body).contains(article.meta.title.lowercased()) }
            #expect(back, "\(article.name): no card it links links back")
            for name in ["Gottman", "Aron", "attachment"] where article.body.contains(name) {
                #expect(article.body.contains("## Further reading"), "\(article.name) names \(name)")
            }
        }
    }

    @Test("four paths, each with day or week headings; After a Hard Time stays gentle to moderate")
    func paths() throws {
        let folder = Self.content.appendingPathComponent("paths")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".md") && $0 != "_index.md"
        }
        #expect(names.count >= 4)
        let cards = try GuideTextTests.cards()
        let titles = Dictionary(cards.map { ($0.meta.title.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        for name in names {
            let (meta, body) = try GuideTextTests.read(folder.appendingPathComponent(name))
            let headings = body.split(separator: "\n").filter { $0.hasPrefix("## ") }
            let placed = headings.filter { PathStops.numbered(String($0.dropFirst(3))) != nil }
            #expect(placed.count >= 3, "\(name): \(headings)")
            if meta.title == "After a Hard Time" {
                let linked = Self.links(body).compactMap { titles[$0] }
                #expect(linked.count >= 5 && linked.allSatisfy { $0.meta.difficulty != .deep }, "\(name)")
            }
        }
    }

    @Test("the help page is found by the words people look for help with, and says how to use the site safely")
    func helpKeywords() throws {
        let (meta, body) = try GuideTextTests.read(Self.content.appendingPathComponent("help/_index.md"))
        for word in ["therapist", "counsellor", "crisis", "unsafe", "abuse", "helpline"] {
            #expect(meta.keywords.contains(word), "\(word)")
        }
        let safely = try #require(body.range(of: "## Using this site safely")).upperBound
        let section = body[safely...].prefix { $0 != "#" }
        for phrase in ["Shift three times", "Forget everything", "never sent anywhere", "private", "history"] {
            #expect(section.contains(phrase), "\(phrase)")
        }
    }
}
