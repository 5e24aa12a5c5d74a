import Foundation
import HearthFiles
import Synchronization
import SystemPackage

/// What one build hands to the next: parsed files, rendered Markdown, rendered cards and what to
/// publish of each bundle image (`ImageMetadata.Plan`, a few runs of its bytes), each kept
/// with a key made of everything it was made from (`StableHasher`, the same in every run). A build
/// parses and renders only what changed; the rest is checked by key and reused. Rendered pages are
/// not kept here: the output manifest records the key each page was rendered from, and a page
/// whose key is unchanged is taken from the output as it is (`OutputWriter`).
///
/// `hearth serve` keeps one cache in memory across rebuilds. `hearth build` and `hearth check` read
/// it from `.hearth-cache/build-cache` and `build` writes it back, with only the entries that build
/// used. The file starts with a salt — the tool's version and the templates' digest — and a file
/// with another salt, or one that does not read back, is ignored: the cost is a slower build,
/// never a wrong one.
final class BuildCache: Sendable {
    struct Slot<Value: Sendable>: Sendable {
        var key: UInt64
        var value: Value
        var generation: Int
        /// Where the value lies, encoded, in the file read, when it came from there: saved as is.
        var encoded: Range<Int>?
    }

    enum Table: Int, CaseIterable {
        case sources, markdown, cards, images
    }

    private static let magic = "HEARTH-CACHE 3\n"

    /// Everything the cache holds, behind one lock: lookups run on every core.
    struct State {
        var sources: [String: Slot<(Page?, [Diagnostic])>] = [:]
        var markdown: [String: Slot<RenderedPage>] = [:]
        var cards: [String: Slot<String>] = [:]
        var images: [String: Slot<ImageMetadata.Outcome>] = [:]
        /// The cache file as read (mapped): its bytes, and where each entry's newest value lies in them.
        var blob = Data()
        var index: [[String: (key: UInt64, range: Range<Int>)]] = Table.allCases.map { _ in [:] }
        var loadedSalt: String?
        /// Whether the file read can take a segment at its end (it read back whole, with this salt).
        var appendable = false
        var generation = 0
        /// How many lookups found their entry in the last build (for tests and --verbose).
        var hitCount = 0
        var missCount = 0
    }

    private let state = Mutex(State())
    var hits: Int { state.withLock { $0.hitCount } }
    var misses: Int { state.withLock { $0.missCount } }

    init() {}

    /// Starts a build: counts from zero, and marks what this build uses.
    func beginBuild() {
        state.withLock {
            $0.generation += 1
            $0.hitCount = 0
            $0.missCount = 0
        }
    }

    /// The value stored under `path` if its key matches, in memory or in the file read; else
    /// `make()`, stored.
    private func lookup<Value>(
        _ store: WritableKeyPath<State, [String: Slot<Value>]>, _ table: Table, _ path: String,
        key: UInt64, decode: (inout ByteReader) throws -> Value, make: () -> Value
    ) -> Value {
        if let found = find(store, table, path, key: key, decode: decode) { return found }
        let value = make()
        keep(store, path, key: key, value: value)
        return value
    }

    /// The value stored under `path` if its key matches, in memory or in the file read (then kept
    /// for this build); nil, and nothing kept, when there is none.
    private func find<Value>(
        _ store: WritableKeyPath<State, [String: Slot<Value>]>, _ table: Table, _ path: String,
        key: UInt64, decode: (inout ByteReader) throws -> Value
    ) -> Value? {
        let (hit, stored, blob) = state.withLock { state -> (Value?, Range<Int>?, Data) in
            if let found = state[keyPath: store][path], found.key == key {
                let generation = state.generation
                state[keyPath: store][path]?.generation = generation
                state.hitCount += 1
                return (found.value, nil, Data())
            }
            if let entry = state.index[table.rawValue][path], entry.key == key { return (nil, entry.range, state.blob) }
            return (nil, nil, Data())
        }
        if let hit { return hit }
        // Decoded outside the lock: lookups run on every core.
        guard let stored,
            let decoded = blob.withUnsafeBytes({ bytes -> Value? in
                var reader = ByteReader(UnsafeRawBufferPointer(rebasing: bytes[stored]))
                guard let value = try? decode(&reader), reader.atEnd else { return nil }
                return value
            })
        else { return nil }
        state.withLock { state in
            state[keyPath: store][path] = Slot(key: key, value: decoded, generation: state.generation, encoded: stored)
            state.hitCount += 1
        }
        return decoded
    }

    /// Keeps a value made anew in this build.
    private func keep<Value>(
        _ store: WritableKeyPath<State, [String: Slot<Value>]>, _ path: String, key: UInt64, value: Value
    ) {
        state.withLock { state in
            state[keyPath: store][path] = Slot(key: key, value: value, generation: state.generation, encoded: nil)
            state.missCount += 1
        }
    }

    /// A source file read and checked; `data` is its bytes (a kept page's body is their end).
    /// The store keeps the page without its text, which the file's bytes hold: a build lets go of
    /// every page's text once its Markdown is rendered, and the store must not hold it on.
    func source(_ path: String, key: UInt64, data: Data?, make: () -> (Page?, [Diagnostic])) -> (Page?, [Diagnostic]) {
        var made: (Page?, [Diagnostic])?
        let kept = lookup(
            \.sources, .sources, path, key: key,
            decode: { reader in (try reader.optional { try $0.page() }, try [Diagnostic].read(from: &reader)) },
            make: {
                let result = make()
                made = result
                return (result.0?.withoutBody(), result.1)
            })
        if let made { return made }
        guard let page = kept.0 else { return kept }
        if let whole = data?.withUnsafeBytes({ page.withBody(fromEndOf: $0) }) { return (whole, kept.1) }
        // Not the file's end after all: read as if never stored.
        let result = make()
        keep(\.sources, path, key: key, value: (result.0?.withoutBody(), result.1))
        return result
    }

    /// `settle` is applied to what is kept, found in the file or made (it sets a large site's HTML
    /// aside: the store must not hold what the build lets go of).
    func markdown(
        _ path: String, key: UInt64, settle: (RenderedPage) -> RenderedPage = { $0 }, make: () -> RenderedPage
    ) -> RenderedPage {
        lookup(
            \.markdown, .markdown, path, key: key, decode: { settle(try RenderedPage.read(from: &$0)) },
            make: { settle(make()) })
    }

    /// Rendered Markdown stored under `path` with this key, if any; nothing is kept otherwise (a
    /// check's pages, made without HTML, must never stand in for a build's).
    func storedMarkdown(_ path: String, key: UInt64) -> RenderedPage? {
        find(\.markdown, .markdown, path, key: key, decode: { try RenderedPage.read(from: &$0) })
    }

    func card(_ path: String, key: UInt64, make: () -> String) -> String {
        lookup(\.cards, .cards, path, key: key, decode: { try $0.string() }, make: make)
    }

    /// What to publish of a bundle image, kept under its path with a digest of its bytes as the key.
    func image(_ path: String, key: UInt64, make: () -> ImageMetadata.Outcome) -> ImageMetadata.Outcome {
        lookup(\.images, .images, path, key: key, decode: { try ImageMetadata.Outcome.read(from: &$0) }, make: make)
    }

    /// Site-wide results (related pages) are kept with the cards, under a name no file has: `@name`.
    func siteResult(_ name: String, key: UInt64) -> String? {
        find(\.cards, .cards, "@" + name, key: key, decode: { try $0.string() })
    }

    func keepSiteResult(_ name: String, key: UInt64, _ value: String) {
        keep(\.cards, "@" + name, key: key, value: value)
    }

    // MARK: On disk

    /// The cache file of a site.
    static func file(in folder: URL) -> URL {
        folder.appendingPathComponent("build-cache")
    }

    /// Reads the cache file once per salt; a missing, damaged or differently salted file leaves
    /// the cache as it is.
    ///
    /// The file is a series of segments, each the magic line, the salt and four tables of
    /// (path, key, value). A build that changed little appends a segment with what it made; a later
    /// entry for a path replaces an earlier one. When most of the file is replaced or unused, the
    /// next save writes it anew with only what that build used.
    func load(from url: URL, salt: String) {
        guard state.withLock({ $0.loadedSalt != salt }) else { return }
        guard let data = Files.map(url.path) else { return }
        var table: [[String: (key: UInt64, range: Range<Int>)]] = Table.allCases.map { _ in [:] }
        let whole = data.withUnsafeBytes { raw -> Bool in
            var reader = ByteReader(raw)
            while !reader.atEnd {
                // A segment that does not read back ends the file: what came before still counts.
                var segment: [[String: (key: UInt64, range: Range<Int>)]] = Table.allCases.map { _ in [:] }
                do {
                    guard try reader.string() == Self.magic, try reader.string() == salt else { return false }
                    for t in Table.allCases {
                        for _ in 0..<(try reader.count()) {
                            let path = try reader.string()
                            let key = try reader.uint64()
                            segment[t.rawValue][path] = (key, try reader.rawRange())
                        }
                    }
                } catch {
                    return false
                }
                for t in Table.allCases { table[t.rawValue].merge(segment[t.rawValue]) { $1 } }
            }
            return true
        }
        state.withLock {
            $0.blob = data
            $0.index = table
            $0.loadedSalt = salt
            $0.appendable = whole
        }
    }

    /// Gives back this process's pages of the mapped cache file, once a build has read what it
    /// reads from it: they stay in the kernel's page cache, and an entry read later maps them again
    /// without touching the disk. The file is as large as the rendered site, so a build with a
    /// cache would otherwise hold it twice at its peak (once mapped, once decoded).
    func releaseMappedPages() {
        Files.releasePages(of: state.withLock { $0.blob })
    }

    /// Saves what the last build used: a segment with only what it made, appended, when the file
    /// read is sound and mostly still in use; else the whole file anew, atomically (a temporary
    /// file renamed over the old one). Entries read from the file are copied as they were.
    func save(to url: URL, salt: String) async throws {
        try Files.makeFolders(url.deletingLastPathComponent().path)
        let (append, made) = state.withLock { state -> (Bool, Int) in
            var live = 0
            var made = 0
            func count<Value>(_ slots: [String: Slot<Value>]) {
                for slot in slots.values where slot.generation == state.generation {
                    live += slot.encoded?.count ?? 0
                    made += slot.encoded == nil ? 1 : 0
                }
            }
            count(state.sources)
            count(state.markdown)
            count(state.cards)
            count(state.images)
            return (state.appendable && state.loadedSalt == salt && live * 2 > state.blob.count, made)
        }
        if append && made == 0 { return }
        let temporary = url.path + ".\(getpid()).tmp"
        let fd = try append ? Files.openForAppending(url.path) : Files.create(temporary)
        var file = SegmentFile(fd: fd)
        file.header.string(Self.magic)
        file.header.string(salt)
        let (savedSources, savedMarkdown, savedCards, savedImages, savedBlob, current) = state.withLock {
            ($0.sources, $0.markdown, $0.cards, $0.images, $0.blob, $0.generation)
        }
        func live<Value>(_ slots: [String: Slot<Value>]) -> [(key: String, value: Slot<Value>)] {
            slots.filter { $0.value.generation == current && !(append && $0.value.encoded != nil) }.sorted {
                $0.key < $1.key
            }
        }
        await file.table(live(savedSources), blob: savedBlob) { w, v in
            w.optional(v.0) { $0.page($1) }
            v.1.write(to: &w)
        }
        await file.table(live(savedMarkdown), blob: savedBlob) { $1.write(to: &$0) }
        await file.table(live(savedCards), blob: savedBlob) { $0.string($1) }
        await file.table(live(savedImages), blob: savedBlob) { $1.write(to: &$0) }
        file.flush()
        try? fd.close()
        var failed = file.failed
        if append {
            if failed { Files.remove(url.path) }  // a torn segment would hide the ones after it
        } else if failed || (try? Files.rename(temporary, to: url.path)) == nil {
            Files.remove(temporary)
            failed = true
        }
        if failed { throw Files.Failure(description: "cannot save the build cache") }
    }
}

/// A segment of the cache file being written: header bytes gathered, then tables whose entries are
/// encoded on every core, in chunks of a few hundred, a few chunks at a time (so that the file is
/// never all in memory), and written in order.
private struct SegmentFile {
    let fd: FileDescriptor
    var header = ByteWriter()
    var failed = false

    init(fd: FileDescriptor) {
        self.fd = fd
    }

    mutating func flush() {
        guard !header.bytes.isEmpty else { return }
        failed = failed || !Files.writeAll(header.bytes, to: fd)
        header = ByteWriter()
    }

    mutating func table<Value: Sendable>(
        _ entries: [(key: String, value: BuildCache.Slot<Value>)], blob: Data,
        _ encode: @escaping @Sendable (inout ByteWriter, Value) -> Void
    ) async {
        header.int(entries.count)
        let chunk = 128
        let chunks = (entries.count + chunk - 1) / chunk
        let batch = 2 * Parallelism.current
        for first in stride(from: 0, to: chunks, by: batch) {
            let encoded = await parallelMap(Array(first..<min(chunks, first + batch)), workers: Parallelism.current) {
                c in
                var out = ByteWriter()
                var value = ByteWriter()
                for (path, slot) in entries[(c * chunk)..<min(entries.count, (c + 1) * chunk)] {
                    out.string(path)
                    out.uint64(slot.key)
                    if let range = slot.encoded {
                        out.raw(blob[range])
                    } else {
                        value = ByteWriter()
                        encode(&value, slot.value)
                        out.raw(value.bytes)
                    }
                }
                return out.bytes
            }
            flush()
            for bytes in encoded { failed = failed || !Files.writeAll(bytes, to: fd) }
        }
    }
}
