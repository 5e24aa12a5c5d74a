import HearthMarkdown

// Links written as site paths (`/physical/touch/`) or as folder URLs relative to a page: what they
// name in the site being built, and how the resolver checks them.

extension LinkTable {
    /// What a site path (`/physical/touch/`, percent escapes decoded) names in this site.
    enum SitePath: Equatable {
        /// Below another base path, or among the theme's assets: not checked here.
        case unchecked
        /// A page (by its folder, `index.html` or the folder without its slash).
        case page(Int)
        /// A generated file, a tag page or a file of a page bundle.
        case file
        case missing
    }

    /// Paths the build writes besides pages: the home page, the tag list and the search page, and
    /// the generated files (`GeneratedFile`).
    static let generatedPaths: Set<String> = GeneratedFile.linkablePaths.union([
        "", "index.html", "search/", "search/index.html", "tags/", "tags/index.html",
    ])

    func sitePath(_ path: String) -> SitePath {
        guard path.hasPrefix(base) || path + "/" == base else { return .unchecked }
        var rest = String(path.dropFirst(min(base.count, path.count)))
        if rest.hasPrefix("assets/") { return .unchecked }
        if Self.generatedPaths.contains(rest) { return .file }
        if rest.hasSuffix("/index.html") { rest.removeLast("index.html".count) }
        let folder = rest.hasSuffix("/") ? rest : rest + "/"
        if let id = byPath[folder] { return .page(id) }
        let parts = folder.split(separator: "/")
        if parts.count == 2, parts[0] == "tags", tagSlugs.contains(String(parts[1])) { return .file }
        // A file of a page bundle: below the page's folder, as the bundle holds it.
        var dir = rest
        while let slash = dir.dropLast().lastIndex(of: "/") {
            dir = String(dir[...slash])
            if let id = byPath[dir], let bundle = entries[id].bundleDirectory {
                return files.contains(bundle + "/" + rest.dropFirst(dir.count)) ? .file : .missing
            }
        }
        return .missing
    }

    /// The page URL nearest to a site path that names nothing, if one is near.
    func closestPage(to path: String) -> String? {
        let wanted = path.hasSuffix("/") ? path : path + "/"
        return urlSuggestions.closest(to: wanted)
    }
}

extension PageLinkResolver {
    /// A link that names a folder (`../physical/`, `.`, `touch`): no `.md`, and no extension.
    static func isFolderURL(_ path: String) -> Bool {
        if path.hasSuffix("/") { return !path.hasSuffix(".md/") }
        let bytes = path.utf8
        let last = bytes[(bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex)...]
        return last.elementsEqual(".".utf8) || last.elementsEqual("..".utf8) || !last.contains(UInt8(ascii: "."))
    }

    /// Checks a link that names a site path (percent escapes decoded): a page, with its anchor, or a
    /// file; one that names nothing is a warning with the nearest page's URL.
    mutating func checkSitePath(
        _ path: String, fragment: Substring?, destination: String, at position: SourcePosition
    ) {
        switch table.sitePath(path) {
        case .unchecked, .file:
            break
        case .page(let id):
            link(to: id, fragment: fragment, at: position)
        case .missing:
            diagnostics.append(
                .warning(
                    .sitePathNotFound, file, position, "'\(destination)' is not a page or file of this site",
                    hint: table.closestPage(to: path).map { "did you mean '\($0)'?" }
                        ?? "link to a page as [[its title]] or by its .md file: the build checks those and "
                        + "follows the page when its URL changes"))
        }
    }
}
