import Foundation
import HearthCore
import Testing

/// The deck (`/exercises/deck/`, content format v2) and a card's sections by name in templates.
@Suite("the deck and card sections by name")
struct DeckTests {
    static func card(_ title: String, _ difficulty: String, _ body: String) -> String {
        "---\ntitle: \(title)\nduration: 10\ndifficulty: \(difficulty)\ntypes: [emotional]\n---\n\n\(body)"
    }

    static let full = card(
        "Full", "deep",
        "Before the steps.\n\n## Steps\n\n1. Sit. {1 min}\n2. Talk.\n\n## Reflect\n\nWhat did you notice?\n\n"
            + "## Not tonight if\n\nOne of you is very tired.\n\n## If it gets hard\n\nPause, and hold hands.\n\n"
            + "## Afterwards\n\nA glass of water.\n\n## A note\n\nFree text.\n")

    static func cardCount(_ html: String) -> Int {
        html.components(separatedBy: "<li class=\"deck-card").count - 1
    }

    @Test("past 100 cards the deck is split into pages of 100, each linking the others; none is a megabyte")
    func split() async throws {
        var files: [String: String?] = [:]
        for number in 1...249 {
            files["content/exercises/c\(number).md"] = Self.card(
                "Card \(number)", "gentle", "## Steps\n\n1. Breathe.\n")
        }
        let root = try Fixture.site(changing: files)
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let pages = try ["", "page/2/", "page/3/"].map { try #require(output(root, "exercises/deck/\($0)index.html")) }
        #expect(pages.map(Self.cardCount) == [100, 100, 50])  // 249 and the fixture's Soul Gazing
        #expect(output(root, "exercises/deck/page/4/index.html") == nil)
        #expect(pages[0].contains("rel=\"next\" href=\"/exercises/deck/page/2/\""))
        #expect(pages[2].contains("rel=\"prev\" href=\"/exercises/deck/page/2/\""))
        #expect(pages.allSatisfy { $0.utf8.count < 1_000_000 })
    }

    @Test("the deck holds every card in full, on one page whatever paginate says, bundle images from the root")
    func everyCard() async throws {
        var files: [String: String?] = ["content/exercises/full.md": Self.full]
        for number in 1...4 {
            files["content/exercises/extra-\(number).md"] = Self.card(
                "Extra \(number)", "gentle", "## Steps\n\n1. Breathe.\n")
        }
        let root = try Fixture.site(changing: files)
        let yml = root.appendingPathComponent("content/site.yml")
        try appendLine("paginate: 2", to: yml)
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let deck = try #require(output(root, "exercises/deck/index.html"))
        #expect(Self.cardCount(deck) == 6)  // the fixture's Soul Gazing, Full and four more
        #expect(output(root, "exercises/deck/page/2/index.html") == nil)
        #expect(output(root, "exercises/page/2/index.html") != nil)
        // In full: every section's text, the timer's step, and where the printed card comes from.
        for text in [
            "Before the steps.", "What did you notice?", "Pause, and hold hands.", "A glass of water.",
            "Free text.", "data-timer=\"60\"", "<p class=\"print-source\">",
        ] {
            #expect(deck.contains(text), "\(text)")
        }
        // The same heading on every card would be the same id many times: the deck's have none.
        #expect(!deck.contains("<h2 id=\"steps\">") && !deck.contains("<h3 id="))
        // A bundle's image shows from anywhere: on the deck as on the card.
        #expect(deck.contains("src=\"/exercises/soul-gazing/"))
        let card = try #require(output(root, "exercises/soul-gazing/index.html"))
        #expect(card.contains("src=\"/exercises/soul-gazing/"))
        // The deck is in the sitemap, and the exercises page links it.
        #expect(try #require(output(root, "sitemap.xml")).contains("/exercises/deck/</loc>"))
        #expect(try #require(output(root, "exercises/index.html")).contains("href=\"/exercises/deck/\" data-deck-link"))
    }

    @Test("a card at /exercises/deck/ is an error; a site without exercises has no deck")
    func collisions() async throws {
        let taken = try Fixture.site(changing: [
            "content/exercises/deck.md": Self.card("Deck", "gentle", "## Steps\n\n1. Sit.\n")
        ])
        let report = await build(taken)
        #expect(report.has(.error, "content/exercises/deck.md", .pageTakesDeckURL), "\(report.messages)")
        let none = Fixture.newFolder("no-exercises")
        try Fixture.write(
            Data("title: Small\nbaseURL: https://small.example/\ndescription: No cards.\ntypes: []\n".utf8),
            to: "content/site.yml", in: none)
        try Fixture.write(Data("---\ntitle: Home\n---\n\nHello.\n".utf8), to: "content/index.md", in: none)
        let plain = await build(none)
        #expect(plain.succeeded, "\(plain.messages)")
        #expect(output(none, "exercises/deck/index.html") == nil)
    }

    @Test("a theme shows a card's sections by name, and a theme without deck.mustache still gets the deck")
    func sectionsByName() async throws {
        let root = try Fixture.site(changing: [
            "content/exercises/full.md": Self.full,
            "content/exercises/plain.md": Self.card("Plain", "gentle", "## Steps\n\n1. Sit.\n"),
        ])
        let theme = root.appendingPathComponent("templates")
        try FileManager.default.removeItem(at: theme)  // a theme of its own, not the default one
        try FileManager.default.createDirectory(
            at: theme.appendingPathComponent("partials"), withIntermediateDirectories: true)
        for name in ["baseof", "home", "section", "page", "tag", "tags", "404", "search"] {
            try "<h1>{{title}}</h1>\n".write(
                to: theme.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8)
        }
        try "<li>{{title}}</li>".write(
            to: theme.appendingPathComponent("partials/card.mustache"), atomically: true, encoding: .utf8)
        let exercise = """
            <h1>{{title}}</h1>
            {{#sections}}<div class="intro">{{{intro}}}</div>
            {{#ifItGetsHard}}<aside id="{{id}}"><b>{{title}}</b>{{{body}}}</aside>{{/ifItGetsHard}}
            {{#steps}}<section>{{{html}}}</section>{{/steps}}
            {{#notTonightIf}}<p class="not">{{{body}}}</p>{{/notTonightIf}}{{#afterwards}}<p class="after">{{{body}}}</p>{{/afterwards}}
            {{#reflect}}<p class="reflect">{{{body}}}</p>{{/reflect}}
            <ol class="all">{{#all}}<li>{{title}}</li>{{/all}}</ol>{{/sections}}
            """
        try exercise.write(to: theme.appendingPathComponent("exercise.mustache"), atomically: true, encoding: .utf8)
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let page = try #require(output(root, "exercises/full/index.html"))
        #expect(page.contains("<div class=\"intro\"><p>Before the steps.</p>\n</div>"), "\(page)")
        #expect(
            page.contains("<aside id=\"if-it-gets-hard\"><b>If it gets hard</b><p>Pause, and hold hands.</p>\n</aside>")
        )
        #expect(page.contains("<section><h2 id=\"steps\">Steps</h2>\n<ol>"))
        #expect(page.contains("<p class=\"not\"><p>One of you is very tired.</p>"))
        #expect(page.contains("<p class=\"after\"><p>A glass of water.</p>"))
        #expect(
            page.contains(
                "<ol class=\"all\"><li>Steps</li><li>Reflect</li><li>Not tonight if</li><li>If it gets hard</li>"
                    + "<li>Afterwards</li><li>A note</li></ol>"))
        // A card without them: the sections it lacks are empty.
        let plain = try #require(output(root, "exercises/plain/index.html"))
        #expect(plain.contains("<section><h2 id=\"steps\">"))
        #expect(!plain.contains("class=\"not\"") && !plain.contains("class=\"after\"") && !plain.contains("<aside"))
        // Hearth's own deck, for a theme that has none.
        let deck = try #require(output(root, "exercises/deck/index.html"))
        #expect(deck.contains("<article class=\"deck-card\"><h2><a href=\"/exercises/full/\">Full</a></h2>"))
        #expect(deck.contains("break-before: page") && deck.contains("<h3>If it gets hard</h3>"))
        #expect(!deck.contains("id=\"steps\""))
    }
}
