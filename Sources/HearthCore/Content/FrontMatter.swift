import HearthMarkdown
import HearthTemplates

public enum Difficulty: String, Sendable, CaseIterable { case gentle, moderate, deep }
public enum Who: String, Sendable, CaseIterable { case couple, solo, group }

/// What a page's front matter says, checked. Each key is declared here once, with its mark
/// (`FrontMatterKeys.swift`); its parsing is its line in `FrontMatterParser.read`.
@FrontMatterFields(shownBy: .otherPages)
public struct PageMeta: Sendable, Equatable {
    @Key public var title = ""
    @Key(markdown: true) public var summary: String?
    @Key public var date: SimpleDate?
    @Key public var updated: SimpleDate?
    @Key public var draft = false
    @Key public var weight: Int?
    @Key public var slug: Located<String>?
    @Key public var aliases: [String] = []
    @Key public var types: [Located<String>] = []
    @Key public var tags: [Located<String>] = []
    @Key public var related: [Located<String>] = []
    /// Words for which search ranks the page first (content format v3).
    @Key public var keywords: [String] = []
    // A card's sections are checked against its difficulty, its step timers against its duration.
    @CardKey(template: true, markdown: true) public var duration: Int?
    /// Where `duration` is written, for problems that concern it.
    @Derived(markdown: true) public var durationPosition: SourcePosition?
    @CardKey(template: true, markdown: true) public var difficulty: Difficulty?
    @CardKey(template: true) public var who: Who = .couple
    @CardKey(template: true) public var materials: [String] = []
    /// What a card touches on, shown before it is started (content format v3).
    @CardKey(template: true) public var contentNote: String?

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
                    .fileEmpty, file, SourcePosition(line: 1, column: 1), "the file is empty",
                    hint: "start it with front matter:\n---\ntitle: A title\n---"))
        }
        let first = rest.lineEnd(from: rest.startIndex)
        guard isFence(rest[rest.startIndex..<first.end]) else {
            if rest[rest.startIndex..<first.end].trimmingCharacters(in: .whitespaces) == "+++" {
                return .failure(
                    .error(
                        .tomlFrontMatter, file, SourcePosition(line: 1, column: 1),
                        "front matter between '+++' lines (TOML, as Hugo reads it) is not read here",
                        hint: "write it in YAML: both '+++' lines become '---', and 'title = \"…\"' becomes 'title: …'"
                    ))
            }
            return .failure(
                .error(
                    .frontMatterMissing, file, SourcePosition(line: 1, column: 1),
                    "the file does not start with front matter",
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
            .frontMatterNotClosed, file, SourcePosition(line: 1, column: 1),
            "the front matter opened here is never closed",
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
        switch reader.mapping() {
        case .success(let pairs):
            var parser = FrontMatterParser(
                reader: reader, isExercise: isExercise, isListed: isListed, knownTypes: knownTypes,
                otherSections: otherSections)
            for (key, value) in pairs { parser.read(key, value) }
            parser.finish()
            diagnostics += parser.diagnostics
            return parser.meta
        case .failure(let d):
            diagnostics.append(d)
            return PageMeta()
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, _ key: String, reader: YAMLReader, diagnostics: inout [Diagnostic]
    ) -> T? where T.RawValue == String {
        let options = T.allCases.map(\.rawValue)
        if let text = node.scalar?.string, let value = T(rawValue: text.lowercased()) {
            return value
        }
        let found = node.scalar?.string ?? reader.describe(node)
        let near = node.scalar.flatMap { Suggestions.closest(to: $0.string, in: options) }
        diagnostics.append(
            .error(
                .valueNotAChoice, reader.file, reader.position(node),
                "'\(key)' must be \(options.dropLast().joined(separator: ", ")) or \(options.last ?? ""), found '\(found)'",
                hint: near.map { "did you mean '\($0)'?" }))
        return nil
    }
}
