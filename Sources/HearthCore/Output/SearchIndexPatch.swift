extension SearchIndex {
    /// Patches `tables` for an edit of `pages`' text and returns the files that changed: the shards
    /// of the words a page gained or lost (a word it kept still lists it), and the records of pages
    /// whose record changed. `before` holds the pages' entries before the edit. Nil, leaving
    /// `tables` to be thrown away, when the edit changes what a patch cannot: a title's words, a
    /// synonym's pages, or the set of shards (the whole index is made then).
    static func patch(
        _ tables: inout Tables, before: [Int: Entry], after entries: [Entry?], pages: [Int], synonyms: [[String]]
    ) -> [OutputFile]? {
        let synonymWords = Set(SearchWords.synonymTable(synonyms).flatMap { [$0.key, $0.value] })
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
            for word in was.subtracting(now) {
                guard let shard = remove(number, from: word, in: &tables) else { return nil }
                shards.insert(shard)
            }
            for word in now.subtracting(was) {
                guard let shard = add(number, to: word, in: &tables) else { return nil }
                shards.insert(shard)
            }
            if old.record != new.record { chunks.insert(Int(number) / chunk) }
        }
        let listed = chunks.isEmpty ? [] : entries.compactMap { $0 }
        let patched = tables
        return shards.sorted().map {
            OutputFile(path: "search/t-\($0).json", bytes: shardFile(patched.shards[$0]!, patched.postings))
        } + chunks.sorted().map { records(listed, from: $0 * chunk) }
    }

    /// Takes page `number` from a word's pages; the word's shard, or nil when the shard would be
    /// left empty (gone from the manifest).
    private static func remove(_ number: Int32, from word: String, in tables: inout Tables) -> String? {
        let shard = shard(of: word)
        guard var list = tables.postings.removeValue(forKey: word) else { return shard }
        list.pages.removeAll { $0 == number }
        if !list.pages.isEmpty {
            tables.postings[word] = list
            return shard
        }
        tables.shards[shard]?.removeAll { $0 == word }
        return tables.shards[shard]?.isEmpty == false ? shard : nil
    }

    /// Adds page `number` to a word's pages, in order; the word's shard, or nil when the word
    /// starts a shard the index did not have.
    private static func add(_ number: Int32, to word: String, in tables: inout Tables) -> String? {
        let shard = shard(of: word)
        if var list = tables.postings.removeValue(forKey: word) {
            list.pages.insert(number, at: list.pages.partitioningIndex { $0 >= number })
            tables.postings[word] = list
            return shard
        }
        guard var words = tables.shards.removeValue(forKey: shard) else { return nil }
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
