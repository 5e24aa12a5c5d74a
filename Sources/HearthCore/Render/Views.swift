import Mustache

/// Text values render through Mustache's own renderable path: escaped by the template's content
/// type, without the reflection that `String(describing:)` on an `Any` costs.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}

/// A text has no names inside it. Mustache pushes a section's value (`{{#summary}}…{{/summary}}`)
/// and looks every name inside the section up on it first; this answers at once, where Mustache
/// would otherwise reflect on the string with `Mirror` to find nothing.
extension String: @retroactive MustacheParent {
    public func child(named name: String) -> Any? { nil }
}

// Typed template contexts. Each answers the names a template may use through a switch rather than
// reflection; every value a template prints with `{{ }}` is escaped by Mustache, and only rendered
// Markdown (`content`) is meant for `{{{ }}}`.
//
// Each is a struct holding one reference to its fields (`Shared`): Mustache passes every value
// around as `Any`, where a struct larger than three words would be boxed on the heap, with a retain
// of each of its fields, every time a section takes it (each item of a list) or a name is looked up
// on it; and the runtime answers Mustache's `as?` casts (several per name looked up) on a struct
// about twice as fast as on a class instance. Fields read as properties (`card.html`).

/// Immutable fields behind one reference, for the views below.
final class Shared<Fields: Sendable>: Sendable {
    let fields: Fields

    init(_ fields: Fields) {
        self.fields = fields
    }
}

/// A link with a label.
@dynamicMemberLookup
struct LinkView: MustacheParent, Sendable {
    struct Fields: Sendable {
        let title: String
        let url: String
    }
    private let shared: Shared<Fields>

    init(title: String, url: String) {
        shared = Shared(Fields(title: title, url: url))
    }

    subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { shared.fields[keyPath: path] }

    /// The names `child(named:)` answers, for finding misspelt ones in templates.
    static let names: [String] = ["title", "url"]

    func child(named name: String) -> Any? {
        switch name {
        case "title": shared.fields.title
        case "url": shared.fields.url
        default: nil
        }
    }
}

/// A topic badge or a tag link.
@dynamicMemberLookup
struct BadgeView: MustacheParent, Sendable {
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

    /// The names `child(named:)` answers, for finding misspelt ones in templates.
    static let names: [String] = ["name", "title", "url", "count"]

    func child(named name: String) -> Any? {
        switch name {
        case "name": shared.fields.name
        case "title": shared.fields.title
        case "url": shared.fields.url
        case "count": shared.fields.count
        default: nil
        }
    }
}

/// A heading in a table of contents.
@dynamicMemberLookup
struct TocItem: MustacheParent, Sendable {
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

    /// The names `child(named:)` answers, for finding misspelt ones in templates.
    static let names: [String] = ["text", "id", "level", "isSub"]

    func child(named name: String) -> Any? {
        switch name {
        case "text": shared.fields.text
        case "id": shared.fields.id
        case "level": shared.fields.level
        case "isSub": shared.fields.level > 2
        default: nil
        }
    }
}

/// A page as it appears on lists: an article or an exercise card.
@dynamicMemberLookup
struct CardView: MustacheParent, Sendable {
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
        /// A digest of everything above, made once: a card is part of many pages' fingerprints.
        let digest: UInt64
    }
    private let shared: Shared<Fields>

    init(
        title: String, url: String, summary: String, isExercise: Bool, date: String?, dateISO: String?,
        duration: Int?, difficulty: String?, who: String?, types: [BadgeView], section: String?, html: String?
    ) {
        var hasher = StableHasher()
        for text in [title, url, summary] { hasher.combine(text) }
        hasher.combine(isExercise)
        for text in [date, dateISO, difficulty, who, section, html] { hasher.combine(text) }
        hasher.combine(duration)
        hasher.combine(types.count)
        for badge in types { badge.fingerprint(into: &hasher) }
        shared = Shared(
            Fields(
                title: title, url: url, summary: summary, isExercise: isExercise, date: date, dateISO: dateISO,
                duration: duration, difficulty: difficulty, who: who, types: types, section: section, html: html,
                digest: hasher.finalize()))
    }

    subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { shared.fields[keyPath: path] }

    /// The names `child(named:)` answers, for finding misspelt ones in templates.
    static let names: [String] = [
        "html", "title", "url", "summary", "isExercise", "date", "dateISO", "duration", "difficulty", "who", "types",
        "typeNames", "section",
    ]

    func child(named name: String) -> Any? {
        switch name {
        case "html": shared.fields.html
        case "title": shared.fields.title
        case "url": shared.fields.url
        case "summary": shared.fields.summary.isEmpty ? nil : shared.fields.summary
        case "isExercise": shared.fields.isExercise
        case "date": shared.fields.date
        case "dateISO": shared.fields.dateISO
        case "duration": shared.fields.duration
        case "difficulty": shared.fields.difficulty
        case "who": shared.fields.who
        case "types": shared.fields.types
        case "typeNames": shared.fields.types.map(\.name).joined(separator: " ")
        case "section": shared.fields.section
        default: nil
        }
    }
}

/// Site-wide values.
@dynamicMemberLookup
struct SiteView: MustacheParent, Sendable {
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
        /// A digest of everything above, made once: the site is part of every page's and card's
        /// fingerprint.
        let digest: UInt64
    }
    private let shared: Shared<Fields>

    init(
        title: String, description: String, language: String, baseURL: String, base: String, topics: [BadgeView],
        sections: [LinkView], year: Int, assetsVersion: String
    ) {
        var hasher = StableHasher()
        for text in [title, description, language, baseURL, base] { hasher.combine(text) }
        for topic in topics { topic.fingerprint(into: &hasher) }
        for section in sections { section.fingerprint(into: &hasher) }
        hasher.combine(year)
        hasher.combine(assetsVersion)
        shared = Shared(
            Fields(
                title: title, description: description, language: language, baseURL: baseURL, base: base,
                topics: topics, sections: sections, year: year, assetsVersion: assetsVersion,
                digest: hasher.finalize()))
    }

    subscript<T>(dynamicMember path: KeyPath<Fields, T>) -> T { shared.fields[keyPath: path] }

    /// The names `child(named:)` answers, for finding misspelt ones in templates.
    static let names: [String] = [
        "title", "description", "language", "baseURL", "base", "assets", "feedURL", "searchURL", "tagsURL", "topics",
        "sections", "year", "assetsVersion",
    ]

    func child(named name: String) -> Any? {
        let base = shared.fields.base
        switch name {
        case "title": return shared.fields.title
        case "description": return shared.fields.description.isEmpty ? nil : shared.fields.description
        case "language": return shared.fields.language
        case "baseURL": return shared.fields.baseURL
        case "base": return base
        case "assets": return base + "assets/"
        case "feedURL": return base + "feed.xml"
        case "searchURL": return base + "search/"
        case "tagsURL": return base + "tags/"
        case "topics": return shared.fields.topics
        case "sections": return shared.fields.sections
        case "year": return shared.fields.year
        case "assetsVersion": return shared.fields.assetsVersion
        default: return nil
        }
    }
}

/// Everything a template sees for one output page. A field added here goes into its fingerprint
/// too (`ViewFingerprints.swift`): a page whose fingerprint is unchanged is not rendered again.
struct PageContext: MustacheParent, Sendable {
    var site: SiteView
    var kind: String
    var title: String
    /// The `<title>`: page title and site title.
    var documentTitle: String
    var summary: String
    /// The summary written in front matter, shown under the title (never the first paragraph again).
    var lede: String?
    var url: String
    var permalink: String
    var content: String
    var date: String?
    var dateISO: String?
    var updated: String?
    var updatedISO: String?
    var toc: [TocItem] = []
    var types: [BadgeView] = []
    var tags: [BadgeView] = []
    var related: [CardView] = []
    var backlinks: [LinkView] = []
    var pages: [CardView] = []
    var exercises: [CardView] = []
    var otherTopics: [LinkView] = []
    var allTags: [BadgeView] = []
    var topics: [CardView] = []
    var duration: Int?
    var difficulty: String?
    var who: String?
    var materials: [String] = []
    var isTopic = false
    var isExerciseList = false
    /// A path's cards and total time; a card's places on paths.
    var pathCards: [CardView] = []
    var pathTotal: String?
    var paths: [PathPlaceView] = []

    /// The names `child(named:)` answers, for finding misspelt ones in templates.
    static let names: [String] = [
        "site", "kind", "title", "documentTitle", "summary", "lede", "url", "permalink", "content", "date", "dateISO",
        "updated", "updatedISO", "toc", "hasToc", "types", "tags", "related", "backlinks", "pages", "exercises",
        "otherTopics", "allTags", "topics", "hasTypes", "hasTags", "hasRelated", "hasBacklinks", "hasPages",
        "hasExercises", "hasOtherTopics", "hasMaterials", "ogType", "duration", "difficulty", "who", "materials",
        "isHome", "isSection", "isArticle", "isExercise", "isTopic", "isExerciseList", "isTag", "pathCards",
        "hasPathCards", "pathTotal", "paths", "hasPaths",
    ]

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "kind": kind
        case "title": title
        case "documentTitle": documentTitle
        case "summary": summary.isEmpty ? nil : summary
        case "lede": lede
        case "url": url
        case "permalink": permalink
        case "content": content
        case "date": date
        case "dateISO": dateISO
        case "updated": updated
        case "updatedISO": updatedISO
        case "toc": toc.count >= 3 ? toc : []
        case "hasToc": toc.count >= 3
        case "types": types
        case "tags": tags
        case "related": related
        case "backlinks": backlinks
        case "pages": pages
        case "exercises": exercises
        case "otherTopics": otherTopics
        case "allTags": allTags
        case "topics": topics
        case "hasTypes": !types.isEmpty
        case "hasTags": !tags.isEmpty
        case "hasRelated": !related.isEmpty
        case "hasBacklinks": !backlinks.isEmpty
        case "hasPages": !pages.isEmpty
        case "hasExercises": !exercises.isEmpty
        case "hasOtherTopics": !otherTopics.isEmpty
        case "hasMaterials": !materials.isEmpty
        case "ogType": kind == "article" || kind == "exercise" ? "article" : "website"
        case "duration": duration
        case "difficulty": difficulty
        case "who": who
        case "materials": materials
        case "isHome": kind == "home"
        case "isSection": kind == "section"
        case "isArticle": kind == "article"
        case "isExercise": kind == "exercise"
        case "isTopic": isTopic
        case "isExerciseList": isExerciseList
        case "isTag": kind == "tag"
        case "pathCards": pathCards
        case "hasPathCards": !pathCards.isEmpty
        case "pathTotal": pathTotal
        case "paths": paths
        case "hasPaths": !paths.isEmpty
        default: nil
        }
    }
}

/// What a site partial sees: `site`, and nothing of the page that includes it.
struct SiteOnlyContext: MustacheParent, Sendable {
    let site: SiteView

    func child(named name: String) -> Any? {
        name == "site" ? site : nil
    }
}

/// A page context behind one reference (`Shared`, as the views above), so that Mustache's lookups
/// do not copy it.
struct ContextBox: MustacheParent, Sendable {
    private let shared: Shared<PageContext>

    init(_ context: PageContext) {
        shared = Shared(context)
    }

    func child(named name: String) -> Any? {
        shared.fields.child(named: name)
    }
}
