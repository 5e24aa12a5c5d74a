import Foundation
import HearthMarkdown

/// A Markdown file found in `content/`, before it is read.
struct SourceEntry: Sendable {
    var kind: PageKind
    var contentPath: String
    var section: String?
    var bundleDirectory: String?
    var bundleFiles: [String] = []
}

/// Finds, reads and checks everything in `content/`.
enum ContentLoader {
    /// Folder names that would collide with what the build writes at the top of the site itself.
    static let reservedSections: Set<String> = [
        "tags", "assets", "search", "__hearth", "index.html", "404.html", "feed.xml", "sitemap.xml",
        "search-index.json", "robots.txt",
    ]

    /// Why `root` is not a site's folder: it does not exist, or has no `content/` folder; nil when
    /// it is one.
    static func siteFolderProblem(root: URL) -> Diagnostic? {
        let content = root.appendingPathComponent("content")
        guard !isDir(content) else { return nil }
        var hint = "run hearth in the site's root folder, or name it with --source (the folder holding content/)"
        let folder = root.standardizedFileURL.path
        guard isDir(root) else { return .error(folder, nil, "there is no folder \(folder)", hint: hint) }
        // Run from inside a site (its content/ or a section): name the site's folder.
        var parent = root.standardizedFileURL
        while parent.pathComponents.count > 1 {
            parent = parent.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: parent.appendingPathComponent("content/site.yml").path) {
                hint = "this folder is inside the site \(parent.path): run hearth there, or add --source \(parent.path)"
                break
            }
        }
        let place = folder == URL(fileURLWithPath: ".").standardizedFileURL.path ? "here" : "in \(folder)"
        return .error("content", nil, "there is no content/ folder \(place)", hint: hint)
    }

    static func load(root: URL, includeDrafts: Bool, cache: BuildCache? = nil) async -> (LoadedSite?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let content = root.appendingPathComponent("content")
        if let problem = siteFolderProblem(root: root) { return (nil, [problem]) }
        // site.yml
        let siteFile = "content/site.yml"
        guard
            let siteText = readText(
                content.appendingPathComponent("site.yml"), file: siteFile, diagnostics: &diagnostics)
        else {
            if diagnostics.isEmpty {
                diagnostics.append(
                    .error(
                        siteFile, nil, "content/site.yml is missing", hint: "create it with at least title and baseURL")
                )
            }
            return (nil, diagnostics)
        }
        guard var config = SiteConfig.parse(siteText, file: siteFile, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }

        // Discover
        var entries: [SourceEntry] = []
        var files: Set<String> = []
        var sectionNames: [String] = []
        let fm = FileManager.default
        let siteFolder = realPath(root.path) ?? root.path
        for entry in folderEntries(content.path, site: siteFolder) {
            let name = entry.name
            let path = content.appendingPathComponent(name)
            if entry.leavesSite {
                diagnostics.append(linkLeavesSite("content/\(name)"))
            } else if entry.isDirectory {
                if fm.fileExists(atPath: path.appendingPathComponent("_index.md").path) {
                    if reservedSections.contains(name) {
                        diagnostics.append(
                            .error(
                                "content/\(name)/_index.md", nil,
                                "'\(name)' is a reserved name: the build makes /\(name)/ itself",
                                hint: "rename the folder"))
                        continue
                    }
                    // The folder's name is the section's URL (and its type's name), as written.
                    if let bad = Slug.unsafeCharacter(in: name) {
                        let example = Slug.make(name)
                        diagnostics.append(
                            .error(
                                "content/\(name)/_index.md", nil,
                                "a section's folder name is its URL, and '\(name)' holds '\(bad)', which a URL cannot",
                                hint: "rename the folder to \(example.isEmpty ? "letters, digits and -" : example)"))
                        continue
                    }
                    sectionNames.append(name)
                    discoverSection(
                        name, at: path, site: siteFolder, entries: &entries, files: &files, diagnostics: &diagnostics)
                } else if containsMarkdown(path) {
                    diagnostics.append(
                        .error(
                            "content/\(name)", nil, "folder content/\(name)/ holds Markdown but has no _index.md",
                            hint: "add content/\(name)/_index.md with a title to make it a section"))
                }
            } else if name == "index.md" {
                entries.append(SourceEntry(kind: .home, contentPath: name, section: nil))
            } else if name == "site.yml" {
                continue
            } else if name.hasSuffix(".md") {
                diagnostics.append(
                    .error(
                        "content/\(name)", nil, "a page must be inside a section folder",
                        hint: "move it to content/<section>/\(name)"))
            } else {
                if let diagnostic = misnamedPage(name, content: content) { diagnostics.append(diagnostic) }
                files.insert(name)
            }
        }
        if !config.listsTypes { config.types = sectionNames.filter { $0 != "exercises" }.sorted() }
        // A folder refused above (a reserved name, or one a URL cannot hold) is reported already.
        for type in config.types
        where !sectionNames.contains(type)
            && !fm.fileExists(atPath: content.appendingPathComponent(type).appendingPathComponent("_index.md").path)
        {
            diagnostics.append(
                .error(
                    siteFile, config.typePositions[type],
                    "type '\(type)' has no section folder content/\(type)/_index.md",
                    hint: "create content/\(type)/_index.md, or remove '\(type)' from types"))
        }

        // Read and check every file, in parallel.
        let types = config.types
        let otherSections = sectionNames.filter { $0 != "exercises" && !types.contains($0) }.sorted()
        let contentPath = content.path
        let parsed = await parallelMap(entries) { entry -> (Page?, [Diagnostic]) in
            let data = readFile(contentPath + "/" + entry.contentPath)
            func read() -> (Page?, [Diagnostic]) {
                readPage(entry, content: contentPath, knownTypes: types, otherSections: otherSections, data: data)
            }
            guard let cache else { return read() }
            let key = sourceKey(data, types: types, otherSections: otherSections, entry: entry)
            return cache.source(entry.contentPath, key: key, data: data, make: read)
        }

        // Assemble
        var pages: [Page] = []
        var excluded: [ExcludedPage] = []
        func exclude(_ page: Page, _ reason: ExcludedPage.Reason) {
            excluded.append(
                ExcludedPage(
                    contentPath: page.contentPath, title: page.title, slug: page.slug, aliases: page.meta.aliases,
                    reason: reason))
        }
        // Two pages with one URL: the one named by its file keeps it, and the error is on the
        // other's `slug:` (or, when neither has one, on the later file).
        func isLeftOutDraft(_ page: Page) -> Bool { page.meta.draft && page.isListed && !includeDrafts }
        var owners: [String: (page: Int, hasSlug: Bool)] = [:]
        owners.reserveCapacity(parsed.count)
        for (index, (page, _)) in parsed.enumerated() {
            guard let page, !isLeftOutDraft(page) else { continue }
            let hasSlug = page.meta.slug != nil
            if let owner = owners[page.path], !owner.hasSlug || hasSlug { continue }
            owners[page.path] = (index, hasSlug)
        }
        for (index, (page, problems)) in parsed.enumerated() {
            diagnostics.append(contentsOf: problems)
            if page == nil || problems.contains(where: { $0.severity == .error }) {
                excluded.append(failedPage(entries[index], content: contentPath))
            }
            guard var page else { continue }
            if isLeftOutDraft(page) {
                exclude(page, .draft)
                continue
            }
            if let owner = owners[page.path]?.page, owner != index, let other = parsed[owner].0 {
                diagnostics.append(
                    .error(
                        page.file, page.meta.slug?.position,
                        "this page has the same URL /\(page.path) as \(other.file)",
                        hint: "give one of them another file name or slug"))
                exclude(page, .sameURL(as: other.contentPath))
                continue
            }
            page.id = pages.count
            pages.append(page)
        }
        if !pages.contains(where: { $0.kind == .home }) {
            // A site without content/index.md still has a home page.
            var meta = PageMeta()
            meta.title = config.title
            pages.append(
                Page(
                    id: pages.count, kind: .home, file: "content/index.md", contentPath: "index.md", section: nil,
                    slug: "", path: "", meta: meta, body: "", bodyLineOffset: 0, bundleDirectory: nil, bundleFiles: [],
                    types: []))
        }
        var sections: [Section] = []
        for page in pages where page.kind == .section {
            guard let name = page.section else { continue }
            let kind: Section.Kind = name == "exercises" ? .exercises : types.contains(name) ? .topic : .other
            sections.append(Section(name: name, kind: kind, pageID: page.id))
        }
        // Topic sections in site order, then others by name, exercises last.
        sections.sort { a, b in
            func rank(_ s: Section) -> (Int, Int, String) {
                switch s.kind {
                case .topic: return (0, types.firstIndex(of: s.name) ?? 0, s.name)
                case .other: return (1, 0, s.name)
                case .exercises: return (2, 0, s.name)
                }
            }
            return rank(a) < rank(b)
        }
        let site = LoadedSite(config: config, pages: pages, sections: sections, files: files, excluded: excluded)
        return (site, diagnostics)
    }

    private static func discoverSection(
        _ name: String, at path: URL, site: String, entries: inout [SourceEntry], files: inout Set<String>,
        diagnostics: inout [Diagnostic]
    ) {
        let kind: PageKind = name == "exercises" ? .exercise : .article
        for entry in folderEntries(path.path, site: site) {
            let item = entry.name
            let relative = "\(name)/\(item)"
            var outside: [String] = []
            defer { diagnostics += outside.map { linkLeavesSite("content/\(relative)/\($0)") } }
            if entry.leavesSite {
                diagnostics.append(linkLeavesSite("content/\(relative)"))
            } else if entry.isDirectory {
                // Foundation's URL joining costs microseconds: made only for the few folders.
                let itemURL = path.appendingPathComponent(item)
                if FileManager.default.fileExists(atPath: itemURL.appendingPathComponent("index.md").path) {
                    var bundleFiles: [String] = []
                    for file in listFilesRecursively(itemURL, site: site, outside: &outside) where file != "index.md" {
                        // Copied beside the page, it would take the place of the page itself.
                        if file == "index.html" {
                            diagnostics.append(
                                .error(
                                    "content/\(relative)/index.html", nil,
                                    "this file would replace the page content/\(relative)/index.md, which is published as index.html in the same folder",
                                    hint: "rename it (e.g. to page.html) and link to it by that name"))
                            continue
                        }
                        bundleFiles.append("\(relative)/\(file)")
                    }
                    files.formUnion(bundleFiles)
                    entries.append(
                        SourceEntry(
                            kind: kind, contentPath: "\(relative)/index.md", section: name, bundleDirectory: relative,
                            bundleFiles: bundleFiles))
                } else if containsMarkdown(itemURL) {
                    diagnostics.append(
                        .error(
                            "content/\(relative)", nil, "folder content/\(relative)/ has no index.md",
                            hint: "sections do not nest: a folder in a section is a page bundle, with an index.md"))
                } else {
                    for file in listFilesRecursively(itemURL, site: site, outside: &outside) {
                        files.insert("\(relative)/\(file)")
                    }
                }
            } else if item == "_index.md" {
                entries.append(SourceEntry(kind: .section, contentPath: relative, section: name))
            } else if item.hasSuffix(".md") {
                entries.append(SourceEntry(kind: kind, contentPath: relative, section: name))
            } else {
                if let diagnostic = misnamedPage(relative, content: path.deletingLastPathComponent()) {
                    diagnostics.append(diagnostic)
                }
                files.insert(relative)
            }
        }
    }

    /// A page that could not be read or has an error: still known by its path, file name and the
    /// title and aliases it was written with, so that links to it say it failed to load rather
    /// than that it does not exist.
    static func failedPage(_ entry: SourceEntry, content: String) -> ExcludedPage {
        let path = entry.contentPath
        let stem = String(path.dropLast(path.hasSuffix("/index.md") ? "/index.md".count : ".md".count))
        let names = readFile(content + "/" + path).map(FrontMatter.writtenNames) ?? (title: nil, aliases: [])
        return ExcludedPage(
            contentPath: path, title: names.title ?? "", slug: String(stem.split(separator: "/").last ?? ""),
            aliases: names.aliases, reason: .failedToLoad)
    }

    /// Extensions other Markdown tools read as Markdown (Hugo, Jekyll); Hearth reads `.md` only.
    static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn"]

    /// A warning for a file in content/ that is written as Markdown but not named `.md` (`touch.MD`,
    /// `touch.markdown`), and so is no page: it would be left out without a word.
    static func misnamedPage(_ relative: String, content: URL) -> Diagnostic? {
        guard let dot = relative.lastIndex(of: "."), !relative[..<dot].hasSuffix("/"),
            markdownExtensions.contains(relative[relative.index(after: dot)...].lowercased())
        else { return nil }
        let file = "content/" + relative
        let stem = relative[..<dot].split(separator: "/").last ?? relative[..<dot]
        // `touch.MD` beside `touch.md`: renaming it would replace that page.
        let taken = FileManager.default.fileExists(
            atPath: content.appendingPathComponent(relative[..<dot] + ".md").path)
        return .warning(
            file, nil, "\(file) is not a page: only files whose names end in '.md' are",
            hint: taken
                ? "\(stem).md is a page already: give this one another name ending in .md, or delete it"
                : "rename it to \(stem).md")
    }

    /// The file's bytes, where it sits and the site's types decide everything about it.
    static func sourceKey(_ data: Data?, types: [String], otherSections: [String], entry: SourceEntry) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(data != nil)
        data?.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine(types)
        hasher.combine(otherSections)
        hasher.combine(entry.bundleFiles)
        return hasher.finalize()
    }

    /// Reads one Markdown file into a page; nil when it cannot be used at all.
    static func readPage(
        _ entry: SourceEntry, content: String, knownTypes: [String], otherSections: [String], data: Data?
    ) -> (Page?, [Diagnostic]) {
        let file = "content/" + entry.contentPath
        var diagnostics: [Diagnostic] = []
        guard
            let text = decodeText(data, path: content + "/" + entry.contentPath, file: file, diagnostics: &diagnostics)
        else {
            return (nil, diagnostics)
        }
        let split: SplitSource
        switch FrontMatter.split(text, file: file) {
        case .success(let s): split = s
        case .failure(let d): return (nil, [d])
        }
        let meta = FrontMatter.parse(
            split.yaml, file: file, isExercise: entry.kind == .exercise,
            isListed: entry.kind == .article || entry.kind == .exercise, knownTypes: knownTypes,
            otherSections: otherSections, diagnostics: &diagnostics)
        let slug: String
        let path: String
        switch entry.kind {
        case .home:
            slug = ""
            path = ""
        case .section:
            slug = entry.section ?? ""
            path = slug + "/"
        case .article, .exercise:
            let fileName =
                entry.bundleDirectory.map { String($0.split(separator: "/").last ?? "") }
                ?? String(entry.contentPath.split(separator: "/").last?.dropLast(3) ?? "")
            slug = meta.slug?.value ?? (isURLSafe(fileName) ? fileName : Slug.make(fileName))
            path = "\(entry.section ?? "")/\(slug)/"
            if slug.isEmpty {
                // It would take its section's URL.
                diagnostics.append(
                    .error(
                        file, nil, "the name '\(fileName)' has no letter or digit to make the page's URL from",
                        hint: "rename it, or give the page a slug in its front matter, e.g. slug: my-page"))
            }
        }
        var types: [String] = []
        if entry.kind != .home, let section = entry.section, knownTypes.contains(section) {
            types.append(section)
        }
        for t in meta.types where !types.contains(t.value) { types.append(t.value) }
        types.sort { (knownTypes.firstIndex(of: $0) ?? 0) < (knownTypes.firstIndex(of: $1) ?? 0) }
        let page = Page(
            id: 0, kind: entry.kind, file: file, contentPath: entry.contentPath, section: entry.section, slug: slug,
            path: path, meta: meta, body: String(split.body), bodyLineOffset: split.bodyLineOffset,
            bundleDirectory: entry.bundleDirectory, bundleFiles: entry.bundleFiles, types: types)
        return (page, diagnostics)
    }

    static func isURLSafe(_ s: String) -> Bool {
        !s.isEmpty
            && s.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
    }
}
