import Foundation

/// "Did you mean": the closest candidates by edit distance.
enum Suggestions {
    /// A text as the distance compares it: lower-cased, as Unicode scalar values.
    struct Prepared: Sendable {
        let text: String
        let scalars: [UInt32]

        init(_ text: String) {
            self.text = text
            scalars = text.lowercased().unicodeScalars.map(\.value)
        }
    }

    /// Levenshtein distance, case-insensitive; stops early past `limit`.
    static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        var rows = ([Int](), [Int]())
        return distance(Prepared(a).scalars, Prepared(b).scalars, limit: limit, rows: &rows)
    }

    /// The distance between two prepared texts, using `rows` as its working memory.
    private static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int, rows: inout ([Int], [Int])) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > limit { return limit + 1 }
        rows.0.removeAll(keepingCapacity: true)
        rows.0.append(contentsOf: 0...b.count)
        rows.1.removeAll(keepingCapacity: true)
        rows.1.append(contentsOf: repeatElement(0, count: b.count + 1))
        for i in 1...a.count {
            rows.1[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                let value = min(rows.0[j] + 1, rows.1[j - 1] + 1, rows.0[j - 1] + cost)
                rows.1[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return limit + 1 }
            swap(&rows.0, &rows.1)
        }
        return rows.0[b.count]
    }

    /// The candidate nearest to `word`, if any is reasonably near.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, inPrepared: candidates.map(Prepared.init))
    }

    static func closest(to word: String, inPrepared candidates: [Prepared]) -> String? {
        let target = Prepared(word).scalars
        let limit = max(2, target.count / 3)
        var rows = ([Int](), [Int]())
        var best: (text: String, distance: Int)?
        for candidate in candidates where abs(candidate.scalars.count - target.count) <= limit {
            let d = distance(target, candidate.scalars, limit: min(best?.distance ?? limit, limit), rows: &rows)
            if d <= limit, d < (best?.distance ?? .max) {
                best = (candidate.text, d)
            }
        }
        return best?.text
    }

    /// Suggestions among many candidates (every title and alias of a large site), asked from every
    /// core: the candidates are prepared once, when first needed, and each word is looked up once,
    /// however many links misspell it the same way.
    final class Index: @unchecked Sendable {
        private let lock = NSLock()
        private let source: @Sendable () -> [String]
        private var prepared: [Prepared]?
        private var answers: [String: String?] = [:]

        init(_ candidates: @escaping @Sendable () -> [String]) {
            source = candidates
        }

        func closest(to word: String) -> String? {
            let candidates: [Prepared] = lock.withLock {
                if let prepared { return prepared }
                let made = source().map(Prepared.init)
                prepared = made
                return made
            }
            if let known = lock.withLock({ answers[word] }) { return known }
            let answer = Suggestions.closest(to: word, inPrepared: candidates)
            lock.withLock { answers[word] = .some(answer) }
            return answer
        }
    }
}
