import Foundation
import HearthFiles
import HearthMarkdown

/// A Markdown file found in `content/`, before it is read.
struct SourceEntry: Sendable {
    var kind: PageKind
    var contentPath: String
    var section: String?
    var bundleDirectory: String?
    var bundleFiles: [String] = []
}

extension Page {
    /// The source file this page was read from, to read it again.
    var sourceEntry: SourceEntry {
        SourceEntry(
            kind: kind, contentPath: contentPath, section: section, bundleDirectory: bundleDirectory,
            bundleFiles: bundleFiles)
    }
}

/// Finds, reads and checks everything in `content/`.
enum ContentLoader {
    /// Folder names that would collide with what the build writes at the top of the site itself.
    static let reservedSections: Set<String> = GeneratedFile.reservedTopNames.union([
        "tags", "assets", "search", "__hearth", "index.html",
    ])

    /// Why `root` is not a site's folder: it does not exist, or has no `content/` folder; nil when
    /// it is one.
    static func siteFolderProblem(root: URL) -> Diagnostic? {
        let content = root.appendingPathComponent("content")
        guard !Files.isFolder(content.path) else { return nil }
        var hint = "run hearth in the site's root folder, or name it with --source (the folder holding content/)"
        let folder = root.standardizedFileURL.path
        guard Files.isFolder(root.path) else {
            return .error(.siteFolderMissing, folder, nil, "there is no folder \(folder)", hint: hint)
        }
        // Run from inside a site (its content/ or a section): name the site's folder.
        var parent = root.standardizedFileURL
        while parent.pathComponents.count > 1 {
            parent = parent.deletingLastPathComponent()
            if Files.exists(parent.appendingPathComponent("content/site.yml").path) {
                hint = "this folder is inside the site \(parent.path): run hearth there, or add --source \(parent.path)"
                break
            }
        }
        let place = folder == URL(fileURLWithPath: ".").standardizedFileURL.path ? "here" : "in \(folder)"
        return .error(.contentFolderMissing, "content", nil, "there is no content/ folder \(place)", hint: hint)
    }

    /// Reads one source file into a page. The build driver may wrap `readPage` (to remember pages
    /// between builds); the loader only calls it.
    typealias ReadSource = @Sendable (SourceEntry, Data?, SourceContext) -> (Page?, [Diagnostic])

    static func load(root: URL, includeDrafts: Bool, read: @escaping ReadSource = readPage) async -> (
        LoadedSite?, [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        let content = root.appendingPathComponent("content")
        if let problem = siteFolderProblem(root: root) { return (nil, [problem]) }
        guard var config = loadConfig(content: content, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let found = discover(content: content, root: root, diagnostics: &diagnostics)
        if !config.listsTypes { config.types = found.sectionNames.filter { $0 != "exercises" }.sorted() }
        // A folder refused above (a reserved name, or one a URL cannot hold) is reported already.
        for type in config.types
        where !found.sectionNames.contains(type)
            && !Files.exists(content.appendingPathComponent(type).appendingPathComponent("_index.md").path)
        {
            diagnostics.append(
                .error(
                    .typeWithoutSection, "content/site.yml", config.typePositions[type],
                    "type '\(type)' has no section folder content/\(type)/_index.md",
                    hint: "create content/\(type)/_index.md, or remove '\(type)' from types"))
        }
        // Read and check every file, in parallel.
        let context = SourceContext(
            content: content.path, knownTypes: config.types,
            otherSections: found.sectionNames.filter { $0 != "exercises" && !config.types.contains($0) }.sorted())
        let parsed = await parallelMap(found.entries) { entry -> (Page?, [Diagnostic]) in
            read(entry, Files.read(context.content + "/" + entry.contentPath), context)
        }
        var (pages, excluded) = assemble(
            parsed, entries: found.entries, includeDrafts: includeDrafts, content: context.content,
            diagnostics: &diagnostics)
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
        let site = LoadedSite(
            config: config, pages: pages, sections: sections(of: pages, types: config.types), files: found.files,
            imageSizes: ImageSizes.read(found.files, content: context.content), excluded: excluded,
            sourceContext: context)
        return (site, diagnostics)
    }

    /// `content/site.yml`, read and checked.
    static func loadConfig(content: URL, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        let siteFile = "content/site.yml"
        guard
            let siteText = SiteFiles.readText(
                content.appendingPathComponent("site.yml"), file: siteFile, diagnostics: &diagnostics)
        else {
            if diagnostics.isEmpty {
                diagnostics.append(
                    .error(
                        .siteConfigMissing, siteFile, nil, "content/site.yml is missing",
                        hint: "create it with at least title and baseURL"))
            }
            return nil
        }
        return SiteConfig.parse(siteText, file: siteFile, diagnostics: &diagnostics)
    }

    /// The pages in file order, each with its id, and those left out of this build with why.
    static func assemble(
        _ parsed: [(Page?, [Diagnostic])], entries: [SourceEntry], includeDrafts: Bool, content contentPath: String,
        diagnostics: inout [Diagnostic]
    ) -> ([Page], [ExcludedPage]) {
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
            if page.path == Section.deckPath {
                diagnostics.append(
                    .error(
                        .pageTakesDeckURL, page.file, page.meta.slug?.position,
                        "this page has the URL /exercises/deck/, where the build publishes the deck of every card",
                        hint: "give it another file name or slug"))
                exclude(page, .sameURL(as: "the deck"))
                continue
            }
            if let owner = owners[page.path]?.page, owner != index, let other = parsed[owner].0 {
                diagnostics.append(
                    .error(
                        .pageURLTaken, page.file, page.meta.slug?.position,
                        "this page has the same URL /\(page.path) as \(other.file)",
                        hint: "give one of them another file name or slug"))
                exclude(page, .sameURL(as: other.contentPath))
                continue
            }
            page.id = pages.count
            pages.append(page)
        }
        return (pages, excluded)
    }

    /// Topic sections in site order, then others by name, exercises last.
    static func sections(of pages: [Page], types: [String]) -> [Section] {
        var sections: [Section] = []
        for page in pages where page.kind == .section {
            guard let name = page.section else { continue }
            let kind: Section.Kind = name == "exercises" ? .exercises : types.contains(name) ? .topic : .other
            sections.append(Section(name: name, kind: kind, pageID: page.id))
        }
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
        return sections
    }

    /// A page that could not be read or has an error: still known by its path, file name and the
    /// title and aliases it was written with, so that links to it say it failed to load rather
    /// than that it does not exist.
    static func failedPage(_ entry: SourceEntry, content: String) -> ExcludedPage {
        let path = entry.contentPath
        let stem = String(path.dropLast(path.hasSuffix("/index.md") ? "/index.md".count : ".md".count))
        let names = Files.read(content + "/" + path).map(FrontMatter.writtenNames) ?? (title: nil, aliases: [])
        return ExcludedPage(
            contentPath: path, title: names.title ?? "", slug: String(stem.split(separator: "/").last ?? ""),
            aliases: names.aliases, reason: .failedToLoad)
    }

    /// Reads one Markdown file into a page; nil when it cannot be used at all.
    @Sendable static func readPage(_ entry: SourceEntry, data: Data?, context: SourceContext) -> (Page?, [Diagnostic]) {
        let (content, knownTypes, otherSections) = (context.content, context.knownTypes, context.otherSections)
        let file = "content/" + entry.contentPath
        var diagnostics: [Diagnostic] = []
        guard
            let text = SiteFiles.decodeText(
                data, path: content + "/" + entry.contentPath, file: file, diagnostics: &diagnostics)
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
                        .fileNameMakesNoURL, file, nil,
                        "the name '\(fileName)' has no letter or digit to make the page's URL from",
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
