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
/// template, `{{{sections.steps.body}}}`. A section the card does not have is empty.
struct CardSectionsView: TemplateFielded {
    /// What comes before the first `##` heading.
    var intro: String
    var steps: SectionView?
    var reflect: SectionView?
    var notTonightIf: SectionView?
    var ifItGetsHard: SectionView?
    var afterwards: SectionView?
    /// Every section in the card's order, the named ones and the others.
    var all: [SectionView]

    static let fields = TemplateFields<Self>(
        "a card's sections",
        [
            .value("intro") { $0.intro },
            .value("steps") { $0.steps },
            .value("reflect") { $0.reflect },
            .value("notTonightIf") { $0.notTonightIf },
            .value("ifItGetsHard") { $0.ifItGetsHard },
            .value("afterwards") { $0.afterwards },
            .list("all") { $0.all },
        ])

    /// The sections of a rendered card, cut where its `##` headings start.
    init(_ rendered: RenderedPage) {
        let bytes = Array(rendered.html.utf8)
        let starts = rendered.sections.map(\.offset) + [bytes.count]
        intro = String(decoding: bytes[0..<(starts.first ?? bytes.count)], as: UTF8.self)
        all = []
        for (index, section) in rendered.sections.enumerated() {
            let text = bytes[section.offset..<starts[index + 1]]
            // The heading is one block: its HTML ends at the first `</h2>` and its line break.
            let close = Array("</h2>\n".utf8)
            var bodyStart = text.endIndex
            if let end = text.indices.first(where: { text[$0...].starts(with: close) }) {
                bodyStart = end + close.count
            }
            let heading = rendered.headings[section.heading]
            let view = SectionView(
                title: heading.text, id: heading.id, html: String(decoding: text, as: UTF8.self),
                body: String(decoding: text[bodyStart...], as: UTF8.self))
            all.append(view)
            switch CardSections.name(heading) {
            case CardSections.steps: steps = steps ?? view
            case "reflect": reflect = reflect ?? view
            case "not tonight if": notTonightIf = notTonightIf ?? view
            case CardSections.ifItGetsHard: ifItGetsHard = ifItGetsHard ?? view
            case "afterwards": afterwards = afterwards ?? view
            default: break
            }
        }
    }
}
