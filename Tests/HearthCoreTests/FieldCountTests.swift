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
