/// A place in a source file: 1-based line, and 1-based column counted in characters of that line.
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// How a Markdown body is turned into HTML.
public struct MarkdownOptions: Sendable, Hashable {
    /// Curly quotes, dashes and ellipses (cmark's smart punctuation).
    public var smartPunctuation: Bool
    /// Keep raw HTML instead of replacing it with cmark's "raw HTML omitted" comment.
    public var unsafeHTML: Bool
    /// Recognise `[[Target]]` cross-links in text.
    public var wikilinks: Bool
    /// Give headings `id` attributes.
    public var headingIDs: Bool
    /// Make the HTML. False for checking only (`hearth check`): links are resolved and reported,
    /// headings collected, and `html` is left empty, which saves a tenth of the work.
    public var makesHTML: Bool
    /// How many bytes of the document's text `plainText` keeps: its start, white space folded
    /// (a search index keeps the start of each page); 0 for none.
    public var plainTextLimit: Int

    public init(
        smartPunctuation: Bool = true, unsafeHTML: Bool = false, wikilinks: Bool = true, headingIDs: Bool = true,
        makesHTML: Bool = true, plainTextLimit: Int = .max
    ) {
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
        self.wikilinks = wikilinks
        self.headingIDs = headingIDs
        self.makesHTML = makesHTML
        self.plainTextLimit = plainTextLimit
    }
}

/// A heading of a rendered document.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

/// `[[target#fragment|label]]` as written.
public struct Wikilink: Sendable, Hashable {
    /// The part before `#` and `|`, trimmed; empty for `[[#Heading]]` (this page), and for a link that
    /// names nothing (`[[ ]]`, `[[|label]]`), which the resolver reports.
    public var target: String
    /// The part after `#`, trimmed, if any.
    public var fragment: String?
    /// The part after `|`, trimmed, if any.
    public var label: String?
    /// The whole link as written, brackets included.
    public var raw: String

    /// Parses the inside of `[[...]]`.
    public init(inner: Substring) {
        var rest = inner
        var label: String?
        // `|` and `#` are single bytes: found in the UTF-8 view, without forming characters.
        if let bar = rest.utf8.firstIndex(of: UInt8(ascii: "|")) {
            label = rest[rest.utf8.index(after: bar)...].trimmingSpaces()
            rest = rest[..<bar]
        }
        var fragment: String?
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = rest[rest.utf8.index(after: hash)...].trimmingSpaces()
            rest = rest[..<hash]
        }
        self.target = rest.trimmingSpaces()
        self.fragment = fragment.flatMap { $0.isEmpty ? nil : $0 }
        self.label = label.flatMap { $0.isEmpty ? nil : $0 }
        self.raw = "[[\(inner)]]"
    }
}

/// Where a wikilink leads, as the site's resolver found it.
public struct ResolvedLink: Sendable, Hashable {
    public var url: String
    /// The text to show when the link has no label of its own.
    public var title: String

    public init(url: String, title: String) {
        self.url = url
        self.title = title
    }
}

/// An image's size in pixels.
public struct ImageSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// The site side of link handling: the Markdown layer asks, the site answers.
///
/// The Markdown layer never sees the content model; it reports every link with its position and
/// rewrites what the resolver returns.
public protocol LinkResolver {
    /// A `[[...]]` link; nil leaves the text as written (the resolver reports why).
    mutating func resolve(wikilink: Wikilink, at position: SourcePosition) -> ResolvedLink?
    /// A link or image destination; nil keeps it unchanged.
    mutating func resolve(destination: String, isImage: Bool, at position: SourcePosition) -> String?
    /// A `{...}` (or an unclosed `{...`) ending the text of an item of a top-level numbered list,
    /// under the level-2 heading `section` (nil before any): attributes to give the item's `<li>`,
    /// which remove the marker from its text; nil leaves the text as written.
    mutating func resolve(itemMarker: String, inSection section: String?, at position: SourcePosition)
        -> [(name: String, value: String)]?
    /// The size of the image an image's destination (as written) shows, to give its `<img>`
    /// `width` and `height`; nil for none.
    func imageSize(destination: String) -> ImageSize?
}

extension LinkResolver {
    public func imageSize(destination: String) -> ImageSize? { nil }

    public mutating func resolve(itemMarker: String, inSection section: String?, at position: SourcePosition)
        -> [(name: String, value: String)]?
    { nil }
}

/// A resolver that changes nothing.
public struct NoLinkResolver: LinkResolver {
    public init() {}
    public mutating func resolve(wikilink: Wikilink, at position: SourcePosition) -> ResolvedLink? { nil }
    public mutating func resolve(destination: String, isImage: Bool, at position: SourcePosition) -> String? { nil }
}

/// Where a top-level `##` section starts in a document's HTML.
public struct MarkdownSection: Sendable, Hashable {
    /// Its heading's index in `RenderedMarkdown.headings`.
    public var heading: Int
    /// The UTF-8 offset of its heading in `RenderedMarkdown.html`.
    public var offset: Int

    public init(heading: Int, offset: Int) {
        self.heading = heading
        self.offset = offset
    }
}

/// What rendering a Markdown body yields.
public struct RenderedMarkdown: Sendable {
    public var html: String
    /// With `sections`, where each top-level `##` section starts in `html`, in order.
    public var sections: [MarkdownSection] = []
    public var headings: [Heading]
    /// The first top-level paragraph, as plain text.
    public var firstParagraph: String
    /// The document's text as UTF-8, blocks separated by a space, white space as written (for
    /// search, whose words need no folding first); empty when `MarkdownOptions.plainTextLimit` is 0.
    public var plainBytes: [UInt8]
    /// Of `plainBytes`, the first `MarkdownOptions.plainTextLimit` bytes.
    var plainTextLimit: Int
    /// The document's text, blocks separated by a space, white space folded: all of it, or its
    /// first `MarkdownOptions.plainTextLimit` bytes. Made when asked: search reads `plainBytes`.
    public var plainText: String { String.collapsingWhitespace(plainBytes, limit: plainTextLimit) }
    /// Images written without alt text.
    public var imagesWithoutAlt: [SourcePosition]
    /// Paragraphs written as a GitHub table (a row of `|` cells, then `|---|`), which CommonMark
    /// does not have: they show as text.
    public var tablesAsText: [SourcePosition] = []
    /// Raw HTML left out of the page (no `unsafeHTML`), comments aside: where, and its first line.
    public var htmlLeftOut: [(position: SourcePosition, html: String)] = []
    /// Hugo shortcodes (`{{< ref "touch" >}}`, `{{% note %}}`) in the text, which show as written:
    /// where, and the shortcode.
    public var shortcodes: [(position: SourcePosition, text: String)] = []
    /// `[[` that start no wikilink (not closed in plain text: `[[Touch`, `[[*Touch*]]`), which
    /// show as written.
    public var strayWikilinks: [SourcePosition] = []
    /// The document's top-level lists (not lists inside lists or quotes), in order: a site can
    /// require one under a heading.
    public var lists: [TopLevelList] = []
}

/// A list at the top level of a document: where it starts, whether it is numbered, its items.
public struct TopLevelList: Sendable, Equatable {
    public var line: Int
    public var ordered: Bool
    public var items: Int

    public init(line: Int, ordered: Bool, items: Int) {
        self.line = line
        self.ordered = ordered
        self.items = items
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        // ASCII ends, the common case, byte by byte; any other end as characters (a no-break space
        // is white space too).
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, Self.isASCIISpace(bytes[start]) { start = bytes.index(after: start) }
        while start < end, Self.isASCIISpace(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        var s = self[start..<end]
        if let f = s.utf8.first, f >= 0x80 { while let f = s.first, f.isWhitespace { s.removeFirst() } }
        if let l = s.utf8.last, l >= 0x80 { while let l = s.last, l.isWhitespace { s.removeLast() } }
        return String(s)
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
