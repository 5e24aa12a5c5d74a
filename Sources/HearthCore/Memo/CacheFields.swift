import Foundation
import HearthMarkdown

/// A value the memo layer keeps or keys on, described once: `fields` visits every stored field,
/// and its encoding, its decoding, its stable hash and the test that no field is left out all come
/// from that one list (`FieldCountTests`).
protocol CacheFields: CacheField {
    /// An empty value, which decoding fills in field by field.
    init()
    mutating func fields<V: FieldVisitor>(_ visitor: inout V) throws
}

/// Something done to each field in turn: write it, read it, hash it or count it.
protocol FieldVisitor {
    mutating func visit<T: CacheField>(_ value: inout T) throws
    /// A field of a page (`PageMeta`, `RenderedPage`) with who shows it: `hearth serve` rewrites an
    /// edited page in place while the fields other pages show are unchanged (`Increment`).
    mutating func visit<T: CacheField>(_ value: inout T, shownBy reach: FieldReach) throws
}

extension FieldVisitor {
    mutating func visit<T: CacheField>(_ value: inout T, shownBy reach: FieldReach) throws { try visit(&value) }
}

/// Who shows a field of a page.
enum FieldReach: Sendable {
    /// The page's own output, and what is made of the page alone (its search words, the deck's copy
    /// of its text): an edit rewrites those in place.
    case itself
    /// Other pages too: a card or link on a list, a backlink, a path's places, the site's structure.
    case otherPages
}

/// A field's own encoding.
protocol CacheField {
    func write(to writer: inout ByteWriter)
    static func read(from reader: inout ByteReader) throws -> Self
}

extension CacheFields {
    func write(to writer: inout ByteWriter) {
        var copy = self
        // The writer's bytes are moved in and out, never copied.
        var encoder = FieldEncoder(writer: ByteWriter())
        swap(&encoder.writer, &writer)
        try? copy.fields(&encoder)  // writing never throws
        swap(&encoder.writer, &writer)
    }

    static func read(from reader: inout ByteReader) throws -> Self {
        var value = Self()
        var decoder = FieldDecoder(reader: reader)
        try value.fields(&decoder)
        reader = decoder.reader
        return value
    }

    /// Every field, hashed in order: a key that cannot leave one out.
    func combine(into hasher: inout StableHasher) {
        var writer = ByteWriter()
        write(to: &writer)
        hasher.combine(bytes: writer.bytes)
    }

    /// How many fields `fields` visits.
    static var fieldCount: Int {
        var value = Self()
        var counter = FieldCounter()
        try? value.fields(&counter)
        return counter.count
    }
}

struct FieldEncoder: FieldVisitor {
    var writer: ByteWriter
    mutating func visit<T: CacheField>(_ value: inout T) { value.write(to: &writer) }
}

struct FieldDecoder: FieldVisitor {
    var reader: ByteReader
    mutating func visit<T: CacheField>(_ value: inout T) throws { value = try T.read(from: &reader) }
}

struct FieldCounter: FieldVisitor {
    var count = 0
    /// Fields visited without saying who shows them.
    var unclassified = 0
    mutating func visit<T: CacheField>(_ value: inout T) {
        count += 1
        unclassified += 1
    }
    mutating func visit<T: CacheField>(_ value: inout T, shownBy reach: FieldReach) { count += 1 }
}

/// Hashes the fields other pages show, and only those.
struct ShownElsewhereHasher: FieldVisitor {
    var writer = ByteWriter()
    mutating func visit<T: CacheField>(_ value: inout T) {}
    mutating func visit<T: CacheField>(_ value: inout T, shownBy reach: FieldReach) {
        if reach == .otherPages { value.write(to: &writer) }
    }
}

extension CacheFields {
    /// A digest of the fields other pages show (`FieldReach.otherPages`): equal before and after an
    /// edit when no other page can show a difference.
    var shownElsewhere: UInt64 {
        var copy = self
        var visitor = ShownElsewhereHasher()
        try? copy.fields(&visitor)
        var hasher = StableHasher()
        hasher.combine(bytes: visitor.writer.bytes)
        return hasher.finalize()
    }

    /// How many fields are visited without saying who shows them.
    static var unclassifiedFieldCount: Int {
        var value = Self()
        var counter = FieldCounter()
        try? value.fields(&counter)
        return counter.unclassified
    }
}

// The fields' own encodings.

extension String: CacheField {
    func write(to writer: inout ByteWriter) { writer.string(self) }
    static func read(from reader: inout ByteReader) throws -> String { try reader.string() }
}

extension Int: CacheField {
    func write(to writer: inout ByteWriter) { writer.int(self) }
    static func read(from reader: inout ByteReader) throws -> Int { try reader.int() }
}

extension Bool: CacheField {
    func write(to writer: inout ByteWriter) { writer.bool(self) }
    static func read(from reader: inout ByteReader) throws -> Bool { try reader.bool() }
}

extension Optional: CacheField where Wrapped: CacheField {
    func write(to writer: inout ByteWriter) { writer.optional(self) { $1.write(to: &$0) } }
    static func read(from reader: inout ByteReader) throws -> Wrapped? {
        try reader.optional { try Wrapped.read(from: &$0) }
    }
}

extension Array: CacheField where Element: CacheField {
    func write(to writer: inout ByteWriter) { writer.array(self) { $1.write(to: &$0) } }
    static func read(from reader: inout ByteReader) throws -> [Element] {
        try reader.array { try Element.read(from: &$0) }
    }
}

/// A choice among names (`gentle`, `moderate`, `deep`): kept by its name.
protocol NamedChoice: CacheField, RawRepresentable where RawValue == String {}

extension NamedChoice {
    func write(to writer: inout ByteWriter) { writer.string(rawValue) }
    static func read(from reader: inout ByteReader) throws -> Self {
        guard let value = Self(rawValue: try reader.string()) else { throw ByteReader.Malformed() }
        return value
    }
}

extension Difficulty: NamedChoice {}
extension Who: NamedChoice {}
extension Severity: NamedChoice {}
extension PageKind: NamedChoice {}

extension SimpleDate: CacheField {
    func write(to writer: inout ByteWriter) { writer.string(description) }
    static func read(from reader: inout ByteReader) throws -> SimpleDate {
        guard let date = SimpleDate(try reader.string()) else { throw ByteReader.Malformed() }
        return date
    }
}

extension SourcePosition: CacheField {
    func write(to writer: inout ByteWriter) {
        writer.int(line)
        writer.int(column)
    }
    static func read(from reader: inout ByteReader) throws -> SourcePosition {
        SourcePosition(line: try reader.int(), column: try reader.int())
    }
}

extension Located: CacheField where Value == String {
    func write(to writer: inout ByteWriter) {
        writer.string(value)
        position.write(to: &writer)
    }
    static func read(from reader: inout ByteReader) throws -> Located<String> {
        Located(try reader.string(), at: try SourcePosition?.read(from: &reader))
    }
}

// The values the cache keeps, each field listed once.

// Front matter shapes the site (lists, tags, paths, related pages, the feed and sitemap, cards on
// every list, the search index's weights), so every key is shown by other pages. Its `fields`
// come from its declaration (`@FrontMatterFields`).
extension PageMeta: CacheFields {}

extension DiagnosticCode: CacheField {
    func write(to writer: inout ByteWriter) { writer.string(id) }
    static func read(from reader: inout ByteReader) throws -> DiagnosticCode {
        guard let code = DiagnosticCode.named(try reader.string()) else { throw ByteReader.Malformed() }
        return code
    }
}

extension Diagnostic: CacheFields {
    init() { self.init(.error, DiagnosticCode.all[0], file: "", "") }

    mutating func fields<V: FieldVisitor>(_ v: inout V) throws {
        try v.visit(&severity)
        try v.visit(&code)
        try v.visit(&file)
        try v.visit(&line)
        try v.visit(&column)
        try v.visit(&message)
        try v.visit(&hints)
    }
}

extension Heading: CacheFields {
    init() { self.init(level: 0, text: "", id: "", line: 0) }

    mutating func fields<V: FieldVisitor>(_ v: inout V) throws {
        try v.visit(&level)
        try v.visit(&text)
        try v.visit(&id)
        try v.visit(&line)
    }
}

extension AnchorCheck: CacheFields {
    init() { self.init(targetID: 0, anchor: "", written: "", position: SourcePosition(line: 0, column: 0)) }

    mutating func fields<V: FieldVisitor>(_ v: inout V) throws {
        try v.visit(&targetID)
        try v.visit(&anchor)
        try v.visit(&written)
        try v.visit(&position)
    }
}

extension MarkdownSection: CacheFields {
    init() { self.init(heading: 0, offset: 0) }

    mutating func fields<V: FieldVisitor>(_ v: inout V) throws {
        try v.visit(&heading)
        try v.visit(&offset)
    }
}

extension RenderedPage: CacheFields {
    init() {
        self.init(
            body: .held(""), sections: [], headings: [], summary: "", searchWords: [], outgoing: [],
            outgoingSections: [],
            anchorChecks: [],
            diagnostics: [])
    }

    mutating func fields<V: FieldVisitor>(_ v: inout V) throws {
        try v.visit(&body, shownBy: .itself)
        try v.visit(&sections, shownBy: .itself)
        // Headings are the anchors other pages link to, and name a path's places.
        try v.visit(&headings, shownBy: .otherPages)
        try v.visit(&summary, shownBy: .otherPages)
        try v.visit(&searchWords, shownBy: .itself)
        // Links make backlinks, related pages and paths.
        try v.visit(&outgoing, shownBy: .otherPages)
        try v.visit(&outgoingSections, shownBy: .otherPages)
        try v.visit(&anchorChecks, shownBy: .otherPages)
        // A page with a problem is never rewritten in place (`Increment`), whatever its reach.
        try v.visit(&diagnostics, shownBy: .itself)
    }
}

extension MarkdownOptions: CacheFields {
    init() {
        self.init(
            smartPunctuation: true, unsafeHTML: false, wikilinks: true, headingIDs: true, makesHTML: true,
            plainTextLimit: .max)
    }

    mutating func fields<V: FieldVisitor>(_ v: inout V) throws {
        try v.visit(&smartPunctuation)
        try v.visit(&unsafeHTML)
        try v.visit(&wikilinks)
        try v.visit(&headingIDs)
        try v.visit(&makesHTML)
        try v.visit(&plainTextLimit)
    }
}
