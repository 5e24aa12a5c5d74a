/// Every file the build makes from the whole site rather than from one page, named once: its URL
/// below the site's base, what makes it, its media type, whether its name is reserved (no page or
/// section may take it, and a link to it is a link to a file that exists), and whether the
/// preview serves it. A test walks this list against a built site.
public struct GeneratedFile: Sendable, Hashable {
    /// Below the site's base: a file (`feed.xml`), or a folder of files (`search/`).
    public let path: String
    public let madeBy: String
    public let mediaType: String
    public let isReserved: Bool
    public let previewServes: Bool

    public static let feed = Self("feed.xml", "Publishing.feed: the newest 20 dated pages", "application/atom+xml")
    public static let sitemap = Self("sitemap.xml", "Publishing.sitemap: every listed page", "application/xml")
    public static let robots = Self("robots.txt", "Publishing.robots: allow all, name the sitemap", "text/plain")
    public static let notFound = Self("404.html", "the 404 template", "text/html")
    public static let searchManifest = Self(
        "search-index.json", "SearchIndex: pages, shards, synonyms", "application/json")
    public static let searchShards = Self(
        "search/", "SearchIndex: a word shard (t-*.json) or a chunk of records (d-*.json)", "application/json")
    public static let finderCards = Self(
        "exercise-cards.json", "Publishing.exerciseCards: every card's facts, for the finder", "application/json")
    public static let deck = Self(Section.deckPath, "the deck template: every card in full", "text/html")
    public static let offlineManifest = Self(
        "offline.json", "Offline.manifest: the pages a reader may keep, with digests", "application/json")
    public static let offlineWorker = Self(
        "sw.js", "Offline.worker: the service worker, installed only when asked", "text/javascript")

    public static let all: [GeneratedFile] = [
        feed, sitemap, robots, notFound, searchManifest, searchShards, finderCards, deck, offlineManifest,
        offlineWorker,
    ]

    init(_ path: String, _ madeBy: String, _ mediaType: String, reserved: Bool = true, preview: Bool = true) {
        self.path = path
        self.madeBy = madeBy
        self.mediaType = mediaType
        self.isReserved = reserved
        self.previewServes = preview
    }

    /// The names at the top of the site that generated files take (the deck's, below the
    /// exercises section, is a page the loader keeps free on its own).
    static var reservedTopNames: Set<String> {
        Set(
            all.filter { $0.isReserved && $0.path.split(separator: "/").count == 1 }.map {
                String($0.path.split(separator: "/")[0])
            })
    }

    /// The reserved paths a link may name as existing files (a folder also with its `index.html`).
    static var linkablePaths: Set<String> {
        Set(
            all.filter(\.isReserved).flatMap { file in
                file.path.hasSuffix("/") ? [file.path, file.path + "index.html"] : [file.path]
            })
    }
}
