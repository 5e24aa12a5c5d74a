import Foundation
import Testing

@testable import HearthCore

@Suite("cross-linking")
struct LinkTests {
    /// Builds the basic site with one extra page and returns that page's HTML and the report.
    func page(_ body: String, at path: String = "content/emotional/probe.md", front: String = "title: Probe")
        async throws -> (html: String, report: BuildReport)
    {
        let root = try Fixture.site(changing: [path: "---\n\(front)\n---\n\(body)"])
        let report = await build(root)
        let url = path.dropFirst("content/".count).dropLast(3) + "/index.html"
        return (output(root, String(url)) ?? "", report)
    }

    @Test("a wikilink finds its page by path, slug, title or alias, whatever the case and spacing")
    func matching() async throws {
        for target in [
            "physical/touch", "physical/touch.md", "touch", "Gentle Touch", "gentle   touch", "GENTLE TOUCH",
            " Gentle\tTouch ", "\u{00A0}Gentle Touch \u{2003}",
        ] {
            let (html, report) = try await page("See [[\(target)]].\n")
            #expect(report.succeeded, "\(target): \(report.messages)")
            #expect(html.contains("See <a href=\"/physical/touch/\">Gentle Touch</a>."), "\(target)")
        }
        let (html, _) = try await page(
            "See [[active listening|this]] and [[soul-gazing]] and [[exercises]] and [[touch|\u{00A0}it ]].\n")
        #expect(html.contains("<a href=\"/emotional/listening/\">this</a>"))
        #expect(html.contains("<a href=\"/physical/touch/\">it</a>"), "a label's white space is trimmed, wide or not")
        #expect(html.contains("<a href=\"/exercises/soul-gazing/\">Soul Gazing</a>"))
        #expect(html.contains("<a href=\"/exercises/\">Exercises</a>"))
    }

    @Test("a wikilink wrapped over lines of a paragraph is one link; a broken one is reported where it opens")
    func wrappedWikilinks() async throws {
        let (html, report) = try await page(
            """
            See [[Gentle
            Touch]] and, over three lines, [[active
            listening#Why
            it matters|why it]] works, then [[touch.md]].
            Not \\[[Gentle
            Touch]], nor [[Gentle]
            Touch]].

            """)
        #expect(report.succeeded, "\(report.messages)")
        #expect(
            html.contains(
                "<p>See <a href=\"/physical/touch/\">Gentle Touch</a> and, over three lines, "
                    + "<a href=\"/emotional/listening/#why-it-matters\">why it</a> works, then "
                    + "<a href=\"/physical/touch/\">Gentle Touch</a>.\nNot [[Gentle\nTouch]], nor [[Gentle]\nTouch]].</p>"
            ),
            "\(html)")

        let (_, broken) = try await page("One\nand [[Gentle\nTuch]] and\n[[active\nlistening#Nowhere]].\n")
        #expect(broken.has(.error, "content/emotional/probe.md:5:5", .noPageMatches), "\(broken.messages)")
        #expect(broken.has(.error, "content/emotional/probe.md:7:1", .headingNotFound), "\(broken.messages)")
    }

    @Test("smart punctuation in a wikilink still matches the title as typed")
    func smartQuotes() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/quote.md": "---\ntitle: Don't Panic -- Breathe\n---\nText.\n",
            "content/emotional/probe.md": "---\ntitle: Probe\n---\nRead [[Don't Panic -- Breathe]].\n",
        ])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        #expect(output(root, "emotional/probe/index.html")?.contains("<a href=\"/emotional/quote/\">") == true)
    }

    @Test("a heading target becomes the heading's id, checked against the page")
    func headingTargets() async throws {
        let (html, report) = try await page("[[Gentle Touch#How to begin]] and [[touch#why-touch-matters|why]].\n")
        #expect(report.succeeded, "\(report.messages)")
        #expect(html.contains("<a href=\"/physical/touch/#how-to-begin\">Gentle Touch</a>"))
        #expect(html.contains("<a href=\"/physical/touch/#why-touch-matters\">why</a>"))
        // A heading with no letter or digit has the id "section": its text still finds it.
        let (emoji, emojiReport) = try await page("[[#💞|hearts]] and [[#???|marks]].\n\n# 💞\n")
        #expect(emojiReport.succeeded, "\(emojiReport.messages)")
        #expect(emoji.contains("<a href=\"/emotional/probe/#section\">hearts</a>"), "\(emoji)")
        #expect(emoji.contains("<a href=\"/emotional/probe/#section\">marks</a>"), "\(emoji)")
        let (_, broken) = try await page("Intro.\n\nSee [[Gentle Touch#Nowhere]].\n")
        #expect(broken.has(.error, "content/emotional/probe.md:6:5", .headingNotFound), "\(broken.messages)")
    }

    @Test("links to .md files and anchors are rewritten and checked")
    func markdownLinks() async throws {
        let (html, report) = try await page(
            "[t](../physical/touch.md) [b](../physical/touch.md#how-to-begin) [s](#top) [l](listening.md)\n\n# Top\n")
        #expect(report.succeeded, "\(report.messages)")
        #expect(html.contains("<a href=\"/physical/touch/\">t</a>"))
        #expect(html.contains("<a href=\"/physical/touch/#how-to-begin\">b</a>"))
        #expect(html.contains("<a href=\"#top\">s</a>"))
        #expect(html.contains("<a href=\"/emotional/listening/\">l</a>"))
        let (_, broken) = try await page("[x](../physical/nothing.md) and [y](#nope) and [z](touch.md#how-to-begin)\n")
        #expect(broken.has(.error, "content/emotional/probe.md:4:1", .linkedPageFileMissing), "\(broken.messages)")
        #expect(broken.has(.error, "content/emotional/probe.md:4:33", .headingNotFound), "\(broken.messages)")
        #expect(broken.has(.error, "content/emotional/probe.md:4:48", .linkedPageFileMissing), "\(broken.messages)")
        // Zola's links from content/ are written with '/' here; the same link that way works.
        let (_, zola) = try await page("[t](@/physical/touch.md#how-to-begin)\n")
        let error = zola.diagnostics.items.first { $0.location == "content/emotional/probe.md:4:1" }
        #expect(error?.code == .zolaInternalLink, "\(zola.messages)")
        #expect(error?.hints == ["write it from the content folder with '/': '/physical/touch.md#how-to-begin'"])
        let (fixed, rooted) = try await page("[t](/physical/touch.md#how-to-begin)\n")
        #expect(rooted.succeeded, "\(rooted.messages)")
        #expect(fixed.contains("<a href=\"/physical/touch/#how-to-begin\">t</a>"))
    }

    @Test("links written as site paths or URLs relative to the page are checked and kept; one to nothing is a warning")
    func sitePaths() async throws {
        let good = [
            "/physical/touch/", "/physical/touch", "/physical/touch/index.html", "/physical/touch/#how-to-begin",
            "/emotional/", "/", "/tags/trust/", "/tags/", "/feed.xml", "/search/", "/assets/style.css",
            "/exercises/soul-gazing/eyes.svg",
        ]
        let body = good.map { "[x](\($0))" }.joined(separator: " ")
        let root = try Fixture.site(changing: ["content/emotional/probe.md": "---\ntitle: Probe\n---\n\(body)\n"])
        let report = await build(root)
        #expect(report.succeeded && report.diagnostics.items.isEmpty, "\(report.messages)")
        let html = try #require(output(root, "emotional/probe/index.html"))
        for path in good { #expect(html.contains("<a href=\"\(path)\">x</a>"), "\(path)") }
        // A page linked by its site path lists the linking page among its backlinks.
        let touch = try #require(output(root, "physical/touch/index.html"))
        #expect(touch.contains("<a href=\"/emotional/probe/\">Probe</a>"))

        let (_, broken) = try await page(
            "[a](/physical/tuoch/) [b](/tags/nothing/) [c](/physical/touch/#nope) [d](/exercises/soul-gazing/no.svg)\n")
        #expect(broken.has(.warning, "content/emotional/probe.md:4:1", .sitePathNotFound), "\(broken.messages)")
        #expect(
            broken.diagnostics.items.first {
                $0.location == "content/emotional/probe.md:4:1" && $0.code == .sitePathNotFound
            }?.hints == [
                "did you mean '/physical/touch/'?"
            ])
        #expect(broken.has(.warning, "content/emotional/probe.md:4:23", .sitePathNotFound), "\(broken.messages)")
        #expect(broken.has(.error, "content/emotional/probe.md:4:43", .headingNotFound), "\(broken.messages)")
        #expect(broken.has(.warning, "content/emotional/probe.md:4:70", .sitePathNotFound), "\(broken.messages)")

        // Links relative to the page's URL, as a browser reads them from /emotional/probe/.
        let (relativeHTML, relative) = try await page(
            "[a](../../physical/touch/#how-to-begin) [b](../) [c](./) [d](../physical/)\n")
        #expect(
            relative.lines == ["content/emotional/probe.md:4:58: warning H214"], "\(relative.messages)")
        #expect(relativeHTML.contains("<a href=\"../../physical/touch/#how-to-begin\">a</a>"))
        let (_, relativeAnchor) = try await page("[a](../../physical/touch/#nope) [b](../../../../x/)\n")
        #expect(
            relativeAnchor.has(.error, "content/emotional/probe.md:4:1", .headingNotFound),
            "\(relativeAnchor.messages)")
        #expect(
            relativeAnchor.has(.warning, "content/emotional/probe.md:4:33", .linkAboveSiteRoot),
            "\(relativeAnchor.messages)")
    }

    @Test("percent escapes in a link are decoded before it is checked; a bad escape stays as written")
    func percentEscapes() async throws {
        let (html, report) = try await page(
            "[p](../physical/touch%2Emd) [h](../physical/touch.md#how%2Dto%2Dbegin) [c](#caf%C3%A9)\n\n# Café\n")
        #expect(report.succeeded, "\(report.messages)")
        #expect(html.contains("<a href=\"/physical/touch/\">p</a>"), "\(html)")
        let (_, broken) = try await page("[z](touch%ZZ.md) [a](#caf%C3%A9)\n")
        #expect(broken.has(.error, "content/emotional/probe.md:4:1", .linkedPageFileMissing), "\(broken.messages)")
        #expect(broken.has(.error, "content/emotional/probe.md:4:18", .headingNotFound), "\(broken.messages)")
    }

    @Test("a link to a bundle file from another page goes to the published file")
    func bundleFiles() async throws {
        let (html, report) = try await page("![Eyes](../exercises/soul-gazing/eyes.svg)\n")
        #expect(report.succeeded, "\(report.messages)")
        #expect(
            html.contains("<img src=\"/exercises/soul-gazing/eyes.svg\" alt=\"Eyes\" width=\"10\" height=\"10\" />"),
            "\(html)")

        // A Markdown file beside a bundle's index.md is one of its files, copied as it is, not a page.
        let root = try Fixture.site(changing: [
            "content/exercises/soul-gazing/notes.md": "# Notes\n",
            "content/emotional/probe.md": "---\ntitle: Probe\n---\n[n](../exercises/soul-gazing/notes.md)\n",
        ])
        let withNotes = await build(root)
        #expect(withNotes.succeeded, "\(withNotes.messages)")
        #expect(
            output(root, "emotional/probe/index.html")?.contains("<a href=\"/exercises/soul-gazing/notes.md\">n</a>")
                == true)
        #expect(output(root, "exercises/soul-gazing/notes.md") == "# Notes\n")
    }

    @Test("text typed decomposed (NFD, as macOS may save it) links to headings typed composed, byte for byte")
    func decomposedText() async throws {
        let nfd = "U\u{0308}berblick"  // Ü as U and a combining diaeresis
        let root = try Fixture.site(changing: [
            "content/emotional/nfd.md":
                "---\ntitle: Cafe\u{0301}\n---\n## \(nfd)\n\nSee [[Composed#U\u{0308}bersicht]] and [x](nfc.md#u\u{0308}bersicht).\n",
            "content/emotional/nfc.md": "---\ntitle: Composed\n---\n## Übersicht\n\nSee [[Café#Überblick]].\n",
        ])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let decomposed = try #require(output(root, "emotional/nfd/index.html"))
        let composed = try #require(output(root, "emotional/nfc/index.html"))
        // Compared as bytes: Swift's == would take the two forms as equal. cmark writes a link's
        // non-ASCII as %XX escapes of its UTF-8; a browser decodes them to find the id.
        #expect(Self.bytes(decomposed, contain: "<h2 id=\"überblick\">Überblick</h2>"))
        #expect(Self.bytes(composed, contain: "<a href=\"/emotional/nfd/#%C3%BCberblick\">Café</a>"))
        #expect(Self.bytes(decomposed, contain: "<a href=\"/emotional/nfc/#%C3%BCbersicht\">Composed</a>"))
        #expect(Self.bytes(decomposed, contain: "<a href=\"/emotional/nfc/#%C3%BCbersicht\">x</a>"))
        #expect(!decomposed.utf8.contains(0xCC), "no combining mark is left")
    }

    /// Whether `text` holds `part` byte for byte.
    static func bytes(_ text: String, contain part: String) -> Bool {
        let haystack = Array(text.utf8), needle = Array(part.precomposedStringWithCanonicalMapping.utf8)
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    @Test("a '[[' that starts no link is a warning at it, and the page shows it as written")
    func strayOpening() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/probe.md": "---\ntitle: Probe\n---\nSee [[touch|the **gentle** way]] and [[Hugs\n"
        ])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        for column in [5, 38] {
            #expect(
                report.has(.warning, "content/emotional/probe.md:4:\(column)", .strayWikilinkOpening),
                "\(report.messages)")
        }
        // It says what to write instead.
        let warning = report.diagnostics.items.first { $0.code == .strayWikilinkOpening }
        #expect(warning?.hints.isEmpty == false, "\(report.messages)")
        #expect(
            output(root, "emotional/probe/index.html")?.contains("[[touch|the <strong>gentle</strong> way]]") == true)
    }

    @Test("no match, several matches and bad related entries are errors with their place and a hint")
    func errors() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/touch.md": "---\ntitle: Touch, emotionally\n---\nText.\n",
            "content/emotional/probe.md": """
            ---
            title: Probe
            related: [Nowhere Page, physical/hugs]
            ---
            See [[Gentel Touch]] and
            also [[touch]] and [[Unfinished Draft]].
            Left empty: [[ ]], [[|a label]] and [[#]]; this page's own heading: [[#Probe]].

            # Probe
            """,
        ])
        let report = await build(root)
        #expect(!report.succeeded)
        #expect(report.has(.error, "content/emotional/probe.md:5:5", .noPageMatches), "\(report.messages)")
        let missing = report.diagnostics.items.first {
            $0.location == "content/emotional/probe.md:5:5" && $0.code == .noPageMatches
        }
        #expect(missing?.hints.first == "did you mean 'Gentle Touch'?")
        #expect(report.has(.error, "content/emotional/probe.md:6:6", .linkMatchesSeveralPages), "\(report.messages)")
        let ambiguous = report.diagnostics.items.first { $0.code == .linkMatchesSeveralPages }
        #expect(ambiguous?.hints.first == "candidates: content/emotional/touch.md, content/physical/touch.md")
        #expect(report.has(.error, "content/emotional/probe.md:6:20", .linkToDraft), "\(report.messages)")
        #expect(report.has(.error, "content/emotional/probe.md:3:11", .noPageMatches), "\(report.messages)")
        for column in [13, 20, 37] {
            #expect(
                report.has(.error, "content/emotional/probe.md:7:\(column)", .wikilinkNamesNoPage), "\(report.messages)"
            )
        }
        let empty = report.diagnostics.items.first {
            $0.location == "content/emotional/probe.md:7:13" && $0.code == .wikilinkNamesNoPage
        }
        #expect(empty?.hints.isEmpty == false, "\(report.messages)")
        #expect(report.diagnostics.errorCount == 7, "every broken link of the run is reported: \(report.messages)")
    }

    @Test("with nothing close to suggest, a broken link's hint shows a path that works on this site")
    func examplePathHint() async throws {
        let root = try Fixture.copy(as: "example")
        try Fixture.write(
            Data("---\ntitle: Probe\n---\nSee [[Zzyzx Qwv]].\n".utf8), to: "content/emotional/probe.md", in: root)
        let report = await build(root, write: false)
        let broken = try #require(
            report.diagnostics.items.first {
                $0.location == "content/emotional/probe.md:4:5" && $0.code == .noPageMatches
            }, "\(report.messages)")
        let example = try #require(broken.hints.first?.split(separator: "[[").last?.split(separator: "]]").first)
        #expect(example != "emotional/probe")
        let content = root.appendingPathComponent("content")
        #expect(
            FileManager.default.fileExists(atPath: content.appendingPathComponent(example + ".md").path)
                || FileManager.default.fileExists(atPath: content.appendingPathComponent(example + "/index.md").path),
            "\(broken.hints)")
    }

    @Test("a link to a page left out of the build says why, not that the page does not exist")
    func linksToLeftOutPages() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/copy.md": "---\ntitle: Copy of Listening\nslug: listening\n---\nText.\n",
            "content/emotional/probe.md": """
            ---
            title: Probe
            ---
            [s](../physical/secret.md) and [[Copy of Listening]],
            [c](copy.md) and [[Listening]].
            """,
        ])
        let report = await build(root)
        #expect(report.has(.error, "content/emotional/probe.md:4:1", .linkToDraft), "\(report.messages)")
        #expect(report.has(.error, "content/emotional/probe.md:4:32", .linkToPageNotBuilt), "\(report.messages)")
        #expect(report.has(.error, "content/emotional/probe.md:5:1", .linkToPageNotBuilt), "\(report.messages)")
        #expect(report.has(.error, "content/emotional/copy.md:3:7", .pageURLTaken))
        #expect(report.diagnostics.errorCount == 4, "[[Listening]] still finds its page: \(report.messages)")
    }

    @Test(
        "a .md link to a missing file suggests the nearest file of its folder; /section/page.md is named from content/")
    func mdLinkHints() async throws {
        let (_, report) = try await page(
            "[a](../physical/Touch.md) [b](../physical/hgus.md) [c](nowhere-near-anything.md)\n"
                + "[d](/physical/touch.md#nowhere) [e](/physical/nothing.md)\n")
        #expect(!report.succeeded)
        let hints = { (place: String) in report.diagnostics.items.first { $0.location == place }?.hints ?? [] }
        #expect(
            hints("content/emotional/probe.md:4:1") == ["did you mean '../physical/touch.md'?"], "\(report.messages)")
        #expect(
            hints("content/emotional/probe.md:4:27") == ["did you mean '../physical/hugs.md'?"], "\(report.messages)")
        #expect(report.has(.error, "content/emotional/probe.md:4:52", .linkedPageFileMissing))
        #expect(report.has(.error, "content/emotional/probe.md:5:1", .headingNotFound), "\(report.messages)")
        #expect(report.has(.warning, "content/emotional/probe.md:5:33", .sitePathNotFound), "\(report.messages)")
        #expect(report.diagnostics.items.count == 5, "\(report.messages)")

        let (html, good) = try await page("[d](/physical/touch.md#how-to-begin)\n")
        #expect(good.succeeded, "\(good.messages)")
        #expect(html.contains("<a href=\"/physical/touch/#how-to-begin\">d</a>"))
    }

    @Test("wikilinks in code spans and code blocks stay as written")
    func code() async throws {
        let (html, report) = try await page("`[[Nowhere]]`\n\n    [[Nowhere]]\n")
        #expect(report.succeeded, "\(report.messages)")
        #expect(html.contains("<code>[[Nowhere]]</code>"))
    }

    @Test("backlinks list each linking page once, by title")
    func backlinks() async throws {
        // File names in the opposite order of the titles: the list follows the titles.
        let root = try Fixture.site(changing: [
            "content/emotional/probe.md": "---\ntitle: Probe\n---\n[[Gentle Touch]] and [t](../physical/touch.md)\n",
            "content/emotional/a-zulu.md": "---\ntitle: Zulu\n---\nSee [[Gentle Touch]].\n",
            "content/physical/z-alpha.md": "---\ntitle: Alpha\n---\nSee [[Gentle Touch]], [[Gentle Touch]].\n",
        ])
        #expect(await build(root).succeeded)
        let touch = try #require(output(root, "physical/touch/index.html"))
        let section = try #require(touch.range(of: "Linked from"))
        let linkedFrom = touch[section.upperBound...]
        #expect(linkedFrom.components(separatedBy: "href=\"/emotional/probe/\"").count == 2)
        #expect(linkedFrom.components(separatedBy: "href=\"/physical/z-alpha/\"").count == 2)
        #expect(linkedFrom.contains("href=\"/emotional/listening/\""))
        let list = linkedFrom[..<(linkedFrom.range(of: "</ul>")?.lowerBound ?? linkedFrom.endIndex)]
        let titles = list.components(separatedBy: "\">").dropFirst().compactMap {
            $0.components(separatedBy: "</a>").first
        }
        #expect(titles.count == 4 && titles.first == "Alpha" && titles.last == "Zulu", "\(titles)")
        #expect(titles == titles.sorted(), "\(titles)")
    }

    @Test("topic sections list their pages, pages naming them, cards of their type, and each other")
    func sections() async throws {
        let root = try Fixture.site("basic")
        #expect(await build(root).succeeded)
        let emotional = try #require(output(root, "emotional/index.html"))
        #expect(emotional.contains(">Listening First</a>"))
        #expect(emotional.contains(">Gentle Touch</a>"), "physical/touch names emotional in its types")
        #expect(emotional.contains(">Soul Gazing</a>"), "the card's types name emotional")
        #expect(!emotional.contains(">Long Hugs</a>"))
        #expect(emotional.contains("<a href=\"/physical/\">Physical intimacy</a>"))
        let physical = try #require(output(root, "physical/index.html"))
        #expect(physical.contains("<a href=\"/emotional/\">Emotional intimacy</a>"))
        #expect(!physical.contains(">Listening First</a>"))
        let exercises = try #require(output(root, "exercises/index.html"))
        #expect(exercises.contains("data-difficulty=\"moderate\" data-duration=\"5\""))
        #expect(exercises.contains("5 min"))
    }
}
