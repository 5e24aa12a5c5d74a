import HearthMarkdown

public enum PageKind: String, Sendable, Hashable {
    case home
    case section
    case article
    case exercise
}

/// One Markdown file of `content/`, read and checked: the home page, a section's `_index.md`, an
/// article or an exercise card.
public struct Page: Sendable, Identifiable {
    public var id: Int
    public var kind: PageKind
    /// Relative to the site root: `content/emotional/listening.md`.
    public var file: String
    /// Relative to `content/`: `emotional/listening.md`.
    public var contentPath: String
    /// The section folder; nil for the home page.
    public var section: String?
    public var slug: String
    /// Site-relative URL path without the base path: `""`, `emotional/`, `emotional/listening/`.
    public var path: String
    public var meta: PageMeta
    public var body: String
    public var bodyLineOffset: Int
    /// For a page bundle, its folder relative to `content/` (`exercises/soul-gazing`).
    public var bundleDirectory: String?
    /// Files beside a bundle's `index.md`, relative to `content/`.
    public var bundleFiles: [String]
    /// The topic sections this page belongs to, in site order.
    public var types: [String]

    public var title: String { meta.title }
    public var outputPath: String { path + "index.html" }
    public var isListed: Bool { kind == .article || kind == .exercise }
}

/// A section: a top-level folder of `content/` with an `_index.md`.
public struct Section: Sendable {
    public enum Kind: Sendable { case topic, exercises, other }
    public var name: String
    public var kind: Kind
    /// The id of the section's own page (its `_index.md`).
    public var pageID: Int
}

/// A tag and the pages that carry it.
public struct Tag: Sendable {
    public var name: String
    public var slug: String
    public var pageIDs: [Int]
}

/// Everything read from `content/`, before rendering.
public struct LoadedSite: Sendable {
    public var config: SiteConfig
    public var pages: [Page]
    public var sections: [Section]
    /// Non-Markdown files of `content/`, relative to it.
    public var files: Set<String>
    /// Draft pages left out of this build, relative to `content/`, with their titles.
    public var excludedDrafts: [(contentPath: String, title: String, slug: String, aliases: [String])]
}
