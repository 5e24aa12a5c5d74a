import Foundation
import Testing

@testable import HearthCore

/// The search index: words folded and stemmed, synonyms, shards, and what a query downloads.
@Suite("search")
struct SearchTests {
    @Test("words are folded for case and accents, and split at anything but letters and digits")
    func tokenising() {
        #expect(SearchWords.words("Café, CRÈME brûlée!") == ["cafe", "crem", "brule"])
        #expect(SearchWords.words("don’t — we’re “close”") == ["don", "t", "we", "re", "clos"])
        #expect(SearchWords.words("don't stop") == ["don", "t", "stop"])
        #expect(SearchWords.words("Близость 2024") == ["близость", "2024"])
        #expect(SearchWords.distinct("the The THE hug hugs").sorted() == ["hug", "the"])
        // Words of 16 bytes and more, and words with other letters, are counted once too.
        let long = "Incomprehensibilities incomprehensibilities ÉCOUTE écoute sixteenletterswd SixteenLettersWD"
        #expect(SearchWords.distinct(long).sorted() == ["ecout", "incomprehensibility", "sixteenletterswd"])
    }

    @Test("simple English stemming: listen, listening, listened are one word")
    func stemming() {
        for (words, stem) in [
            (["listen", "listens", "listening", "listened"], "listen"),
            (["hug", "hugs", "hugging", "hugged"], "hug"),
            (["smile", "smiles", "smiling", "smiled"], "smil"),
            (["story", "stories"], "story"),
            (["breathe", "breathing", "breathes"], "breath"),
            (["need", "needs", "needed", "needing"], "need"),
            (["therapist", "therapists"], "therapist"),
        ] {
            for word in words { #expect(SearchWords.stem(word) == stem, "\(word)") }
        }
        // Short words, and words that only look inflected, stay.
        for word in ["bed", "feed", "this", "focus", "kiss", "falling", "being"] {
            let expected = ["falling": "fall"][word] ?? word
            #expect(SearchWords.stem(word) == expected, "\(word)")
        }
    }

    @Test("synonyms find each other: every word of a group is indexed as its first")
    func synonyms() {
        let table = SearchWords.synonymTable([["therapist", "counsellor", "counselor"], ["hug", "embrace"]])
        #expect(table == ["counsellor": "therapist", "counselor": "therapist", "embrac": "hug"])
    }

    /// Word -> stem -> shard pairs that the browser's search (templates/assets/js/words.js) is held
    /// to as well, in Chromium by the browser gate.
    @Test("the words fixture: each word's stem and shard, as the browser code must find them too")
    func wordsFixture() throws {
        let url = Fixture.folder.appendingPathComponent("words.json")
        var pairs = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: String]])
        try #require(pairs.count >= 30)
        for index in pairs.indices {
            let word = try #require(pairs[index]["word"])
            let stem = try #require(SearchWords.words(word).first)
            if ProcessInfo.processInfo.environment["HEARTH_UPDATE_GOLDEN"] != nil {
                pairs[index]["stem"] = stem
                pairs[index]["shard"] = SearchIndex.shard(of: stem)
            }
            #expect(pairs[index]["stem"] == stem, "\(word)")
            #expect(pairs[index]["shard"] == SearchIndex.shard(of: stem), "\(word)")
        }
        if ProcessInfo.processInfo.environment["HEARTH_UPDATE_GOLDEN"] != nil {
            let data = try JSONSerialization.data(withJSONObject: pairs, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: url)
        }
    }

    @Test("keywords rank a page first for their words, as its title's do")
    func keywords() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/help.md": "---\ntitle: Support\nkeywords: [therapist, crisis]\n---\n\nWhere to turn.\n",
            "content/physical/other.md": "---\ntitle: Other\n---\n\nA therapist once said a crisis passes.\n",
        ])
        #expect(await build(root).succeeded)
        let records = try #require(try Self.read(root, "search/d-0.json") as? [[String: Any]])
        let support = try #require(records.firstIndex { $0["title"] as? String == "Support" })
        let other = try #require(records.firstIndex { $0["title"] as? String == "Other" })
        let shard = try #require(try Self.read(root, "search/t-6372.json") as? [String: [[Int]]])
        func numbers(_ gaps: [Int]) -> [Int] { gaps.reduce(into: []) { $0.append(($0.last ?? 0) + $1) } }
        let crisis = try #require(shard["crisis"])
        #expect(numbers(crisis[0]) == [support], "the keyword ranks first")
        #expect(numbers(crisis[1]).contains(other))
    }

    @Test("a word's shard is the hex of the UTF-8 of its first two code points")
    func shards() {
        #expect(SearchIndex.shard(of: "listen") == "6c69")
        #expect(SearchIndex.shard(of: "a") == "61")
        #expect(SearchIndex.shard(of: "близость") == "d0b1d0bb")
    }

    /// The manifest, a shard and a chunk of records of a built site.
    static func read(_ root: URL, _ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try #require(output(root, path)).utf8))
    }

    @Test("a built index: every word of a long page, its title first, its record fetched by number")
    func builtIndex() async throws {
        // A page whose last word comes after 3,000 bytes of text, and a card.
        let words = (0..<600).map { "word\($0)" }.joined(separator: " ")
        let root = try Fixture.site(changing: [
            "content/emotional/long.md": "---\ntitle: Long Listening\n---\n\n\(words) zygomatic.\n",
            "content/site.yml":
                "title: Closer\nbaseURL: https://example.org/\ntypes: [emotional, physical]\n"
                + "synonyms: [[therapist, counsellor]]\n",
            "content/physical/help.md": "---\ntitle: Help\n---\n\nSee a counsellor.\n",
        ])
        let report = await build(root)
        #expect(report.succeeded, "\(report.messages)")
        let manifest = try #require(try Self.read(root, "search-index.json") as? [String: Any])
        #expect(manifest["chunk"] as? Int == 100)
        #expect(manifest["synonyms"] as? [[String]] == [["therapist", "counsellor"]])
        let shards = try #require(manifest["shards"] as? [String])
        let records = try #require(try Self.read(root, "search/d-0.json") as? [[String: Any]])
        #expect(records.count == manifest["pages"] as? Int)
        func pages(_ word: String) throws -> (titles: [Int], all: [Int]) {
            #expect(shards.contains(SearchIndex.shard(of: word)), "\(word)")
            let shard = try #require(
                try Self.read(root, "search/t-\(SearchIndex.shard(of: word)).json") as? [String: [[Int]]])
            let lists = try #require(shard[word], "\(word)")
            func numbers(_ gaps: [Int]) -> [Int] { gaps.reduce(into: []) { $0.append(($0.last ?? 0) + $1) } }
            return (numbers(lists[0]), numbers(lists[1]))
        }
        let long = try #require(records.firstIndex { $0["title"] as? String == "Long Listening" })
        #expect(try pages("zygomatic").all == [long])
        #expect(try pages("word599").all == [long])
        let listen = try pages("listen")
        #expect(listen.titles.contains(long) && listen.all.contains(long) && listen.all.count >= 2)
        // The counsellor page is found as a therapist's.
        let help = try #require(records.firstIndex { $0["title"] as? String == "Help" })
        #expect(try pages("therapist").all == [help])
        // A card's record says its kind, duration and difficulty.
        let card = try #require(records.first { $0["title"] as? String == "Soul Gazing" })
        #expect(card["kind"] as? String == "exercise" && card["duration"] as? Int == 5)
        #expect(card["difficulty"] as? String == "moderate" && card["url"] as? String == "/exercises/soul-gazing/")
        #expect(records[long]["section"] as? String == "Emotional intimacy")
    }

    @Test("records escape backslashes, tabs, control characters and JavaScript line ends")
    func controlCharacters() async throws {
        let root = try Fixture.site(changing: [
            "content/emotional/odd.md":
                "---\ntitle: \"Back\\\\slash\\ttab\\u2028line\\u2029para\\x01ctl ’quote’\"\n---\nText.\n"
        ])
        #expect(await build(root).succeeded)
        let text = try #require(output(root, "search/d-0.json"))
        for raw in ["\u{2028}", "\u{2029}", "\t", "\u{1}"] { #expect(!text.contains(raw)) }
        let records = try #require(try Self.read(root, "search/d-0.json") as? [[String: Any]])
        #expect(
            records.contains { $0["title"] as? String == "Back\\slash\ttab\u{2028}line\u{2029}para\u{1}ctl ’quote’" })
    }

    /// Patches the tables of `before`'s index for an edit of `pages` and checks that the files
    /// written and removed are exactly those a whole index of `after` changes.
    static func expectPatch(_ before: [SearchIndex.Entry?], _ after: [SearchIndex.Entry?], pages: [Int]) async throws {
        let made = await SearchIndex.made(before, synonyms: [], keepingTables: true)
        var tables = try #require(made.tables)
        let old = pages.reduce(into: [Int: SearchIndex.Entry]()) { $0[$1] = before[$1] }
        let (written, gone) = try #require(
            SearchIndex.patch(&tables, before: old, after: after, pages: pages, synonyms: []))
        let whole = await SearchIndex.made(after, synonyms: [], keepingTables: false).files
        let was = Dictionary(uniqueKeysWithValues: made.files.map { ($0.path, $0.bytes) })
        let now = Set(whole.map(\.path))
        let changed = whole.filter { was[$0.path] != $0.bytes }
        #expect(Set(written.map(\.path)) == Set(changed.map(\.path)), "\(written.map(\.path).sorted())")
        let wrote = Dictionary(uniqueKeysWithValues: written.map { ($0.path, $0.bytes) })
        for file in changed { #expect(wrote[file.path] == file.bytes, "\(file.path)") }
        #expect(Set(gone) == Set(was.keys).subtracting(now))
    }

    @Test("an edit patched into the index's tables writes and removes exactly what a whole index changes")
    func patchedEdit() async throws {
        func entry(_ words: [String], title: [String] = [], record: String = "{}") -> SearchIndex.Entry {
            SearchIndex.Entry(textWords: words, otherWords: title, titleWords: Set(title), record: Array(record.utf8))
        }
        let before: [SearchIndex.Entry?] = [
            nil,  // the home page
            entry(["listen", "slowly", "hands"], title: ["hugs"], record: "{\"t\":\"Hugs\"}"),
            entry(["listen", "quiet"], record: "{\"t\":\"Quiet\"}"),
            entry(["gaze", "eyes", "slowly"], title: ["gazing"], record: "{\"t\":\"Gazing\"}"),
        ]
        // Words gained and lost in shards that stay; a shard new to the site; a shard gone.
        var kept = before
        kept[3] = entry(
            ["gaze", "slowly", "lingers", "quiet", "eyes"], title: ["gazing"], record: "{\"t\":\"Gazing\"}")
        kept[2] = entry(["listen", "hands"], record: "{\"t\":\"Quiet\"}")
        try await Self.expectPatch(before, kept, pages: [2, 3])
        var newShard = before
        newShard[1] = entry(["listen", "slowly", "hands", "zz", "zebra"], title: ["hugs"], record: "{\"t\":\"Hugs\"}")
        try await Self.expectPatch(before, newShard, pages: [1])
        var goneShard = before
        goneShard[3] = entry(["gaze", "slowly"], title: ["gazing"], record: "{\"t\":\"Gazing\"}")
        try await Self.expectPatch(before, goneShard, pages: [3])
        // A title's words change what a patch cannot: the whole index is made.
        var tables = try #require(await SearchIndex.made(before, synonyms: [], keepingTables: true).tables)
        var retitled = before
        retitled[2] = entry(["listen", "quiet"], title: ["hush"], record: "{\"t\":\"Quiet\"}")
        #expect(SearchIndex.patch(&tables, before: [2: before[2]!], after: retitled, pages: [2], synonyms: []) == nil)
    }
}
