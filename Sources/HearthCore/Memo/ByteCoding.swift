import HearthMarkdown

/// A compact binary encoding for the build cache on disk: little-endian integers, length-prefixed
/// UTF-8. Hand-written because the cache is read on every build and Foundation's coders cost more
/// than the parsing they would save.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 {
            int($0.count)
            bytes.append(contentsOf: $0)
        }
    }

    mutating func raw(_ value: some Collection<UInt8>) {
        int(value.count)
        bytes.append(contentsOf: value)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what `ByteWriter` wrote; every read is bounds-checked and a malformed file throws, so a
/// damaged cache is only a slower build.
struct ByteReader {
    struct Malformed: Error {}

    let bytes: UnsafeRawBufferPointer
    var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var atEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func uint64() throws -> UInt64 {
        UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self))
    }

    mutating func int() throws -> Int {
        Int(Int64(bitPattern: try uint64()))
    }

    /// A count or a length: never negative, never more than what is left.
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - offset else { throw Malformed() }
        return n
    }

    mutating func bool() throws -> Bool {
        try take(1)[0] != 0
    }

    mutating func string() throws -> String {
        let slice = try take(try count())
        guard let text = String(validating: slice.bindMemory(to: UInt8.self), as: UTF8.self) else { throw Malformed() }
        return text
    }

    /// The range of a length-prefixed run of bytes, without copying it.
    mutating func rawRange() throws -> Range<Int> {
        let n = try count()
        let start = offset
        _ = try take(n)
        return start..<start + n
    }

    mutating func optional<T>(_ read: (inout ByteReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T>(_ read: (inout ByteReader) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }
}

// The values the cache keeps.

extension ByteWriter {
    mutating func position(_ p: SourcePosition) {
        int(p.line)
        int(p.column)
    }

    mutating func located(_ value: Located<String>) {
        string(value.value)
        optional(value.position) { $0.position($1) }
    }

    mutating func date(_ value: SimpleDate?) {
        string(value?.description ?? "")
    }

    mutating func diagnostic(_ d: Diagnostic) {
        string(d.severity.rawValue)
        string(d.file)
        optional(d.line) { $0.int($1) }
        optional(d.column) { $0.int($1) }
        string(d.message)
        array(d.hints) { $0.string($1) }
    }

    mutating func meta(_ m: PageMeta) {
        string(m.title)
        optional(m.summary) { $0.string($1) }
        date(m.date)
        date(m.updated)
        bool(m.draft)
        optional(m.weight) { $0.int($1) }
        optional(m.slug) { $0.located($1) }
        array(m.aliases) { $0.string($1) }
        array(m.types) { $0.located($1) }
        array(m.tags) { $0.located($1) }
        array(m.related) { $0.located($1) }
        optional(m.duration) { $0.int($1) }
        string(m.difficulty?.rawValue ?? "")
        string(m.who.rawValue)
        array(m.materials) { $0.string($1) }
    }

    /// A page without its body: the body is the end of the source file, which the reader has.
    mutating func page(_ p: Page) {
        int(p.id)
        string(p.kind.rawValue)
        string(p.file)
        string(p.contentPath)
        optional(p.section) { $0.string($1) }
        string(p.slug)
        string(p.path)
        meta(p.meta)
        int(p.body.utf8.count)
        int(p.bodyLineOffset)
        optional(p.bundleDirectory) { $0.string($1) }
        array(p.bundleFiles) { $0.string($1) }
        array(p.types) { $0.string($1) }
    }

    mutating func rendered(_ r: RenderedPage) {
        string(r.html)
        array(r.headings) {
            $0.int($1.level)
            $0.string($1.text)
            $0.string($1.id)
            $0.int($1.line)
        }
        string(r.summary)
        string(r.searchText)
        array(r.outgoing) { $0.int($1) }
        array(r.anchorChecks) {
            $0.int($1.targetID)
            $0.string($1.anchor)
            $0.string($1.written)
            $0.position($1.position)
        }
        array(r.diagnostics) { $0.diagnostic($1) }
    }
}

extension ByteReader {
    mutating func position() throws -> SourcePosition {
        SourcePosition(line: try int(), column: try int())
    }

    mutating func located() throws -> Located<String> {
        let value = try string()
        return Located(value, at: try optional { try $0.position() })
    }

    mutating func date() throws -> SimpleDate? {
        let text = try string()
        if text.isEmpty { return nil }
        guard let date = SimpleDate(text) else { throw Malformed() }
        return date
    }

    mutating func diagnostic() throws -> Diagnostic {
        guard let severity: Severity = try choice() else { throw Malformed() }
        let file = try string()
        let line = try optional { try $0.int() }
        let column = try optional { try $0.int() }
        let message = try string()
        let hints = try array { try $0.string() }
        return Diagnostic(severity, file: file, line: line, column: column, message, hints: hints)
    }

    mutating func choice<T: RawRepresentable>() throws -> T? where T.RawValue == String {
        let text = try string()
        if text.isEmpty { return nil }
        guard let value = T(rawValue: text) else { throw Malformed() }
        return value
    }

    mutating func meta() throws -> PageMeta {
        var m = PageMeta()
        m.title = try string()
        m.summary = try optional { try $0.string() }
        m.date = try date()
        m.updated = try date()
        m.draft = try bool()
        m.weight = try optional { try $0.int() }
        m.slug = try optional { try $0.located() }
        m.aliases = try array { try $0.string() }
        m.types = try array { try $0.located() }
        m.tags = try array { try $0.located() }
        m.related = try array { try $0.located() }
        m.duration = try optional { try $0.int() }
        m.difficulty = try choice()
        guard let who: Who = try choice() else { throw Malformed() }
        m.who = who
        m.materials = try array { try $0.string() }
        return m
    }

    /// A page whose body is the last bytes of `source`, the file it was read from.
    mutating func page(source: UnsafeRawBufferPointer) throws -> Page {
        let id = try int()
        guard let kind: PageKind = try choice() else { throw Malformed() }
        let file = try string()
        let contentPath = try string()
        let section = try optional { try $0.string() }
        let slug = try string()
        let path = try string()
        let meta = try meta()
        let bodyLength = try int()
        guard bodyLength >= 0, bodyLength <= source.count,
            let body = String(
                validating: UnsafeRawBufferPointer(rebasing: source[(source.count - bodyLength)...])
                    .bindMemory(to: UInt8.self), as: UTF8.self)
        else { throw Malformed() }
        return Page(
            id: id, kind: kind, file: file, contentPath: contentPath, section: section, slug: slug, path: path,
            meta: meta, body: body, bodyLineOffset: try int(), bundleDirectory: try optional { try $0.string() },
            bundleFiles: try array { try $0.string() }, types: try array { try $0.string() })
    }

    mutating func rendered() throws -> RenderedPage {
        RenderedPage(
            html: try string(),
            headings: try array {
                Heading(level: try $0.int(), text: try $0.string(), id: try $0.string(), line: try $0.int())
            },
            summary: try string(), searchText: try string(), outgoing: try array { try $0.int() },
            anchorChecks: try array {
                AnchorCheck(
                    targetID: try $0.int(), anchor: try $0.string(), written: try $0.string(),
                    position: try $0.position())
            },
            diagnostics: try array { try $0.diagnostic() })
    }
}
