import HearthMarkdown

/// A page's Markdown, rendered, with what its links lead to.
struct RenderedPage: Sendable {
    var body: PageHTML
    var html: String {
        get { body.text }
        set { body = .held(newValue) }
    }
    /// Where an exercise card's `##` sections start in `html`.
    var sections: [MarkdownSection]
    var headings: [Heading]
    /// `summary` from front matter, or the first paragraph as text.
    var summary: String
    /// The distinct words of the page's text, folded and stemmed, for the search index.
    var searchWords: [String]
    var outgoing: [Int]
    /// For each link of `outgoing`, the `##` section it is in (the index of its heading among the
    /// page's level-2 headings; -1 before the first): what a path's places are named from. Kept
    /// rather than the links' lines, which move with every line written above them.
    var outgoingSections: [Int]
    var anchorChecks: [AnchorCheck]
    var diagnostics: [Diagnostic]

    /// What a template tag of another generator in a page's text is.
    static func shortcodeKind(_ tag: String) -> String {
        if tag.hasPrefix("{{<") || tag.hasPrefix("{{%") { return "a Hugo shortcode" }
        if tag.hasPrefix("{%") { return "a Liquid tag (Jekyll) or a Zola shortcode" }
        return "a Zola shortcode"
    }

    /// What to write instead of a template tag of another generator: a wikilink to the page a
    /// `ref`, `relref`, `link` or `post_url` names, or Markdown.
    static func shortcodeHint(_ tag: String) -> String {
        let inner = tag.drop { "{<%".contains($0) }.reversed().drop { "}>%".contains($0) }.reversed()
        let words = String(inner).split(separator: " ")
        if let name = words.first, ["ref", "relref", "link", "post_url"].contains(name), words.count > 1 {
            var target = String(words[1].filter { $0 != "\"" && $0 != "'" })
            if target.hasPrefix("/") { target.removeFirst() }
            if let md = target.range(of: ".md"), md.upperBound == target.endIndex || target[md.upperBound] == "#" {
                target.removeSubrange(md)
            }
            if name == "link" || name == "post_url" {
                // Jekyll names posts `_posts/2024-05-01-slow-dance.md`: the page is `slow-dance`.
                target = String(target.split(separator: "/").last ?? "")
                if target.count > 11, SimpleDate(String(target.prefix(10))) != nil, target.dropFirst(10).first == "-" {
                    target = String(target.dropFirst(11))
                }
            }
            return "link to the page with [[\(target)]]"
        }
        return "write it in Markdown (raw HTML shows only with unsafeHTML: true in site.yml)"
    }

    /// For each line, the `##` section it is in, by the lines its level-2 headings are on.
    static func sections(of lines: [Int], headings: [Heading]) -> [Int] {
        let starts = headings.filter { $0.level == 2 }.map(\.line)
        return lines.map { line in (starts.lastIndex { $0 < line }) ?? -1 }
    }

    static func render(_ page: Page, table: LinkTable, options: MarkdownOptions) -> RenderedPage {
        var resolver = PageLinkResolver(table: table, page: page)
        let markdown = Markdown.render(
            page.body, lineOffset: page.bodyLineOffset, options: options,
            sections: page.kind == .exercise || page.isPath,
            resolver: &resolver)
        var diagnostics = resolver.diagnostics
        diagnostics += CardSections.check(
            page, headings: markdown.headings, lists: markdown.lists)
        let timed = resolver.timers.reduce(0, +)
        if let duration = page.meta.duration, timed > duration * 60 {
            let total = timed % 60 == 0 ? "\(timed / 60) min" : "\(timed / 60) min \(timed % 60) s"
            diagnostics.append(
                .warning(
                    .timersExceedDuration, page.file, page.meta.durationPosition,
                    "the step timers add up to \(total), more than the card's duration (\(duration) min)",
                    hint: "raise duration to at least \((timed + 59) / 60), or shorten a timer"))
        }
        for position in markdown.imagesWithoutAlt {
            diagnostics.append(
                .warning(
                    .imageWithoutAlt, page.file, position, "this image has no alt text",
                    hint: "describe it for readers who cannot see it: ![what it shows](file.png)"))
        }
        for (position, html) in markdown.htmlLeftOut {
            diagnostics.append(
                .warning(
                    .rawHTMLLeftOut, page.file, position, "raw HTML is left out of the page: \(html)",
                    hint: "write it in Markdown, or keep HTML you trust with unsafeHTML: true in site.yml"))
        }
        for (position, shortcode) in markdown.shortcodes {
            diagnostics.append(
                .warning(
                    .shortcodeNotRun, page.file, position,
                    "\(shortcode.count > 60 ? shortcode.prefix(57) + "..." : shortcode) is "
                        + "\(Self.shortcodeKind(shortcode)): Hearth does not run it, so it shows as written",
                    hint: Self.shortcodeHint(shortcode)))
        }
        for position in markdown.strayWikilinks {
            diagnostics.append(
                .warning(
                    .strayWikilinkOpening, page.file, position, "this '[[' starts no link: it shows as written",
                    hint:
                        "write [[Target]] or [[Target|label]] with plain text inside (no Markdown, brackets or blank line), "
                        + "or \\[[ to show the brackets as text"))
        }
        for position in markdown.tablesAsText {
            diagnostics.append(
                .warning(
                    .tableWrittenWithPipes, page.file, position,
                    "a table written with '|' is not CommonMark: it shows as plain text",
                    hint: "write it as a list, or as an HTML <table> (with unsafeHTML: true in site.yml)"))
        }
        return RenderedPage(
            body: .held(markdown.html), sections: markdown.sections, headings: markdown.headings,
            summary: page.meta.summary ?? markdown.firstParagraph,
            searchWords: markdown.plainBytes.withUnsafeBufferPointer { SearchWords.distinct($0) },
            outgoing: resolver.outgoing,
            outgoingSections: Self.sections(of: resolver.outgoingLines, headings: markdown.headings),
            anchorChecks: resolver.anchorChecks,
            diagnostics: diagnostics)
    }
}
