import HearthMarkdown
import Mustache

/// Turns swift-mustache's parser errors (`expectedSectionEnd` at the end of the file) into what a
/// theme author can act on: which tag is wrong, where it is, and what to write instead.
enum TemplateErrors {
    /// One `{{...}}` tag of a template: its sigil (`#`, `^`, `/`, `$`, `<`, `>`, `!`, `&`, `{` or
    /// nil for a plain variable), its name and where it starts.
    struct Tag {
        var sigil: Character?
        var name: String
        var position: SourcePosition
    }

    /// The tags of a template written with the default `{{ }}` delimiters (none once it changes
    /// them with `{{=<% %>=}}`), or the place of a tag that is never closed.
    static func tags(in text: String) -> (tags: [Tag], unclosed: SourcePosition?) {
        var tags: [Tag] = []
        for (index, line) in text.textLines.enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let position = SourcePosition(
                    line: index + 1, column: line.distance(from: line.startIndex, to: open.lowerBound) + 1)
                var inside = rest[open.upperBound...]
                let sigil = inside.first.flatMap { "#^/$<>!&{=%".contains($0) ? $0 : nil }
                if sigil == "=" { return ([], nil) }  // other delimiters: not followed here
                if sigil != nil { inside = inside.dropFirst() }
                let closing = sigil == "{" ? "}}}" : "}}"
                guard let close = inside.range(of: closing) else {
                    // A comment may run over several lines; anything else is unclosed.
                    if sigil == "!" { break }
                    return (tags, position)
                }
                let name = inside[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                tags.append(Tag(sigil: sigil, name: name, position: position))
                rest = inside[close.upperBound...]
            }
        }
        return (tags, nil)
    }

    /// What to tell the author about a template that does not parse.
    static func diagnostic(file: String, text: String, error: MustacheTemplate.ParserError, pragmaLength: Int)
        -> Diagnostic
    {
        let reported = SourcePosition(
            line: error.context.lineNumber,
            column: max(1, error.context.columnNumber - (error.context.lineNumber == 1 ? pragmaLength : 0)))
        let (tags, unclosed) = tags(in: text)
        if let unclosed {
            return .error(file, unclosed, "this tag is not closed", hint: "end it with }} ({{{name}}} with }}})")
        }
        // The sections, as the parser pairs them.
        var open: [Tag] = []
        for tag in tags {
            switch tag.sigil {
            case "#", "^", "$", "<":
                open.append(tag)
            case "/":
                guard let last = open.last else {
                    return .error(
                        file, tag.position, "{{/\(tag.name)}} closes a section that was never opened",
                        hint: "remove it, or open the section before it with {{#\(tag.name)}}")
                }
                guard last.name == tag.name else {
                    return .error(
                        file, tag.position,
                        "{{/\(tag.name)}} does not close the open section {{\(last.sigil!)\(last.name)}}",
                        hint:
                            "close {{\(last.sigil!)\(last.name)}} (line \(last.position.line)) first with {{/\(last.name)}}"
                    )
                }
                open.removeLast()
            default:
                break
            }
        }
        if let last = open.last {
            return .error(
                file, last.position, "{{\(last.sigil!)\(last.name)}} is never closed",
                hint: "close it with {{/\(last.name)}} where the section ends")
        }
        return .error(
            file, reported, "template syntax error: \(error.error)",
            hint: "see the Mustache manual: https://mustache.github.io/mustache.5.html")
    }

    /// Every name Hearth's contexts answer: a template naming anything else prints nothing there.
    static let knownNames: Set<String> = Set(
        LinkView.names + BadgeView.names + TocItem.names + CardView.names + SiteView.names + PageContext.names
            + PathPlaceView.names)

    /// What to write for a name as Zola or Hugo templates spell it (`page.title`, `config.title`,
    /// `Site.Title`), when the rest of it is a name Hearth has; nil otherwise.
    static func otherToolsName(_ parts: [Substring]) -> String? {
        guard parts.count > 1, let first = parts.first else { return nil }
        let rest = parts.dropFirst().map { knownNames.contains(String($0)) ? String($0) : lowercasedFirst($0) }
        guard rest.allSatisfy(knownNames.contains) else { return nil }
        switch first {
        case "page", "Page":
            return "write '\(rest.joined(separator: "."))' instead: a page's own values have no 'page.' in front"
        case "config", "Site", "site":
            guard let name = rest.first, SiteView.names.contains(name) else { return nil }
            return "write 'site.\(rest.joined(separator: "."))' instead: the site's values are under 'site.'"
        default:
            return nil
        }
    }

    /// `Title` as `title`: Hugo capitalises the names Hearth writes in lower camel case.
    private static func lowercasedFirst(_ name: Substring) -> String {
        (name.first.map { $0.lowercased() } ?? "") + name.dropFirst()
    }

    /// Warnings for the names of a template that no context has (`{{titel}}`), and, in a site
    /// partial, for names other than `site`'s outside any section (it sees nothing else).
    /// The values that hold HTML made by Hearth (a page's rendered Markdown, a card), for `{{{ }}}`.
    static let htmlNames: Set<String> = ["content", "html"]

    static func unknownNames(file: String, text: String, isSitePartial: Bool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var depth = 0
        for tag in tags(in: text).tags {
            switch tag.sigil {
            case "/":
                depth = max(0, depth - 1)
                continue
            case nil, "&", "{", "#", "^":
                break
            default:
                continue
            }
            defer { if tag.sigil == "#" || tag.sigil == "^" { depth += 1 } }
            // `{{uppercased(title)}}`: the name is inside the transforms' brackets; `{{index()}}` has none.
            var name = Substring(tag.name)
            if let open = name.lastIndex(of: "(") { name = name[name.index(after: open)...].prefix { $0 != ")" } }
            let parts = name.split(separator: ".")
            guard name != ".", let first = parts.first else { continue }
            if let unknown = parts.first(where: { !knownNames.contains(String($0)) }) {
                let hint =
                    otherToolsName(parts)
                    ?? Suggestions.closest(to: String(unknown), in: knownNames).map { "did you mean '\($0)'?" }
                diagnostics.append(
                    .warning(
                        file, tag.position, "no page has a value named '\(unknown)': {{\(tag.name)}} prints nothing",
                        hint: hint ?? "the names are listed in docs/templates.md"))
            } else if tag.sigil == nil, parts.count == 1, htmlNames.contains(String(first)) {
                // Rendered HTML, escaped again: the page would show its tags as text.
                diagnostics.append(
                    .warning(
                        file, tag.position, "'\(first)' is HTML: {{\(tag.name)}} escapes it, so its tags show as text",
                        hint: "write {{{\(tag.name)}}} (three braces) to print it as HTML"))
            } else if isSitePartial, depth == 0, first != "site" {
                diagnostics.append(
                    .warning(
                        file, tag.position, "a site partial sees only site: {{\(tag.name)}} prints nothing here",
                        hint: "use site's values (site.title), or move this into a template of the page"))
            }
        }
        return diagnostics
    }
}
