import Foundation
import HearthFiles

/// `hearth new`: a new article or exercise card with its front matter filled in.
public enum Scaffold {
    public enum Kind: String, Sendable {
        case article
        case exercise
    }

    public struct Created: Sendable {
        /// Relative to the site root: `content/emotional/listening.md`.
        public var path: String
        /// Site path of the page, base path included: `/emotional/listening/`.
        public var url: String
    }

    /// Creates the file; throws a diagnostic when the section is unknown or the file exists.
    public static func create(
        _ kind: Kind, section requested: String?, title: String, root: URL, today: Date = Date()
    ) throws -> Created {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw Diagnostic.error(
                .newTitleEmpty, "", nil, "the title is empty",
                hint: "e.g. hearth new article emotional \"Listening first\"")
        }
        let section = kind == .exercise ? "exercises" : (requested ?? "")
        let content = root.appendingPathComponent("content")
        let known = SiteFiles.listDirectory(content).filter {
            Files.exists(content.appendingPathComponent("\($0)/_index.md").path)
        }
        guard known.contains(section) else {
            let hint = Suggestions.closest(to: section, in: known).map { "did you mean '\($0)'? " } ?? ""
            throw Diagnostic.error(
                .newSectionUnknown, "content/\(section)", nil, "there is no section '\(section)'",
                hint: hint + "known sections: " + known.joined(separator: ", "))
        }
        let slug = Slug.make(trimmed)
        guard !slug.isEmpty else {
            throw Diagnostic.error(
                .newTitleGivesNoName, "", nil, "the title '\(trimmed)' gives no usable file name",
                hint: "use some letters or digits")
        }
        let path = "content/\(section)/\(slug).md"
        let file = root.appendingPathComponent(path)
        for existing in [file.path, content.appendingPathComponent("\(section)/\(slug)").path]
        where Files.exists(existing) {
            throw Diagnostic.error(
                .newPageExists, path, nil,
                "\(existing.hasSuffix(".md") ? path : "content/\(section)/\(slug)/") already exists",
                hint: "choose another title, or edit the existing page")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        let text = draft(kind, title: trimmed, date: formatter.string(from: today), root: root, known: known)
        try Files.makeFolders(file.deletingLastPathComponent().path)
        try Files.writeNew(text.utf8, to: file.path)
        return Created(path: path, url: "\(SiteConfig.basePath(root: root))\(section)/\(slug)/")
    }

    /// The new file's text: front matter that builds, with each field's choices beside it.
    private static func draft(_ kind: Kind, title trimmed: String, date: String, root: URL, known: [String]) -> String {
        let quoted =
            "\"" + trimmed.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
        var text = "---\ntitle: \(quoted)\ndate: \(date)\ndraft: true\n"
        switch kind {
        case .article:
            text += """
                summary: One or two sentences for lists, feeds and search results.
                tags: []
                ---

                Start with what the reader will get from this article.

                ## A first heading

                Write here. Link other pages with `[[Their Title]]`.

                """
        case .exercise:
            // Values that build, each with its choices beside it: a draft card left half-written
            // must not stop the rest of the site from building (drafts are checked even when
            // left out).
            let topics = topicSections(root: root, known: known)
            let types =
                topics.first.map { "types: [\($0)]  # one or more of: \(topics.joined(separator: ", "))" }
                ?? "types: []  # at least one topic section; site.yml lists none yet"
            text += """
                summary: One sentence saying what the exercise is.
                duration: 10  # minutes
                difficulty: gentle  # gentle, moderate or deep
                who: couple  # couple, solo or group
                \(types)
                materials: []
                tags: []
                ---

                A short introduction: why this exercise helps.

                ## Steps

                1. First step.
                2. Second step.

                ## If it gets hard

                What to do if feelings run high: how to pause, how to stop kindly, where to get help.

                ## Reflect

                - A question to talk about afterwards?

                """
        }
        return text
    }

    /// The site's topic sections, in site.yml's order: its `types` that have a folder, or without
    /// `types` every section but `exercises`.
    private static func topicSections(root: URL, known: [String]) -> [String] {
        var ignored: [Diagnostic] = []
        let text = Files.read(root.appendingPathComponent("content/site.yml").path)
            .map { String(decoding: $0, as: UTF8.self) }
        if let config = text.flatMap({ SiteConfig.parse($0, file: "content/site.yml", diagnostics: &ignored) }),
            config.listsTypes
        {
            return config.types.filter(known.contains)
        }
        return known.filter { $0 != "exercises" }
    }
}
