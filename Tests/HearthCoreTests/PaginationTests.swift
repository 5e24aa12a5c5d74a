import Foundation
import HearthCore
import Testing

/// Long lists (a section's, a tag's, the exercises page) continue on `page/2/`, ...
@Suite("pagination")
struct PaginationTests {
    /// The basic site with `paginate: per` and `count` more articles of emotional intimacy, each
    /// tagged `many`, dated so that the newest comes first; plus one draft tagged `many` and one
    /// tagged `lonely`.
    static func site(per: Int, count: Int) throws -> URL {
        var files: [String: String] = [
            "content/site.yml":
                "title: Closer\nbaseURL: https://example.org/\ndescription: A small guide for tests.\n"
                + "types: [emotional, physical]\npaginate: \(per)\n",
            "content/emotional/draft.md": "---\ntitle: Draft\ndraft: true\ntags: [many, lonely]\n---\n\nNot yet.\n",
        ]
        for number in 1...max(1, count) where count > 0 {
            files["content/emotional/note-\(number).md"] =
                "---\ntitle: Note \(number)\ndate: 2025-01-\(String(format: "%02d", number))\ntags: [many]\n---\n\nA note.\n"
        }
        return try Fixture.site(changing: files)
    }

    static func links(_ html: String, _ rel: String) -> [String] {
        html.components(separatedBy: "<link rel=\"\(rel)\" href=\"").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
    }

    @Test("exactly paginate entries are one page; one more continues on page/2/, never page/1/")
    func edges() async throws {
        let exact = try Self.site(per: 3, count: 3)
        #expect(await build(exact).succeeded)
        let one = try #require(output(exact, "tags/many/index.html"))
        #expect(!one.contains("class=\"pagination\"") && Self.links(one, "next").isEmpty)
        #expect(output(exact, "tags/many/page/2/index.html") == nil)
        // The draft is in no list: the tag it alone has has no page, and nothing links it.
        #expect(output(exact, "tags/lonely/index.html") == nil)

        let more = try Self.site(per: 3, count: 4)
        let report = await build(more)
        #expect(report.succeeded, "\(report.messages)")
        let first = try #require(output(more, "tags/many/index.html"))
        let second = try #require(output(more, "tags/many/page/2/index.html"))
        #expect(output(more, "tags/many/page/1/index.html") == nil)
        #expect(first.components(separatedBy: "<li class=\"card").count - 1 == 3)
        #expect(second.components(separatedBy: "<li class=\"card").count - 1 == 1)
        #expect(Self.links(first, "next") == ["/tags/many/page/2/"] && Self.links(first, "prev").isEmpty)
        #expect(Self.links(second, "prev") == ["/tags/many/"] && Self.links(second, "next").isEmpty)
        #expect(second.contains("<link rel=\"canonical\" href=\"https://example.org/tags/many/page/2/\">"))
        #expect(second.contains("<a class=\"pagination-step\" rel=\"prev\" href=\"/tags/many/\">← Previous</a>"))
        #expect(second.contains("<span aria-current=\"page\">2</span>"))
        let sitemap = try #require(output(more, "sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/tags/many/page/2/</loc>"))
        #expect(!sitemap.contains("page/1/"))
    }

    @Test("a section's list: its text on the first page only, its articles and cards in order")
    func section() async throws {
        let root = try Self.site(per: 2, count: 4)
        #expect(await build(root).succeeded)
        // Five articles and the emotional cards, two to a page.
        var pages: [String] = []
        while let page = output(
            root, pages.isEmpty ? "emotional/index.html" : "emotional/page/\(pages.count + 1)/index.html")
        {
            pages.append(page)
        }
        #expect(pages.count >= 3)
        #expect(pages[0].contains("Emotional intimacy is"))
        let last = try #require(pages.last)
        #expect(last.contains("<title>Emotional intimacy, page \(pages.count) of \(pages.count) · Closer</title>"))
        #expect(!last.contains("Emotional intimacy is"), "the text is on page 1 only")
        // Every article appears once across the pages.
        let all = pages.joined()
        for title in ["Note 1", "Note 2", "Note 3", "Note 4", "Listening First"] {
            #expect(all.components(separatedBy: ">\(title)</a>").count - 1 == 1, "\(title)")
        }
    }

    @Test("a long list's page links the first, the last and two either side, not every page")
    func window() async throws {
        let root = try Self.site(per: 1, count: 12)
        #expect(await build(root).succeeded)
        let middle = try #require(output(root, "tags/many/page/6/index.html"))
        let numbers = middle.components(separatedBy: "<li>").dropFirst().compactMap { item -> Int? in
            let text = item.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            return Int(text.prefix { $0.isNumber })
        }
        #expect(numbers == [1, 4, 5, 6, 7, 8, 12], "\(numbers)")
        #expect(middle.components(separatedBy: "class=\"gap\"").count - 1 == 2)
    }

    @Test("a paginated list's second page matches its golden HTML")
    func golden() async throws {
        let root = try Self.site(per: 3, count: 4)
        #expect(await build(root).succeeded)
        try BuildTests.expectGolden(root, [("tags/many/page/2/index.html", "tag-page-2.html")])
    }

    @Test("paginate must be a whole number of at least 1, and synonyms groups of words")
    func config() async throws {
        for (line, column, code) in [
            ("paginate: 0", 11, DiagnosticCode.paginateTooSmall),
            ("paginate: ten", 11, .valueNotWholeNumber),
            ("synonyms: [[therapist]]", 12, .synonymGroupTooSmall),
        ] {
            let root = try Fixture.site(changing: [
                "content/site.yml":
                    "title: Closer\nbaseURL: https://example.org/\ntypes: [emotional, physical]\n\(line)\n"
            ])
            let report = await build(root)
            #expect(report.lines.first == "content/site.yml:4:\(column): error \(code)", "\(report.messages)")
        }
    }
}
