import Foundation
import HearthFiles

/// The titles of the pages of the last good build, kept beside its output: when a `[[Old Title]]`
/// no longer matches because a page's title changed, the error names that page and the alias to add.
enum FormerTitles {
    static func file(for output: URL) -> URL {
        OutputWriter.cacheFolder(for: output).appendingPathComponent(OutputWriter.stagingPrefix(for: output) + "titles")
    }

    /// Each page's title in the last good build, by its path (`content/`-relative).
    static func load(for output: URL) -> [String: String] {
        guard let data = Files.read(file(for: output).path) else { return [:] }
        var out: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            out[String(line[..<tab])] = String(line[line.index(after: tab)...])
        }
        return out
    }

    /// Written after each build that wrote its output; a failure to write costs only the hint.
    static func save(_ entries: [LinkTable.Entry], for output: URL) {
        // Bytes appended in place: joined as Strings, the 10,000 lines of a large site took 8 ms
        // of the build's serial end.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 64)
        for entry in entries where !entry.title.utf8.contains(0x0A) {
            bytes += entry.contentPath.utf8
            bytes.append(0x09)
            bytes += entry.title.utf8
            bytes.append(0x0A)
        }
        try? Files.writeAtomically(bytes, to: file(for: output).path)
    }
}
