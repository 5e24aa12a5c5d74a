import Foundation
import HearthMarkdown

/// The whole site's permalink table: what each `[[target]]` and `.md` path names.
struct LinkTable: Sendable {
    struct Entry: Sendable {
        var url: String
        var title: String
        var contentPath: String
        var bundleDirectory: String?
    }

    let entries: [Entry]
    private let keys: [String: [Int]]
    private let byContentPath: [String: Int]
    private let bundles: [String: Int]
    let files: Set<String>
    /// Pages left out of this build, by their keys and paths, to say why a link to one fails.
    private let excluded: [ExcludedPage]
    private let excludedKeys: [String: Int]
    private let excludedPaths: [String: Int]
    /// Titles and aliases, for "did you mean"; and page URLs, for site paths that name nothing.
    private let nameSuggestions: Suggestions.Index
    let urlSuggestions: Suggestions.Index
    /// The Markdown file names of pages, by folder, for a `.md` link to a missing file.
    private let pageFiles: [String: Suggestions.Index]
    /// The site's base path (`/`, `/guide/`), each page by its path below it, and the tags' slugs:
    /// what a link written as a site path (`/physical/touch/`) can name.
    let base: String
    let byPath: [String: Int]
    let tagSlugs: Set<String>
    /// Everything the table was made from: equal fingerprints resolve every link the same way.
    let fingerprint: UInt64

    /// ` (e.g. [[emotional/listening]])`, with the path of a page of this site other than `file`'s
    /// (an example that works), or nothing on a site with no other page.
    func examplePath(besides file: String) -> String {
        let page = entries.first {
            $0.contentPath.hasSuffix(".md") && !$0.contentPath.hasSuffix("_index.md") && $0.contentPath != "index.md"
                && "content/" + $0.contentPath != file
        }
        guard let page else { return "" }
        let path =
            page.contentPath.hasSuffix("/index.md")
            ? page.contentPath.dropLast("/index.md".count) : page.contentPath.dropLast(".md".count)
        return " (e.g. [[\(path)]])"
    }

    init(site: LoadedSite) async {
        let base = site.config.basePath
        // Each page's keys, made on every core, each once; the tables are then filled in page order.
        let keysOfPages = await parallelMap(site.pages) { page -> [String] in
            var written = Self.pathKeys(page.contentPath)
            if page.kind == .section, let section = page.section { written.append(section) }
            if page.kind != .home { written.append(page.slug) }
            written.append(page.title)
            written += page.meta.aliases
            var seen: Set<String> = []
            return written.map(Self.key).filter { !$0.isEmpty && seen.insert($0).inserted }
        }
        var entries: [Entry] = []
        var keys: [String: [Int]] = [:]
        var byContentPath: [String: Int] = [:]
        var bundles: [String: Int] = [:]
        var names: [String] = []
        var byPath: [String: Int] = [:]
        var tagNames: Set<String> = []
        entries.reserveCapacity(site.pages.count)
        byPath.reserveCapacity(site.pages.count)
        byContentPath.reserveCapacity(site.pages.count)
        keys.reserveCapacity(site.pages.count * 3)
        for (page, pageKeys) in zip(site.pages, keysOfPages) {
            entries.append(
                Entry(
                    url: base + page.path, title: page.title, contentPath: page.contentPath,
                    bundleDirectory: page.bundleDirectory))
            byContentPath[page.contentPath] = page.id
            byPath[page.path] = page.id
            tagNames.formUnion(page.meta.tags)
            if let bundle = page.bundleDirectory { bundles[bundle] = page.id }
            for key in pageKeys { keys[key, default: []].append(page.id) }
            names.append(page.title)
            names += page.meta.aliases
        }
        var excludedKeys: [String: Int] = [:]
        var excludedPaths: [String: Int] = [:]
        for (index, page) in site.excluded.enumerated() {
            for key in Self.pathKeys(page.contentPath) + [page.title, page.slug] + page.aliases {
                excludedKeys[Self.key(key)] = index
            }
            excludedPaths[page.contentPath] = index
        }
        self.entries = entries
        self.keys = keys
        self.byContentPath = byContentPath
        self.bundles = bundles
        self.files = site.files
        self.excluded = site.excluded
        self.excludedKeys = excludedKeys
        self.excludedPaths = excludedPaths
        nameSuggestions = Suggestions.Index { [names] in names }
        urlSuggestions = Suggestions.Index { [entries] in entries.map(\.url) }
        var filesByFolder: [String: [String]] = [:]
        for entry in entries {
            let slash = entry.contentPath.lastIndex(of: "/")
            let folder = slash.map { String(entry.contentPath[..<$0]) } ?? ""
            filesByFolder[folder, default: []].append(
                slash.map { String(entry.contentPath[entry.contentPath.index(after: $0)...]) } ?? entry.contentPath)
        }
        pageFiles = filesByFolder.mapValues { names in Suggestions.Index { names } }
        self.base = base
        self.byPath = byPath
        tagSlugs = Set(tagNames.map(Slug.make))
        var hasher = StableHasher()
        hasher.combine(base)
        hasher.combine(tagSlugs.sorted())
        for page in site.pages {
            for text in [page.contentPath, page.path, page.title, page.slug, page.section ?? "", page.kind.rawValue] {
                hasher.combine(text)
            }
            hasher.combine(page.meta.aliases)
            hasher.combine(page.bundleDirectory)
        }
        hasher.combine(site.files.sorted())
        for page in site.excluded {
            hasher.combine(page.contentPath)
            hasher.combine(page.title)
            hasher.combine(page.slug)
            hasher.combine(page.aliases)
            if case .sameURL(let other) = page.reason { hasher.combine(other) }
        }
        fingerprint = hasher.finalize()
    }

    /// `emotional/listening.md` -> `emotional/listening`; a bundle also by its folder.
    static func pathKeys(_ contentPath: String) -> [String] {
        let stem = String(contentPath.dropLast(3))
        if stem.hasSuffix("/index") { return [stem, String(stem.dropLast(6))] }
        return [stem]
    }

    /// Case-insensitive, white space folded, smart punctuation folded back to what was typed.
    static func key(_ text: String) -> String {
        // Plain ASCII, the common case: lower-case and fold white space byte by byte.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
            }
            if bytes.count >= 3, bytes.suffix(3) == [0x2E, 0x6D, 0x64] { bytes.removeLast(3) }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        var space = false
        for ch in text.lowercased() {
            if ch.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" ") }
            space = false
            switch ch {
            case "’", "‘": out.append("'")
            case "“", "”": out.append("\"")
            case "–": out.append("--")
            case "—": out.append("---")
            case "…": out.append("...")
            default: out.append(ch)
            }
        }
        if out.hasSuffix(".md") { out.removeLast(3) }
        return out
    }

    func lookup(_ target: String) -> [Int] {
        keys[Self.key(target)] ?? []
    }

    /// Why a link to a page left out of this build fails, when `target` (or, with `atContentPath`,
    /// a `.md` path) names one.
    func excludedPage(_ target: String, written: String, file: String, at position: SourcePosition?) -> Diagnostic? {
        excludedKeys[Self.key(target)].map { Self.leftOut(excluded[$0], written: written, file: file, at: position) }
    }

    func excludedPage(atContentPath path: String, written: String, file: String, at position: SourcePosition?)
        -> Diagnostic?
    {
        excludedPaths[path].map { Self.leftOut(excluded[$0], written: written, file: file, at: position) }
    }

    private static func leftOut(_ page: ExcludedPage, written: String, file: String, at position: SourcePosition?)
        -> Diagnostic
    {
        switch page.reason {
        case .draft:
            return .error(
                file, position, "\(written) links to a draft (content/\(page.contentPath))",
                hint: "publish it (remove 'draft: true') or build with --drafts")
        case .sameURL(let other):
            return .error(
                file, position,
                "\(written) links to content/\(page.contentPath), which is not built: content/\(other) has its URL",
                hint: "give one of them another file name or slug")
        }
    }

    func page(atContentPath path: String) -> Int? {
        byContentPath[path]
    }

    func bundle(containing contentPath: String) -> (id: Int, rest: String)? {
        var dir = contentPath
        while let slash = dir.lastIndex(of: "/") {
            dir = String(dir[..<slash])
            if let id = bundles[dir] { return (id, String(contentPath.dropFirst(dir.count + 1))) }
        }
        return nil
    }

    /// The name of the page file nearest to a missing one (`RELATIONSHIP-TIPS.md`, `relatoinship-tips.md`),
    /// among the pages of its folder.
    func closestPageFile(to contentPath: String) -> String? {
        let slash = contentPath.lastIndex(of: "/")
        let folder = slash.map { String(contentPath[..<$0]) } ?? ""
        let name = slash.map { String(contentPath[contentPath.index(after: $0)...]) } ?? contentPath
        return pageFiles[folder]?.closest(to: name)
    }

    func suggestion(for target: String) -> String? {
        nameSuggestions.closest(to: target)
    }
}

/// An anchor a link needs on some page, checked once every page's headings are known.
struct AnchorCheck: Sendable, Equatable {
    var targetID: Int
    var anchor: String
    var written: String
    var position: SourcePosition
}

/// Resolves the links of one page against the site, and records what they lead to.
struct PageLinkResolver: LinkResolver {
    let table: LinkTable
    let pageID: Int
    let file: String
    let contentPath: String
    var diagnostics: [Diagnostic] = []
    var outgoing: [Int] = []
    var anchorChecks: [AnchorCheck] = []

    init(table: LinkTable, page: Page) {
        self.table = table
        self.pageID = page.id
        self.file = page.file
        self.contentPath = page.contentPath
    }

    /// Finds the page a `[[target]]` (or a `related:` entry) names, or reports why not.
    static func find(_ target: String, in table: LinkTable, file: String, at position: SourcePosition?, written: String)
        -> Result<Int, Diagnostic>
    {
        let matches = table.lookup(target)
        if matches.count == 1 { return .success(matches[0]) }
        if matches.isEmpty {
            if let leftOut = table.excludedPage(target, written: written, file: file, at: position) {
                return .failure(leftOut)
            }
            let hint =
                table.suggestion(for: target).map { "did you mean '\($0)'?" }
                ?? "link to a page's title, alias, slug or path\(table.examplePath(besides: file)), or create the page"
            return .failure(.error(file, position, "no page matches \(written)", hint: hint))
        }
        let candidates = matches.map { "content/" + table.entries[$0].contentPath }.sorted()
        return .failure(
            Diagnostic(
                .error, file: file, at: position, "\(written) matches \(matches.count) pages",
                hints: [
                    "candidates: " + candidates.joined(separator: ", "),
                    "write the path to pick one, e.g. [[\(candidates[0].dropFirst(8).dropLast(3))]]",
                ]))
    }

    mutating func resolve(wikilink: Wikilink, at position: SourcePosition) -> ResolvedLink? {
        let targetID: Int
        if wikilink.target.isEmpty {
            targetID = pageID
        } else {
            switch Self.find(wikilink.target, in: table, file: file, at: position, written: wikilink.raw) {
            case .success(let id): targetID = id
            case .failure(let d):
                diagnostics.append(d)
                return nil
            }
        }
        let entry = table.entries[targetID]
        var url = entry.url
        if let fragment = wikilink.fragment {
            let anchor = HeadingID.slug(fragment)
            anchorChecks.append(AnchorCheck(targetID: targetID, anchor: anchor, written: fragment, position: position))
            url += "#" + anchor
        }
        if targetID != pageID { outgoing.append(targetID) }
        return ResolvedLink(url: url, title: entry.title)
    }

    /// A destination's `%XX` escapes decoded (as written when there are none, or they are not valid).
    static func percentDecoded(_ text: Substring) -> String {
        // Foundation's decoding was two fifths of resolving a destination; most have nothing to decode.
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        return text.removingPercentEncoding ?? String(text)
    }

    mutating func resolve(destination: String, isImage: Bool, at position: SourcePosition) -> String? {
        guard !destination.isEmpty, !Self.isExternal(destination) else { return nil }
        var path = Substring(destination)
        var fragment: Substring?
        if let hash = path.firstIndex(of: "#") {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        if path.isEmpty {
            // `#id` on this page
            if let fragment, !isImage { link(to: pageID, fragment: fragment, at: position) }
            return nil
        }
        if path.hasPrefix("/") {
            // `/physical/touch.md`: a Markdown file named from content/, as a repository shows it.
            if path.hasSuffix(".md"), let id = table.page(atContentPath: String(Self.percentDecoded(path.dropFirst())))
            {
                link(to: id, fragment: fragment, at: position)
                return table.entries[id].url + (fragment.map { "#" + $0 } ?? "")
            }
            // A site path, written as the reader sees it: kept as written, and checked.
            checkSitePath(Self.percentDecoded(path), fragment: fragment, destination: destination, at: position)
            return nil
        }
        let decoded = Self.percentDecoded(path)
        let target = Self.join(directory: directoryOf(contentPath), decoded)
        // (`.md` links, the most of them, are no folder URL: they skip the file lookup.)
        if Self.isFolderURL(decoded), target.map({ !table.files.contains($0) }) ?? true {
            // `../physical/` or `relationship-tips/`, and no file of that name: a URL relative to
            // this page's own URL, as the reader's browser resolves it (`.md` links and files are
            // relative to the Markdown file).
            if let resolved = Self.join(directory: table.entries[pageID].url, decoded) {
                let sitePath = resolved.isEmpty ? "/" : "/" + resolved + "/"
                checkSitePath(sitePath, fragment: fragment, destination: destination, at: position)
            } else {
                diagnostics.append(
                    .warning(
                        file, position, "'\(destination)' goes above the site's root",
                        hint: "link to a page of the site"))
            }
            return nil
        }
        guard let target else {
            diagnostics.append(
                .error(file, position, "'\(destination)' points outside content/", hint: "link to a page of the site"))
            return nil
        }
        if target.hasSuffix(".md"), let id = table.page(atContentPath: target) {
            link(to: id, fragment: fragment, at: position)
            return table.entries[id].url + (fragment.map { "#" + $0 } ?? "")
        }
        // A `.md` file that is no page, and no file of a page bundle either (one copied as it is,
        // like Hugo's page resources, is linked below as a file).
        if target.hasSuffix(".md"), !table.files.contains(target) {
            if let leftOut = table.excludedPage(
                atContentPath: target, written: "'\(destination)'", file: file, at: position)
            {
                diagnostics.append(leftOut)
                return nil
            }
            // The nearest file name in that folder, written as this link writes it; else a title.
            let name = target.split(separator: "/").last.map(String.init) ?? target
            let hint =
                table.closestPageFile(to: target).map { "did you mean '\(decoded.dropLast(name.count) + $0)'?" }
                ?? table.suggestion(for: String(name.dropLast(3))).map { "did you mean [[\($0)]]?" }
            diagnostics.append(
                .error(file, position, "'\(destination)' links to content/\(target), which does not exist", hint: hint))
            return nil
        }
        // A file: it must exist, and be published in a page bundle.
        guard table.files.contains(target) else {
            diagnostics.append(
                .error(
                    file, position, "'\(destination)' links to content/\(target), which does not exist",
                    hint: "put the file next to the page's index.md (a page bundle)"))
            return nil
        }
        guard let bundle = table.bundle(containing: target) else {
            diagnostics.append(
                .warning(
                    file, position, "content/\(target) is not in a page bundle, so it is not published",
                    hint: "move it next to a page's index.md"))
            return nil
        }
        if bundle.id == pageID { return nil }  // its own bundle: the relative link already works
        return table.entries[bundle.id].url + bundle.rest + (fragment.map { "#" + $0 } ?? "")
    }

    /// Records a link to a page: its anchor to check once every page's headings are known, and
    /// the link itself for the page's backlinks.
    mutating func link(to id: Int, fragment: Substring?, at position: SourcePosition) {
        if let fragment {
            let anchor = Self.percentDecoded(fragment)
            anchorChecks.append(AnchorCheck(targetID: id, anchor: anchor, written: anchor, position: position))
        }
        if id != pageID { outgoing.append(id) }
    }

    private func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty
            && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }

    /// Joins a relative path to a folder (of `content/`, or a page's URL); nil when it climbs out.
    static func join(directory: String, _ relative: String) -> String? {
        var parts = directory.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
