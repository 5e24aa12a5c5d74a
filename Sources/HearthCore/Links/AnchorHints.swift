import Foundation
import HearthMarkdown

extension SiteGraph {
    /// "did you mean '#nearest-id'?" and at most five of the target's headings, nearest first, one
    /// a line: a page can have dozens.
    static func anchorHints(_ written: String, headings: [Heading], file: String) -> [String] {
        guard !headings.isEmpty else { return ["\(file) has no headings"] }
        let wanted = written.lowercased()
        func distance(_ heading: Heading) -> Int {
            min(Suggestions.distance(wanted, heading.id), Suggestions.distance(wanted, heading.text.lowercased()))
        }
        let ranked = headings.enumerated().map { (distance($0.element), $0.offset, $0.element) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        var hints: [String] = []
        if let near = Suggestions.closest(to: written, in: headings.map(\.id) + headings.map(\.text)),
            let heading = headings.first(where: { $0.id == near || $0.text == near })
        {
            hints.append("did you mean '#\(heading.id)'?")
        }
        let shown = ranked.prefix(5).map { "  \($0.text) (#\($0.id))" }
        let more = headings.count > 5 ? "\n  and \(headings.count - 5) more" : ""
        hints.append("its headings:\n" + shown.joined(separator: "\n") + more)
        return hints
    }
}
