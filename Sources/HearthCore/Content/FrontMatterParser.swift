import HearthMarkdown

/// Reads one file's front matter, key by key, into a `PageMeta`; every problem is collected.
struct FrontMatterParser {
    let reader: YAMLReader
    let isExercise: Bool
    let isListed: Bool
    let knownTypes: [String]
    let otherSections: [String]
    var meta = PageMeta()
    var diagnostics: [Diagnostic] = []
    fileprivate var seen: Set<String> = []
    fileprivate var titleComment: (position: SourcePosition, text: Substring)?
    fileprivate var titlePosition: SourcePosition?
    fileprivate var titleNotText = false
    fileprivate var typesPosition: SourcePosition?
    fileprivate var updatedPosition: SourcePosition?
    fileprivate var typeProblems = false

    init(reader: YAMLReader, isExercise: Bool, isListed: Bool, knownTypes: [String], otherSections: [String]) {
        self.reader = reader
        self.isExercise = isExercise
        self.isListed = isListed
        self.knownTypes = knownTypes
        self.otherSections = otherSections
    }

    fileprivate var file: String { reader.file }

    private mutating func take<T>(_ result: Result<T, Diagnostic>) -> T? { result.value(reporting: &diagnostics) }

    /// One `key: value` of the front matter.
    mutating func read(_ key: Located<String>, _ value: YAMLNode) {
        seen.insert(key.value)
        if reader.isNull(value), key.value != "title" {
            return  // `key:` with nothing after it says nothing
        }
        switch key.value {
        case "title": readTitle(value)
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
                        .draftIgnored, file, reader.position(value),
                        "'draft' is ignored here: the home page and sections are always built",
                        hint: "remove it; to leave a section out, leave out its folder"))
            }
        case "slug" where !isListed:
            diagnostics.append(
                .warning(
                    .slugIgnored, file, reader.position(value),
                    "'slug' is ignored here: the home page is at the site's root, a section at its folder's name",
                    hint: "remove it, or rename the folder (and its entry in site.yml's types)"))
        case "weight": meta.weight = take(reader.integer(value, key: "weight"))
        case "slug": readSlug(value)
        case "aliases": meta.aliases = entries(value, "aliases")?.map(\.value) ?? []
        case "tags": readTags(value)
        case "related": meta.related = entries(value, "related") ?? []
        case "keywords": meta.keywords = entries(value, "keywords")?.map(\.value) ?? []
        case "types": readTypes(value)
        case "duration" where isExercise: readDuration(value)
        case "difficulty" where isExercise:
            meta.difficulty = FrontMatter.choice(value, "difficulty", reader: reader, diagnostics: &diagnostics)
        case "who" where isExercise:
            meta.who = FrontMatter.choice(value, "who", reader: reader, diagnostics: &diagnostics) ?? .couple
        case "materials" where isExercise:
            meta.materials = entries(value, "materials")?.map(\.value) ?? []
        case "contentNote" where isExercise:
            meta.contentNote = take(reader.string(value, key: "contentNote"))
            if let note = meta.contentNote, note.lowercased().contains("trigger warning") {
                diagnostics.append(
                    .warning(
                        .contentNoteTriggerWarning, file, reader.position(value),
                        "a content note says what a card touches on, in plain words",
                        hint: "write what it touches on, e.g. contentNote: grief and loss"))
            }
        case let name where PageMeta.cardKeys.contains(name):
            diagnostics.append(
                .warning(
                    .cardKeyOnPage, file, reader.position(value),
                    "'\(name)' is only used by exercise cards and is ignored here",
                    hint: "exercise cards live in content/exercises/"))
        default: unknownKey(key)
        }
    }

    private mutating func readTitle(_ value: YAMLNode) {
        titlePosition = reader.position(value)
        guard let title = take(reader.string(value, key: "title")) else {
            titleNotText = true  // reported as such, not also as empty
            return
        }
        // Most titles start and end with a visible ASCII character: nothing to trim.
        if let first = title.utf8.first, let last = title.utf8.last, (0x21..<0x80).contains(first),
            (0x21..<0x80).contains(last)
        {
            meta.title = title
        } else {
            meta.title = title.trimmingCharacters(in: .whitespaces)
        }
        titleComment = reader.trailingComment(value)
    }

    private mutating func readSlug(_ value: YAMLNode) {
        guard let slug = take(reader.string(value, key: "slug")) else { return }
        let position = reader.position(value)
        if slug.isEmpty || slug.contains("/") || slug == "." || slug == ".." || slug.contains("\\") {
            let example = Slug.make(slug.replacingOccurrences(of: "/", with: " "))
            diagnostics.append(
                .error(
                    .slugNotOneSegment, file, position, "'slug' must be one URL segment, found '\(slug)'",
                    hint: example.isEmpty
                        ? "remove the line: without it, the file name gives the URL" : "e.g. slug: \(example)"))
        } else if let bad = Slug.unsafeCharacter(in: slug) {
            // A space, `?`, `#` or `%` would make a URL that names another page, or none.
            let example = Slug.make(slug)
            diagnostics.append(
                .error(
                    .slugUnsafeCharacter, file, position,
                    "'slug' can hold letters, digits, '-', '_', '.' and '~', found '\(bad)' in '\(slug)'",
                    hint: example.isEmpty ? "e.g. slug: my-page" : "e.g. slug: \(example)"))
        } else if slug.utf8.count > Slug.maxBytes {
            diagnostics.append(
                .error(
                    .slugTooLong, file, position,
                    "'slug' is \(slug.utf8.count) bytes long: a folder name holds at most \(Slug.maxBytes)",
                    hint: "shorten it: a few words name a page best"))
        } else {
            meta.slug = Located(slug, at: position)
        }
    }

    private mutating func readTags(_ value: YAMLNode) {
        // A tag's name is shown as written, white space folded (`"  self  care "` is `self care`).
        let tags = entries(value, "tags")?.map { Located($0.value.collapsingWhitespace(), at: $0.position) } ?? []
        for tag in tags {
            let slug = Slug.make(tag.value)
            if slug.isEmpty {
                diagnostics.append(
                    .error(
                        .tagMakesNoURL, file, tag.position,
                        "tag '\(tag.value)' has no letter or digit to make its URL from",
                        hint: "each tag gets a page at /tags/<tag>/: use a word, e.g. tags: [self-care]"))
            } else if slug.utf8.count > Slug.maxBytes {
                diagnostics.append(
                    .error(
                        .tagTooLong, file, tag.position,
                        "tag '\(tag.value.prefix(40))…' makes a URL folder of more than \(Slug.maxBytes) bytes",
                        hint: "shorten it: a tag is a word or two"))
            }
        }
        meta.tags = tags
    }

    private mutating func readTypes(_ value: YAMLNode) {
        typesPosition = reader.position(value)
        let list = entries(value, "types")
        typeProblems = list == nil
        for item in list ?? [] {
            if knownTypes.contains(item.value) {
                meta.types.append(item)
                continue
            }
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
                .error(.unknownType, file, item.position, "unknown type '\(item.value)'", hint: (near ?? "") + known))
        }
    }

    private mutating func readDuration(_ value: YAMLNode) {
        guard
            let minutes = take(
                reader.integer(value, key: "duration", hint: "write the minutes as a number, e.g. duration: 15"))
        else { return }
        if minutes > 0 {
            meta.duration = minutes
            meta.durationPosition = reader.position(value)
        } else {
            diagnostics.append(
                .error(.durationNotPositive, file, reader.position(value), "'duration' must be more than 0 minutes"))
        }
    }

    private mutating func unknownKey(_ key: Located<String>) {
        let known = PageMeta.pageKeys + (isExercise ? PageMeta.cardKeys : [])
        let hint =
            FrontMatter.otherToolsKeys[key.value].map { "did you mean '\($0.key)'? \($0.why)" }
            ?? Suggestions.closest(to: key.value, in: known).map { "did you mean '\($0)'?" }
        diagnostics.append(
            Diagnostic(
                .warning, .unknownFrontMatterKey, file: file, at: key.position,
                "unknown front matter key '\(key.value)'",
                hints: [hint ?? "known keys: \(known.joined(separator: ", "))"]))
    }

    /// `title: Ten tips #1`: YAML reads `#1` as a comment and leaves it out. A `#` followed by a
    /// blank (`gentle  # gentle, moderate or deep`) is a comment as meant.
    fileprivate mutating func warnComment(
        _ comment: (position: SourcePosition, text: Substring), _ key: String, _ value: String
    ) {
        guard let next = comment.text.dropFirst().first, next != " ", next != "\t" else { return }
        diagnostics.append(
            .warning(
                .valueCutByComment, file, comment.position,
                "'\(comment.text)' is a YAML comment, so it is left out of the \(key)",
                hint: "write the \(key) in quotes to keep it: \(key): \"\(value) \(comment.text)\""))
    }

    private mutating func warnComment(_ node: YAMLNode, _ key: String, _ value: String) {
        if let comment = reader.trailingComment(node) { warnComment(comment, key, value) }
    }

    /// The items of a list key; an empty one (`""`, blank, `~` or a `-` alone) is left out, with a
    /// warning at it: it would show as an empty item, or name nothing.
    private mutating func entries(_ node: YAMLNode, _ key: String) -> [Located<String>]? {
        guard let list = take(reader.stringList(node, key: key)) else { return nil }
        var kept: [Located<String>] = []
        for item in list {
            if item.value.allSatisfy(\.isWhitespace) {
                diagnostics.append(
                    .warning(
                        .emptyListEntry, file, item.position, "an empty entry of '\(key)' is left out",
                        hint: "remove it from the list"))
            } else {
                kept.append(item)
            }
        }
        return kept
    }

    private mutating func date(_ node: YAMLNode, _ key: String) -> SimpleDate? {
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
                .invalidDate, file, reader.position(node), "'\(key)' must be a real date (YYYY-MM-DD), found '\(text)'",
                hint: hint))
        return nil
    }
}

extension FrontMatterParser {
    /// What the keys say together: a missing title or card field, `updated` before `date`.
    mutating func finish() {
        let start = SourcePosition(line: 1, column: 1)
        if let date = meta.date, let updated = meta.updated, updated < date {
            diagnostics.append(
                .warning(
                    .updatedBeforeDate, file, updatedPosition, "'updated' (\(updated)) is before 'date' (\(date))",
                    hint: "a page is updated after it is published: check the year, or leave out 'updated'"))
        }
        if !seen.contains("title") {
            diagnostics.append(
                .error(
                    .titleMissing, file, start, "the front matter has no 'title'",
                    hint: "add e.g. title: Listening first"))
        } else if meta.title.isEmpty, !titleNotText {
            // `title: #1 tip`: YAML reads a comment, and no title.
            let hint = titleComment.map {
                "'#' after a blank starts a YAML comment: write the title in quotes, title: \"\($0.text)\""
            }
            diagnostics.append(
                .error(
                    .titleEmpty, file, titlePosition ?? start, "'title' is empty",
                    hint: hint ?? "give the page a title"))
        } else if let comment = titleComment {
            warnComment(comment, "title", meta.title)
        }
        if isExercise { checkCardFields(start) }
    }

    private mutating func checkCardFields(_ start: SourcePosition) {
        if !seen.contains("duration") {
            diagnostics.append(
                .error(
                    .cardFieldMissing, file, start, "an exercise card needs 'duration' (minutes)",
                    hint: "add e.g. duration: 15"))
        }
        if !seen.contains("difficulty") {
            diagnostics.append(
                .error(
                    .cardFieldMissing, file, start, "an exercise card needs 'difficulty'",
                    hint: "add difficulty: gentle, moderate or deep"))
        }
        let example = "add e.g. types: [\(knownTypes.first ?? "emotional")]"
        if !seen.contains("types") {
            diagnostics.append(
                .error(.cardFieldMissing, file, start, "an exercise card needs 'types' (at least one)", hint: example))
        } else if meta.types.isEmpty, !typeProblems {
            diagnostics.append(
                .error(
                    .cardFieldMissing, file, typesPosition ?? start, "an exercise card needs at least one type",
                    hint: example))
        }
    }
}
