import Foundation
import Testing

@testable import HearthCore

@Suite("hearth build")
struct BuildTests {
    @Test("a site in the spec's format builds with every page where the URL table puts it")
    func urlTable() async throws {
        let root = try Fixture.site("basic")
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        #expect(report.lines.isEmpty, "\(report.messages)")
        for path in [
            "index.html", "emotional/index.html", "physical/index.html", "exercises/index.html",
            "emotional/listening/index.html", "physical/touch/index.html", "physical/hugs/index.html",
            "exercises/soul-gazing/index.html", "exercises/soul-gazing/eyes.svg", "tags/index.html",
            "tags/listening/index.html", "tags/trust/index.html", "tags/touch/index.html", "tags/presence/index.html",
            "feed.xml", "sitemap.xml", "search-index.json", "404.html", "robots.txt", "search/index.html",
            "assets/style.css", "assets/js/main.js",
        ] {
            #expect(output(root, path) != nil, "missing \(path)")
        }
        #expect(output(root, "physical/secret/index.html") == nil, "a draft was published")
        #expect(report.pageCount == 8)
    }

    @Test("article and exercise card pages match their golden HTML")
    func golden() async throws {
        let root = try Fixture.site("basic")
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        try Self.expectGolden(
            root,
            [
                ("emotional/listening/index.html", "listening.html"),
                ("exercises/soul-gazing/index.html", "soul-gazing.html"),
            ])
    }

    /// Each built page equals its golden file (`HEARTH_UPDATE_GOLDEN=1` rewrites them).
    static func expectGolden(_ root: URL, _ pages: [(page: String, golden: String)]) throws {
        for (page, golden) in pages {
            let actual = try #require(output(root, page))
            let goldenURL = Fixture.golden.appendingPathComponent(golden)
            if ProcessInfo.processInfo.environment["HEARTH_UPDATE_GOLDEN"] != nil {
                try Data(actual.utf8).write(to: goldenURL)
            }
            let expected = String(decoding: try Data(contentsOf: goldenURL), as: UTF8.self)
            #expect(actual == expected, "\(page) differs from Golden/\(golden); HEARTH_UPDATE_GOLDEN=1 rewrites it")
        }
    }

    @Test("a path page, a card on it, and a question deck with a content note match their golden HTML")
    func goldenPath() async throws {
        let root = try Fixture.site("paths")
        let report = await build(root)
        #expect(report.succeeded && report.lines.isEmpty, "\(report.messages)")
        try Self.expectGolden(
            root,
            [
                ("paths/first-steps/index.html", "path.html"), ("exercises/talk/index.html", "card-on-path.html"),
                ("exercises/ask/index.html", "question-deck.html"),
            ])
    }

    @Test("drafts are left out unless asked for")
    func drafts() async throws {
        let root = try Fixture.site("basic")
        #expect(await build(root).succeeded)
        #expect(output(root, "physical/secret/index.html") == nil)
        #expect(!(output(root, "physical/index.html") ?? "").contains("Unfinished Draft"))
        #expect(await build(root, drafts: true).succeeded)
        #expect(output(root, "physical/secret/index.html")?.contains("Unfinished Draft") == true)
        #expect(output(root, "physical/index.html")?.contains("Unfinished Draft") == true)
    }

    @Test("a failed build leaves the previous output byte-identical")
    func failedBuildKeepsOutput() async throws {
        let root = try Fixture.site("basic")
        #expect(await build(root).succeeded)
        let before = snapshot(root.appendingPathComponent("public"))
        #expect(!before.isEmpty)
        try Fixture.write(
            Data("---\ntitle: Broken\ndate: 2025-13-45\n---\nSee [[Nowhere]].\n".utf8),
            to: "content/emotional/broken.md", in: root)
        let report = await build(root)
        #expect(!report.succeeded)
        #expect(!report.wrote)
        #expect(snapshot(root.appendingPathComponent("public")) == before)
    }

    @Test("files of deleted pages do not survive the next build, however often it runs")
    func staleOutputRemoved() async throws {
        let root = try Fixture.site("basic")
        #expect(await build(root).succeeded)
        #expect(output(root, "physical/hugs/index.html") != nil)
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/physical/hugs.md"))
        #expect(await build(root).succeeded)
        #expect(output(root, "physical/hugs/index.html") == nil)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public/physical/hugs").path))
        // A third and fourth build reuse the replaced site: still exactly a clean build's files.
        #expect(await build(root).succeeded)
        #expect(await build(root).succeeded)
        let reused = snapshot(root.appendingPathComponent("public"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("public"))
        try FileManager.default.removeItem(at: root.appendingPathComponent(".hearth-cache"))
        #expect(await build(root).succeeded)
        #expect(snapshot(root.appendingPathComponent("public")) == reused)
    }

    @Test("an output folder that is a symbolic link is built where it points, and stays a link")
    func symlinkedOutput() async throws {
        let root = try Fixture.site("basic")
        let served = Fixture.newFolder("served")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("public").path, withDestinationPath: served.path)
        for _ in 0..<3 {  // the first build, then builds that reuse the spare site
            #expect(await build(root).succeeded)
            let link = try? FileManager.default.destinationOfSymbolicLink(
                atPath: root.appendingPathComponent("public").path)
            #expect(link == served.path)
            #expect(
                FileManager.default.fileExists(atPath: served.appendingPathComponent("physical/hugs/index.html").path))
        }
        #expect(snapshot(served) == (try await cleanBuild(of: root)))
    }

    @Test("a symbolic link in a bundle to a folder it is inside is not followed round and round")
    func symlinkLoop() async throws {
        let root = try Fixture.site("basic")
        let bundle = root.appendingPathComponent("content/exercises/soul-gazing")
        try FileManager.default.createSymbolicLink(
            at: bundle.appendingPathComponent("again"), withDestinationURL: bundle)
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        #expect(output(root, "exercises/soul-gazing/eyes.svg") != nil)
        #expect(output(root, "exercises/soul-gazing/again/eyes.svg") == nil)
    }

    @Test("sections list their pages by weight, then date (newest first), then title")
    func listingOrder() async throws {
        let root = try Fixture.site(changing: [
            "content/physical/b-undated.md": "---\ntitle: Bravo\n---\nText.\n",
            "content/physical/a-undated.md": "---\ntitle: Alpha\n---\nText.\n",
            "content/physical/newer.md": "---\ntitle: Newer\ndate: 2025-06-01\n---\nText.\n",
            "content/physical/heavy.md": "---\ntitle: Heavy\nweight: 5\n---\nText.\n",
        ])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let physical = try #require(output(root, "physical/index.html"))
        let order = ["Gentle Touch", "Heavy", "Newer", "Long Hugs", "Alpha", "Bravo"].map {
            physical.range(of: ">\($0)</a>")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil }, "\(order)")
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test("bundle files are copied next to the page and templates' assets to assets/")
    func copies() async throws {
        let root = try Fixture.site("basic")
        #expect(await build(root).succeeded)
        let svg = try #require(output(root, "exercises/soul-gazing/eyes.svg"))
        #expect(svg.contains("<circle"))
        let page = try #require(output(root, "exercises/soul-gazing/index.html"))
        #expect(
            page.contains(
                "<img src=\"/exercises/soul-gazing/eyes.svg\" alt=\"Two people sitting face to face\" width=\"10\" height=\"10\" />"
            ))
        let css = try #require(output(root, "assets/style.css"))
        let source = try String(contentsOf: root.appendingPathComponent("templates/assets/style.css"), encoding: .utf8)
        #expect(css == source)
    }

    @Test("a bundle's own index.html, which would replace the page, is an error at that file")
    func bundleIndexHTML() async throws {
        let root = try Fixture.site(
            "basic", changing: ["content/exercises/soul-gazing/index.html": "<p>an export</p>\n"])
        let report = await build(root)
        #expect(
            report.has(.error, "content/exercises/soul-gazing/index.html", .bundleFileReplacesPage),
            "\(report.messages)")
        #expect(output(root, "exercises/soul-gazing/index.html") == nil)
        // In a folder of its own inside the bundle, it is copied like any other file.
        let nested = try Fixture.site(
            "basic", changing: ["content/exercises/soul-gazing/export/index.html": "<p>an export</p>\n"])
        #expect(await build(nested).succeeded)
        #expect(output(nested, "exercises/soul-gazing/export/index.html") == "<p>an export</p>\n")
        #expect(output(nested, "exercises/soul-gazing/index.html")?.contains("Soul") == true)
    }

    @Test("check verifies everything and writes nothing")
    func checkWritesNothing() async throws {
        let root = try Fixture.site(
            "basic", changing: ["content/physical/hugs.md": "---\ntitle: Hugs\n---\n[[Nowhere]]\n"])
        let report = await build(root, write: false)
        #expect(report.has(.error, "content/physical/hugs.md:4:1", .noPageMatches))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }

    @Test("a site folder that does not exist, or holds no content/, is an error naming the folder")
    func missingSiteFolder() async throws {
        let empty = Fixture.newFolder("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let nowhere = empty.appendingPathComponent("nowhere")
        let missing = await build(nowhere, write: false)
        #expect(missing.has(.error, nowhere.standardizedFileURL.path, .siteFolderMissing), "\(missing.messages)")
        let bare = await build(empty, write: false)
        #expect(bare.has(.error, "content", .contentFolderMissing), "\(bare.messages)")
        // The message names the folder looked in; the hint, the option that names another.
        let noContent = bare.diagnostics.items.first
        #expect(noContent?.message.contains(empty.standardizedFileURL.path) == true, "\(bare.messages)")
        #expect(noContent?.hints.first?.contains("--source") == true)
        // Run from inside a site, in its content/ or a section: the hint names the site's folder.
        let site = try Fixture.site("basic")
        for inside in ["content", "content/emotional"] {
            let report = await build(site.appendingPathComponent(inside), write: false)
            let path = site.standardizedFileURL.path
            #expect(report.diagnostics.items.first?.code == .contentFolderMissing, "\(report.messages)")
            #expect(
                report.diagnostics.items.first?.hints.first
                    == "this folder is inside the site \(path): run hearth there, or add --source \(path)",
                "\(report.messages)")
        }
    }

    @Test("an output folder that holds the sources is refused")
    func refusesSourceFolders() async throws {
        let root = try Fixture.site("basic")
        for output in [".", "content", "templates"] {
            let report = await SiteBuilder.build(BuildOptions(root: root, output: output))
            #expect(!report.succeeded)
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/site.yml").path))
        }
    }

    @Test("a site without templates/ is built with the default theme built into Hearth, the same as templates/")
    func builtInTheme() async throws {
        // A site as Benchmarks/gen_corpus.py makes one: content/ only.
        let withTheme = try Fixture.copy(as: "theme")
        let without = try Fixture.copy(as: "no-theme")
        try FileManager.default.removeItem(at: without.appendingPathComponent("templates"))
        let report = await build(without)
        #expect(report.succeeded && report.diagnostics.items.isEmpty, "\(report.messages)")
        #expect(await build(withTheme).succeeded)
        // Byte for byte the repository's templates/ (run `make theme` after changing it).
        let builtIn = snapshot(without.appendingPathComponent("public"))
        let own = snapshot(withTheme.appendingPathComponent("public"))
        #expect(builtIn.keys.sorted() == own.keys.sorted())
        let differing = own.keys.filter { builtIn[$0] != own[$0] }.sorted()
        #expect(differing.isEmpty, "the built-in theme is not templates/ (run make theme): \(differing.prefix(5))")
    }

    @Test("an output folder holding files Hearth did not write is refused, never replaced")
    func refusesForeignFolders() async throws {
        let root = try Fixture.site("basic")
        let documents = root.appendingPathComponent("Documents")
        try Fixture.write(Data("precious".utf8), to: "Documents/thesis/chapter1.txt", in: root)
        let report = await SiteBuilder.build(BuildOptions(root: root, output: "Documents"))
        #expect(report.has(.error, "--output", .outputHoldsOtherFiles), "\(report.messages)")
        #expect(snapshot(documents) == ["thesis/chapter1.txt": Data("precious".utf8)])

        // New, empty and Hearth's own folders are built into, also when its cache folder is gone.
        for output in ["new", "empty", "new"] {
            if output == "empty" {
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent(output), withIntermediateDirectories: true)
            }
            #expect(await SiteBuilder.build(BuildOptions(root: root, output: output)).succeeded, "\(output)")
        }
        try FileManager.default.removeItem(at: root.appendingPathComponent(".hearth-cache"))
        #expect(await SiteBuilder.build(BuildOptions(root: root, output: "new")).succeeded)
    }
}

@Suite("templates and images")
struct TemplateTests {
    @Test("a missing template or partial is an error, never an empty page")
    func missingTemplate() async throws {
        let root = try Fixture.site("basic")
        try FileManager.default.removeItem(at: root.appendingPathComponent("templates/exercise.mustache"))
        try Data("{{<baseof}}{{$main}}{{> partials/nowhere}}{{/main}}{{/baseof}}\n".utf8)
            .write(to: root.appendingPathComponent("templates/tag.mustache"))
        let report = await build(root)
        #expect(!report.succeeded)
        #expect(report.has(.error, "templates/exercise.mustache", .requiredTemplateMissing), "\(report.messages)")
        #expect(report.has(.error, "templates/tag.mustache:1:21", .noTemplateNamed), "\(report.messages)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
    }

    @Test("a template that includes itself, directly or through another, is an error, not a crash")
    func includeCycles() async throws {
        let root = try Fixture.site(changing: [
            "templates/partials/toc.mustache": "<nav>\n{{#hasToc}}{{> partials/toc}}{{/hasToc}}</nav>\n",
            "templates/partials/page-footer.mustache": "<footer>{{> partials/extra}}</footer>\n",
            "templates/partials/extra.mustache": "<p>\n  {{> partials/page-footer}}</p>\n",
        ])
        let report = await build(root)
        #expect(!report.succeeded)
        #expect(
            report.has(.error, "templates/partials/toc.mustache:2:12", .templateIncludesItself), "\(report.messages)")
        #expect(
            report.has(.error, "templates/partials/page-footer.mustache:1:9", .templateIncludesItself)
                || report.has(.error, "templates/partials/extra.mustache:2:3", .templateIncludesItself),
            "\(report.messages)")
        #expect(report.diagnostics.errorCount == 2, "each cycle once: \(report.messages)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))

        // From inside the blocks a template gives its parent: baseof renders the block, which
        // renders baseof again (both found by mutating the default theme; each crashed the build).
        let blocks = try Fixture.site(changing: [
            "templates/tag.mustache": "{{<baseof}}{{$main}}\n<h1>{{title}}</h1>\n  {{> baseof}}{{/main}}{{/baseof}}\n",
            "templates/404.mustache": "{{<baseof}}{{$main}}{{<baseof}}{{/baseof}}<p>Gone</p>{{/main}}{{/baseof}}\n",
        ])
        let blocked = await build(blocks)
        #expect(!blocked.succeeded)
        for place in ["templates/tag.mustache:3:3", "templates/404.mustache:1:21"] {
            #expect(blocked.has(.error, place, .templateIncludesItself), "\(blocked.messages)")
        }
        #expect(blocked.diagnostics.errorCount == 2, "\(blocked.messages)")

        // A partial named by a value (`{{>*kind}}`) is refused where it is written: what it
        // includes, and whether that includes itself, could not be known before pages render.
        let dynamic = try Fixture.site(changing: [
            "templates/baseof.mustache": "<html>{{$main}}{{/main}}{{>*kind}}</html>\n",
            "templates/partials/site-footer.mustache": "<footer>{{>*kind}}</footer>\n",
        ])
        let kinds = await build(dynamic)
        #expect(!kinds.succeeded)
        for place in ["templates/baseof.mustache:1:25", "templates/partials/site-footer.mustache:1:9"] {
            #expect(kinds.has(.error, place, .templateDynamicPartial), "\(kinds.messages)")
        }
        #expect(kinds.diagnostics.errorCount == 2, "\(kinds.messages)")
    }

    @Test("a site partial sees only site, is the same on every page and follows site.yml")
    func sitePartials() async throws {
        // `partials/site-*` is rendered once per build; a page's own names are not in its view,
        // wherever it is included (a page, a card, a section).
        let root = try Fixture.site(changing: [
            "templates/partials/site-footer.mustache":
                "<footer>[{{site.title}}|{{#site.sections}}{{title}};{{/site.sections}}]</footer>\n",
            "templates/partials/card.mustache": "<li>{{title}} {{> partials/site-footer}}</li>\n",
        ])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let pages = ["index.html", "physical/hugs/index.html", "exercises/index.html", "tags/index.html", "404.html"]
        let footers = pages.map { path in
            output(root, path).flatMap { html in
                html.range(of: "<footer>[^\n]*</footer>", options: .regularExpression).map { String(html[$0]) }
            }
        }
        let first = try #require(footers[0])
        #expect(first.hasPrefix("<footer>[Closer|") && first.contains("Physical intimacy;"), "\(first)")
        #expect(footers.allSatisfy { $0 == first }, "\(footers)")

        // A change to site.yml shows on the next build; a title that looks like a tag is text.
        let config = root.appendingPathComponent("content/site.yml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "title: Closer", with: "title: \"{{title}} & co\"").utf8)
            .write(to: config)
        #expect(await build(root).succeeded)
        #expect(output(root, "physical/hugs/index.html")?.contains("<footer>[{{title}} &amp; co|") == true)

        // A page's names are not in a site partial's view: naming one is an error at it, with the
        // names that are.
        let pageNames = try Fixture.site(changing: [
            "templates/partials/site-footer.mustache": "<footer>[{{site.title}}|{{title}}|{{url}}]</footer>\n"
        ])
        let named = await build(pageNames)
        #expect(!named.succeeded)
        let file = "templates/partials/site-footer.mustache"
        #expect(named.has(.error, file + ":1:25", .templateUnknownName), "\(named.messages)")
        #expect(named.has(.error, file + ":1:35", .templateUnknownName), "\(named.messages)")
        #expect(named.diagnostics.items.first?.hints.last == "the names here: site (docs/templates.md)")
        #expect(named.diagnostics.errorCount == 2, "\(named.messages)")
    }

    @Test("a name no value in scope has is an error at its place, with the name it was likely meant to be")
    func unknownTemplateNames() async throws {
        let root = try Fixture.site(changing: [
            "templates/partials/page-footer.mustache": """
            <p>{{titel}} {{site.titel}}</p>
            {{#related}}{{summry}} {{.}} {{{html}}} {{duration}}{{/related}}
            {{#toc}}{{text}}{{/toc}}{{^backlinks}}{{permalink}} {{site.title}}{{/backlinks}}
            {{page.title}} {{#page.tags}}{{/page.tags}} {{config.base_url}} {{config.title}} {{Site.Title}}
            {{#tags}}{{count}}{{/tags}} {{html}}

            """
        ])
        let report = await build(root)
        #expect(!report.succeeded, "\(report.messages)")
        let file = "templates/partials/page-footer.mustache"
        for (place, name, meant) in [
            ("1:4", "titel", "title"), ("1:14", "titel", "title"), ("2:13", "summry", "summary"),
        ] {
            let error = report.diagnostics.items.first { $0.location == file + ":" + place }
            #expect(error?.severity == .error, "\(place): \(report.messages)")
            #expect(error?.code == .templateUnknownName, "\(place)")
            #expect(error?.hints.first == "did you mean '\(meant)'?", "\(place): \(name)")
        }
        // Names as Zola and Hugo templates write them get what Hearth calls them.
        for (place, name, hint) in [
            ("4:1", "page", "write 'title' instead: a page's own values have no 'page.' in front"),
            ("4:16", "page", "write 'tags' instead: a page's own values have no 'page.' in front"),
            ("4:65", "config", "write 'site.title' instead: the site's values are under 'site.'"),
            ("4:82", "Site", "write 'site.title' instead: the site's values are under 'site.'"),
        ] {
            let error = report.diagnostics.items.first { $0.location == file + ":" + place }
            #expect(error?.code == .templateUnknownName, "\(place): \(name)")
            #expect(error?.hints.first == hint, "\(place): \(report.messages)")
        }
        let baseURL = report.diagnostics.items.first { $0.location == file + ":4:45" }
        #expect(baseURL?.code == .templateUnknownName, "\(report.messages)")
        // A card's names and the page's around it are known inside {{#related}}, a badge's inside
        // {{#tags}}; a page has no `html` of its own (a card has).
        let html = report.diagnostics.items.first { $0.location == file + ":5:29" && $0.severity == .error }
        #expect(html?.code == .templateUnknownName, "\(report.messages)")
        #expect(
            report.diagnostics.errorCount == 9, "each once, though the partial is in many pages: \(report.messages)")

        // The default theme uses no name its contexts lack.
        let guide = await build(try Fixture.copy(as: "guide"), write: false)
        #expect(guide.diagnostics.items.isEmpty, "\(guide.messages)")
    }

    @Test("functions, pragmas and dynamic names are refused at the tag, with what to write instead")
    func refusedTemplateFeatures() async throws {
        for (text, column, code) in [
            ("<p>{{uppercased(title)}}</p>\n", 4, DiagnosticCode.templateFunctionCall),
            ("<p>{{%CONTENT_TYPE:TEXT}}</p>\n", 4, .templatePragma),
            ("<p>{{>*kind}}</p>\n", 4, .templateDynamicPartial),
        ] {
            let root = try Fixture.site(changing: ["templates/partials/page-footer.mustache": text])
            let report = await build(root)
            #expect(
                report.lines == ["templates/partials/page-footer.mustache:1:\(column): error \(code)"],
                "\(report.messages)")
            #expect(report.diagnostics.items.first?.hints.isEmpty == false)
        }
    }

    @Test("{{content}} or {{html}} with two braces is a warning at it: the page would show HTML tags as text")
    func escapedHTML() async throws {
        let root = try Fixture.site(changing: [
            "templates/partials/page-footer.mustache":
                "{{#related}}{{html}}{{/related}}\n<div>{{ content }}</div>\n<div>{{sections.steps.body}}</div>\n"
        ])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let file = "templates/partials/page-footer.mustache"
        for (place, name) in [("1:13", "html"), ("2:6", "content"), ("3:6", "sections.steps.body")] {
            let warning = report.diagnostics.items.first { $0.location == file + ":" + place }
            #expect(warning?.severity == .warning, "\(place): \(report.messages)")
            #expect(warning?.code == .htmlEscaped, "\(place)")
            #expect(warning?.hints == ["write {{{\(name)}}} (three braces) to print it as HTML"], "\(place)")
        }
        #expect(report.diagnostics.items.count == 3, "\(report.messages)")
        // As warned: the body shows its tags as text.
        #expect(output(root, "physical/hugs/index.html")?.contains("<div>&lt;p&gt;") == true)
    }

    @Test("a site partial's text is included as it is: line breaks, braces and control characters")
    func sitePartialText() async throws {
        // Each starts or ends the way a standalone tag would eat a line break, or holds a delimiter.
        let footer = "\n\n<footer>{{ not a tag }} {{{x}}} \u{1}\u{2}\u{3}</footer>\n  \n"
        let root = try Fixture.site(changing: ["templates/partials/site-footer.mustache": "{{=<% %>=}}" + footer])
        #expect(await build(root).succeeded)
        let page = try #require(output(root, "physical/hugs/index.html"))
        // The delimiter tag stands alone on its line, which is not output (the Mustache spec).
        #expect(page.contains("</main>\n" + footer.dropFirst() + "</body>"), "\(page.suffix(200).debugDescription)")
    }

    @Test("inside a text's section, names are the page's: a text has none of its own")
    func namesInsideTextSections() async throws {
        // `{{#summary}}` and `{{#date}}` put the text in view; a name it does not have (all of
        // them) is looked up on the page around it, and `{{.}}` is the text itself.
        let root = try Fixture.site(changing: [
            "templates/partials/page-footer.mustache":
                "<p id=\"t\">{{#date}}[{{.}}|{{date}}|{{title}}|{{url}}]{{/date}}</p>\n"
        ])
        #expect(await build(root).succeeded)
        let page = try #require(output(root, "physical/hugs/index.html"))
        #expect(page.contains("<p id=\"t\">[24 December 2024|24 December 2024|Long Hugs|/physical/hugs/]</p>"))
    }

    @Test("a template syntax error names the tag at fault, its line and column, and what to write")
    func templateSyntax() async throws {
        let cases: [(text: String, location: String, code: DiagnosticCode, hint: String)] = [
            (
                "<p>\n  {{#pages}}unclosed\n", "templates/tags.mustache:2:3", .templateSectionNotClosed,
                "close it with {{/pages}} where the section ends"
            ),
            (
                "{{#a}}\n{{^b}}x{{/a}}{{/b}}\n", "templates/tags.mustache:2:8",
                .templateCloseMismatch, "close {{^b}} (line 2) first with {{/b}}"
            ),
            (
                "<p>{{/pages}}</p>\n", "templates/tags.mustache:1:4",
                .templateCloseWithoutOpen,
                "remove it, or open the section before it with {{#pages}}"
            ),
            (
                "<p>\n{{{title}} and more</p>\n", "templates/tags.mustache:2:1", .templateTagNotClosed,
                "end it with }} ({{{name}}} with }}})"
            ),
        ]
        for c in cases {
            let root = try Fixture.site("basic")
            try Data(c.text.utf8).write(to: root.appendingPathComponent("templates/tags.mustache"))
            let report = await build(root)
            // One error: the template is there, so it is not also reported missing.
            #expect(report.lines == ["\(c.location): error \(c.code)"], "\(c.text): \(report.messages)")
            #expect(report.diagnostics.items.first?.hints == [c.hint])
        }
    }

    @Test("an image without alt text is a warning with its place")
    func imageWithoutAlt() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/pic.md": "---\ntitle: Pic\n---\n\nSee ![](../exercises/soul-gazing/eyes.svg).\n"
        ])
        let report = await build(root)
        #expect(report.succeeded)
        #expect(report.has(.warning, "content/emotional/pic.md:5:5", .imageWithoutAlt), "\(report.messages)")
    }

    @Test("a Hugo shortcode is a warning at its place; a ref's hint names the wikilink to write")
    func shortcodeWarnings() async throws {
        let page = "---\ntitle: From Hugo\n---\n\nSee {{< ref \"/physical/hugs.md#how\" >}}, {{< youtube id >}}.\n"
        let root = try Fixture.site(changing: ["content/emotional/hugo.md": page])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let ref = report.diagnostics.items.first { $0.location == "content/emotional/hugo.md:5:5" }
        #expect(ref?.severity == .warning && ref?.code == .shortcodeNotRun, "\(report.messages)")
        #expect(ref?.hints == ["link to the page with [[physical/hugs#how]]"], "\(report.messages)")
        let other = report.diagnostics.items.first { $0.location == "content/emotional/hugo.md:5:42" }
        #expect(other?.severity == .warning && other?.code == .shortcodeNotRun, "\(report.messages)")
        #expect(report.diagnostics.items.count == 2, "\(report.messages)")

        // A Jekyll link to a post names the page without its folder, date and extension.
        let jekyll = "---\ntitle: From Jekyll\n---\n\nSee {% post_url 2024-05-01-slow-dance %}.\n"
        let liquid = await build(try Fixture.site(changing: ["content/emotional/jekyll.md": jekyll]))
        let tag = liquid.diagnostics.items.first { $0.location == "content/emotional/jekyll.md:5:5" }
        #expect(tag?.code == .shortcodeNotRun, "\(liquid.messages)")
        #expect(tag?.hints == ["link to the page with [[slow-dance]]"], "\(liquid.messages)")
    }

    @Test("raw HTML left out of a page is a warning naming it, unless site.yml keeps it")
    func htmlLeftOut() async throws {
        let page = "---\ntitle: Raw\n---\n\nLine one<br>\nline two. <!-- a note for editors -->\n"
        let root = try Fixture.site(changing: ["content/emotional/raw.md": page])
        let report = await build(root)
        #expect(report.succeeded)
        #expect(report.has(.warning, "content/emotional/raw.md:5:9", .rawHTMLLeftOut), "\(report.messages)")
        #expect(report.diagnostics.items.count == 1, "a comment is meant to be left out: \(report.messages)")
        let kept = try Fixture.site(changing: [
            "content/emotional/raw.md": page,
            "content/site.yml": "title: Closer\nbaseURL: https://example.org/\nunsafeHTML: true\n",
        ])
        let keptReport = await build(kept)
        #expect(keptReport.succeeded && keptReport.diagnostics.items.isEmpty, "\(keptReport.messages)")
        #expect(output(kept, "emotional/raw/index.html")?.contains("Line one<br>") == true)
    }

    @Test("a table written as on GitHub is a warning at its first row: CommonMark shows it as text")
    func tableAsText() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/table.md": "---\ntitle: Table\n---\n\n| Day | Minutes |\n|---|---|\n| Mon | 10 |\n"
        ])
        let report = await build(root)
        #expect(report.succeeded)
        #expect(report.has(.warning, "content/emotional/table.md:5:1", .tableWrittenWithPipes))
        let warning = report.diagnostics.items.first { $0.code == .tableWrittenWithPipes }
        #expect(warning?.hints.first?.contains("unsafeHTML: true") == true, "\(report.messages)")
    }
}
