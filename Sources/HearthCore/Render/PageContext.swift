import HearthTemplates

/// Everything a template sees for one output page. Its fields are listed once, in `fields`; a
/// page's fingerprint hashes them all, so a page whose fingerprint is unchanged is not rendered
/// again.
struct PageContext: TemplateFielded {
    var site: SiteView
    var kind: String
    var title: String
    /// The `<title>`: page title and site title.
    var documentTitle: String
    var summary: String
    /// The summary written in front matter, shown under the title (never the first paragraph again).
    var lede: String?
    var url: String
    /// The folder of `content/` the page is in (`help`), nil for the home page and generated pages.
    var section: String?
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
    /// The front matter of a page of `content/`, for the keys its declaration shows to templates.
    var meta: PageMeta?
    /// The same of an exercise card, for the keys only cards have.
    var cardMeta: PageMeta?
    /// An exercise card's sections by name.
    var sections: CardSectionsView?
    /// The deck's cards, in full.
    var deck: [DeckCardView] = []
    var isTopic = false
    var isExerciseList = false
    /// A path's cards and total time; a card's places on paths.
    var pathCards: [PathCardView] = []
    var pathTotal: String?
    /// A path's text before its cards, and its sections that hold no card.
    var pathIntro = ""
    var pathClosing = ""
    var paths: [PathPlaceView] = []
    /// A list page's links to the other pages of its list, when it has more than one.
    var pagination: PaginationView?

    /// A table of contents shows from three headings.
    var shownToc: [TocItem] { toc.count >= 3 ? toc : [] }

    static let fields = TemplateFields<Self>(
        "the page",
        [
            .value("site") { $0.site },
            .value("kind") { $0.kind },
            .value("title") { $0.title },
            .value("documentTitle") { $0.documentTitle },
            .text("summary") { $0.summary },
            .value("lede") { $0.lede },
            .value("url") { $0.url },
            .value("section") { $0.section },
            .value("permalink") { $0.permalink },
            .value("content") { $0.content },
            .value("date") { $0.date },
            .value("dateISO") { $0.dateISO },
            .value("updated") { $0.updated },
            .value("updatedISO") { $0.updatedISO },
            .list("toc") { $0.shownToc },
            .value("hasToc") { !$0.shownToc.isEmpty },
            .list("types") { $0.types },
            .list("tags") { $0.tags },
            .list("related") { $0.related },
            .list("backlinks") { $0.backlinks },
            .list("pages") { $0.pages },
            .list("exercises") { $0.exercises },
            .list("otherTopics") { $0.otherTopics },
            .list("allTags") { $0.allTags },
            .list("topics") { $0.topics },
            .value("hasTypes") { !$0.types.isEmpty },
            .value("hasTags") { !$0.tags.isEmpty },
            .value("hasRelated") { !$0.related.isEmpty },
            .value("hasBacklinks") { !$0.backlinks.isEmpty },
            .value("hasPages") { !$0.pages.isEmpty },
            .value("hasExercises") { !$0.exercises.isEmpty },
            .value("hasOtherTopics") { !$0.otherTopics.isEmpty },
            .value("hasMaterials") { !($0.cardMeta?.materials.isEmpty ?? true) },
            .value("ogType") { $0.kind == "article" || $0.kind == "exercise" ? "article" : "website" },
            .value("whoLabel") { whoLabel($0.cardMeta?.who.rawValue) },
            .value("isSolo") { $0.cardMeta?.who == .solo },
            .value("isGroup") { $0.cardMeta?.who == .group },
            .value("sections") { $0.sections },
            .list("deck") { $0.deck },
            .value("isDeck") { $0.kind == "deck" },
            .value("isHome") { $0.kind == "home" },
            .value("isSection") { $0.kind == "section" },
            .value("isArticle") { $0.kind == "article" },
            .value("isExercise") { $0.kind == "exercise" },
            .value("isTopic") { $0.isTopic },
            .value("isExerciseList") { $0.isExerciseList },
            .value("isTag") { $0.kind == "tag" },
            .list("pathCards") { $0.pathCards },
            .value("hasPathCards") { !$0.pathCards.isEmpty },
            .value("pathCount") { $0.pathCards.count },
            .value("pathTotal") { $0.pathTotal },
            .value("pathIntro") { $0.pathIntro },
            .value("pathClosing") { $0.pathClosing },
            .list("paths") { $0.paths },
            .value("hasPaths") { !$0.paths.isEmpty },
            .value("pagination") { $0.pagination },
        ] + PageMeta.pageTemplateFields.map { $0.through { $0.meta } }
            + PageMeta.cardTemplateFields.map { $0.through { $0.cardMeta } })
}

/// A choice shows as its name (`gentle`, `solo`).
extension Difficulty: TemplateRepresentable {}
extension Who: TemplateRepresentable {}
