import HearthMarkdown
import Yams

public enum Difficulty: String, Sendable, CaseIterable { case gentle, moderate, deep }
public enum Who: String, Sendable, CaseIterable { case couple, solo, group }

/// What a page's front matter says, checked.
public struct PageMeta: Sendable, Equatable {
    public var title = ""
    public var summary: String?
    public var date: SimpleDate?
    public var updated: SimpleDate?
    public var draft = false
    public var weight: Int?
    public var slug: Located<String>?
    public var aliases: [String] = []
    public var types: [Located<String>] = []
    public var tags: [Located<String>] = []
    public var related: [Located<String>] = []
    public var duration: Int?
    public var difficulty: Difficulty?
    public var who: Who = .couple
    public var materials: [String] = []

    public init() {}
}

/// A Markdown file cut into front matter and body.
struct SplitSource {
    var yaml: Substring
    var body: Substring
    /// Lines of the file before the body.
    var bodyLineOffset: Int
}

enum FrontMatter {
    static let pageKeys = [
        "title", "summary", "date", "updated", "draft", "weight", "slug", "aliases", "types", "tags", "related",
    ]
    static let exerciseKeys = ["duration", "difficulty", "who", "materials"]

    /// Whether a line is exactly `---` (trailing blanks allowed).
    private static func isFence(_ line: Substring) -> Bool {
        var l = line
        while let last = l.last, last == " " || last == "\t" { l.removeLast() }
        return l == "---"
    }

    /// Splits `---` front matter from the body. Only a line that is `---` alone opens and closes it.
    static func split(_ text: String, file: String) -> Result<SplitSource, Diagnostic> {
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        if rest.allSatisfy(\.isWhitespace) {
            return .failure(
                .error(
                    file, SourcePosition(line: 1, column: 1), "the file is empty",
                    hint: "start it with front matter:\n---\ntitle: A title\n---"))
        }
        let first = rest.lineEnd(from: rest.startIndex)
        guard isFence(rest[rest.startIndex..<first.end]) else {
            if rest[rest.startIndex..<first.end].trimmingCharacters(in: .whitespaces) == "+++" {
                return .failure(
                    .error(
                        file, SourcePosition(line: 1, column: 1),
                        "front matter between '+++' lines (TOML, as Hugo reads it) is not read here",
                        hint: "write it in YAML: both '+++' lines become '---', and 'title = \"…\"' becomes 'title: …'"
                    ))
            }
            return .failure(
                .error(
                    file, SourcePosition(line: 1, column: 1), "the file does not start with front matter",
                    hint: "put a line '---', then 'title: ...', then another '---' at the top of the file"))
        }
        guard let yamlStart = first.next else {
            return .failure(unclosed(file))
        }
        var lineStart = yamlStart
        var line = 2
        while true {
            let (lineEnd, next) = rest.lineEnd(from: lineStart)
            if isFence(rest[lineStart..<lineEnd]) {
                return .success(
                    SplitSource(
                        yaml: rest[yamlStart..<lineStart], body: rest[(next ?? lineEnd)...], bodyLineOffset: line))
            }
            guard let next else { break }
            lineStart = next
            line += 1
        }
        return .failure(unclosed(file))
    }

    private static func unclosed(_ file: String) -> Diagnostic {
        .error(
            file, SourcePosition(line: 1, column: 1), "the front matter opened here is never closed",
            hint: "add a line with only '---' after the last front matter line")
    }

    /// Keys of Hugo, Zola and Jekyll front matter that mean one of ours, with what to write.
    static let otherToolsKeys: [String: (key: String, why: String)] = [
        "description": ("summary", "Hearth's cards, feeds and meta description use 'summary'"),
        "lastmod": ("updated", "Hearth calls the date of the last change 'updated'"),
        "modified": ("updated", "Hearth calls the date of the last change 'updated'"),
        "publishDate": ("date", "Hearth calls the publication date 'date'"),
        "pubDate": ("date", "Hearth calls the publication date 'date'"),
        "categories": ("tags", "Hearth has one list of free tags"),
        "keywords": ("tags", "Hearth has one list of free tags"),
        "taxonomies": ("tags", "write the tags at the top: tags: [a, b]"),
        "url": ("slug", "'slug' sets the last part of the page's URL; its section gives the rest"),
        "permalink": ("slug", "'slug' sets the last part of the page's URL; its section gives the rest"),
    ]

    /// Reads and checks front matter; problems go to `diagnostics`. `otherSections` are the section
    /// folders that site.yml's `types` leave out, for the hint of a type naming one.
    static func parse(
        _ yaml: Substring, file: String, isExercise: Bool, isListed: Bool = true, knownTypes: [String],
        otherSections: [String] = [], diagnostics: inout [Diagnostic]
    ) -> PageMeta {
        let reader = YAMLReader(file: file, lineOffset: 1, text: String(yaml))
        var meta = PageMeta()
        let pairs: [(key: Located<String>, value: Node)]
        switch reader.mapping() {
        case .success(let p): pairs = p
        case .failure(let d):
            diagnostics.append(d)
            return meta
        }
        func take<T>(_ result: Result<T, Diagnostic>) -> T? { result.value(reporting: &diagnostics) }
        var titleComment: (position: SourcePosition, text: Substring)?
        /// `title: Ten tips #1`: YAML reads `#1` as a comment and leaves it out. A `#` followed by a
        /// blank (`gentle  # gentle, moderate or deep`) is a comment as meant.
        func warnComment(_ comment: (position: SourcePosition, text: Substring), _ key: String, _ value: String) {
            guard let next = comment.text.dropFirst().first, next != " ", next != "\t" else { return }
            diagnostics.append(
                .warning(
                    file, comment.position, "'\(comment.text)' is a YAML comment, so it is left out of the \(key)",
                    hint: "write the \(key) in quotes to keep it: \(key): \"\(value) \(comment.text)\""))
        }
        func warnComment(_ node: Node, _ key: String, _ value: String) {
            if let comment = reader.trailingComment(node) { warnComment(comment, key, value) }
        }
        /// The items of a list key; an empty one (`""`, blank, `~` or a `-` alone) is left out, with a
        /// warning at it: it would show as an empty item, or name nothing.
        func entries(_ node: Node, _ key: String) -> [Located<String>]? {
            guard let list = take(reader.stringList(node, key: key)) else { return nil }
            return list.filter { item in
                let blank = item.value.allSatisfy(\.isWhitespace)
                if blank {
                    diagnostics.append(
                        .warning(
                            file, item.position, "an empty entry of '\(key)' is left out",
                            hint: "remove it from the list"))
                }
                return !blank
            }
        }
        func date(_ node: Node, _ key: String) -> SimpleDate? {
            guard let text = take(reader.string(node, key: key)) else { return nil }
            if let date = SimpleDate(text) { return date }
            // A date and time (`2024-01-15T10:00:00Z`, `2024-01-15 10:00`), as Hugo and Jekyll take:
            // the day is kept by writing it alone.
            let day = String(text.prefix(10))
            let hint =
                text.count > 10 && SimpleDate(day) != nil && [" ", "T", "t"].contains(text.dropFirst(10).first)
                ? "a page keeps the day only: write \(key): \(day)" : "e.g. \(key): 2025-03-14"
            diagnostics.append(
                .error(
                    file, reader.position(node), "'\(key)' must be a real date (YYYY-MM-DD), found '\(text)'",
                    hint: hint))
            return nil
        }
        var titlePosition: SourcePosition?
        var titleNotText = false
        var typesPosition: SourcePosition?
        var updatedPosition: SourcePosition?
        var typeProblems = false
        var seen: Set<String> = []
        for (key, value) in pairs {
            seen.insert(key.value)
            if reader.isNull(value), key.value != "title" {
                continue  // `key:` with nothing after it says nothing
            }
            switch key.value {
            case "title":
                titlePosition = reader.position(value)
                if let title = take(reader.string(value, key: "title")) {
                    // Most titles start and end with a visible ASCII character: nothing to trim.
                    if let first = title.utf8.first, let last = title.utf8.last, (0x21..<0x80).contains(first),
                        (0x21..<0x80).contains(last)
                    {
                        meta.title = title
                    } else {
                        meta.title = title.trimmingCharacters(in: .whitespaces)
                    }
                    titleComment = reader.trailingComment(value)
                } else {
                    titleNotText = true  // reported as such, not also as empty
                }
            case "summary":
                meta.summary = take(reader.string(value, key: "summary"))
                if let summary = meta.summary, !summary.isEmpty { warnComment(value, "summary", summary) }
            case "date": meta.date = date(value, "date")
            case "updated":
                meta.updated = date(value, "updated")
                updatedPosition = reader.position(value)
            case "draft":
                meta.draft = take(reader.bool(value, key: "draft")) ?? false
                if meta.draft, !isListed {
                    diagnostics.append(
                        .warning(
                            file, reader.position(value),
                            "'draft' is ignored here: the home page and sections are always built",
                            hint: "remove it; to leave a section out, leave out its folder"))
                }
            case "slug" where !isListed:
                diagnostics.append(
                    .warning(
                        file, reader.position(value),
                        "'slug' is ignored here: the home page is at the site's root, a section at its folder's name",
                        hint: "remove it, or rename the folder (and its entry in site.yml's types)"))
            case "weight": meta.weight = take(reader.integer(value, key: "weight"))
            case "slug":
                if let slug = take(reader.string(value, key: "slug")) {
                    if slug.isEmpty || slug.contains("/") || slug == "." || slug == ".." || slug.contains("\\") {
                        let example = Slug.make(slug.replacingOccurrences(of: "/", with: " "))
                        diagnostics.append(
                            .error(
                                file, reader.position(value), "'slug' must be one URL segment, found '\(slug)'",
                                hint: example.isEmpty
                                    ? "remove the line: without it, the file name gives the URL"
                                    : "e.g. slug: \(example)"))
                    } else if let bad = Slug.unsafeCharacter(in: slug) {
                        // A space, `?`, `#` or `%` would make a URL that names another page, or none.
                        let example = Slug.make(slug)
                        diagnostics.append(
                            .error(
                                file, reader.position(value),
                                "'slug' can hold letters, digits, '-', '_', '.' and '~', found '\(bad)' in '\(slug)'",
                                hint: example.isEmpty ? "e.g. slug: my-page" : "e.g. slug: \(example)"))
                    } else if slug.utf8.count > Slug.maxBytes {
                        diagnostics.append(
                            .error(
                                file, reader.position(value),
                                "'slug' is \(slug.utf8.count) bytes long: a folder name holds at most \(Slug.maxBytes)",
                                hint: "shorten it: a few words name a page best"))
                    } else {
                        meta.slug = Located(slug, at: reader.position(value))
                    }
                }
            case "aliases": meta.aliases = entries(value, "aliases")?.map(\.value) ?? []
            case "tags":
                // A tag's name is shown as written, white space folded (`"  self  care "` is
                // `self care`).
                let tags =
                    entries(value, "tags")?.map {
                        Located($0.value.collapsingWhitespace(), at: $0.position)
                    } ?? []
                for tag in tags {
                    let slug = Slug.make(tag.value)
                    if slug.isEmpty {
                        diagnostics.append(
                            .error(
                                file, tag.position, "tag '\(tag.value)' has no letter or digit to make its URL from",
                                hint: "each tag gets a page at /tags/<tag>/: use a word, e.g. tags: [self-care]"))
                    } else if slug.utf8.count > Slug.maxBytes {
                        diagnostics.append(
                            .error(
                                file, tag.position,
                                "tag '\(tag.value.prefix(40))…' makes a URL folder of more than \(Slug.maxBytes) bytes",
                                hint: "shorten it: a tag is a word or two"))
                    }
                }
                meta.tags = tags
            case "related": meta.related = entries(value, "related") ?? []
            case "types":
                typesPosition = reader.position(value)
                let list = entries(value, "types")
                typeProblems = list == nil
                for item in list ?? [] {
                    if knownTypes.contains(item.value) {
                        meta.types.append(item)
                    } else {
                        typeProblems = true
                        let near = Suggestions.closest(to: item.value, in: knownTypes).map { "did you mean '\($0)'? " }
                        let known =
                            item.value == "exercises"
                            ? "exercises is the section of exercise cards, not a topic: a card goes in content/exercises/, and its types are topics ("
                                + knownTypes.joined(separator: ", ") + ")"
                            : otherSections.contains(item.value)
                                ? "content/\(item.value)/ is a section but not a topic: add '\(item.value)' to types in content/site.yml"
                                : knownTypes.isEmpty
                                    ? "the site has no topic section yet: create content/\(item.value)/_index.md"
                                    : "the topic sections are: " + knownTypes.joined(separator: ", ")
                        diagnostics.append(
                            .error(file, item.position, "unknown type '\(item.value)'", hint: (near ?? "") + known))
                    }
                }
            case "duration" where isExercise:
                if let minutes = take(
                    reader.integer(value, key: "duration", hint: "write the minutes as a number, e.g. duration: 15"))
                {
                    if minutes > 0 {
                        meta.duration = minutes
                    } else {
                        diagnostics.append(
                            .error(file, reader.position(value), "'duration' must be more than 0 minutes"))
                    }
                }
            case "difficulty" where isExercise:
                meta.difficulty = choice(value, "difficulty", reader: reader, diagnostics: &diagnostics)
            case "who" where isExercise:
                meta.who = choice(value, "who", reader: reader, diagnostics: &diagnostics) ?? .couple
            case "materials" where isExercise:
                meta.materials = entries(value, "materials")?.map(\.value) ?? []
            case let key where exerciseKeys.contains(key):
                diagnostics.append(
                    .warning(
                        file, reader.position(value), "'\(key)' is only used by exercise cards and is ignored here",
                        hint: "exercise cards live in content/exercises/"))
            default:
                let known = pageKeys + (isExercise ? exerciseKeys : [])
                let hint =
                    otherToolsKeys[key.value].map {
                        "did you mean '\($0.key)'? \($0.why)"
                    } ?? Suggestions.closest(to: key.value, in: known).map { "did you mean '\($0)'?" }
                diagnostics.append(
                    Diagnostic(
                        .warning, file: file, at: key.position, "unknown front matter key '\(key.value)'",
                        hints: [hint ?? "known keys: \(known.joined(separator: ", "))"]))
            }
        }
        let start = SourcePosition(line: 1, column: 1)
        if let date = meta.date, let updated = meta.updated, updated < date {
            diagnostics.append(
                .warning(
                    file, updatedPosition, "'updated' (\(updated)) is before 'date' (\(date))",
                    hint: "a page is updated after it is published: check the year, or leave out 'updated'"))
        }
        if !seen.contains("title") {
            diagnostics.append(
                .error(file, start, "the front matter has no 'title'", hint: "add e.g. title: Listening first"))
        } else if meta.title.isEmpty, !titleNotText {
            // `title: #1 tip`: YAML reads a comment, and no title.
            let hint = titleComment.map {
                "'#' after a blank starts a YAML comment: write the title in quotes, title: \"\($0.text)\""
            }
            diagnostics.append(
                .error(file, titlePosition ?? start, "'title' is empty", hint: hint ?? "give the page a title"))
        } else if let comment = titleComment {
            warnComment(comment, "title", meta.title)
        }
        if isExercise {
            if !seen.contains("duration") {
                diagnostics.append(
                    .error(file, start, "an exercise card needs 'duration' (minutes)", hint: "add e.g. duration: 15"))
            }
            if !seen.contains("difficulty") {
                diagnostics.append(
                    .error(
                        file, start, "an exercise card needs 'difficulty'",
                        hint: "add difficulty: gentle, moderate or deep"))
            }
            if !seen.contains("types") {
                diagnostics.append(
                    .error(
                        file, start, "an exercise card needs 'types' (at least one)",
                        hint: "add e.g. types: [\(knownTypes.first ?? "emotional")]"))
            } else if meta.types.isEmpty, !typeProblems {
                diagnostics.append(
                    .error(
                        file, typesPosition ?? start, "an exercise card needs at least one type",
                        hint: "add e.g. types: [\(knownTypes.first ?? "emotional")]"))
            }
        }
        return meta
    }

    private static func choice<T: RawRepresentable & CaseIterable>(
        _ node: Node, _ key: String, reader: YAMLReader, diagnostics: inout [Diagnostic]
    ) -> T? where T.RawValue == String {
        let options = T.allCases.map(\.rawValue)
        if let text = node.scalar?.string, let value = T(rawValue: text.lowercased()) {
            return value
        }
        let found = node.scalar?.string ?? reader.describe(node)
        let near = node.scalar.flatMap { Suggestions.closest(to: $0.string, in: options) }
        diagnostics.append(
            .error(
                reader.file, reader.position(node),
                "'\(key)' must be \(options.dropLast().joined(separator: ", ")) or \(options.last ?? ""), found '\(found)'",
                hint: near.map { "did you mean '\($0)'?" }))
        return nil
    }
}
