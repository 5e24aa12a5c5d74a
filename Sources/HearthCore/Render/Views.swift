import HearthTemplates
import Synchronization

// Typed template contexts. Each describes its fields once, in `fields`: the names a template may
// use, their types (checked when the theme loads), how to read them, and what a page's
// fingerprint hashes (`Memo/ViewFingerprints.swift`) all come from that list. Every value a
// template prints with `{{ }}` is escaped; only rendered Markdown (`content`, a card's `html`) is
// meant for `{{{ }}}`.
//
// Each view is a struct holding one reference to its fields (`Shared`): a template value holds an
// object as an existential, which stores a one-word struct inline, where a larger one would be
// boxed on the heap each time a section takes it. Fields read as properties (`card.html`).

/// Immutable fields behind one reference, for the views below, with their digest when it is made
/// once. It is made when first asked for: a build without a cache never asks (making every card's
/// was 2% of a 10,000-page build).
final class Shared<Fields: Sendable>: Sendable {
    let fields: Fields
    private let makeDigest: (@Sendable (Fields) -> UInt64)?
    private let madeDigest = Atomic<UInt64>(0)
    private let hasDigest = Atomic<Bool>(false)

    init(_ fields: Fields, digest: (@Sendable (Fields) -> UInt64)? = nil) {
        self.fields = fields
        makeDigest = digest
    }

    /// Two cores asking at once both make it, the same.
    var digest: UInt64? {
        guard let makeDigest else { return nil }
        if hasDigest.load(ordering: .acquiring) { return madeDigest.load(ordering: .relaxed) }
        let digest = makeDigest(fields)
        madeDigest.store(digest, ordering: .relaxed)
        hasDigest.store(true, ordering: .releasing)
        return digest
    }
}

/// A link with a label.
@dynamicMemberLookup
struct LinkView: TemplateFielded {
    struct Fields: Sendable {
        let title: String
        let url: String
    }
    private let shared: Shared<Fields>

    init(title: String, url: String) {
        shared = Shared(Fields(title: title, url: url))
    }

    subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { shared.fields[keyPath: path] }

    static let fields = TemplateFields<Self>(
        "a link",
        [
            .value("title") { $0.title },
            .value("url") { $0.url },
        ])
}

/// A topic badge or a tag link.
@dynamicMemberLookup
struct BadgeView: TemplateFielded {
    struct Fields: Sendable {
        let name: String
        let title: String
        let url: String
        let count: Int
    }
    private let shared: Shared<Fields>

    init(name: String, title: String, url: String, count: Int = 0) {
        shared = Shared(Fields(name: name, title: title, url: url, count: count))
    }

    subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { shared.fields[keyPath: path] }

    static let fields = TemplateFields<Self>(
        "a badge",
        [
            .value("name") { $0.name },
            .value("title") { $0.title },
            .value("url") { $0.url },
            .value("count") { $0.count },
        ])
}

/// A heading in a table of contents.
@dynamicMemberLookup
struct TocItem: TemplateFielded {
    struct Fields: Sendable {
        let text: String
        let id: String
        let level: Int
    }
    private let shared: Shared<Fields>

    init(text: String, id: String, level: Int) {
        shared = Shared(Fields(text: text, id: id, level: level))
    }

    subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { shared.fields[keyPath: path] }

    static let fields = TemplateFields<Self>(
        "a heading",
        [
            .value("text") { $0.text },
            .value("id") { $0.id },
            .value("level") { $0.level },
            .value("isSub") { $0.level > 2 },
        ])
}

/// A page as it appears on lists: an article or an exercise card.
@dynamicMemberLookup
struct CardView: TemplateFielded {
    struct Fields: Sendable {
        let title: String
        let url: String
        let summary: String
        let isExercise: Bool
        let date: String?
        let dateISO: String?
        let duration: Int?
        let difficulty: String?
        let who: String?
        let types: [BadgeView]
        let section: String?
        /// This card rendered once through `partials/card`, for lists to reuse (`{{{html}}}`).
        let html: String?
    }
    private let shared: Shared<Fields>

    init(
        title: String, url: String, summary: String, isExercise: Bool, date: String?, dateISO: String?,
        duration: Int?, difficulty: String?, who: String?, types: [BadgeView], section: String?, html: String?
    ) {
        let fields = Fields(
            title: title, url: url, summary: summary, isExercise: isExercise, date: date, dateISO: dateISO,
            duration: duration, difficulty: difficulty, who: who, types: types, section: section, html: html)
        // A card is part of many pages' fingerprints: its digest is made once.
        shared = Shared(fields) { Fingerprint.of(CardView(shared: Shared($0))) }
    }

    private init(shared: Shared<Fields>) {
        self.shared = shared
    }

    subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { shared.fields[keyPath: path] }

    var digest: UInt64? { shared.digest }

    static let fields = TemplateFields<Self>(
        "a card",
        [
            .value("html") { $0.html },
            .value("title") { $0.title },
            .value("url") { $0.url },
            .text("summary") { $0.summary },
            .value("isExercise") { $0.isExercise },
            .value("date") { $0.date },
            .value("dateISO") { $0.dateISO },
            .value("duration") { $0.duration },
            .value("difficulty") { $0.difficulty },
            .value("who") { $0.who },
            .value("whoLabel") { whoLabel($0.who) },
            .list("types") { $0.types },
            .value("hasTypes") { !$0.types.isEmpty },
            .value("typeNames") { $0.types.map(\.name).joined(separator: " ") },
            .value("section") { $0.section },
        ])
}

/// A site title's name without its subtitle (`Closer — a guide to ...` -> `Closer`), for a narrow
/// screen: the text before the first dash or colon that follows a space.
func shortTitle(_ title: String) -> String {
    for separator in [" — ", " – ", " - ", ": "] {
        if let range = title.range(of: separator), range.lowerBound > title.startIndex {
            return String(title[..<range.lowerBound])
        }
    }
    return title
}

/// How a card's `who` reads: a phrase, not something that looks like a tag.
func whoLabel(_ who: String?) -> String? {
    switch who {
    case "couple": "For two"
    case "solo": "On your own"
    case "group": "For a group"
    default: who
    }
}

/// Site-wide values.
@dynamicMemberLookup
struct SiteView: TemplateFielded {
    struct Fields: Sendable {
        let title: String
        let description: String
        let language: String
        let baseURL: String
        let base: String
        let topics: [BadgeView]
        let sections: [LinkView]
        let year: Int
        /// A digest of templates/assets/, for cache-busting asset URLs (`style.css?v={{site.assetsVersion}}`).
        let assetsVersion: String
        /// Each section's link by its folder's name (`{{#site.section.help}}`).
        let sectionsByName: SectionsByName
        /// The quick exit's destination and text, from site.yml (`{{site.exit.url}}`).
        let exit: ExitView
    }
    private let shared: Shared<Fields>

    init(
        title: String, description: String, language: String, baseURL: String, base: String, topics: [BadgeView],
        sections: [LinkView], sectionNames: [String] = [], year: Int, assetsVersion: String,
        exit: SiteConfig.Exit = SiteConfig.Exit()
    ) {
        let fields = Fields(
            title: title, description: description, language: language, baseURL: baseURL, base: base,
            topics: topics, sections: sections, year: year, assetsVersion: assetsVersion,
            sectionsByName: SectionsByName(Dictionary(zip(sectionNames, sections), uniquingKeysWith: { a, _ in a })),
            exit: ExitView(url: exit.url, label: exit.label))
        // The site is part of every page's and card's fingerprint: its digest is made once.
        shared = Shared(fields) { Fingerprint.of(SiteView(shared: Shared($0))) }
    }

    private init(shared: Shared<Fields>) {
        self.shared = shared
    }

    subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { shared.fields[keyPath: path] }

    var digest: UInt64? { shared.digest }

    static let fields = TemplateFields<Self>(
        "site",
        [
            .value("title") { $0.title },
            .value("shortTitle") { shortTitle($0.title) },
            .text("description") { $0.description },
            .value("language") { $0.language },
            .value("baseURL") { $0.baseURL },
            .value("base") { $0.base },
            .value("assets") { $0.base + "assets/" },
            .value("feedURL") { $0.base + GeneratedFile.feed.path },
            .value("searchURL") { $0.base + "search/" },
            .value("tagsURL") { $0.base + "tags/" },
            .list("topics") { $0.topics },
            .list("sections") { $0.sections },
            .value("year") { $0.year },
            .value("assetsVersion") { $0.assetsVersion },
            .value("section") { $0.sectionsByName },
            .value("exit") { $0.exit },
        ])
}

/// The quick exit: where it goes and its text (`exit:` in site.yml).
@dynamicMemberLookup
struct ExitView: TemplateFielded {
    struct Fields: Sendable {
        let url: String
        let label: String
    }
    private let shared: Shared<Fields>

    init(url: String, label: String) {
        shared = Shared(Fields(url: url, label: label))
    }

    subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { shared.fields[keyPath: path] }

    static let fields = TemplateFields<Self>(
        "the quick exit",
        [
            .value("url") { $0.url },
            .value("label") { $0.label },
        ])
}

/// The site's sections by folder name, for a theme to link one that may not exist
/// (`{{#site.section.help}}<a href="{{url}}">{{title}}</a>{{/site.section.help}}`): the names are the
/// site's, known only when rendering.
struct SectionsByName: TemplateObject, TemplateRepresentable {
    let links: [String: LinkView]

    init(_ links: [String: LinkView]) {
        self.links = links
    }

    var schema: TemplateSchema { .open }
    func value(at index: Int) -> TemplateValue { .null }
    func value(named name: String) -> TemplateValue? { links[name].map { .object($0) } }

    static var templateType: TemplateType { .object(.open) }
    var templateValue: TemplateValue { .object(self) }
}

/// What a site partial sees: `site`, and nothing of the page that includes it.
struct SiteOnlyContext: TemplateFielded {
    let site: SiteView

    static let fields = TemplateFields<Self>("a site partial", [.value("site") { $0.site }])
}
