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
/// of its texts and lists. Only its id (set when it takes its place in the site) and its text (let
/// go of once rendered) change, and they live beside the box.
public struct Page: Sendable, Identifiable {
    private struct Fields: Sendable {
        var kind: PageKind
        var file: String
        var contentPath: String
        var section: String?
        var slug: String
        var path: String
        var meta: PageMeta
        /// The body's length in UTF-8 bytes, kept when the body is let go of (`withoutBody`).
        var bodyByteCount: Int
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

    private let box: Box
    /// Outside the shared fields, so that numbering the pages and letting go of their text copies
    /// none of the rest.
    public var id: Int
    public private(set) var body: String

    public init(
        id: Int, kind: PageKind, file: String, contentPath: String, section: String?, slug: String, path: String,
        meta: PageMeta, body: String, bodyByteCount: Int? = nil, bodyLineOffset: Int, bundleDirectory: String?,
        bundleFiles: [String], types: [String]
    ) {
        self.id = id
        self.body = body
        box = Box(
            Fields(
                kind: kind, file: file, contentPath: contentPath, section: section, slug: slug, path: path,
                meta: meta, bodyByteCount: bodyByteCount ?? body.utf8.count, bodyLineOffset: bodyLineOffset,
                bundleDirectory: bundleDirectory,
                bundleFiles: bundleFiles, types: types))
    }

    public var kind: PageKind { box.fields.kind }
    /// Relative to the site root: `content/emotional/listening.md`.
    public var file: String { box.fields.file }
    /// Relative to `content/`: `emotional/listening.md`.
    public var contentPath: String { box.fields.contentPath }
    /// The section folder; nil for the home page.
    public var section: String? { box.fields.section }
    public var slug: String { box.fields.slug }
    /// Site-relative URL path without the base path: `""`, `emotional/`, `emotional/listening/`.
    public var path: String { box.fields.path }
    public var meta: PageMeta { box.fields.meta }
    /// The body's length in UTF-8 bytes: the end of the source file it was read from.
    public var bodyByteCount: Int { box.fields.bodyByteCount }
    public var bodyLineOffset: Int { box.fields.bodyLineOffset }
    /// For a page bundle, its folder relative to `content/` (`exercises/soul-gazing`).
    public var bundleDirectory: String? { box.fields.bundleDirectory }
    /// Files beside a bundle's `index.md`, relative to `content/`.
    public var bundleFiles: [String] { box.fields.bundleFiles }
    /// The topic sections this page belongs to, in site order.
    public var types: [String] { box.fields.types }

    /// The page without its Markdown text, which only the Markdown stage reads: what is kept of it
    /// once its Markdown is rendered (its text is 4.7 KB of every page of the benchmark's corpus).
    /// The blank lines before the text stay: `textStart`, where a path's problems are said, counts
    /// them.
    public func withoutBody() -> Page {
        let utf8 = body.utf8
        var page = self
        page.body = String(body[..<(utf8.firstIndex { ![0x0A, 0x0D, 0x20, 0x09].contains($0) } ?? utf8.endIndex)])
        return page
    }

    /// Whether the page holds its Markdown text (not let go of by `withoutBody`).
    public var hasText: Bool { body.utf8.count == box.fields.bodyByteCount }

    /// The page with its text again, taken from the end of the file it was read from; nil when
    /// those bytes are not its text.
    public func withBody(fromEndOf source: UnsafeRawBufferPointer) -> Page? {
        let count = bodyByteCount
        guard count >= 0, count <= source.count,
            let body = String(
                validating: UnsafeRawBufferPointer(rebasing: source[(source.count - count)...])
                    .bindMemory(to: UInt8.self), as: UTF8.self)
        else { return nil }
        var page = self
        page.body = body
        return page
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

    /// Where the deck of every exercise card is published (content format v2).
    public static let deckPath = "exercises/deck/"
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
    /// The sizes of the images among `files`.
    public var imageSizes: [String: ImageSize] = [:]
    /// Pages left out of this build (drafts, and pages whose URL another page has), to say why a
    /// link to one fails.
    public var excluded: [ExcludedPage]
    /// What every page was read against (a page read again is read against the same).
    var sourceContext: SourceContext
}

/// A page that is not built, with what a link can name it by.
public struct ExcludedPage: Sendable {
    public enum Reason: Sendable, Equatable {
        case draft
        /// Its URL is that of another page (that file, relative to `content/`).
        case sameURL(as: String)
        /// It could not be read or parsed: an error says why. Links to it are not missing pages.
        case failedToLoad
    }

    public var contentPath: String
    public var title: String
    public var slug: String
    public var aliases: [String]
    public var reason: Reason
}
