import HearthMarkdown

public enum PageKind: String, Sendable, Hashable {
    case home
    case section
    case article
    case exercise
}

/// One Markdown file of `content/`, read and checked: the home page, a section's `_index.md`, an
/// article or an exercise card.
///
/// A value like any other; its fields live in one immutable box, so that a copy (a page is copied
/// wherever it is passed around, on every core) costs one reference count rather than one for each
/// of its texts and lists. Changing a field makes a new box.
public struct Page: Sendable, Identifiable {
    private struct Fields: Sendable {
        var id: Int
        var kind: PageKind
        var file: String
        var contentPath: String
        var section: String?
        var slug: String
        var path: String
        var meta: PageMeta
        var body: String
        var bodyLineOffset: Int
        var bundleDirectory: String?
        var bundleFiles: [String]
        var types: [String]
    }

    private final class Box: Sendable {
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var box: Box

    public init(
        id: Int, kind: PageKind, file: String, contentPath: String, section: String?, slug: String, path: String,
        meta: PageMeta, body: String, bodyLineOffset: Int, bundleDirectory: String?, bundleFiles: [String],
        types: [String]
    ) {
        box = Box(
            Fields(
                id: id, kind: kind, file: file, contentPath: contentPath, section: section, slug: slug, path: path,
                meta: meta, body: body, bodyLineOffset: bodyLineOffset, bundleDirectory: bundleDirectory,
                bundleFiles: bundleFiles, types: types))
    }

    private mutating func change(_ body: (inout Fields) -> Void) {
        var fields = box.fields
        body(&fields)
        box = Box(fields)
    }

    public var id: Int {
        get { box.fields.id }
        set { change { $0.id = newValue } }
    }
    public var kind: PageKind {
        get { box.fields.kind }
        set { change { $0.kind = newValue } }
    }
    /// Relative to the site root: `content/emotional/listening.md`.
    public var file: String {
        get { box.fields.file }
        set { change { $0.file = newValue } }
    }
    /// Relative to `content/`: `emotional/listening.md`.
    public var contentPath: String {
        get { box.fields.contentPath }
        set { change { $0.contentPath = newValue } }
    }
    /// The section folder; nil for the home page.
    public var section: String? {
        get { box.fields.section }
        set { change { $0.section = newValue } }
    }
    public var slug: String {
        get { box.fields.slug }
        set { change { $0.slug = newValue } }
    }
    /// Site-relative URL path without the base path: `""`, `emotional/`, `emotional/listening/`.
    public var path: String {
        get { box.fields.path }
        set { change { $0.path = newValue } }
    }
    public var meta: PageMeta {
        get { box.fields.meta }
        set { change { $0.meta = newValue } }
    }
    public var body: String {
        get { box.fields.body }
        set { change { $0.body = newValue } }
    }
    public var bodyLineOffset: Int {
        get { box.fields.bodyLineOffset }
        set { change { $0.bodyLineOffset = newValue } }
    }
    /// For a page bundle, its folder relative to `content/` (`exercises/soul-gazing`).
    public var bundleDirectory: String? {
        get { box.fields.bundleDirectory }
        set { change { $0.bundleDirectory = newValue } }
    }
    /// Files beside a bundle's `index.md`, relative to `content/`.
    public var bundleFiles: [String] {
        get { box.fields.bundleFiles }
        set { change { $0.bundleFiles = newValue } }
    }
    /// The topic sections this page belongs to, in site order.
    public var types: [String] {
        get { box.fields.types }
        set { change { $0.types = newValue } }
    }

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
