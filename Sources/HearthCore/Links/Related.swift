/// Related pages through an inverted index, never by comparing every pair of pages.
///
/// A page's candidates are ranked by shared types (weight 3) and tags (weight 2), then by recency.
/// Pages with the same set of types and tags rank every other page the same way, so the ranking is
/// made once per such group: from each term to the groups that hold it, scores are summed over the
/// groups that share a term, and the best groups' newest pages are merged.
struct RelatedIndex: Sendable {
    static let typeWeight = 3
    static let tagWeight = 2

    /// `recencyRank[id]`: position of the page in newest-first order (lower is newer).
    let recencyRank: [Int]
    /// Listed pages, newest first.
    let newest: [Int]
    private var groupOfPage: [Int: Int] = [:]
    private var groupTerms: [[Int]] = []
    private var groupPages: [[Int]] = []
    private var groupsByTerm: [[Int]] = []
    private var termWeights: [Int] = []

    /// - Parameters:
    ///   - terms: for each listed page, its types and tag slugs.
    ///   - recencyRank: each page's position in newest-first order.
    /// What one listed page is ranked by.
    struct Terms: Sendable {
        var id: Int
        var types: [String]
        var tags: [String]
    }

    init(pages: [Terms], recencyRank: [Int]) {
        self.recencyRank = recencyRank
        newest = pages.map(\.id).sorted { recencyRank[$0] < recencyRank[$1] }
        var termIDs: [String: Int] = [:]
        var groupIDs: [[Int]: Int] = [:]
        for page in pages {
            var terms: [Int] = []
            for (prefix, names, weight) in [("t:", page.types, Self.typeWeight), ("g:", page.tags, Self.tagWeight)] {
                for name in names {
                    let term = Self.intern(prefix + name, &termIDs, count: termWeights.count)
                    if term.isNew {
                        termWeights.append(weight)
                        groupsByTerm.append([])
                    }
                    terms.append(term.id)
                }
            }
            terms = Array(Set(terms)).sorted()
            let (group, isNewGroup) = Self.intern(terms, &groupIDs, count: groupTerms.count)
            if isNewGroup {
                groupTerms.append(terms)
                groupPages.append([])
                for t in terms { groupsByTerm[t].append(group) }
            }
            groupOfPage[page.id] = group
            groupPages[group].append(page.id)
        }
        for g in groupPages.indices {
            groupPages[g].sort { recencyRank[$0] < recencyRank[$1] }
        }
    }

    /// The id of `key`, handing out the next one (`count`) when it is new.
    private static func intern<Key: Hashable>(_ key: Key, _ ids: inout [Key: Int], count: Int) -> (id: Int, isNew: Bool)
    {
        if let known = ids[key] { return (known, false) }
        ids[key] = count
        return (count, true)
    }

    /// For every group, its best `limit` candidates (the group's own pages included), best first.
    func rankedCandidates(limit: Int) async -> [[Int]] {
        let maxScore = groupTerms.map { $0.reduce(0) { $0 + termWeights[$1] } }.max() ?? 0
        // Groups in chunks across the cores, each chunk with its own scratch space.
        let chunk = 256
        let starts = Array(stride(from: 0, to: groupTerms.count, by: chunk))
        let index = self
        let pageCounts = groupPages.map(\.count)
        let chunks = await parallelMap(starts) { start -> [[Int]] in
            let (groupTerms, groupsByTerm, termWeights) = (index.groupTerms, index.groupsByTerm, index.termWeights)
            var scores = [Int](repeating: 0, count: groupTerms.count)
            // The groups scoring above zero: written on every visit and kept by counting only first
            // visits, which spares the loop a hard-to-predict branch per visit (a visit after all groups
            // are counted writes one past them).
            var touchedBuffer = [Int](repeating: 0, count: groupTerms.count + 1)
            var pagesWithScore = [Int](repeating: 0, count: maxScore + 1)
            var chosen: [(score: Int, group: Int)] = []
            var result: [[Int]] = []
            for g in start..<min(start + chunk, groupTerms.count) {
                var count = 0
                scores.withUnsafeMutableBufferPointer { scores in
                    touchedBuffer.withUnsafeMutableBufferPointer { touched in
                        for t in groupTerms[g] {
                            let weight = termWeights[t]
                            groupsByTerm[t].withUnsafeBufferPointer { groups in
                                for h in groups {
                                    touched[count] = h
                                    count &+= scores[h] == 0 ? 1 : 0
                                    scores[h] &+= weight
                                }
                            }
                        }
                    }
                }
                let touched = touchedBuffer[..<count]
                // Only the highest scores can fill `limit` places: find the lowest one needed from
                // how many pages each score has, and keep the groups scoring at least that.
                for h in touched { pagesWithScore[scores[h]] += pageCounts[h] }
                var lowest = maxScore
                var above = 0
                while lowest > 1, above + pagesWithScore[lowest] < limit {
                    above += pagesWithScore[lowest]
                    lowest -= 1
                }
                chosen.removeAll(keepingCapacity: true)
                for h in touched {
                    let score = scores[h]
                    if score >= lowest { chosen.append((score, h)) }
                    scores[h] = 0
                    pagesWithScore[score] = 0
                }
                chosen.sort { $0.score > $1.score }
                // Highest score first; within one score, the newest pages of all its groups.
                var ranked: [Int] = []
                var first = 0
                while first < chosen.count, ranked.count < limit {
                    var end = first
                    while end < chosen.count, chosen[end].score == chosen[first].score { end += 1 }
                    ranked += index.newest(limit - ranked.count, of: chosen[first..<end].map(\.group))
                    first = end
                }
                result.append(ranked)
            }
            return result
        }
        return chunks.flatMap { $0 }
    }

    /// The `count` newest pages of some groups, newest first; each group's pages are sorted already,
    /// so a group is left as soon as its next page is older than the ones kept.
    private func newest(_ count: Int, of groups: [Int]) -> [Int] {
        var kept: [Int] = []  // sorted by recency, at most `count`
        for group in groups {
            for page in groupPages[group] {
                let rank = recencyRank[page]
                if kept.count == count, let last = kept.last, rank >= recencyRank[last] { break }
                let at = kept.firstIndex { recencyRank[$0] > rank } ?? kept.count
                kept.insert(page, at: at)
                if kept.count > count { kept.removeLast() }
            }
        }
        return kept
    }

    /// Up to `count` related pages for each listed page: `explicit` entries first, then the ranking,
    /// then the newest pages.
    func related(explicit: [Int: [Int]], count: Int = 5) async -> [Int: [Int]] {
        let extra = explicit.values.map(\.count).max() ?? 0
        let ranked = await rankedCandidates(limit: count + 1 + extra)
        var out: [Int: [Int]] = [:]
        for (page, group) in groupOfPage {
            var list: [Int] = []
            func add(_ id: Int) {
                if list.count < count, id != page, !list.contains(id) { list.append(id) }
            }
            for id in explicit[page] ?? [] { add(id) }
            for id in ranked[group] {
                if list.count == count { break }
                add(id)
            }
            for id in newest {
                if list.count == count { break }
                add(id)
            }
            out[page] = list
        }
        return out
    }
}
