import HearthMarkdown
import Testing

/// Resolves every wikilink to `/<target>/` and every `.md` destination to `/<name>/`.
struct MapResolver: LinkResolver {
    var seen: [(Wikilink, SourcePosition)] = []
    var destinations: [(String, SourcePosition)] = []

    mutating func resolve(wikilink: Wikilink, at position: SourcePosition) -> ResolvedLink? {
        seen.append((wikilink, position))
        if wikilink.target == "Missing" { return nil }
        let fragment = wikilink.fragment.map { "#" + HeadingID.slug($0) } ?? ""
        return ResolvedLink(url: "/\(wikilink.target.lowercased())/\(fragment)", title: "Title of \(wikilink.target)")
    }

    mutating func resolve(destination: String, isImage: Bool, at position: SourcePosition) -> String? {
        destinations.append((destination, position))
        guard destination.hasSuffix(".md") else { return nil }
        return "/" + destination.dropLast(3) + "/"
    }
}

@Suite("Markdown pipeline")
struct MarkdownTests {
    @Test(
        "white space folds to one space and the ends are trimmed, in search text and summaries",
        arguments: [
            ("", ""), ("   ", ""), ("a", "a"), (" \t a \n", "a"), ("a  b\t\t c", "a b c"), ("a\u{0B}\u{0C}\rb", "a b"),
            ("a\u{1F}b", "a\u{1F}b"), ("é \n ü ", "é ü"), ("a\u{00A0}b", "a\u{00A0}b"),
        ])
    func foldsWhiteSpace(text: String, folded: String) {
        #expect(text.collapsingWhitespace() == folded)
    }

    @Test("a page's text and first paragraph are its words, one space apart")
    func plainText() {
        let rendered = Markdown.render("  Hello \t *big*\nworld.\n\n# Title\n\nNext   para  \n")
        #expect(rendered.firstParagraph == "Hello big world.")
        #expect(rendered.plainText == "Hello big world. Title Next para")
    }

    @Test("with a limit, a page's text is the start of its whole text")
    func plainTextLimit() {
        let source = "Hello   *big*\nwörld — ünd 親密.\n\n# Title\n\nNext   para  \n"
        let whole = Array(Markdown.render(source).plainText.utf8)
        for limit in 0...(whole.count + 2) {
            let start = Array(Markdown.render(source, options: MarkdownOptions(plainTextLimit: limit)).plainText.utf8)
            // A character the limit cuts in two is one U+FFFD at the end.
            let replacement = Array("\u{FFFD}".utf8)
            let kept = start.count >= 3 && Array(start.suffix(3)) == replacement ? Array(start.dropLast(3)) : start
            #expect(whole.starts(with: kept) && kept.count <= limit, "limit \(limit)")
            #expect(limit < whole.count || start == whole, "limit \(limit)")
        }
    }

    @Test(
        "lines start after \\n, \\r\\n and a lone \\r, as cmark counts them",
        arguments: [
            ("", [0]), ("a", [0]), ("a\n", [0, 2]), ("a\nbc\n\nd", [0, 2, 5, 6]), ("\n\n", [0, 1, 2]),
            ("a\r\nb", [0, 3]), ("a\rb\r", [0, 2, 4]), ("a\r\n\rb\nc", [0, 3, 4, 6]), ("é\n親", [0, 3]),
        ])
    func lineStarts(text: String, starts: [Int]) {
        #expect(Markdown.lineStarts(Array(text.utf8)) == starts)
    }

    @Test("heading ids follow the spec's rule and repeated ids get -1, -2")
    func headingIDs() {
        let rendered = Markdown.render("# Hello, World!\n\n## Steps\n\n## Steps\n\n## Steps\n\n## Ça va? 2_x-y\n")
        #expect(rendered.headings.map(\.id) == ["hello-world", "steps", "steps-1", "steps-2", "ça-va-2_x-y"])
        #expect(rendered.html.contains("<h1 id=\"hello-world\">Hello, World!</h1>\n"))
        #expect(rendered.html.contains("<h2 id=\"steps-2\">Steps</h2>\n"))
        #expect(rendered.headings.map(\.level) == [1, 2, 2, 2, 2])
    }

    @Test("repeats skip ids that headings took as written; thousands of repeats number straight on")
    func repeatedIDs() {
        let rendered = Markdown.render("## A\n\n## A-1\n\n## A\n\n## A\n\n## A-2\n\n## A\n")
        #expect(rendered.headings.map(\.id) == ["a", "a-1", "a-2", "a-3", "a-2-1", "a-4"])
        let many = Markdown.render(String(repeating: "## Step\n\ntext\n\n", count: 5000))
        #expect(many.headings.count == 5000)
        #expect(many.headings.last?.id == "step-4999")
        #expect(Set(many.headings.map(\.id)).count == 5000)
    }

    @Test("a heading of only punctuation still gets a usable id")
    func emptyID() {
        #expect(Markdown.render("## ???\n").headings.first?.id == "section")
    }

    @Test("wikilinks in text become links with label or title")
    func wikilinks() {
        var resolver = MapResolver()
        let html = Markdown.render(
            "See [[Touch]] and *also [[Listening|this one]]*.\n\n- [[Trust#Why It Matters]]\n",
            resolver: &resolver
        ).html
        #expect(html.contains("See <a href=\"/touch/\">Title of Touch</a> and"))
        #expect(html.contains("<em>also <a href=\"/listening/\">this one</a></em>"))
        #expect(html.contains("<li><a href=\"/trust/#why-it-matters\">Title of Trust</a></li>"))
        #expect(resolver.seen.map(\.0.target) == ["Touch", "Listening", "Trust"])
        #expect(resolver.seen.map(\.0.fragment) == [nil, nil, "Why It Matters"])
    }

    @Test("wikilinks report the file position of their first bracket")
    func wikilinkPositions() {
        var resolver = MapResolver()
        _ = Markdown.render("Intro line.\n\nÉtude — see [[A]] and *x [[B|b]]*\n", lineOffset: 5, resolver: &resolver)
        #expect(resolver.seen.map(\.1) == [SourcePosition(line: 8, column: 13), SourcePosition(line: 8, column: 26)])
    }

    @Test("wikilinks in code spans, code blocks and escaped brackets stay text")
    func notInCode() {
        var resolver = MapResolver()
        let html = Markdown.render(
            "Use `[[Touch]]`.\n\n```\n[[Touch]]\n```\n\n\\[[Touch]] and \\[\\[Touch]] and [\\[Touch]]\n",
            resolver: &resolver
        ).html
        #expect(resolver.seen.isEmpty)
        #expect(html.contains("<code>[[Touch]]</code>"))
        #expect(html.contains("<pre><code>[[Touch]]\n</code></pre>"))
        #expect(html.contains("<p>[[Touch]] and [[Touch]] and [[Touch]]</p>"))
    }

    @Test("an escaped wikilink does not hide the real one after it")
    func escapedThenReal() {
        var resolver = MapResolver()
        let html = Markdown.render("\\[[A]] then [[B]]\n", resolver: &resolver).html
        #expect(html == "<p>[[A]] then <a href=\"/b/\">Title of B</a></p>\n")
        #expect(resolver.seen.map(\.1) == [SourcePosition(line: 1, column: 13)])
    }

    @Test(
        "a '[[' that starts no wikilink is reported where it is; escaped, wrapped, complete or in code it is not",
        arguments: [
            ("One [[touch|label with **bold**]] two.\n", [SourcePosition(line: 1, column: 5)]),
            ("Ab\n\nThree [[touch never closed.\n", [SourcePosition(line: 3, column: 7)]),
            (
                "[[*Touch*]] and [[B]] and [[a]b]]\n",
                [SourcePosition(line: 1, column: 1), SourcePosition(line: 1, column: 27)]
            ),
            ("# Head [[A\n", [SourcePosition(line: 1, column: 8)]),
            ("[[[B]]] and [[B]] and \\[[C and `[[D` and [\\[E\n", []),
            ("[[Missing]] and [[physical vs\nemotional]] and [[Missing\nhere]]\n", []),
            ("```\n[[A\n```\n    [[B\n[x]([[y)\n", []),
        ] as [(String, [SourcePosition])])
    func strayOpenings(source: String, expected: [SourcePosition]) {
        var resolver = MapResolver()
        #expect(Markdown.render(source, resolver: &resolver).strayWikilinks == expected)
    }

    @Test("a wikilink wrapped over lines that names no page is the resolver's to report, not a stray '[['")
    func wrappedUnresolved() {
        var resolver = RecordingResolver()
        let rendered = Markdown.render("See [[physical vs\nemotional]] and [[Touch\n", resolver: &resolver)
        #expect(resolver.wikilinks.map(\.target) == ["physical vs emotional"])
        #expect(rendered.strayWikilinks == [SourcePosition(line: 2, column: 17)])
    }

    @Test("an unresolved wikilink is left as written")
    func unresolved() {
        var resolver = MapResolver()
        let html = Markdown.render("A [[Missing]] page.\n", resolver: &resolver).html
        #expect(html == "<p>A [[Missing]] page.</p>\n")
        #expect(resolver.seen.count == 1)
    }

    @Test("link destinations go through the resolver with their positions")
    func destinations() {
        var resolver = MapResolver()
        let html = Markdown.render("Read [touch](touch.md) or ![a pic](p.png).\n", lineOffset: 3, resolver: &resolver)
            .html
        #expect(html.contains("<a href=\"/touch/\">touch</a>"))
        #expect(html.contains("<img src=\"p.png\" alt=\"a pic\" />"))
        #expect(resolver.destinations.map(\.0) == ["touch.md", "p.png"])
        #expect(
            resolver.destinations.map(\.1) == [SourcePosition(line: 4, column: 6), SourcePosition(line: 4, column: 27)])
    }

    @Test("raw HTML is dropped unless unsafe HTML is allowed")
    func rawHTML() {
        let md = "<div>hi</div>\n\nA <b>bold</b> move.\n"
        let safe = Markdown.render(md).html
        #expect(!safe.contains("<div>") && !safe.contains("<b>"))
        #expect(safe.contains("<!-- raw HTML omitted -->"))
        let unsafe = Markdown.render(md, options: MarkdownOptions(unsafeHTML: true)).html
        #expect(unsafe.contains("<div>hi</div>") && unsafe.contains("<b>bold</b>"))
    }

    @Test("raw HTML left out is reported where it is written; comments and kept HTML are not")
    func htmlLeftOut() {
        let md = "<div class=\"note\">\nhi\n</div>\n\nA <b>bold</b> move.<!-- a note -->\n\n<!--\nhidden\n-->\n"
        let safe = Markdown.render(md)
        #expect(
            safe.htmlLeftOut.map(\.position) == [
                SourcePosition(line: 1, column: 1), SourcePosition(line: 5, column: 3),
                SourcePosition(line: 5, column: 10),
            ])
        #expect(safe.htmlLeftOut.map(\.html) == ["<div class=\"note\">", "<b>", "</b>"])
        #expect(Markdown.render(md, options: MarkdownOptions(unsafeHTML: true)).htmlLeftOut.isEmpty)
    }

    @Test("other generators' template tags are found where they are written; not in code, not unclosed")
    func shortcodes() {
        let source = """
            # About {{< param name >}}

            See {{< ref "touch.md" >}} and `{{< ref "code" >}}` and
            {{% note %}}a note{{% /note %}} and {{< unclosed

            ```
            {{< figure src="a.png" >}}
            ```

            - in a list: {{<figure src="b.png">}}
            """
        var resolver = NoLinkResolver()
        let rendered = Markdown.render(source, lineOffset: 3, resolver: &resolver)
        #expect(
            rendered.shortcodes.map(\.position) == [
                SourcePosition(line: 4, column: 9), SourcePosition(line: 6, column: 5),
                SourcePosition(line: 7, column: 1), SourcePosition(line: 13, column: 14),
            ])
        #expect(
            rendered.shortcodes.map(\.text) == [
                "{{< param name >}}", "{{< ref \"touch.md\" >}}", "{{% note %}}", "{{<figure src=\"b.png\">}}",
            ])
        #expect(Markdown.render("Braces {{ and }} and {x}, {{name}} and {{ name }}.").shortcodes.isEmpty)
        // Jekyll's Liquid and Zola's shortcodes; their closing tags go with the opening ones.
        let others = Markdown.render(
            "{% raw %}x{% endraw %} {{ youtube(id=\"a\") }} {% note(kind=\"tip\") %}y{% end %} {{ site.url }}")
        #expect(others.shortcodes.map(\.text) == ["{% raw %}", "{{ youtube(id=\"a\") }}", "{% note(kind=\"tip\") %}"])
        #expect(others.shortcodes.map(\.position.column) == [1, 24, 46])
    }

    @Test("smart punctuation, first paragraph, plain text and images without alt")
    func facts() {
        let rendered = Markdown.render("# Title\n\n\"Hi\" -- it's *me*\nagain.\n\nMore ![](x.png).\n")
        #expect(rendered.html.contains("“Hi” – it’s"))
        #expect(rendered.firstParagraph == "“Hi” – it’s me again.")
        #expect(rendered.plainText == "Title “Hi” – it’s me again. More .")
        #expect(rendered.imagesWithoutAlt == [SourcePosition(line: 6, column: 6)])
    }

    @Test("a GitHub table is found where it starts, in a list or quote too; pipes in prose are not one")
    func tablesAsText() {
        let source = """
            | Day | Minutes |
            |-----|--------:|

            Day | Minutes
            :-- | --:

            - | in a list |
              |---|

            > | a | b |
            > | - | - |

            Not | a table
            just | pipes

            | one line |

            Dashes
            ---
            """
        var resolver = NoLinkResolver()
        let rendered = Markdown.render(source, lineOffset: 3, resolver: &resolver)
        #expect(
            rendered.tablesAsText == [
                SourcePosition(line: 4, column: 1), SourcePosition(line: 7, column: 1),
                SourcePosition(line: 10, column: 3), SourcePosition(line: 13, column: 3),
            ])
        #expect(!rendered.html.contains("<table"), "cmark has no tables: they stay text")
    }
}
