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
    /// The sizes of the images among `files`.
    let imageSizes: [String: ImageSize]
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
    /// The titles pages had in the last good build, by link key, with each page's path: what a
    /// link to an old title is told to do. Read only when a link names no page.
    private let formerTitles: Lazy<[String: String]>
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

    /// `formerTitles` gives each page's title in the last good build, by its path; it is called
    /// only when a link names no page.
    init(site: LoadedSite, formerTitles: @escaping @Sendable () -> [String: String] = { [:] }) async {
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
        // The table of keys, the folders' files and the fingerprint are made on another core while
        // the other tables are filled.
        async let keysTable = Self.keys(site.pages, keysOfPages)
        async let filesByFolder = Self.pageFilesByFolder(site.pages.map(\.contentPath))
        async let pagesFingerprint = Self.fingerprint(site, base: base)
        var entries: [Entry] = []
        var byContentPath: [String: Int] = [:]
        var bundles: [String: Int] = [:]
        var names: [String] = []
        var byPath: [String: Int] = [:]
        var tagNames: Set<String> = []
        entries.reserveCapacity(site.pages.count)
        byPath.reserveCapacity(site.pages.count)
        byContentPath.reserveCapacity(site.pages.count)
        for page in site.pages {
            entries.append(
                Entry(
                    url: base + page.path, title: page.title, contentPath: page.contentPath,
                    bundleDirectory: page.bundleDirectory))
            byContentPath[page.contentPath] = page.id
            byPath[page.path] = page.id
            tagNames.formUnion(page.meta.tags.lazy.map(\.value))
            if let bundle = page.bundleDirectory { bundles[bundle] = page.id }
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
        self.keys = await keysTable
        self.byContentPath = byContentPath
        self.bundles = bundles
        self.files = site.files
        self.imageSizes = site.imageSizes
        self.excluded = site.excluded
        self.excludedKeys = excludedKeys
        self.excludedPaths = excludedPaths
        self.formerTitles = Lazy {
            var byKey: [String: String] = [:]
            for (path, title) in formerTitles() { byKey[Self.key(title)] = path }
            return byKey
        }
        nameSuggestions = Suggestions.Index { [names] in names }
        urlSuggestions = Suggestions.Index { [entries] in entries.map(\.url) }
        self.base = base
        self.byPath = byPath
        tagSlugs = Set(tagNames.map(Slug.make))
        var hasher = StableHasher()
        hasher.combine(await pagesFingerprint)
        hasher.combine(tagSlugs.sorted())
        fingerprint = hasher.finalize()
        pageFiles = await filesByFolder
    }

    /// The pages each key names, in page order.
    private static func keys(_ pages: [Page], _ keysOfPages: [[String]]) -> [String: [Int]] {
        var keys: [String: [Int]] = [:]
        keys.reserveCapacity(pages.count * 3)
        for (page, pageKeys) in zip(pages, keysOfPages) {
            for key in pageKeys { keys[key, default: []].append(page.id) }
        }
        return keys
    }

    /// The Markdown file names of pages, by folder.
    private static func pageFilesByFolder(_ contentPaths: [String]) -> [String: Suggestions.Index] {
        var filesByFolder: [String: [String]] = [:]
        for path in contentPaths {
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[..<$0]) } ?? ""
            filesByFolder[folder, default: []].append(slash.map { String(path[path.index(after: $0)...]) } ?? path)
        }
        return filesByFolder.mapValues { names in Suggestions.Index { names } }
    }

    /// Everything a table is made from but the tags, hashed: equal fingerprints (with the tags')
    /// resolve every link the same way.
    private static func fingerprint(_ site: LoadedSite, base: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(base)
        for page in site.pages {
            for text in [page.contentPath, page.path, page.title, page.slug, page.section ?? "", page.kind.rawValue] {
                hasher.combine(text)
            }
            hasher.combine(page.meta.aliases)
            hasher.combine(page.bundleDirectory)
        }
        hasher.combine(site.files.sorted())
        for (file, size) in site.imageSizes.sorted(by: { $0.key < $1.key }) {
            hasher.combine(file)
            hasher.combine(size.width)
            hasher.combine(size.height)
        }
        for page in site.excluded {
            hasher.combine(page.contentPath)
            hasher.combine(page.title)
            hasher.combine(page.slug)
            hasher.combine(page.aliases)
            switch page.reason {
            case .draft: hasher.combine("draft")
            case .sameURL(let other): hasher.combine(other)
            case .failedToLoad: hasher.combine("failed")
            }
        }
        return hasher.finalize()
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
                .linkToDraft, file, position, "\(written) links to a draft (content/\(page.contentPath))",
                hint: "publish it (remove 'draft: true') or build with --drafts")
        case .sameURL(let other):
            return .error(
                .linkToPageNotBuilt, file, position,
                "\(written) links to content/\(page.contentPath), which is not built: content/\(other) has its URL",
                hint: "give one of them another file name or slug")
        case .failedToLoad:
            // Said once however many links lead there (a note is said once a run).
            return .note(
                .linksToFailedPageNotChecked, file, position,
                "links to content/\(page.contentPath) are not checked: the page failed to load; see the error above")
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

    /// What to tell a link that names no page: the page that had this title in the last good build,
    /// or the nearest title; either way, the alias that keeps old links working.
    func missingPageHints(for target: String, besides file: String) -> [String] {
        // A title no page answers to now (else the link would have found it), which a page that is
        // still here had in the last good build.
        let key = Self.key(target)
        if excludedKeys[key] == nil, let path = formerTitles.value[key], let id = byContentPath[path] {
            return [
                "content/\(path) had the title '\(target)' in the last build and is now '\(entries[id].title)'",
                "link [[\(entries[id].title)]], or add '\(target)' to its aliases: so that old links keep working",
            ]
        }
        guard let near = suggestion(for: target) else {
            return ["link to a page's title, alias, slug or path\(examplePath(besides: file)), or create the page"]
        }
        let pages = lookup(near)
        guard pages.count == 1 else { return ["did you mean '\(near)'?"] }
        return [
            "did you mean '\(near)'?",
            "if content/\(entries[pages[0]].contentPath) was once titled '\(target)', add that to its aliases:",
        ]
    }
}
