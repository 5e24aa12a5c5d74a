import Foundation
import Testing

@testable import HearthCore

@Suite("related pages")
struct RelatedTests {
    /// A hand-made site whose related lists are known: `related` entries first, then shared types
    /// (weight 3) and tags (weight 2), then the newest.
    @Test("ranking on a site with a known answer")
    func knownAnswer() async throws {
        func page(_ title: String, _ date: String, types: String = "", tags: String = "", related: String = "")
            -> String
        {
            "---\ntitle: \(title)\ndate: \(date)\ntypes: [\(types)]\ntags: [\(tags)]\nrelated: [\(related)]\n---\nText.\n"
        }
        let root = try Fixture.site(
            changing: [
                "content/emotional/listening.md": nil, "content/physical/touch.md": nil,
                "content/physical/hugs.md": nil,
                "content/exercises/soul-gazing/index.md": nil, "content/exercises/soul-gazing/eyes.svg": nil,
                "content/index.md": "---\ntitle: Home\n---\nHome.\n",
                "content/emotional/_index.md": "---\ntitle: Emotional\n---\nE.\n",
                "content/emotional/a.md": page("A", "2025-01-01", types: "physical", tags: "x, y", related: "F"),
                // B: same types (emotional + physical) and tags x, y: 3+3+2+2 = 10
                "content/emotional/b.md": page("B", "2020-01-01", types: "physical", tags: "x, y"),
                // C: same types, tag x: 3+3+2 = 8
                "content/emotional/c.md": page("C", "2021-01-01", types: "physical", tags: "x"),
                // D: emotional only, tags x, y: 3+2+2 = 7; E the same but newer
                "content/emotional/d.md": page("D", "2022-01-01", tags: "x, y"),
                "content/emotional/e.md": page("E", "2023-01-01", tags: "x, y"),
                // F: shares nothing, but A names it; G shares nothing and is the newest of all
                "content/physical/f.md": page("F", "2010-01-01"),
                "content/physical/g.md": page("G", "2030-01-01", tags: "z"),
            ])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let a = try #require(output(root, "emotional/a/index.html"))
        let titles = relatedURLs(a)
        #expect(titles == ["/physical/f/", "/emotional/b/", "/emotional/c/", "/emotional/e/", "/emotional/d/"])
        // G (in physical) shares its type with A, B, C and F, by date; then the newest fill the list.
        let g = try #require(output(root, "physical/g/index.html"))
        let gTitles = relatedURLs(g)
        #expect(gTitles == ["/emotional/a/", "/emotional/c/", "/emotional/b/", "/physical/f/", "/emotional/e/"])
    }

    @Test("related entries are written as inside [[...]]: a heading or label is allowed, and so are the brackets")
    func relatedAsWikilinks() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/probe.md":
                "---\ntitle: Probe\nrelated: [\"[[Gentle Touch]]\", \"Long Hugs#Why\", \"physical/touch|again\", Probe]\n---\nText.\n"
        ])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        // The same page twice, or the page itself: a warning at the entry, and it is left out.
        #expect(report.has(.warning, "content/emotional/probe.md:3:48", .relatedEntryRepeated), "\(report.messages)")
        #expect(report.has(.warning, "content/emotional/probe.md:3:72", .relatedEntryIsThisPage), "\(report.messages)")
        let html = try #require(output(root, "emotional/probe/index.html"))
        let related = relatedURLs(html)
        #expect(Array(related.prefix(2)) == ["/physical/touch/", "/physical/hugs/"], "\(related)")
        #expect(related.filter { $0 == "/physical/touch/" }.count == 1, "a page is listed once: \(related)")
    }

    /// The URLs of a page's "Related" cards, in order.
    func relatedURLs(_ html: String) -> [String] {
        (html.components(separatedBy: "id=\"related-heading\"").last ?? "")
            .components(separatedBy: "class=\"card-title\"><a href=\"").dropFirst().map {
                String($0.prefix { $0 != "\"" })
            }
    }
}
