import HearthMarkdown
import HearthTemplates

/// One `##` section of an exercise card, for a template to place on its own.
struct SectionView: TemplateFielded {
    /// The heading's text.
    var title: String
    var id: String
    /// The section with its heading.
    var html: String
    /// The section without its heading.
    var body: String

    static let fields = TemplateFields<Self>(
        "a card's section",
        [
            .value("title") { $0.title },
            .value("id") { $0.id },
            .value("html") { $0.html },
            .value("body") { $0.body },
        ])
}

/// An exercise card's sections by name (content format v2): `{{#sections.ifItGetsHard}}` in a
/// template, `{{{sections.steps.body}}}`. A section the card does not have is empty. Each is cut
/// from the card's HTML when a template asks for it, so a page that shows none costs nothing.
struct CardSectionsView: TemplateFielded {
    let rendered: RenderedPage
    /// The card's HTML, read once: a large site's is read back from the scratch file (`PageHTML`).
    let html: String

    init(_ rendered: RenderedPage, html: String? = nil) {
        self.rendered = rendered
        self.html = html ?? rendered.html
    }

    /// Made from the card's HTML, which every context holding it has as `content`: nothing of its
    /// own to add to a page's fingerprint.
    var digest: UInt64? { 0 }

    static let fields = TemplateFields<Self>(
        "a card's sections",
        [
            .value("intro") { $0.intro },
            .value("steps") { $0.named(CardSections.steps) },
            .value("reflect") { $0.named("reflect") },
            .value("notTonightIf") { $0.named("not tonight if") },
            .value("ifItGetsHard") { $0.named(CardSections.ifItGetsHard) },
            .value("afterwards") { $0.named("afterwards") },
            .value("questions") { $0.named(CardSections.questions) },
            .list("all") { view in view.rendered.sections.indices.map { view.section($0) } },
        ])

    /// What comes before the first `##` heading.
    var intro: String {
        let html = html.utf8
        let end = rendered.sections.first.map { html.index(html.startIndex, offsetBy: $0.offset) } ?? html.endIndex
        return String(Substring(html[..<end]))
    }

    /// The first section whose heading is `name` (lower case, white space folded).
    func named(_ name: String) -> SectionView? {
        rendered.sections.indices.first { CardSections.name(rendered.headings[rendered.sections[$0].heading]) == name }
            .map(section)
    }

    /// Section `index`: from its heading to the next one.
    func section(_ index: Int) -> SectionView {
        let html = html.utf8
        let start = html.index(html.startIndex, offsetBy: rendered.sections[index].offset)
        let end =
            index + 1 < rendered.sections.count
            ? html.index(html.startIndex, offsetBy: rendered.sections[index + 1].offset) : html.endIndex
        let text = Substring(html[start..<end])
        // The heading is one block: its HTML ends at the first `</h2>` and its line break.
        // Found by bytes: Foundation's `range(of:)` took 0.4% of a 10,000-page build here.
        let body =
            text.utf8.firstRange(of: "</h2>\n".utf8).map { Substring(text.utf8[$0.upperBound...]) }
            ?? text[text.endIndex...]
        let heading = rendered.headings[rendered.sections[index].heading]
        return SectionView(title: heading.text, id: heading.id, html: String(text), body: String(body))
    }
}
