/// The site's search index, split so that a query downloads only what it needs:
/// - `search-index.json`, the manifest: how many pages, the shards there are, the synonyms;
/// - `search/t-<hex>.json`, one shard for each first two letters of a word (its UTF-8 in hex):
///   each word's pages, as gaps between ascending page numbers, those with it in the title first;
/// - `search/d-<n>.json`, the title, URL, kind, section, summary (and a card's duration and
///   difficulty) of pages `n * chunk ..< (n + 1) * chunk`, fetched only for results shown.
/// Every word of every page's text is indexed, folded and stemmed (`SearchWords`).
enum SearchIndex {
    /// Pages to a file of `search/d-<n>.json`.
    static let chunk = 100

    /// One page's part of the index.
    struct Entry: Sendable {
        /// The distinct words of its text: the rendered page's own list, shared, not copied.
        var textWords: [String]
        /// The words of its title, section, tags, written summary and keywords, which may repeat
        /// the text's (the postings allow for that).
        var otherWords: [String]
        var words: FlattenSequence<[[String]]> { [textWords, otherWords].joined() }
        var titleWords: Set<String>
        /// Its record, a JSON object.
        var record: [UInt8]
    }

    /// Each page's entry, by page id (none for the home page).
    static func entries(_ published: PublishedSite) async -> [Entry?] {
        await parallelMap(published.site.pages) { entry(of: $0, published) }
    }

    /// A page's entry; none for the home page, which has nothing of its own to find.
    static func entry(of page: Page, _ published: PublishedSite) -> Entry? {
        page.kind == .home ? nil : entry(page, published)
    }

    static func entry(_ page: Page, _ published: PublishedSite) -> Entry {
        let result = published.rendered[page.id]
        let section = page.section.flatMap { published.sectionTitles[$0] } ?? ""
        let tags = published.graph.tagsOfPage[page.id].map { published.graph.tags[$0].name }
        // The text's words (its headings and first paragraph among them) are distinct already;
        // those of the title, the section, the tags and a written summary may repeat them, which
        // the postings allow for.
        var otherWords: [String] = []
        for text in [page.title, section, page.meta.summary ?? ""] + tags + page.meta.keywords {
            otherWords += SearchWords.words(text)
        }
        var record: [UInt8] = []
        func field(_ name: String, _ value: String) {
            record.append(contentsOf: name.utf8)
            Publishing.appendJSONString(value, to: &record)
        }
        field("{\"title\":", page.title)
        field(",\"url\":", published.site.config.basePath + page.path)
        field(",\"kind\":", page.kind.rawValue)
        field(",\"section\":", section)
        field(",\"summary\":", result.summary)
        if let duration = page.meta.duration { record.append(contentsOf: ",\"duration\":\(duration)".utf8) }
        if let difficulty = page.meta.difficulty { field(",\"difficulty\":", difficulty.rawValue) }
        record.append(UInt8(ascii: "}"))
        // Keywords (content format v3) rank the page as its title's words do: first.
        let ranked = ([page.title] + page.meta.keywords).flatMap(SearchWords.words)
        return Entry(textWords: result.searchWords, otherWords: otherWords, titleWords: Set(ranked), record: record)
    }

    /// The file of a word shard.
    static func shardPath(_ name: String) -> String { GeneratedFile.searchShards.path + "t-\(name).json" }

    /// The shard a word is in: its first two code points (as the script counts them), as the hex
    /// of their UTF-8.
    static func shard(of word: String) -> String {
        var first = String.UnicodeScalarView()
        first.append(contentsOf: word.unicodeScalars.prefix(2))
        return String(first).utf8.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// What the shard files are made from: each word's pages, and each shard's words, sorted.
    struct Tables: Sendable {
        var postings: [String: Postings]
        var shards: [String: [String]]
    }

    /// The index's files, from its entries, and, when asked to keep them, the tables they were made from (which an
    /// edit patches: `patch`); else they are freed here, before the pages are rendered.
    static func made(_ entries: [Entry?], synonyms: [[String]], keepingTables: Bool) async -> (
        files: [OutputFile], tables: Tables?
    ) {
        let pages = entries.compactMap { $0 }
        let synonymTable = SearchWords.synonymTable(synonyms)
        // Each part is the words of its share of shards, each part on a core from postings to
        // files: a shard's words share their first bytes, and so their part.
        let count = max(1, Parallelism.current)
        let parts = await parallelMap(Array(0..<count)) { part in
            Self.part(part, of: count, pages: pages, synonyms: synonymTable)
        }
        let names = parts.flatMap(\.shards.keys).sorted()
        var files = parts.flatMap(\.files).sorted { $0.path < $1.path }
        files += await parallelMap(Array(stride(from: 0, to: pages.count, by: chunk))) { start in
            records(pages[start..<min(pages.count, start + chunk)], number: start / chunk)
        }
        files.append(
            OutputFile(path: GeneratedFile.searchManifest.path, bytes: manifest(pages.count, shards: names, synonyms)))
        guard keepingTables else { return (files, nil) }
        var tables = Tables(postings: [:], shards: [:])
        for part in parts {
            tables.postings.merge(part.postings) { first, _ in first }
            tables.shards.merge(part.shards) { first, _ in first }
        }
        return (files, tables)
    }

    /// One part of the index: the postings of the words whose first bytes fall to `part`, their
    /// shards' words, sorted, and the shards' files.
    private static func part(_ part: Int, of parts: Int, pages: [Entry], synonyms: [String: String]) -> (
        postings: [String: Postings], shards: [String: [String]], files: [OutputFile]
    ) {
        let postings = Self.postings(of: pages, part: part, of: parts, synonyms: synonyms)
        var unsorted: [String: [String]] = [:]
        for word in postings.keys { unsorted[shard(of: word), default: []].append(word) }
        let shards = unsorted.mapValues { $0.sorted() }
        let files = shards.map { name, words in
            OutputFile(path: shardPath(name), bytes: shardFile(words, postings))
        }
        return (postings, shards, files)
    }

    /// Records file `number`: the records of the chunk of pages it holds.
    static func records(_ pages: some Sequence<Entry>, number: Int) -> OutputFile {
        var bytes: [UInt8] = Array("[\n".utf8)
        for (offset, entry) in pages.enumerated() {
            if offset > 0 { bytes.append(contentsOf: ",\n".utf8) }
            bytes.append(contentsOf: entry.record)
        }
        bytes.append(contentsOf: "\n]\n".utf8)
        return OutputFile(path: GeneratedFile.searchShards.path + "d-\(number).json", bytes: bytes)
    }

    /// A word's pages, and those with it in their title, by number, ascending.
    struct Postings: Sendable {
        var pages: [Int32] = []
        var titles: [Int32] = []

        /// Page `number`, added once however often it has the word (pages come in order).
        mutating func add(_ number: Int32, inTitle: Bool) {
            if pages.last != number { pages.append(number) }
            if inTitle, titles.last != number { titles.append(number) }
        }
    }

    /// The postings of the words whose first two bytes fall to `part` of `parts` (two, for parts of
    /// about the same size: the first letters of words are far from even). A word of a synonym
    /// group is indexed as the group's first word.
    private static func postings(of pages: [Entry], part: Int, of parts: Int, synonyms: [String: String]) -> [String:
        Postings]
    {
        var postings: [String: Postings] = [:]
        for (number, entry) in pages.enumerated() {
            let number = Int32(number)
            // A title has a few words: comparing each is cheaper than hashing every word again.
            let titleWords = Array(entry.titleWords)
            for written in entry.words {
                let word = synonyms.isEmpty ? written : synonyms[written] ?? written
                guard Self.part(of: word, parts) == part else { continue }
                postings[word, default: Postings()].add(number, inTitle: titleWords.contains(written))
            }
        }
        return postings
    }

    /// The part a word falls to: by its first two bytes, which its shard's words share.
    static func part(of word: String, _ parts: Int) -> Int {
        var bytes = word.utf8.makeIterator()
        let first = Int(bytes.next() ?? 0)
        let second = Int(bytes.next() ?? 0)
        return (first &* 31 &+ second) % parts
    }

    static func shardFile(_ words: [String], _ postings: [String: Postings]) -> [UInt8] {
        var out: [UInt8] = Array("{".utf8)
        func gaps(_ numbers: [Int32]) {
            out.append(UInt8(ascii: "["))
            var last: Int32 = 0
            for (index, number) in numbers.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendDecimal(Int(number - last), to: &out)
                last = number
            }
            out.append(UInt8(ascii: "]"))
        }
        for (index, word) in words.enumerated() {
            out.append(contentsOf: (index == 0 ? "\n" : ",\n").utf8)
            Publishing.appendJSONString(word, to: &out)
            out.append(contentsOf: ":[".utf8)
            gaps(postings[word]!.titles)
            out.append(UInt8(ascii: ","))
            gaps(postings[word]!.pages)
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "\n}\n".utf8)
        return out
    }

    /// A non-negative number's digits, without making a String of each of the millions of them.
    static func appendDecimal(_ number: Int, to out: inout [UInt8]) {
        guard number >= 10 else { return out.append(UInt8(truncatingIfNeeded: 0x30 + number)) }
        appendDecimal(number / 10, to: &out)
        out.append(UInt8(truncatingIfNeeded: 0x30 + number % 10))
    }

    static func manifest(_ count: Int, shards: [String], _ synonyms: [[String]]) -> [UInt8] {
        var out: [UInt8] = Array("{\"version\":1,\"pages\":\(count),\"chunk\":\(chunk),\"shards\":[".utf8)
        for (index, name) in shards.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            Publishing.appendJSONString(name, to: &out)
        }
        out.append(contentsOf: "],\"synonyms\":[".utf8)
        for (index, group) in synonyms.enumerated() {
            out.append(contentsOf: (index == 0 ? "[" : ",[").utf8)
            for (number, word) in group.enumerated() {
                if number > 0 { out.append(UInt8(ascii: ",")) }
                Publishing.appendJSONString(word, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "]}\n".utf8)
        return out
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
