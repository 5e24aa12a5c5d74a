import Foundation
import HearthMarkdown
import Testing

@testable import HearthCore

/// Every value the memo layer keeps or keys on lists its fields once (`CacheFields`); a field
/// added to the type and not to that list would be lost from the cache or missing from the key.
@Suite("cache fields")
struct FieldCountTests {
    static func stored<T>(_ value: T) -> Int { Mirror(reflecting: value).children.count }

    @Test("each kept or keyed type visits every stored field")
    func everyField() {
        #expect(PageMeta.fieldCount == Self.stored(PageMeta()))
        #expect(Diagnostic.fieldCount == Self.stored(Diagnostic()))
        #expect(Heading.fieldCount == Self.stored(Heading()))
        #expect(AnchorCheck.fieldCount == Self.stored(AnchorCheck()))
        #expect(RenderedPage.fieldCount == Self.stored(RenderedPage()))
        #expect(MarkdownOptions.fieldCount == Self.stored(MarkdownOptions()))
    }

    @Test("every field of a page's front matter and rendered Markdown says who shows it")
    func everyFieldHasAReach() {
        // A field added without `shownBy:` fails here: `hearth serve` would not know whether an
        // edit of it may be written in place.
        #expect(PageMeta.unclassifiedFieldCount == 0)
        #expect(RenderedPage.unclassifiedFieldCount == 0)
        #expect(PageMeta.fieldCount > 0 && RenderedPage.fieldCount > 0)
    }

    @Test("an edit of what only the page shows keeps its digest for other pages; one of what they show changes it")
    func shownElsewhere() {
        let before = RenderedPage()
        var own = before
        own.html = "<p>Sit facing each other.</p>"
        own.searchWords = ["sit", "face"]
        #expect(own.shownElsewhere == before.shownElsewhere)
        for change: (inout RenderedPage) -> Void in [
            { $0.summary = "Two minutes of eye contact." }, { $0.outgoing = [3] }, { $0.outgoingSections = [0] },
            { $0.headings = [Heading(level: 2, text: "Steps", id: "steps", line: 4)] },
        ] {
            var shown = before
            change(&shown)
            #expect(shown.shownElsewhere != before.shownElsewhere)
        }
        var meta = PageMeta()
        let metaBefore = meta.shownElsewhere
        meta.title = "Soul Gazing"
        #expect(meta.shownElsewhere != metaBefore)
    }

    /// The names of a value's stored fields; a page's are those of the box that holds them.
    static func labels(_ value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    @Test("every field of a page and its front matter is either in the Markdown key or said not to be read")
    func markdownKeyFields() throws {
        let page = Page(
            id: 0, kind: .article, file: "content/a.md", contentPath: "a.md", section: nil, slug: "a", path: "a/",
            meta: PageMeta(), body: "", bodyLineOffset: 0, bundleDirectory: nil, bundleFiles: [], types: [])
        // Page keeps its fields in one boxed struct (box, then its fields), and its id and text
        // beside it.
        let box = try #require(Mirror(reflecting: page).children.first?.value)
        let fields = try #require(Mirror(reflecting: box).children.first?.value)
        let beside = Self.labels(page).subtracting(["box"])
        #expect(beside == ["id", "body"])
        let (reads, ignores) = (MemoKeys.markdownReads, MemoKeys.markdownIgnores)
        #expect(Self.labels(fields).union(beside) == Set(reads + ignores))
        #expect(Set(reads).isDisjoint(with: ignores))
    }

    @Test("a key's one declaration gives the known keys, the Markdown stage's key and what templates see")
    func keyDeclaredOnce() {
        // The keys of content format v3, in the order an unknown key's hint lists them.
        #expect(
            PageMeta.pageKeys == [
                "title", "summary", "date", "updated", "draft", "weight", "slug", "aliases", "types", "tags",
                "related", "keywords",
            ])
        #expect(PageMeta.cardKeys == ["duration", "difficulty", "who", "materials", "contentNote"])
        func markdownKey(_ change: (inout PageMeta) -> Void) -> UInt64 {
            var meta = PageMeta()
            change(&meta)
            let page = Page(
                id: 0, kind: .exercise, file: "content/exercises/a.md", contentPath: "exercises/a.md", section: nil,
                slug: "a", path: "a/", meta: meta, body: "## Steps", bodyLineOffset: 3, bundleDirectory: nil,
                bundleFiles: [], types: [])
            return MemoKeys.markdown(page, table: 1, options: MarkdownOptions())
        }
        let plain = markdownKey { _ in }
        // Marked `markdown: true`: the stage checks sections against the difficulty, timers against
        // the duration, and says a problem where the duration is written.
        #expect(markdownKey { $0.difficulty = .deep } != plain)
        #expect(markdownKey { $0.duration = 12 } != plain)
        #expect(markdownKey { $0.durationPosition = SourcePosition(line: 4, column: 11) } != plain)
        #expect(markdownKey { $0.summary = "Eyes." } != plain)
        // Unmarked: the stage's result does not depend on it, so it is not made again.
        #expect(markdownKey { $0.tags = [Located("trust", at: nil)] } == plain)
        #expect(markdownKey { $0.contentNote = "grief" } == plain)
        // Marked `template: true`: a card key is a field of the page's context.
        let names = Set(PageContext.fields.schema.fieldNames)
        #expect(names.isSuperset(of: ["duration", "difficulty", "who", "materials", "contentNote"]))
        #expect(!names.contains("durationPosition") && !names.contains("keywords"))
    }

    @Test("a value reads back as it was written, and its hash changes with any field")
    func roundTrip() throws {
        var meta = PageMeta()
        meta.title = "Soul Gazing"
        meta.summary = "Eyes."
        meta.date = SimpleDate("2025-03-14")
        meta.tags = [Located("trust", at: SourcePosition(line: 3, column: 8))]
        meta.duration = 10
        meta.difficulty = .deep
        meta.who = .solo
        var writer = ByteWriter()
        meta.write(to: &writer)
        let back = try writer.bytes.withUnsafeBytes { raw -> PageMeta in
            var reader = ByteReader(raw)
            return try PageMeta.read(from: &reader)
        }
        #expect(back == meta)
        func hash(_ m: PageMeta) -> UInt64 {
            var hasher = StableHasher()
            m.combine(into: &hasher)
            return hasher.finalize()
        }
        var changed = meta
        changed.materials = ["a candle"]
        #expect(hash(changed) != hash(meta))
    }
}
