import Foundation
import Synchronization

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

    /// Edit distance, case-insensitive, where swapping two neighbouring letters is one edit
    /// (`titel` is one from `title`); stops early past `limit`.
    static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        var rows = Rows()
        return distance(Prepared(a).scalars, Prepared(b).scalars, limit: limit, rows: &rows)
    }

    /// The working memory of `distance`: the last two rows and the current one.
    struct Rows {
        var beforeLast: [Int] = []
        var last: [Int] = []
        var current: [Int] = []
    }

    /// The distance between two prepared texts (optimal string alignment), using `rows` as its
    /// working memory.
    private static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int, rows: inout Rows) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if abs(a.count - b.count) > limit { return limit + 1 }
        rows.last.removeAll(keepingCapacity: true)
        rows.last.append(contentsOf: 0...b.count)
        rows.current.removeAll(keepingCapacity: true)
        rows.current.append(contentsOf: repeatElement(0, count: b.count + 1))
        rows.beforeLast.removeAll(keepingCapacity: true)
        rows.beforeLast.append(contentsOf: repeatElement(0, count: b.count + 1))
        for i in 1...a.count {
            rows.current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows.last[j] + 1, rows.current[j - 1] + 1, rows.last[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, rows.beforeLast[j - 2] + 1)
                }
                rows.current[j] = value
                rowMin = min(rowMin, value)
            }
            if rowMin > limit { return limit + 1 }
            swap(&rows.beforeLast, &rows.last)
            swap(&rows.last, &rows.current)
        }
        return rows.last[b.count]
    }

    /// The candidate nearest to `word`, if any is reasonably near.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, inPrepared: candidates.map(Prepared.init))
    }

    static func closest(to word: String, inPrepared candidates: [Prepared]) -> String? {
        let target = Prepared(word).scalars
        let limit = max(2, target.count / 3)
        var rows = Rows()
        var best: (text: String, distance: Int)?
        for candidate in candidates where abs(candidate.scalars.count - target.count) <= limit {
            let d = distance(target, candidate.scalars, limit: min(best?.distance ?? limit, limit), rows: &rows)
            // Ties go to the first in alphabetical order, whatever order the candidates come in.
            if d <= limit, d < (best?.distance ?? .max) || (d == best?.distance && candidate.text < best!.text) {
                best = (candidate.text, d)
            }
        }
        return best?.text
    }

    /// Suggestions among many candidates (every title and alias of a large site), asked from every
    /// core: the candidates are prepared once, when first needed, and each word is looked up once,
    /// however many links misspell it the same way.
    final class Index: Sendable {
        private let source: @Sendable () -> [String]
        private let prepared = Mutex<[Prepared]?>(nil)
        private let answers = Mutex<[String: String?]>([:])

        init(_ candidates: @escaping @Sendable () -> [String]) {
            source = candidates
        }

        func closest(to word: String) -> String? {
            let candidates: [Prepared] = prepared.withLock { prepared in
                if let prepared { return prepared }
                let made = source().map(Prepared.init)
                prepared = made
                return made
            }
            if let known = answers.withLock({ $0[word] }) { return known }
            let answer = Suggestions.closest(to: word, inPrepared: candidates)
            answers.withLock { $0[word] = .some(answer) }
            return answer
        }
    }
}
