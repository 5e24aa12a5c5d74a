import Foundation
import Testing

@testable import HearthCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("publishing: feed, sitemap, search index, sub-path sites")
struct PublishingTests {
    static let tricky = "Tips & <Tricks> for \"Us\" and 'Them'"

    func trickySite() throws -> URL {
        try Fixture.site(changing: [
            "content/emotional/tricky.md": """
            ---
            title: "\(Self.tricky.replacingOccurrences(of: "\"", with: "\\\""))"
            summary: "A <script>alert('x')</script> & more"
            date: 2025-10-01
            tags: ["<b>bold</b> & co"]
            aliases: ["Alias \\"quoted\\" <here>"]
            ---
            Body with <script>alert(1)</script> text.
            """
        ])
    }

    func parseXML(_ text: String) throws -> XMLDocument {
        try XMLDocument(data: Data(text.utf8))
    }

    @Test("feed.xml is Atom, parses as XML, has the newest dated pages with absolute URLs and escapes titles")
    func feed() async throws {
        let root = try trickySite()
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let xml = try #require(output(root, "feed.xml"))
        let document = try parseXML(xml)
        let titles = try document.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='title']").map {
            $0.stringValue ?? ""
        }
        #expect(titles.first == Self.tricky)
        #expect(!titles.contains("Unfinished Draft"))
        #expect(titles.count == 5)  // dated, published, listed pages of the fixture
        let links = try document.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='link']/@href").map {
            $0.stringValue ?? ""
        }
        #expect(links.allSatisfy { $0.hasPrefix("https://example.org/") })
        #expect(xml.contains("<summary>A &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; more</summary>"))
        let page = try #require(output(root, "index.html"))
        #expect(page.contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
    }

    @Test("the feed keeps only the newest 20 dated pages")
    func feedLimit() async throws {
        var files: [String: String?] = [:]
        for i in 1...25 {
            files["content/emotional/p\(i).md"] =
                "---\ntitle: Page \(i)\ndate: 2020-01-\(String(format: "%02d", i))\n---\nText.\n"
        }
        let root = try Fixture.site(changing: files)
        #expect(await build(root).succeeded)
        let document = try parseXML(try #require(output(root, "feed.xml")))
        let entries = try document.nodes(forXPath: "//*[local-name()='entry']")
        #expect(entries.count == 20)
    }

    @Test("exercise-cards.json holds every card's facts for the finder, whatever the list's pages")
    func exerciseCards() async throws {
        let root = try Fixture.site(changing: [
            "content/exercises/\"quote\".md":
                "---\ntitle: A \"Quoted\" Card\nduration: 20\ndifficulty: deep\nwho: solo\ntypes: [physical]\n---\n\n"
                + "## Steps\n\n1. Breathe.\n\n## If it gets hard\n\nStop.\n"
        ])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let text = try #require(output(root, "exercise-cards.json"))
        let cards = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(cards.count == 2)
        let gazing = try #require(cards.first { $0["title"] as? String == "Soul Gazing" })
        #expect(gazing["url"] as? String == "/exercises/soul-gazing/")
        #expect(gazing["duration"] as? Int == 5 && gazing["difficulty"] as? String == "moderate")
        #expect(gazing["who"] as? String == "couple" && gazing["types"] as? [String] == ["emotional", "physical"])
        let quoted = try #require(cards.first { $0["title"] as? String == "A \"Quoted\" Card" })
        #expect(quoted["who"] as? String == "solo" && quoted["duration"] as? Int == 20)
        // Who in the words the pages use, for the cards the finder draws.
        #expect(gazing["whoLabel"] as? String == "For two" && quoted["whoLabel"] as? String == "On your own")
        // The exercises page points the finder at it.
        let page = try #require(output(root, "exercises/index.html"))
        #expect(page.contains("data-cards=\"/exercise-cards.json\""))
        for name in ["time", "depth", "who", "type"] { #expect(page.contains("<select name=\"\(name)\">")) }
    }

    @Test("sitemap.xml lists every published page with lastmod, and no draft")
    func sitemap() async throws {
        let root = try trickySite()
        #expect(await build(root).succeeded)
        let document = try parseXML(try #require(output(root, "sitemap.xml")))
        let locations = try document.nodes(forXPath: "//*[local-name()='loc']").map { $0.stringValue ?? "" }
        #expect(locations.contains("https://example.org/emotional/listening/"))
        #expect(locations.contains("https://example.org/"))
        #expect(!locations.contains { $0.contains("secret") })
        let xml = try #require(output(root, "sitemap.xml"))
        #expect(xml.contains("<loc>https://example.org/emotional/listening/</loc><lastmod>2025-04-01</lastmod>"))
        #expect(output(root, "robots.txt")?.contains("Sitemap: https://example.org/sitemap.xml") == true)
    }

    @Test("slugs: lower case, words joined by one hyphen, apostrophes dropped, Latin folded, other scripts kept")
    func slugs() {
        let cases: [(String, String)] = [
            ("Self Care", "self-care"), ("It's   OK!", "its-ok"), ("--Hello--World--", "hello-world"),
            ("C++ & Go", "c-go"), ("123 abc", "123-abc"), ("!!!", ""), ("Zärtlichkeit üben", "zartlichkeit-uben"),
            ("Straße", "strasse"), ("Близость и доверие", "близость-и-доверие"), ("親密", "親密"),
            ("Ｆｕｌｌ Width", "full-width"), ("Ünïcödé’s", "unicodes"), ("Łódź", "lodz"),
        ]
        for (text, slug) in cases { #expect(Slug.make(text) == slug, "\(text)") }
    }

    @Test("names in other scripts keep their letters in URLs; Latin ones are folded to ASCII")
    func nonLatinNames() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/близость и доверие.md":
                "---\ntitle: Близость\ntags: [доверие, Zärtlichkeit, 親密, \"Ｆｕｌｌ ｗｉｄｔｈ\"]\n---\nBody.\n"
        ])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let page = try #require(output(root, "emotional/близость-и-доверие/index.html"))
        for tag in ["доверие", "zartlichkeit", "親密", "full-width"] {
            #expect(page.contains("href=\"/tags/\(tag)/\""), "\(tag)")
            #expect(output(root, "tags/\(tag)/index.html")?.contains("Близость") == true, "\(tag)")
        }
        // The section page is still the section's.
        #expect(output(root, "emotional/index.html")?.contains("<title>Близость") == false)
        // The sitemap's URLs are percent-encoded, as its protocol asks.
        let xml = try #require(output(root, "sitemap.xml"))
        #expect(xml.contains("<loc>https://example.org/tags/%D0%B4%D0%BE%D0%B2%D0%B5%D1%80%D0%B8%D0%B5/</loc>"))
        #expect(!xml.contains("доверие"))
    }

    @Test(
        "tags written two ways are one tag; different tags that make one URL are a warning where the second is; an empty tag is left out"
    )
    func tagSpellings() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/a.md": "---\ntitle: A\ntags: [\"  Self   care \", C++, \"\"]\n---\nBody.\n",
            "content/emotional/b.md": "---\ntitle: B\ntags: [self-care, TRUST, c, C++]\n---\nBody.\n",
        ])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        // Case, spaces, hyphens: one tag, shown as first written (its spaces folded); no warning.
        let selfCare = try #require(output(root, "tags/self-care/index.html"))
        #expect(selfCare.contains(">A</a>") && selfCare.contains(">B</a>"))
        #expect(output(root, "emotional/a/index.html")?.contains("#Self care</a>") == true)
        #expect(
            report.diagnostics.items.filter { $0.code == .tagsShareURL }.map(\.location) == [
                "content/emotional/b.md:3:26"
            ], "\(report.messages)")
        // `c` only shares `C++`'s URL: one page, and a warning at `c` naming where `C++` is.
        #expect(report.has(.warning, "content/emotional/b.md:3:26", .tagsShareURL), "\(report.messages)")
        // The empty tag is left out, with a warning at it.
        #expect(report.has(.warning, "content/emotional/a.md:3:31", .emptyListEntry), "\(report.messages)")
        #expect(report.diagnostics.items.count { $0.severity == .warning } == 2, "\(report.messages)")
        #expect(try #require(output(root, "tags/c/index.html")).contains(">B</a>"))
    }

    @Test("titles, summaries and tags are escaped in HTML text and attributes")
    func htmlEscaping() async throws {
        let root = try trickySite()
        #expect(await build(root).succeeded)
        let page = try #require(output(root, "emotional/tricky/index.html"))
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("<h1>Tips &amp; &lt;Tricks&gt; for &quot;Us&quot; and &#39;Them&#39;</h1>"))
        #expect(
            page.contains(
                "<meta name=\"description\" content=\"A &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more\">"))
        #expect(page.contains("#&lt;b&gt;bold&lt;/b&gt; &amp; co"))
        #expect(page.contains("<!-- raw HTML omitted -->"))
    }

    @Test("with a base URL that has a path, every href and src of the site resolves to a built file")
    func subPath() async throws {
        let root = try Fixture.site("basic")
        let report = await build(root, baseURL: "https://example.org/guide/")
        #expect(report.succeeded, "\(report.messages)")
        let site = snapshot(root.appendingPathComponent("public"))
        let attribute = try NSRegularExpression(pattern: "\\s(?:href|src)=\"([^\"#?]*)[^\"]*\"")
        var checked = 0
        for (path, data) in site where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in attribute.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                guard let range = Range(match.range(at: 1), in: html) else { continue }
                var url = String(html[range])
                // The quick exit leaves for a neutral page on another host (site.yml's `exit:`).
                if url.isEmpty || url.hasPrefix("mailto:") || url == "https://www.bbc.co.uk/weather" { continue }
                if url.hasPrefix("https://example.org/guide/") { url.removeFirst("https://example.org".count) }
                if !url.hasPrefix("/") {
                    let directory = (path as NSString).deletingLastPathComponent
                    url = "/guide/" + (directory.isEmpty ? "" : directory + "/") + url
                }
                #expect(url.hasPrefix("/guide/"), "\(path) links to \(url) outside /guide/")
                var file = String(url.dropFirst("/guide/".count))
                if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
                #expect(site[file] != nil, "\(path) links to \(url), which is not a built file")
                checked += 1
            }
        }
        #expect(checked > 100)
        let feed = try #require(output(root, "feed.xml"))
        #expect(feed.contains("<link href=\"https://example.org/guide/emotional/listening/\""))
        let search = try #require(output(root, "search/index.html"))
        #expect(search.contains("data-index=\"/guide/search-index.json\""))
        #expect(output(root, "search/d-0.json")?.contains("\"url\":\"/guide/emotional/listening/\"") == true)
    }
}
