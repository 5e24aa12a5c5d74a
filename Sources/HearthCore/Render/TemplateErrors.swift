import HearthMarkdown
import HearthTemplates

/// Turns HearthTemplates' errors into what a theme author can act on: which tag is wrong, where it
/// is, what to write instead, and the code to look it up by (H3xx).
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

    /// What to tell the author of a template error found when loading the theme.
    static func diagnostic(_ error: TemplateError) -> Diagnostic {
        var hints: [String] = error.hint.map { [$0] } ?? []
        if case .unknownName(let name, let written, let inScope) = error.kind {
            if let other = otherToolsName(written.split(separator: ".")) {
                hints.append(other)
            } else if let close = Suggestions.closest(to: name, in: inScope) {
                hints.append("did you mean '\(close)'?")
            }
            if !inScope.isEmpty {
                hints.append("the names here: " + inScope.joined(separator: ", ") + " (docs/templates.md)")
            }
        }
        return Diagnostic(
            .error, code(error.kind), file: error.file, line: error.line, column: error.column, error.message,
            hints: hints)
    }

    /// The code of each kind of template error: the same problem Hearth finds before compiling
    /// (`no template named`, `includes itself`) has the same code.
    static func code(_ kind: TemplateError.Kind) -> DiagnosticCode {
        switch kind {
        case .syntax(let syntax):
            switch syntax {
            case .sectionNotClosed: .templateSectionNotClosed
            case .closeWithoutOpen: .templateCloseWithoutOpen
            case .closeMismatch: .templateCloseMismatch
            case .tagNotClosed: .templateTagNotClosed
            case .invalidName: .templateInvalidName
            case .invalidTemplateName: .templateInvalidPartialName
            case .notABlockInParent: .templateNotABlockInParent
            case .invalidDelimiters: .templateInvalidDelimiters
            case .functionCall: .templateFunctionCall
            case .pragma: .templatePragma
            case .dynamicName: .templateDynamicPartial
            }
        case .unknownName: .templateUnknownName
        case .missingTemplate: .noTemplateNamed
        case .cycle: .templateIncludesItself
        }
    }

    /// Every name Hearth's contexts answer, for recognising names other tools spell differently.
    static let knownNames: Set<String> = Set(
        [
            LinkView.fields.schema, BadgeView.fields.schema, TocItem.fields.schema, CardView.fields.schema,
            SiteView.fields.schema, PageContext.fields.schema, PathPlaceView.fields.schema,
        ].flatMap(\.fieldNames))

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
            guard let name = rest.first, SiteView.fields.schema.fieldNames.contains(name) else { return nil }
            return "write 'site.\(rest.joined(separator: "."))' instead: the site's values are under 'site.'"
        default:
            return nil
        }
    }

    /// `Title` as `title`: Hugo capitalises the names Hearth writes in lower camel case.
    private static func lowercasedFirst(_ name: Substring) -> String {
        (name.first.map { $0.lowercased() } ?? "") + name.dropFirst()
    }

    /// The values that hold HTML made by Hearth (a page's rendered Markdown, a card, a card's
    /// sections), for `{{{ }}}`; matched on the last part of a name (`sections.steps.body`).
    static let htmlNames: Set<String> = ["content", "html", "body", "intro"]

    /// Warnings for HTML printed with `{{ }}`, which escapes it: the page would show its tags as text.
    static func escapedHTML(file: String, text: String) -> [Diagnostic] {
        tags(in: text).tags.compactMap { tag in
            guard tag.sigil == nil, let last = tag.name.split(separator: ".").last, htmlNames.contains(String(last))
            else { return nil }
            return .warning(
                .htmlEscaped, file, tag.position,
                "'\(tag.name)' is HTML: {{\(tag.name)}} escapes it, so its tags show as text",
                hint: "write {{{\(tag.name)}}} (three braces) to print it as HTML")
        }
    }
}
