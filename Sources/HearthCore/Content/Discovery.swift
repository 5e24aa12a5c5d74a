import Foundation
import HearthFiles

/// What `content/` holds: the Markdown files to read, the other files to publish, the sections.
struct Discovery {
    var entries: [SourceEntry] = []
    var files: Set<String> = []
    var sectionNames: [String] = []
}

/// What a source file is read against: where `content/` is and the site's sections.
struct SourceContext: Sendable {
    var content: String
    var knownTypes: [String]
    var otherSections: [String]
}

extension ContentLoader {
    /// Finds every file of `content/`: pages, bundles and their files, sections. Symbolic links
    /// that leave the site's folder are reported and not followed.
    static func discover(content: URL, root: URL, diagnostics: inout [Diagnostic]) -> Discovery {
        var found = Discovery()
        let siteFolder = Files.realPath(root.path) ?? root.path
        for entry in SiteFiles.folderEntries(content.path, site: siteFolder) {
            let name = entry.name
            let path = content.appendingPathComponent(name)
            if entry.leavesSite {
                diagnostics.append(SiteFiles.linkLeavesSite("content/\(name)"))
            } else if entry.isDirectory {
                if Files.exists(path.appendingPathComponent("_index.md").path) {
                    if reservedSections.contains(name) {
                        diagnostics.append(
                            .error(
                                .reservedSectionName, "content/\(name)/_index.md", nil,
                                "'\(name)' is a reserved name: the build makes /\(name)/ itself",
                                hint: "rename the folder"))
                        continue
                    }
                    // The folder's name is the section's URL (and its type's name), as written.
                    if let bad = Slug.unsafeCharacter(in: name) {
                        let example = Slug.make(name)
                        diagnostics.append(
                            .error(
                                .sectionNameNotURL, "content/\(name)/_index.md", nil,
                                "a section's folder name is its URL, and '\(name)' holds '\(bad)', which a URL cannot",
                                hint: "rename the folder to \(example.isEmpty ? "letters, digits and -" : example)"))
                        continue
                    }
                    found.sectionNames.append(name)
                    discoverSection(
                        name, at: path, site: siteFolder, entries: &found.entries, files: &found.files,
                        diagnostics: &diagnostics)
                } else if SiteFiles.containsMarkdown(path) {
                    diagnostics.append(
                        .error(
                            .folderWithoutSectionIndex, "content/\(name)", nil,
                            "folder content/\(name)/ holds Markdown but has no _index.md",
                            hint: "add content/\(name)/_index.md with a title to make it a section"))
                }
            } else if name == "index.md" {
                found.entries.append(SourceEntry(kind: .home, contentPath: name, section: nil))
            } else if name == "site.yml" {
                continue
            } else if name.hasSuffix(".md") {
                diagnostics.append(
                    .error(
                        .pageOutsideSection, "content/\(name)", nil, "a page must be inside a section folder",
                        hint: "move it to content/<section>/\(name)"))
            } else {
                if let diagnostic = misnamedPage(name, content: content) { diagnostics.append(diagnostic) }
                found.files.insert(name)
            }
        }
        return found
    }

    private static func discoverSection(
        _ name: String, at path: URL, site: String, entries: inout [SourceEntry], files: inout Set<String>,
        diagnostics: inout [Diagnostic]
    ) {
        let kind: PageKind = name == "exercises" ? .exercise : .article
        for entry in SiteFiles.folderEntries(path.path, site: site) {
            let item = entry.name
            let relative = "\(name)/\(item)"
            var outside: [String] = []
            defer { diagnostics += outside.map { SiteFiles.linkLeavesSite("content/\(relative)/\($0)") } }
            if entry.leavesSite {
                diagnostics.append(SiteFiles.linkLeavesSite("content/\(relative)"))
            } else if entry.isDirectory {
                // Foundation's URL joining costs microseconds: made only for the few folders.
                let itemURL = path.appendingPathComponent(item)
                if Files.exists(itemURL.appendingPathComponent("index.md").path) {
                    var bundleFiles: [String] = []
                    for file in SiteFiles.listFilesRecursively(itemURL, site: site, outside: &outside)
                    where file != "index.md" {
                        // Copied beside the page, it would take the place of the page itself.
                        if file == "index.html" {
                            diagnostics.append(
                                .error(
                                    .bundleFileReplacesPage, "content/\(relative)/index.html", nil,
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
                } else if SiteFiles.containsMarkdown(itemURL) {
                    diagnostics.append(
                        .error(
                            .nestedFolderWithoutIndex, "content/\(relative)", nil,
                            "folder content/\(relative)/ has no index.md",
                            hint: "sections do not nest: a folder in a section is a page bundle, with an index.md"))
                } else {
                    for file in SiteFiles.listFilesRecursively(itemURL, site: site, outside: &outside) {
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
        let taken = Files.exists(content.appendingPathComponent(relative[..<dot] + ".md").path)
        return .warning(
            .markdownNotNamedMD, file, nil, "\(file) is not a page: only files whose names end in '.md' are",
            hint: taken
                ? "\(stem).md is a page already: give this one another name ending in .md, or delete it"
                : "rename it to \(stem).md")
    }

}
