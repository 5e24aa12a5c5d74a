import Foundation
import HearthMarkdown

/// The keys the memo layer files results under: each made of everything its result is made from,
/// so that an equal key means an equal result.
enum MemoKeys {
    /// The file's bytes, where it sits and the site's types decide everything about it.
    static func source(_ data: Data?, entry: SourceEntry, context: SourceContext) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(data != nil)
        data?.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine(context.knownTypes)
        hasher.combine(context.otherSections)
        hasher.combine(entry.bundleFiles)
        return hasher.finalize()
    }

    /// What is published of a bundle image depends on its bytes and the format it is read as alone.
    static func image(_ bytes: [UInt8], kind: ImageMetadata.Kind) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine("image 1")
        hasher.combine(kind.rawValue)
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }

    /// The related ranking depends on nothing but each listed page's terms, its place in time and
    /// the explicit entries: when none of them changed (an edit of a text), the last lists stand.
    static func related(_ input: SiteGraph.RelatedInput) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine("related 1")
        hasher.combine(input.pageCount)
        for page in input.terms {
            hasher.combine(page.id)
            hasher.combine(input.recencyRank[page.id])
            hasher.combine(page.types)
            hasher.combine(page.tags)
        }
        for (id, list) in input.explicit.sorted(by: { $0.key < $1.key }) {
            hasher.combine(id)
            hasher.combine(list)
        }
        return hasher.finalize()
    }

    /// A card's HTML: the theme, the site's values and the card's own.
    static func card(_ card: CardView, site: SiteView, theme: Theme) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(theme.fingerprint)
        Fingerprint.combine(site, into: &hasher)
        Fingerprint.combine(card, into: &hasher)
        return hasher.finalize()
    }

    /// The fields of a page the Markdown stage reads, each in `markdown`'s key (`file` and
    /// `contentPath` name what the result is filed under; of `meta`, what its declaration marks
    /// `markdown: true`), and those it does not read. A test holds the two to `Page`'s fields: a
    /// field added must be placed in one, so that none is left out of the key unseen.
    static let markdownReads = ["body", "bodyLineOffset", "id", "kind", "meta", "file", "contentPath"]
    static let markdownIgnores = [
        "section", "slug", "path", "bundleDirectory", "bundleFiles", "types",
        // The body's length; the body itself is read.
        "bodyByteCount",
    ]

    /// A page's Markdown depends on its own text and place, and on every page it could link to.
    static func markdown(_ page: Page, table: UInt64, options: MarkdownOptions) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(page.body)
        hasher.combine(page.bodyLineOffset)
        hasher.combine(page.id)
        // A card's sections are checked against its kind.
        hasher.combine(page.kind.rawValue)
        var meta = page.meta
        var inputs = FieldEncoder(writer: ByteWriter())
        try? meta.markdownInputs(&inputs)  // writing never throws
        hasher.combine(bytes: inputs.writer.bytes)
        hasher.combine(table)
        options.combine(into: &hasher)
        return hasher.finalize()
    }
}
