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

// The values the cache keeps: most describe their fields once (`CacheFields`); a page keeps its
// body as the end of its source file, which the reader has.

extension ByteWriter {
    /// A page without its body: the body is the end of the source file, which the reader has.
    mutating func page(_ p: Page) {
        int(p.id)
        p.kind.write(to: &self)
        string(p.file)
        string(p.contentPath)
        optional(p.section) { $0.string($1) }
        string(p.slug)
        string(p.path)
        p.meta.write(to: &self)
        int(p.bodyByteCount)
        int(p.bodyLineOffset)
        optional(p.bundleDirectory) { $0.string($1) }
        array(p.bundleFiles) { $0.string($1) }
        array(p.types) { $0.string($1) }
    }
}

extension ByteReader {
    /// A page as kept, without its body: the body is the last `bodyByteCount` bytes of the file
    /// it was read from (`Page.withBody(fromEndOf:)`).
    mutating func page() throws -> Page {
        let id = try int()
        let kind = try PageKind.read(from: &self)
        let file = try string()
        let contentPath = try string()
        let section = try optional { try $0.string() }
        let slug = try string()
        let path = try string()
        let meta = try PageMeta.read(from: &self)
        let bodyLength = try int()
        guard bodyLength >= 0 else { throw Malformed() }
        return Page(
            id: id, kind: kind, file: file, contentPath: contentPath, section: section, slug: slug, path: path,
            meta: meta, body: "", bodyByteCount: bodyLength, bodyLineOffset: try int(),
            bundleDirectory: try optional { try $0.string() }, bundleFiles: try array { try $0.string() },
            types: try array { try $0.string() })
    }
}

extension ImageMetadata.Outcome: CacheField {
    /// A plan's pieces, each a run of the source (0, start, end) or bytes written anew (1, bytes);
    /// or why the image cannot be walked.
    func write(to writer: inout ByteWriter) {
        switch self {
        case .failed(let reason):
            writer.bool(false)
            writer.string(reason)
        case .plan(let plan):
            writer.bool(true)
            writer.bool(plan.removedLocation)
            writer.array(plan.pieces) { writer, piece in
                switch piece {
                case .source(let range):
                    writer.int(0)
                    writer.int(range.lowerBound)
                    writer.int(range.upperBound)
                case .bytes(let bytes):
                    writer.int(1)
                    writer.raw(bytes)
                }
            }
        }
    }

    static func read(from reader: inout ByteReader) throws -> ImageMetadata.Outcome {
        guard try reader.bool() else { return .failed(try reader.string()) }
        var plan = ImageMetadata.Plan()
        plan.removedLocation = try reader.bool()
        plan.pieces = try reader.array { reader in
            switch try reader.int() {
            case 0:
                let (start, end) = (try reader.int(), try reader.int())
                guard start >= 0, start <= end else { throw ByteReader.Malformed() }
                return .source(start..<end)
            case 1:
                let range = try reader.rawRange()
                return .bytes(Array(reader.bytes[range]))
            default: throw ByteReader.Malformed()
            }
        }
        return .plan(plan)
    }
}
