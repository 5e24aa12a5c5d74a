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
    mutating func visit<T: CacheField>(_ value: inout T) { count += 1 }
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

extension PageMeta: CacheFields {
    mutating func fields<V: FieldVisitor>(_ v: inout V) throws {
        try v.visit(&title)
        try v.visit(&summary)
        try v.visit(&date)
        try v.visit(&updated)
        try v.visit(&draft)
        try v.visit(&weight)
        try v.visit(&slug)
        try v.visit(&aliases)
        try v.visit(&types)
        try v.visit(&tags)
        try v.visit(&related)
        try v.visit(&keywords)
        try v.visit(&duration)
        try v.visit(&durationPosition)
        try v.visit(&difficulty)
        try v.visit(&who)
        try v.visit(&materials)
        try v.visit(&contentNote)
    }
}

extension Diagnostic: CacheFields {
    init() { self.init(.error, file: "", "") }

    mutating func fields<V: FieldVisitor>(_ v: inout V) throws {
        try v.visit(&severity)
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
            html: "", sections: [], headings: [], summary: "", searchWords: [], outgoing: [], outgoingLines: [],
            anchorChecks: [],
            diagnostics: [])
    }

    mutating func fields<V: FieldVisitor>(_ v: inout V) throws {
        try v.visit(&html)
        try v.visit(&sections)
        try v.visit(&headings)
        try v.visit(&summary)
        try v.visit(&searchWords)
        try v.visit(&outgoing)
        try v.visit(&outgoingLines)
        try v.visit(&anchorChecks)
        try v.visit(&diagnostics)
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
