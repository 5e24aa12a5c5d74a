import Foundation
import Yams

extension FrontMatter {
    /// The title and aliases of a file whose front matter has an error elsewhere (an unclosed
    /// `tags: [a, b`): each top-level key is read on its own, so that a mistake in one key does not
    /// hide the others. Links to the page by these names then say that it failed to load, not
    /// that it does not exist.
    static func writtenNames(in data: Data) -> (title: String?, aliases: [String]) {
        let text = String(decoding: data.prefix(64 * 1024), as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).makeIterator()
        guard lines.next()?.trimmingCharacters(in: .whitespaces) == "---" else { return (nil, []) }
        var chunks: [String] = []
        while let line = lines.next(), line.trimmingCharacters(in: .whitespaces) != "---" {
            if let first = line.first, !first.isWhitespace, first != "-", first != "#" {
                chunks.append("")
            }
            if !chunks.isEmpty { chunks[chunks.count - 1] += line + "\n" }
        }
        var title: String?
        var aliases: [String] = []
        for chunk in chunks where chunk.hasPrefix("title:") || chunk.hasPrefix("aliases:") {
            guard let map = (try? Yams.load(yaml: chunk)) as? [String: Any] else { continue }
            if let value = map["title"] { title = "\(value)" }
            if let list = map["aliases"] as? [Any] { aliases = list.map { "\($0)" } }
        }
        return (title, aliases)
    }
}
