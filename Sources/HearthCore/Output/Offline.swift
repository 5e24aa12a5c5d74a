/// Offline, only when a reader asks (content format v3's privacy promise): the build writes a
/// precache manifest of the pages a reader may keep on their device (every card, the paths, the
/// deck, the exercises page, the home and help pages) with a digest of each, and a service worker
/// at the site's root, whose scope is the whole site. Nothing is installed until the reader taps
/// "Keep on this phone"; the worker itself is the theme's `assets/js/offline-worker.js`.
enum Offline {
    /// Files every kept page needs besides the theme's assets.
    static let dataPaths = [GeneratedFile.finderCards.path]

    /// Whether the reader may keep `job`'s page offline.
    static func keeps(_ job: OutputJob, in site: LoadedSite) -> Bool {
        switch job.context {
        case .deck(let listPage): return listPage == 1
        case .page(let id, let listPage):
            let page = site.pages[id]
            guard listPage == 1 else { return false }
            return page.kind == .exercise || page.kind == .home || page.isPath
                || (page.kind == .section && (page.section == "help" || page.section == "exercises"))
        case .tag, .tags, .search, .notFound: return false
        }
    }

    /// One page a reader may keep: its URL, a digest of what it was made from, its title.
    struct Entry: Sendable {
        var url: String
        var digest: UInt64
        var title: String
    }

    /// `offline.json`: the assets (with the version their URLs carry) and each page that can be
    /// kept, with its digest, so that an update downloads only what changed.
    static func manifest(_ pages: [Entry], assets: [String], version: String, base: String) -> [UInt8] {
        var out = Array("{\"version\":".utf8)
        Publishing.appendJSONString(version, to: &out)
        out.append(contentsOf: ",\"assets\":[".utf8)
        for (index, path) in assets.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            Publishing.appendJSONString(base + path, to: &out)
        }
        out.append(contentsOf: "],\"data\":[".utf8)
        for (index, path) in dataPaths.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            Publishing.appendJSONString(base + path, to: &out)
        }
        out.append(contentsOf: "],\"pages\":[".utf8)
        for (index, page) in pages.sorted(by: { $0.url < $1.url }).enumerated() {
            out.append(contentsOf: (index == 0 ? "\n{\"url\":" : ",\n{\"url\":").utf8)
            Publishing.appendJSONString(page.url, to: &out)
            out.append(contentsOf: ",\"digest\":".utf8)
            Publishing.appendJSONString(String(page.digest, radix: 16), to: &out)
            out.append(contentsOf: ",\"title\":".utf8)
            Publishing.appendJSONString(page.title, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "\n]}\n".utf8)
        return out
    }

    /// The manifest `before` with the digests of `pages` changed, for an edit written in place: the
    /// other pages' contexts, so their digests, are unchanged. Nil when `before` lacks a page.
    static func patch(_ before: [UInt8], with pages: [Entry]) -> [UInt8]? {
        var lines = String(decoding: before, as: UTF8.self).components(separatedBy: "\n")
        for page in pages {
            var prefix = Array("{\"url\":".utf8)
            Publishing.appendJSONString(page.url, to: &prefix)
            prefix.append(contentsOf: ",\"digest\":\"".utf8)
            let start = String(decoding: prefix, as: UTF8.self)
            guard let index = lines.firstIndex(where: { $0.hasPrefix(start) }) else { return nil }
            let rest = lines[index].dropFirst(start.count).drop { $0 != "\"" }
            lines[index] = start + String(page.digest, radix: 16) + rest
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// `sw.js`: the worker's code is the theme's; this file, at the root, gives it the whole site
    /// as its scope, and changes (so the browser updates the worker) when the assets do.
    static func worker(base: String, version: String) -> String {
        """
        // The offline worker of this site, installed only when a reader asks to keep pages.
        importScripts("\(base)assets/js/offline-worker.js?v=\(version)");

        """
    }
}
