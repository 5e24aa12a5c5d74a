extension SearchIndex {
    /// What an edit in place does to the index: files to write, files to remove, and the tables
    /// after it.
    struct Update: Sendable {
        var files: [OutputFile]
        var gone: [String]
        var tables: Tables?
    }

    /// Patches `tables` for an edit of `pages`' text and returns the files that changed: the shards
    /// of the words a page gained or lost (a word it kept still lists it), the records of pages
    /// whose record changed, and the manifest when a shard came or went; and the files of shards
    /// gone. `before` holds the pages' entries before the edit. Nil, leaving `tables` to be thrown
    /// away, when the edit changes what a patch cannot: a title's words or a synonym's pages (the
    /// whole index is made then).
    static func patch(
        _ tables: inout Tables, before: [Int: Entry], after entries: [Entry?], pages: [Int], synonyms: [[String]]
    ) -> (files: [OutputFile], gone: [String])? {
        let synonymWords = Set(SearchWords.synonymTable(synonyms).flatMap { [$0.key, $0.value] })
        let shardsBefore = Set(tables.shards.keys)
        var shards: Set<String> = []
        var chunks: Set<Int> = []
        for id in pages {
            guard let old = before[id], let new = entries[id] else {
                if before[id] == nil && entries[id] == nil { continue }  // the home page: not indexed
                return nil
            }
            guard old.titleWords == new.titleWords else { return nil }
            let number = Int32(entries[..<id].count { $0 != nil })
            let (was, now) = (Set(old.words), Set(new.words))
            guard was.symmetricDifference(now).isDisjoint(with: synonymWords) else { return nil }
            for word in was.subtracting(now) { shards.insert(remove(number, from: word, in: &tables)) }
            for word in now.subtracting(was) { shards.insert(add(number, to: word, in: &tables)) }
            if old.record != new.record { chunks.insert(Int(number) / chunk) }
        }
        // The listed entries are walked, not copied: copying 50,000 of them was a fifth of an edit's
        // time at 50k.
        let listed = entries.lazy.compactMap { $0 }
        let patched = tables
        let (kept, gone) = (shards.filter { patched.shards[$0] != nil }, shards.filter { patched.shards[$0] == nil })
        var files = kept.sorted().map {
            OutputFile(path: shardPath($0), bytes: shardFile(patched.shards[$0]!, patched.postings))
        }
        files += chunks.sorted().map { records(listed.dropFirst($0 * chunk).prefix(chunk), number: $0) }
        if Set(patched.shards.keys) != shardsBefore {
            // The manifest lists the shards.
            files.append(
                OutputFile(
                    path: GeneratedFile.searchManifest.path,
                    bytes: manifest(entries.count { $0 != nil }, shards: patched.shards.keys.sorted(), synonyms)))
        }
        return (files, gone.sorted().map(shardPath))
    }

    /// Takes page `number` from a word's pages; the word's shard (gone from `tables.shards` when
    /// this was its last word).
    private static func remove(_ number: Int32, from word: String, in tables: inout Tables) -> String {
        let shard = shard(of: word)
        guard var list = tables.postings.removeValue(forKey: word) else { return shard }
        list.pages.removeAll { $0 == number }
        if !list.pages.isEmpty {
            tables.postings[word] = list
            return shard
        }
        tables.shards[shard]?.removeAll { $0 == word }
        if tables.shards[shard]?.isEmpty == true { tables.shards[shard] = nil }
        return shard
    }

    /// Adds page `number` to a word's pages, in order; the word's shard (new in `tables.shards`
    /// when the word is the first of it).
    private static func add(_ number: Int32, to word: String, in tables: inout Tables) -> String {
        let shard = shard(of: word)
        if var list = tables.postings.removeValue(forKey: word) {
            list.pages.insert(number, at: list.pages.partitioningIndex { $0 >= number })
            tables.postings[word] = list
            return shard
        }
        var words = tables.shards.removeValue(forKey: shard) ?? []
        words.insert(word, at: words.partitioningIndex { $0 >= word })
        tables.shards[shard] = words
        tables.postings[word] = Postings(pages: [number], titles: [])
        return shard
    }
}

extension Array {
    /// The first index whose element is in the upper part of an array ordered by `isUpper`.
    fileprivate func partitioningIndex(where isUpper: (Element) -> Bool) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if isUpper(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
